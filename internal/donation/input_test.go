package donation_test

import (
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
