package account

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/crypto/argon2"
)

// argon2id parameters: OWASP's recommended 19 MiB, 2 passes, 1 lane,
// which a 512 MB server can afford while several people sign in (RFC
// 9106's 64 MiB option cost a small server 64 MB per sign-in). Hashes made
// with other parameters still check, and are remade with these at the
// next successful sign-in (NeedsRehash).
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

// hashing bounds how many argon2 computations run at once: each holds its
// whole memory cost, and a burst of sign-ins must queue rather than take
// the server's memory.
var hashing = make(chan struct{}, 2)

// deriveKey is argon2id under the bound on concurrent hashing.
func deriveKey(password string, salt []byte, passes, memory uint32, threads uint8, keyLen uint32) []byte {
	hashing <- struct{}{}
	defer func() { <-hashing }()
	return argon2.IDKey([]byte(password), salt, passes, memory, threads, keyLen)
}

// hashCost is the argon2id time and memory cost. Test binaries use a tiny
// memory cost: a hash records its own parameters, so checking works the
// same, while 64 MiB per test account would dominate the suite's time
// under the race detector.
func hashCost() (passes, memory uint32) {
	if testing.Testing() {
		return 1, 64
	}
	return argonTime, argonMemory
}

// HashPassword returns an encoded argon2id hash in the PHC string format.
func HashPassword(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	passes, memory := hashCost()
	return encodeHash(salt, passes, memory, argonThreads, deriveKey(password, salt, passes, memory, argonThreads, argonKeyLen)), nil
}

// encodeHash writes an argon2id hash in the PHC string format.
func encodeHash(salt []byte, passes, memory uint32, threads uint8, key []byte) string {
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version,
		memory, passes, threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// NeedsRehash reports whether encoded was made with parameters other than
// today's, so a successful sign-in should store a fresh hash.
func NeedsRehash(encoded string) bool {
	passes, memory := hashCost()
	return !strings.Contains(encoded, fmt.Sprintf("$m=%d,t=%d,p=%d$", memory, passes, argonThreads))
}

var errBadHash = errors.New("account: malformed password hash")

// CheckPassword reports whether password matches the encoded hash.
func CheckPassword(encoded, password string) (bool, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errBadHash
	}
	var version int
	var memory, passes uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil {
		return false, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &memory, &passes, &threads); err != nil {
		return false, errBadHash
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false, errBadHash
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil {
		return false, errBadHash
	}
	got := deriveKey(password, salt, passes, memory, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}
