package org

import (
	"regexp"
	"strconv"
	"strings"
)

// LegalForms lists the accepted legal forms, in the order forms offer them.
var LegalForms = []string{"yayasan", "perkumpulan", "komunitas", "serikat", "koperasi", "lainnya"}

// ValidLegalForm reports whether f is one of LegalForms.
func ValidLegalForm(f string) bool {
	for _, x := range LegalForms {
		if x == f {
			return true
		}
	}
	return false
}

// NeedsAkta reports whether a legal form is founded by notarial deed, so
// the akta number is required: yayasan, perkumpulan and koperasi are.
func NeedsAkta(form string) bool {
	return form == "yayasan" || form == "perkumpulan" || form == "koperasi"
}

// FocusIssues lists the focus-issue keys an organisation may choose; each
// has the i18n label "org.issue.<key>".
var FocusIssues = []string{
	"pendidikan", "kesehatan", "lingkungan", "sampah", "air_sanitasi", "pertanian_pangan",
	"ekonomi_perempuan", "disabilitas", "anak_remaja", "bantuan_hukum", "kebencanaan",
	"budaya", "tata_kelola", "energi",
}

// ValidFocusIssue reports whether key is one of FocusIssues.
func ValidFocusIssue(key string) bool {
	for _, x := range FocusIssues {
		if x == key {
			return true
		}
	}
	return false
}

// skAHUPattern is the Kemenkumham decree number, e.g.
// "AHU-0012345.AH.01.04.Tahun 2019", tolerant of spaces and case.
var skAHUPattern = regexp.MustCompile(`(?i)^AHU\s*-\s*([0-9]{1,10})\s*\.\s*AH\s*\.\s*([0-9]{2})\s*\.\s*([0-9]{2})\s*\.?\s*TAHUN\s*([0-9]{4})$`)

// ParseSKAHU checks an SK AHU number and returns it in its canonical
// spelling ("AHU-0012345.AH.01.04.Tahun 2019") with its year.
func ParseSKAHU(s string) (canonical string, year int, ok bool) {
	m := skAHUPattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", 0, false
	}
	year, _ = strconv.Atoi(m[4])
	return "AHU-" + m[1] + ".AH." + m[2] + "." + m[3] + ".Tahun " + m[4], year, true
}

// ParseNPWP checks a taxpayer number and returns its digits: 15 for the
// old format (99.999.999.9-999.999), 16 for the NIK-based one. Dots,
// hyphens and spaces are ignored wherever they are typed.
func ParseNPWP(s string) (digits string, ok bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '.' || r == '-' || r == ' ':
		default:
			return "", false
		}
		if b.Len() > 16 {
			return "", false
		}
	}
	d := b.String()
	if len(d) != 15 && len(d) != 16 {
		return "", false
	}
	return d, true
}

// FormatNPWP shows stored NPWP digits the way people write them: the old
// 15-digit number with its dots and hyphen, the 16-digit one as is.
func FormatNPWP(d string) string {
	if len(d) != 15 {
		return d
	}
	return d[0:2] + "." + d[2:5] + "." + d[5:8] + "." + d[8:9] + "-" + d[9:12] + "." + d[12:15]
}
