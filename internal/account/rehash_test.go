package account

import (
	"context"
	"crypto/rand"
	"strings"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// TestSignInRemakesOldHashes: an account whose hash was made with other
// argon2 parameters (the 64 MiB ones of earlier releases) still signs in,
// and its hash is then remade with today's, once.
func TestSignInRemakesOldHashes(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &Store{DB: d}
		u, err := s.Create(ctx, "lama@example.org", "Akun Lama", "", "sandi-lama-123")
		if err != nil {
			t.Fatal(err)
		}
		salt := make([]byte, 16)
		rand.Read(salt)
		old := encodeHash(salt, 3, 128, 2, deriveKey("sandi-lama-123", salt, 3, 128, 2, argonKeyLen))
		if !NeedsRehash(old) {
			t.Fatal("a hash with other parameters does not need remaking")
		}
		if _, err := d.Exec(ctx, `UPDATE users SET password_hash = ? WHERE id = ?`, old, u.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Authenticate(ctx, "lama@example.org", "salah"); err == nil {
			t.Fatal("wrong password accepted")
		}
		if got, _ := s.ByID(ctx, u.ID); got.PasswordHash != old {
			t.Fatal("a failed sign-in changed the hash")
		}
		if _, err := s.Authenticate(ctx, "lama@example.org", "sandi-lama-123"); err != nil {
			t.Fatalf("old hash: %v", err)
		}
		got, _ := s.ByID(ctx, u.ID)
		if got.PasswordHash == old || NeedsRehash(got.PasswordHash) || !strings.HasPrefix(got.PasswordHash, "$argon2id$") {
			t.Fatalf("hash after sign-in: %s", got.PasswordHash)
		}
		if _, err := s.Authenticate(ctx, "lama@example.org", "sandi-lama-123"); err != nil {
			t.Fatalf("remade hash: %v", err)
		}
		if again, _ := s.ByID(ctx, u.ID); again.PasswordHash != got.PasswordHash {
			t.Error("a current hash was remade again")
		}
	})
}
