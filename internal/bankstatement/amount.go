package bankstatement

import (
	"fmt"
	"strings"
)

// parseAmount reads a non-negative amount as the banks print it:
// "287,490.00" (comma groups, dot decimals), "1.500.000,00" (the
// Indonesian way round), "1500000.00" or "1500000". When only one kind of
// mark appears once, three digits after it make it a thousands separator
// and fewer make it a decimal point. Rupiah are whole: decimals must be
// zeros. empty is true for "", "-" and "0"-less blanks.
func parseAmount(s string) (v int64, empty bool, err error) {
	sen, empty, err := parseSen(s)
	if err != nil || empty {
		return 0, empty, err
	}
	if sen%100 != 0 {
		return 0, false, fmt.Errorf("%w: %q", ErrSen, s)
	}
	return sen / 100, false, nil
}

// parseSen reads an amount like parseAmount but keeps its sen: balances
// and statement totals carry the sen of interest and fees, even where
// every transfer is whole rupiah. The result is in hundredths of a rupiah;
// a third decimal digit must be zero.
func parseSen(s string) (sen int64, empty bool, err error) {
	s = strings.ReplaceAll(cleanCell(s), " ", "")
	up := strings.ToUpper(s)
	switch {
	case strings.HasPrefix(up, "RP"):
		s = strings.TrimPrefix(s[2:], ".")
	case strings.HasPrefix(up, "IDR"):
		s = s[3:]
	}
	if s == "" || s == "-" {
		return 0, true, nil
	}
	whole, frac, err := splitDecimal(s)
	if err != nil {
		return 0, false, fmt.Errorf("%w: %q", err, s)
	}
	frac = strings.TrimRight(frac, "0")
	if len(frac) > 2 {
		return 0, false, fmt.Errorf("%w: %q", ErrSen, s)
	}
	var v int64
	for _, r := range whole {
		if r < '0' || r > '9' {
			return 0, false, fmt.Errorf("%w: %q", ErrAmount, s)
		}
		v = v*10 + int64(r-'0')
		if v > MaxAmount {
			return 0, false, fmt.Errorf("%w: %q too large", ErrAmount, s)
		}
	}
	frac += strings.Repeat("0", 2-len(frac))
	return v*100 + int64(frac[0]-'0')*10 + int64(frac[1]-'0'), false, nil
}

// splitDecimal separates the whole digits (grouping removed) from the
// decimal digits.
func splitDecimal(s string) (whole, frac string, err error) {
	dot, comma := strings.LastIndexByte(s, '.'), strings.LastIndexByte(s, ',')
	var group, dec byte
	switch {
	case dot >= 0 && comma >= 0:
		group, dec = ',', '.'
		if comma > dot {
			group, dec = '.', ','
		}
	case dot >= 0 || comma >= 0:
		mark := byte('.')
		if comma >= 0 {
			mark = ','
		}
		last := strings.LastIndexByte(s, mark)
		if strings.Count(s, string(mark)) > 1 || len(s)-last-1 == 3 {
			group = mark
		} else {
			dec = mark
		}
	}
	whole = s
	if dec != 0 {
		i := strings.LastIndexByte(s, dec)
		whole, frac = s[:i], s[i+1:]
		if frac == "" || !digits(frac) {
			return "", "", ErrAmount
		}
	}
	if group != 0 {
		parts := strings.Split(whole, string(group))
		for i, p := range parts {
			if (i == 0 && (p == "" || len(p) > 3)) || (i > 0 && len(p) != 3) || !digits(p) {
				return "", "", ErrAmount
			}
		}
		whole = strings.Join(parts, "")
	}
	if whole == "" && frac != "" { // MCM prints zero as ".00"
		whole = "0"
	}
	if !digits(whole) {
		return "", "", ErrAmount
	}
	return whole, frac, nil
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
