package complaint

import (
	"crypto/rand"
	"strings"
)

// codeAlphabet is Crockford's base 32: digits and capitals without I, L, O
// and U, so a code read aloud or copied from paper is not misheard.
const codeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// codeLen is the number of symbols: 40 random bits, more than enough
// against guessing behind the status page's rate limit.
const codeLen = 8

// NewCode returns a fresh tracking code such as "K7QM-4TXR".
func NewCode() string {
	b := make([]byte, codeLen)
	_, _ = rand.Read(b)
	out := make([]byte, 0, codeLen+1)
	for i, x := range b {
		if i == codeLen/2 {
			out = append(out, '-')
		}
		out = append(out, codeAlphabet[x&31])
	}
	return string(out)
}

// NormalizeCode turns what someone typed into the stored form: case,
// spaces and dashes do not matter, and I, L (one) and O (zero) are read as
// the digits they look like. It reports false when s cannot be a code.
func NormalizeCode(s string) (string, bool) {
	if len(s) > 32 {
		return "", false
	}
	var sym []byte
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == ' ' || r == '-':
			continue
		case r == 'I' || r == 'L':
			r = '1'
		case r == 'O':
			r = '0'
		}
		if r > 127 || strings.IndexByte(codeAlphabet, byte(r)) < 0 {
			return "", false
		}
		sym = append(sym, byte(r))
	}
	if len(sym) != codeLen {
		return "", false
	}
	return string(sym[:codeLen/2]) + "-" + string(sym[codeLen/2:]), true
}
