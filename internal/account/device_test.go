package account_test

import (
	"context"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

func TestKnownDevices(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &account.Store{DB: d}
		u, err := s.Create(ctx, "rina@example.org", "Rina", "", "rahasia-panjang-1")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Create(ctx, "budi@example.org", "Budi", "", "rahasia-panjang-2"); err != nil {
			t.Fatal(err)
		}
		laptop, err := s.RememberDevice(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		expired, err := s.RememberDevice(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `UPDATE known_devices SET expires_at = ? WHERE hash = ?`,
			db.Now().AddDate(0, 0, -1), account.HashToken(expired)); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name, token, email string
			known              bool
		}{
			{"the laptop", laptop, "Rina@Example.org", true},
			{"for another account", laptop, "budi@example.org", false},
			{"expired", expired, "rina@example.org", false},
			{"made up", "bukan-token", "rina@example.org", false},
			{"no cookie", "", "rina@example.org", false},
		} {
			if known, err := s.KnownDevice(ctx, tc.token, tc.email); err != nil || known != tc.known {
				t.Errorf("%s: %v, %v; want %v", tc.name, known, err, tc.known)
			}
		}
		// A password reset forgets them all.
		tok, err := account.IssueToken(ctx, d, u.ID, account.PurposeReset, account.ResetTTL)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ResetPassword(ctx, tok, "rahasia-baru-panjang"); err != nil {
			t.Fatal(err)
		}
		if known, err := s.KnownDevice(ctx, laptop, "rina@example.org"); err != nil || known {
			t.Errorf("after a reset: %v, %v", known, err)
		}
	})
}
