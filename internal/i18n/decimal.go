package i18n

import (
	"strconv"
	"strings"
)

// Decimal writes v with exactly places decimals as the language writes
// numbers: "77,08" in Indonesian, "77.08" in English. v is expected to be
// rounded already (the survey rounds exactly); this only formats it.
func Decimal(lang Lang, v float64, places int) string {
	s := strconv.FormatFloat(v, 'f', places, 64)
	if lang == EN {
		return s
	}
	return strings.Replace(s, ".", ",", 1)
}
