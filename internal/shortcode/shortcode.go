// Package shortcode draws the short public codes printed on posters and
// slips and typed by hand from them (a survey round's link, a recipient's
// confirmation code).
package shortcode

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"

	"lokadaya/internal/db"
)

// Alphabet leaves out letters and digits read alike (0/O, 1/I/L) so a code
// copied by hand is still right.
const Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// New returns a random code of n characters from Alphabet.
func New(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	for i := range b {
		b[i] = Alphabet[int(b[i])%len(Alphabet)]
	}
	return string(b)
}

// Free draws codes of n characters until one is not in table's column
// (almost always the first). table and column are constants of the
// caller, never user input.
func Free(ctx context.Context, q db.Querier, table, column string, n int) (string, error) {
	for {
		code := New(n)
		var taken int
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM `+table+` WHERE `+column+` = ?`, code).Scan(&taken); err != nil {
			return "", fmt.Errorf("shortcode: %s: %w", table, err)
		}
		if taken == 0 {
			return code, nil
		}
	}
}

// Normalize reads a code as people type it: spaces and dashes dropped and
// letters upper-cased.
func Normalize(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	return strings.NewReplacer(" ", "", "-", "").Replace(s)
}

// Valid reports whether s is a code of n characters from Alphabet.
func Valid(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune(Alphabet, rune(s[i])) {
			return false
		}
	}
	return true
}
