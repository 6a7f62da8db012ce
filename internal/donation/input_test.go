package donation_test

import (
	"net/url"
	"testing"

	"lokadaya/internal/donation"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"100000", 100000, true},
		{"100.000", 100000, true},
		{"Rp 100.000", 100000, true},
		{"Rp100,000", 100000, true},
		{"rp. 1.250.000", 1250000, true},
		{"25 000", 25000, true},
		{"", 0, false},
		{"100.000,50", 0, false},
		{"50.000,00", 50000, true},
		{"Rp 1.250.000,00", 1250000, true},
		{"1,000,00", 0, false},
		{",00", 0, false},
		{"1.5", 0, false},
		{"1000.000", 0, false},
		{"-5000", 0, false},
		{"abc", 0, false},
		{"99999999999999999999", 0, false},
	}
	for _, tt := range tests {
		got, err := donation.ParseAmount(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseAmount(%q) = %d, %v", tt.in, got, err)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"100000", "Rp 100.000", "1.000.000", "1,5", "", "Rp", "9223372036854775807"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := donation.ParseAmount(s)
		if err == nil && n < 0 {
			t.Fatalf("negative %d from %q", n, s)
		}
		if err != nil && n != 0 {
			t.Fatalf("value %d with error from %q", n, s)
		}
	})
}

// Each amount mistake is told as what it is.
func TestCheckAmountMessages(t *testing.T) {
	for _, tc := range []struct{ raw, want string }{
		{"", "form.required"},
		{"-5000", "tools.err.amount_negative"},
		{"−50.000", "tools.err.amount_negative"},
		{"seratus", "donation.err.amount"},
		{"5.000", "donation.err.minimum"},
		{"50.000,00", ""},
	} {
		in := donation.FromForm(url.Values{"amount_custom": {tc.raw}, "name": {"Siti"}})
		if got := in.Check(10_000, 100_000_000)["amount"]; got != tc.want {
			t.Errorf("%q: %q, want %q", tc.raw, got, tc.want)
		}
	}
}
