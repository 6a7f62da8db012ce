package account_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

func TestTokens(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &account.Store{DB: d}
		u, err := s.Create(ctx, "budi@example.org", "Budi", "", "rahasia-panjang-1")
		if err != nil {
			t.Fatal(err)
		}
		issue := func(purpose string, ttl time.Duration) string {
			tok, err := account.IssueToken(ctx, d, u.ID, purpose, ttl)
			if err != nil {
				t.Fatal(err)
			}
			return tok
		}
		first := issue(account.PurposeVerify, time.Hour)
		verify := issue(account.PurposeVerify, time.Hour) // replaces first
		expired := issue(account.PurposeReset, -time.Minute)
		for _, tc := range []struct {
			name, token, purpose string
			want                 error
		}{
			{"replaced", first, account.PurposeVerify, account.ErrTokenInvalid},
			{"wrong purpose", verify, account.PurposeReset, account.ErrTokenInvalid},
			{"expired", expired, account.PurposeReset, account.ErrTokenInvalid},
			{"unknown", "abc", account.PurposeVerify, account.ErrTokenInvalid},
			{"live", verify, account.PurposeVerify, nil},
		} {
			id, err := s.CheckToken(ctx, tc.token, tc.purpose)
			if !errors.Is(err, tc.want) || (err == nil && id != u.ID) {
				t.Errorf("%s: CheckToken = %d, %v", tc.name, id, err)
			}
		}
		if id, err := s.Verify(ctx, verify); err != nil || id != u.ID {
			t.Fatalf("Verify = %d, %v", id, err)
		}
		if _, err := s.Verify(ctx, verify); !errors.Is(err, account.ErrTokenInvalid) {
			t.Errorf("second use: %v", err)
		}
		got, _ := s.ByID(ctx, u.ID)
		if !got.Verified() {
			t.Error("not verified")
		}
	})
}

func TestResetPasswordEndsSessions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &account.Store{DB: d}
		u, _ := s.Create(ctx, "rina@example.org", "Rina", "", "sandi-lama-panjang")
		sess, _ := s.CreateSession(ctx, u.ID, "hp")
		tok, err := account.IssueToken(ctx, d, u.ID, account.PurposeReset, account.ResetTTL)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ResetPassword(ctx, tok, "sandi-baru-panjang"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UserBySession(ctx, sess); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("old session still works: %v", err)
		}
		if _, err := s.Authenticate(ctx, "rina@example.org", "sandi-baru-panjang"); err != nil {
			t.Errorf("new password: %v", err)
		}
		if _, err := s.ResetPassword(ctx, tok, "lagi-lagi-panjang"); !errors.Is(err, account.ErrTokenInvalid) {
			t.Errorf("token reused: %v", err)
		}
	})
}
