package org

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug bounds.
const (
	slugMin = 3
	slugMax = 60
)

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// reservedSlugs are path segments under /organisasi that are pages, not
// organisations.
var reservedSlugs = map[string]bool{"baru": true, "new": true, "api": true, "admin": true}

// Slugify makes a URL name from an organisation's name: lower-case ASCII
// letters and digits joined by single hyphens. Accented letters lose their
// accents ("Pérempuan" → "perempuan"); anything else becomes a separator.
func Slugify(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(name) {
		if unicode.Is(unicode.Mn, r) {
			continue // a combining accent left by the decomposition
		}
		r = unicode.ToLower(r)
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			sep := dash && b.Len() > 0
			if b.Len()+1+btoi(sep) > slugMax {
				break
			}
			if sep {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	s := strings.Trim(b.String(), "-")
	if len(s) < slugMin {
		s = strings.Trim("oms-"+s, "-")
		if len(s) < slugMin {
			s = "oms"
		}
	}
	if reservedSlugs[s] {
		s = "oms-" + s
	}
	return s
}

// ValidSlug reports whether s may be used as an organisation's URL name.
func ValidSlug(s string) bool {
	return len(s) >= slugMin && len(s) <= slugMax && slugPattern.MatchString(s) && !reservedSlugs[s]
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
