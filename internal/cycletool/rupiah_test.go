package cycletool

import (
	"errors"
	"strconv"
	"testing"

	"lokadaya/internal/i18n"
)

func TestParseRupiah(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		err  error
	}{
		{"1500000", 1500000, nil},
		{"1.500.000", 1500000, nil},
		{"Rp1.500.000", 1500000, nil},
		{"Rp 1.500.000", 1500000, nil},
		{"rp. 1.500.000", 1500000, nil},
		{"1 500 000", 1500000, nil},
		{"1.500.000,00", 1500000, nil},
		{"0", 0, nil},
		{" 750 ", 750, nil},
		{"", 0, ErrAmountEmpty},
		{"-5", 0, ErrAmountNegative},
		{"Rp-5", 0, ErrAmountNegative},
		{"1.500,50", 0, ErrAmountDecimal},
		{"1500.5", 0, ErrAmountDecimal},
		{"1,5", 0, ErrAmountDecimal},
		{"1.50", 0, ErrAmountDecimal},
		{"1.5000", 0, ErrAmountInvalid},
		{"1..500", 0, ErrAmountInvalid},
		{"1.500 000", 0, ErrAmountInvalid},
		{"abc", 0, ErrAmountInvalid},
		{"Rp", 0, ErrAmountInvalid},
		{"1e6", 0, ErrAmountInvalid},
		{"99999999999999999999", 0, ErrAmountTooLarge},
		{"1.000.000.000.000.000.001", 0, ErrAmountTooLarge},
	}
	for _, tt := range tests {
		got, err := ParseRupiah(tt.in)
		if !errors.Is(err, tt.err) || got != tt.want {
			t.Errorf("ParseRupiah(%q) = %d, %v; want %d, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func FuzzParseRupiah(f *testing.F) {
	for _, s := range []string{"1.500.000", "Rp1.500.000", "-1", "1,5", "1 000", "9223372036854775807"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseRupiah(s)
		if err != nil {
			if n != 0 || AmountErrKey(err) == "" {
				t.Fatalf("error %v with value %d", err, n)
			}
			return
		}
		if n < 0 || n > MaxAmount {
			t.Fatalf("ParseRupiah(%q) = %d out of range", s, n)
		}
		// What the page shows must read back to the same amount.
		for _, shown := range []string{i18n.Rupiah(n), i18n.Number(n), strconv.FormatInt(n, 10)} {
			if back, err := ParseRupiah(shown); err != nil || back != n {
				t.Fatalf("round trip of %q: %d, %v", shown, back, err)
			}
		}
	})
}
