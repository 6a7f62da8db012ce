package qris

import (
	"fmt"
	"strconv"
	"strings"
)

// splitTLV cuts s into data objects: two digits of ID, two digits of length,
// then that many characters of value. Anything that does not fit exactly —
// a short header, a length running past the end — is an error, so trailing
// garbage cannot hide behind a valid prefix.
func splitTLV(s string) ([]Object, error) {
	if s == "" {
		return nil, fmt.Errorf("empty")
	}
	var objs []Object
	for i := 0; i < len(s); {
		if len(s)-i < 4 {
			return nil, fmt.Errorf("%d stray characters at %d", len(s)-i, i)
		}
		id, lenText := s[i:i+2], s[i+2:i+4]
		if !isDigits(id) || !isDigits(lenText) {
			return nil, fmt.Errorf("bad header %q at %d", s[i:i+4], i)
		}
		n, _ := strconv.Atoi(lenText)
		if n == 0 {
			// EMVCo data objects are never empty; a zero length is a sign of
			// a mangled copy rather than a value.
			return nil, fmt.Errorf("tag %s at %d is empty", id, i)
		}
		i += 4
		if n > len(s)-i {
			return nil, fmt.Errorf("tag %s at %d says %d characters, %d left", id, i-4, n, len(s)-i)
		}
		objs = append(objs, Object{ID: id, Value: s[i : i+n]})
		i += n
	}
	return objs, nil
}

// isDigits reports whether s is made only of ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// appendTLV writes one data object; values longer than 99 characters cannot
// be expressed in two length digits.
func appendTLV(b *strings.Builder, id, value string) error {
	if len(value) == 0 || len(value) > 99 {
		return newErr(ErrValueLength, "tag %s has %d characters", id, len(value))
	}
	fmt.Fprintf(b, "%s%02d%s", id, len(value), value)
	return nil
}
