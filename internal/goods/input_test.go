package goods_test

import (
	"net/url"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"lokadaya/internal/goods"
)

func TestParseQuantity(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"12", 12, true},
		{" 12 ", 12, true},
		{"1.000", 1000, true},
		{"1,000", 1000, true},
		{"12.500.000", 12_500_000, true},
		{"0", 0, true},
		{"", 0, false},
		{"1,5", 0, false},
		{"1.50", 0, false},
		{"-3", 0, false},
		{"+3", 0, false},
		{"1000.000", 0, false},
		{".100", 0, false},
		{"100.", 0, false},
		{"dua", 0, false},
		{"1 000", 0, false},
		{"99999999999999", 0, false},
	}
	for _, tt := range tests {
		got, err := goods.ParseQuantity(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseQuantity(%q) = %d, %v", tt.in, got, err)
		}
	}
}

func TestFromForm(t *testing.T) {
	in := goods.FromForm(url.Values{"quantity": {" 1.200 "}, "delivery": {"jemput"}, "expected_on": {"2026-03-12"},
		"delivery_note": {" Sore hari "}, "name": {"  Siti   Aminah "}, "anonymous": {"1"}, "message": {" Semoga "},
		"email": {" Siti@Example.org "}, "phone": {"0812 3456 7890"}, "kabar": {"1"}, "token": {token(1)}})
	if errs := in.Check(today); len(errs) > 0 {
		t.Fatal(errs)
	}
	want := goods.Input{Quantity: 1200, QuantityRaw: "1.200", Delivery: "jemput", ExpectedOn: "2026-03-12",
		DeliveryNote: "Sore hari", Name: "Siti Aminah", Anonymous: true, Message: "Semoga", Email: "siti@example.org",
		Phone: "+6281234567890", Kabar: true, Lang: "id", Token: token(1)}
	if in != want {
		t.Errorf("got  %+v\nwant %+v", in, want)
	}
}

// FuzzFromForm feeds arbitrary form bodies to the parser and the checks:
// they never panic, and whatever passes is something the store can keep.
func FuzzFromForm(f *testing.F) {
	f.Add("quantity=3&delivery=antar&name=Siti&email=siti%40example.org&token=token-000000000001-abcdef")
	f.Add("quantity=1.000&delivery=ekspedisi&anonymous=1&phone=081234567890&expected_on=2026-04-01&token=" + token(2))
	f.Add("quantity=-1&delivery=jemput&name=%ff&email=x&kabar=on")
	f.Add("quantity=99999999999999999999&expected_on=2026-13-40")
	f.Fuzz(func(t *testing.T, body string) {
		form, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		in := goods.FromForm(form)
		if n, err := goods.ParseQuantity(in.QuantityRaw); err == nil && n != in.Quantity {
			t.Fatalf("quantity %d from %q", in.Quantity, in.QuantityRaw)
		}
		if errs := in.Check(today); len(errs) > 0 {
			return
		}
		if in.Quantity < 1 || in.Quantity > goods.MaxQuantity || !goods.ValidDelivery(in.Delivery) {
			t.Fatalf("accepted %+v", in)
		}
		if in.Email == "" && in.Phone == "" {
			t.Fatalf("accepted without a contact: %+v", in)
		}
		if !in.Anonymous && strings.TrimSpace(in.Name) == "" {
			t.Fatalf("accepted without a name: %+v", in)
		}
		for _, s := range []string{in.Name, in.Message, in.DeliveryNote} {
			if !utf8.ValidString(s) {
				t.Fatalf("accepted invalid text %q", s)
			}
		}
		if utf8.RuneCountInString(in.Name) > goods.MaxName || utf8.RuneCountInString(in.Message) > goods.MaxMessage {
			t.Fatalf("accepted long text")
		}
		if in.ExpectedOn != "" && (len(in.ExpectedOn) != 10 || in.ExpectedOn < today.Format(goods.DateLayout)) {
			t.Fatalf("accepted day %q", in.ExpectedOn)
		}
		if in.Phone != "" && !strings.HasPrefix(in.Phone, "+62") {
			t.Fatalf("phone not normalised: %q", in.Phone)
		}
	})
}

// FuzzParseQuantity checks that a quantity read back is the digits typed.
func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{"1", "1.000", "12,345,678", "1,5", "", "0001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := goods.ParseQuantity(s)
		if err != nil {
			return
		}
		digits := strings.NewReplacer(".", "", ",", "").Replace(strings.TrimSpace(s))
		want, perr := strconv.ParseInt(digits, 10, 64)
		if perr != nil || want != n || n < 0 {
			t.Fatalf("ParseQuantity(%q) = %d, digits %q", s, n, digits)
		}
	})
}
