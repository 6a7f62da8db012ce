package payment_test

import (
	"context"
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/payment"
	"lokadaya/internal/validate"
)

func TestNormalizeAccountNumber(t *testing.T) {
	tests := []struct {
		in, want string
		err      error
	}{
		{"1234567890", "1234567890", nil},
		{" 123 456 7890 ", "1234567890", nil},
		{"123-456.7890", "1234567890", nil},
		{"123456", "123456", nil},
		{"12345678901234567890", "12345678901234567890", nil},
		{"", "", payment.ErrAccountEmpty},
		{"   ", "", payment.ErrAccountEmpty},
		{"12345", "", payment.ErrAccountLength},
		{"123456789012345678901", "", payment.ErrAccountLength},
		{"--..", "", payment.ErrAccountLength},
		{"12345a7890", "", payment.ErrAccountDigits},
		{"١٢٣٤٥٦٧", "", payment.ErrAccountDigits}, // Arabic-Indic digits are not bank digits
	}
	for _, tt := range tests {
		got, err := payment.NormalizeAccountNumber(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("NormalizeAccountNumber(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestAccountCheck(t *testing.T) {
	tests := []struct {
		name  string
		form  url.Values
		field string
		key   string
	}{
		{"ok", url.Values{"bank": {"bca"}, "account_number": {"123 456 7890"}, "account_name": {"Yayasan  Taman Baca"}}, "", ""},
		{"no bank", url.Values{"account_number": {"1234567890"}, "account_name": {"X"}}, "bank", "form.required"},
		{"unknown bank", url.Values{"bank": {"jago"}, "account_number": {"1234567890"}, "account_name": {"X"}}, "bank", "payment.err.bank"},
		{"letters", url.Values{"bank": {"bri"}, "account_number": {"12a4567890"}, "account_name": {"X"}}, "account_number", "payment.err.account_digits"},
		{"short", url.Values{"bank": {"bri"}, "account_number": {"12345"}, "account_name": {"X"}}, "account_number", "payment.err.account_length"},
		{"no number", url.Values{"bank": {"bri"}, "account_name": {"X"}}, "account_number", "form.required"},
		{"no name", url.Values{"bank": {"bsi"}, "account_number": {"1234567890"}}, "account_name", "form.required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := payment.AccountFromForm(tt.form)
			errs := in.Check()
			if tt.field == "" {
				if len(errs) > 0 {
					t.Fatalf("errors %v", errs)
				}
				if in.AccountNumber != "1234567890" || in.AccountName != "Yayasan Taman Baca" {
					t.Fatalf("not normalised: %+v", in)
				}
				return
			}
			if errs[tt.field] != tt.key {
				t.Fatalf("errors %v, want %s=%s", errs, tt.field, tt.key)
			}
		})
	}
}

func TestAccountsStore(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		s := &payment.Store{DB: d}
		in := payment.AccountInput{Bank: "bca", AccountNumber: "123-456-7890", AccountName: "Yayasan Taman Baca"}
		a, err := s.AddAccount(ctx, f.actor, f.orgID, in)
		if err != nil {
			t.Fatal(err)
		}
		if a.ID == 0 || a.AccountNumber != "1234567890" || !a.Active {
			t.Fatalf("added %+v", a)
		}
		// The same active account twice is refused, at another bank it is not.
		var errs validate.Errors
		if _, err := s.AddAccount(ctx, f.actor, f.orgID, in); !errors.As(err, &errs) || errs["account_number"] != "payment.err.account_duplicate" {
			t.Fatalf("duplicate: %v", err)
		}
		if _, err := s.AddAccount(ctx, f.actor, f.orgID, payment.AccountInput{Bank: "bni", AccountNumber: "1234567890", AccountName: "Yayasan"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddAccount(ctx, f.actor, f.orgID, payment.AccountInput{Bank: "bca", AccountNumber: "12", AccountName: "Y"}); !errors.As(err, &errs) {
			t.Fatalf("invalid: %v", err)
		}
		// Another organisation cannot deactivate it; its owner can, once.
		if err := s.DeactivateAccount(ctx, f.actor, f.otherOrg, a.ID); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("other org: %v", err)
		}
		if err := s.DeactivateAccount(ctx, f.actor, f.orgID, a.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.DeactivateAccount(ctx, f.actor, f.orgID, a.ID); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("twice: %v", err)
		}
		// Once inactive, the same account may be added again.
		if _, err := s.AddAccount(ctx, f.actor, f.orgID, in); err != nil {
			t.Fatal(err)
		}
		list, err := s.Accounts(ctx, f.orgID)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 3 || !list[0].Active || !list[1].Active || list[2].Active || list[2].ID != a.ID {
			t.Fatalf("list %+v", list)
		}
		if other, err := s.Accounts(ctx, f.otherOrg); err != nil || len(other) != 0 {
			t.Fatalf("other org accounts %v %v", other, err)
		}
		want := []string{"payment.account.added", "payment.account.added", "payment.account.deactivated", "payment.account.added"}
		if got := actions(t, d, f.orgID); !slices.Equal(got, want) {
			t.Fatalf("audit %v, want %v", got, want)
		}
	})
}

// FuzzAccountFromForm checks that whatever is typed, an accepted account
// number is 6–20 plain digits and normalising it again changes nothing.
func FuzzAccountFromForm(f *testing.F) {
	for _, s := range []string{"1234567890", " 123-456.7890 ", "12345", "", "١٢٣٤٥٦٧", "0000000000000000000000", "12 34\u00a056 78"} {
		f.Add("bca", s, "Yayasan")
	}
	f.Fuzz(func(t *testing.T, bank, number, name string) {
		in := payment.AccountFromForm(url.Values{"bank": {bank}, "account_number": {number}, "account_name": {name}})
		errs := in.Check()
		if _, bad := errs["account_number"]; bad {
			return
		}
		n := in.AccountNumber
		if len(n) < payment.MinAccountDigits || len(n) > payment.MaxAccountDigits {
			t.Fatalf("accepted %q from %q", n, number)
		}
		for _, r := range n {
			if r < '0' || r > '9' {
				t.Fatalf("accepted %q from %q", n, number)
			}
		}
		if again, err := payment.NormalizeAccountNumber(n); err != nil || again != n {
			t.Fatalf("not idempotent: %q -> %q, %v", n, again, err)
		}
	})
}

func TestNumberGroups(t *testing.T) {
	for _, tc := range []struct{ number, want string }{
		{"1234567890", "1234|5678|90"},
		{"12345678", "1234|5678"},
		{"123456", "1234|56"},
		{"123456789012345", "1234|5678|9012|345"},
	} {
		a := payment.BankAccount{AccountNumber: tc.number}
		if got := strings.Join(a.NumberGroups(), "|"); got != tc.want {
			t.Errorf("%s grouped %q, want %q", tc.number, got, tc.want)
		}
	}
}
