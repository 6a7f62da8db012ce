// Package cycletool holds the working tools of the development cycle's
// stages: the stage 1 funding table, the stage 2 asset inventory and the
// reviews and decisions of stages 4 to 7.
package cycletool

import (
	"errors"
	"math"
	"strings"
)

// Errors of ParseRupiah; each has an i18n key in ErrKey.
var (
	ErrAmountEmpty    = errors.New("cycletool: empty amount")
	ErrAmountNegative = errors.New("cycletool: negative amount")
	ErrAmountDecimal  = errors.New("cycletool: amount with decimals")
	ErrAmountInvalid  = errors.New("cycletool: not an amount")
	ErrAmountTooLarge = errors.New("cycletool: amount too large")
)

// MaxAmount is the largest amount accepted: a thousand trillion rupiah,
// far above any budget, far below int64 overflow in sums of a few rows.
const MaxAmount = 1_000_000_000_000_000

// ParseRupiah reads a rupiah amount as people type it: "1.500.000",
// "1500000", "Rp1.500.000", "Rp 1.500.000" or "1 500 000". Dots (and
// spaces) group thousands in Indonesian, so "1.500" is fifteen hundred;
// a comma starts decimals, which rupiah amounts do not have, unless the
// decimals are only zeros ("1.500,00").
func ParseRupiah(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, ErrAmountEmpty
	}
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") {
		return 0, ErrAmountNegative
	}
	lower := strings.ToLower(s)
	if strings.HasPrefix(lower, "rp") {
		s = strings.TrimSpace(strings.TrimPrefix(s[2:], "."))
		if strings.HasPrefix(s, "-") {
			return 0, ErrAmountNegative
		}
	}
	if whole, frac, ok := strings.Cut(s, ","); ok {
		if frac == "" || strings.Trim(frac, "0") != "" || strings.ContainsAny(frac, ".,") {
			return 0, ErrAmountDecimal
		}
		s = whole
	}
	return parseGrouped(s)
}

// parseGrouped reads digits optionally grouped in threes by dots or by
// spaces (not both); a dot followed by other than three digits at the end
// is read as a decimal point.
func parseGrouped(s string) (int64, error) {
	sep := ""
	switch {
	case strings.Contains(s, ".") && strings.Contains(s, " "):
		return 0, ErrAmountInvalid
	case strings.Contains(s, "."):
		sep = "."
	case strings.Contains(s, " "):
		sep = " "
	}
	groups := []string{s}
	if sep != "" {
		groups = strings.Split(s, sep)
		last := groups[len(groups)-1]
		if sep == "." && len(last) < 3 && allDigits(last) && allDigits(strings.Join(groups[:len(groups)-1], "")) {
			return 0, ErrAmountDecimal
		}
		for i, g := range groups {
			if (i == 0 && (len(g) == 0 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return 0, ErrAmountInvalid
			}
		}
	}
	var n int64
	for _, g := range groups {
		if !allDigits(g) {
			return 0, ErrAmountInvalid
		}
		for _, r := range g {
			if n > (math.MaxInt64-9)/10 {
				return 0, ErrAmountTooLarge
			}
			n = n*10 + int64(r-'0')
		}
	}
	if n > MaxAmount {
		return 0, ErrAmountTooLarge
	}
	return n, nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// AmountErrKey is the i18n key describing a ParseRupiah error.
func AmountErrKey(err error) string {
	switch {
	case errors.Is(err, ErrAmountNegative):
		return "tools.err.amount_negative"
	case errors.Is(err, ErrAmountDecimal):
		return "tools.err.amount_decimal"
	case errors.Is(err, ErrAmountTooLarge):
		return "tools.err.amount_too_large"
	case errors.Is(err, ErrAmountEmpty):
		return "tools.err.amount_empty"
	}
	return "tools.err.amount_invalid"
}
