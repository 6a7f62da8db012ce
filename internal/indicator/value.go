package indicator

import (
	"strconv"
	"strings"

	"lokadaya/internal/i18n"
)

// Value is a fixed decimal with two places, kept as whole hundredths:
// 12,5 is Value(1250). Sums and comparisons stay exact.
type Value int64

// maxValue keeps values far from int64 overflow when summed.
const maxValue = 10_000_000_000_000 // 10^13 units

// Whole is n whole units as a Value.
func Whole(n int64) Value { return Value(n * 100) }

// Float is v as a float, for drawing.
func (v Value) Float() float64 { return float64(v) / 100 }

// IsWhole reports whether v has no decimals.
func (v Value) IsWhole() bool { return v%100 == 0 }

// String writes v plainly, with a point and no grouping ("1234.5"), as
// the API and exports give it.
func (v Value) String() string {
	sign := ""
	n := int64(v)
	if n < 0 {
		sign, n = "-", -n
	}
	s := sign + strconv.FormatInt(n/100, 10)
	if frac := n % 100; frac != 0 {
		f := strconv.FormatInt(frac+100, 10)[1:]
		s += "." + strings.TrimRight(f, "0")
	}
	return s
}

// Format writes v as people of the language read it: "1.234,5" in
// Indonesian, "1,234.5" in English.
func (v Value) Format(lang i18n.Lang) string {
	plain := v.String()
	neg := strings.HasPrefix(plain, "-")
	plain = strings.TrimPrefix(plain, "-")
	whole, frac, _ := strings.Cut(plain, ".")
	n, _ := strconv.ParseInt(whole, 10, 64)
	grouped := i18n.Number(n)
	dec := ","
	if lang == i18n.EN {
		grouped, dec = strings.ReplaceAll(grouped, ".", ","), "."
	}
	if frac != "" {
		grouped += dec + frac
	}
	if neg {
		grouped = "-" + grouped
	}
	return grouped
}

// ParseValue reads a number typed by a person: digits, an optional minus,
// at most two decimals after a comma or a point, and dots or commas
// between groups of three digits ("1.250.000", "12,5", "1,234.56"). A
// separator followed by exactly three digits groups thousands; followed by
// one or two digits it marks the decimals. It returns false for anything
// else.
func ParseValue(s string) (Value, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return 0, false
	}
	whole, frac := s, ""
	if i := strings.LastIndexAny(s, ".,"); i >= 0 && len(s)-i-1 != 3 {
		whole, frac = s[:i], s[i+1:]
		if frac == "" || len(frac) > 2 || strings.Contains(whole, string(s[i])) {
			return 0, false
		}
	}
	groups := strings.FieldsFunc(whole, func(r rune) bool { return r == '.' || r == ',' })
	if len(groups) == 0 || strings.Join(groups, "") == "" {
		return 0, false
	}
	sep := ""
	if len(groups) > 1 {
		sep = string(whole[len(groups[0])])
		if whole != strings.Join(groups, sep) || len(groups[0]) > 3 {
			return 0, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false
			}
		}
	}
	digits := strings.Join(groups, "") + (frac + "00")[:2]
	for _, r := range digits {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	if len(digits) > 17 {
		return 0, false
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n > maxValue*100 {
		return 0, false
	}
	if neg {
		n = -n
	}
	return Value(n), true
}

// IsMoneyUnit reports whether a unit names rupiah.
func IsMoneyUnit(unit string) bool {
	u := strings.ToLower(strings.TrimSpace(unit))
	return u == "rp" || u == "rupiah" || u == "idr"
}
