package account_test

import (
	"context"
	"errors"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

func TestCreateAuthenticateSession(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &account.Store{DB: d}
		u, err := s.Create(ctx, " Siti@Example.ORG ", "Siti Aminah", "", "rahasia-panjang-1")
		if err != nil {
			t.Fatal(err)
		}
		if u.Email != "siti@example.org" {
			t.Errorf("email %q not normalised", u.Email)
		}
		if _, err := s.Create(ctx, "siti@example.org", "X", "", "rahasia-panjang-2"); !errors.Is(err, account.ErrEmailTaken) {
			t.Errorf("duplicate: %v", err)
		}
		for _, tc := range []struct {
			email, pw string
			want      error
		}{
			{"SITI@example.org", "rahasia-panjang-1", nil},
			{"siti@example.org", "salah", account.ErrBadCredentials},
			{"nobody@example.org", "rahasia-panjang-1", account.ErrBadCredentials},
		} {
			_, err := s.Authenticate(ctx, tc.email, tc.pw)
			if !errors.Is(err, tc.want) {
				t.Errorf("Authenticate(%s, %s) = %v, want %v", tc.email, tc.pw, err, tc.want)
			}
		}
		token, err := s.CreateSession(ctx, u.ID, "test")
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.UserBySession(ctx, token)
		if err != nil || got.ID != u.ID {
			t.Fatalf("UserBySession = %v, %v", got, err)
		}
		if err := s.DeleteSession(ctx, token); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UserBySession(ctx, token); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("after logout: %v", err)
		}
	})
}

func TestPasswordHash(t *testing.T) {
	h, err := account.HashPassword("kata sandi")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		pw   string
		want bool
	}{{"kata sandi", true}, {"kata sandI", false}, {"", false}} {
		ok, err := account.CheckPassword(h, tc.pw)
		if err != nil || ok != tc.want {
			t.Errorf("CheckPassword(%q) = %v, %v", tc.pw, ok, err)
		}
	}
	if _, err := account.CheckPassword("$bcrypt$nope", "x"); err == nil {
		t.Error("malformed hash accepted")
	}
}
