package voice

import (
	"crypto/rand"
	"encoding/base64"
)

// newToken is a fresh one-time form token: a form sent twice (a double tap
// on a slow connection) is recorded once.
func newToken() string {
	b := make([]byte, 18)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}
