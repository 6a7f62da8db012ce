package org_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

const desa = "32.73.01.1001" // Sukarasa, Kota Bandung

func newUser(t *testing.T, d *db.DB, email string) *account.User {
	t.Helper()
	u, err := (&account.Store{DB: d}).Create(context.Background(), email, "Pengguna "+email, "", "rahasia-panjang-1")
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func input(name string) org.Input {
	return org.Input{Name: name, LegalForm: "komunitas", RegionCode: desa, FocusIssues: []string{"pendidikan"}}
}

func TestCreateAndSlugs(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &org.Store{DB: d}
		u := newUser(t, d, "siti@example.org")
		var slugs []string
		for range 3 {
			o, err := s.Create(ctx, u.ID, input("Taman Baca Sukarasa"))
			if err != nil {
				t.Fatal(err)
			}
			slugs = append(slugs, o.Slug)
			if o.Status != org.StatusPending {
				t.Errorf("status %s", o.Status)
			}
			if r, err := s.RoleOf(ctx, o.ID, u.ID); err != nil || r != org.RoleOwner {
				t.Errorf("creator role %q, %v", r, err)
			}
		}
		if fmt.Sprint(slugs) != "[taman-baca-sukarasa taman-baca-sukarasa-2 taman-baca-sukarasa-3]" {
			t.Errorf("slugs %v", slugs)
		}
		in := input("Lain")
		in.Slug = "taman-baca-sukarasa"
		var ve validate.Errors
		if _, err := s.Create(ctx, u.ID, in); !errors.As(err, &ve) || ve["slug"] != "org.err.slug_taken" {
			t.Errorf("taken slug: %v", err)
		}
		for code, key := range map[string]string{"32.73.01": "org.err.region_level", "99.99.99.9999": "org.err.region"} {
			in := input("Wilayah Salah")
			in.RegionCode = code
			if _, err := s.Create(ctx, u.ID, in); !errors.As(err, &ve) || ve["region"] != key {
				t.Errorf("region %s: %v", code, err)
			}
		}
		got, err := s.BySlug(ctx, "taman-baca-sukarasa-2")
		if err != nil || got.Name != "Taman Baca Sukarasa" || got.FocusIssues[0] != "pendidikan" {
			t.Errorf("BySlug: %+v, %v", got, err)
		}
		if _, err := s.BySlug(ctx, "tidak-ada"); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("missing: %v", err)
		}
	})
}

func TestUpdateReturnsToPending(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &org.Store{DB: d}
		u := newUser(t, d, "a@example.org")
		o, err := s.Create(ctx, u.ID, input("Bank Sampah Berseri"))
		if err != nil {
			t.Fatal(err)
		}
		other, _ := s.Create(ctx, u.ID, input("Bank Sampah Lain"))
		for _, tc := range []struct {
			from, want org.Status
		}{
			{org.StatusNeedsChanges, org.StatusPending},
			{org.StatusVerified, org.StatusVerified},
			{org.StatusPending, org.StatusPending},
		} {
			if _, err := d.Exec(ctx, `UPDATE organizations SET status = ? WHERE id = ?`, tc.from, o.ID); err != nil {
				t.Fatal(err)
			}
			in := input("Bank Sampah Berseri Jaya")
			in.Vision = "Kota bersih"
			got, err := s.Update(ctx, o.ID, in)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != tc.want || got.Vision != "Kota bersih" || got.Slug != o.Slug {
				t.Errorf("from %s: %+v", tc.from, got)
			}
		}
		in := input("Bank Sampah Berseri")
		in.Slug = other.Slug
		var ve validate.Errors
		if _, err := s.Update(ctx, o.ID, in); !errors.As(err, &ve) || ve["slug"] != "org.err.slug_taken" {
			t.Errorf("slug clash: %v", err)
		}
		in.Slug = o.Slug // its own slug is fine
		if _, err := s.Update(ctx, o.ID, in); err != nil {
			t.Errorf("own slug: %v", err)
		}
		if err := s.SetLogo(ctx, o.ID, "logos/x.png"); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.ByID(ctx, o.ID); got.LogoKey != "logos/x.png" {
			t.Errorf("logo %q", got.LogoKey)
		}
	})
}

func TestList(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &org.Store{DB: d}
		u := newUser(t, d, "l@example.org")
		regions := []string{"32.73.01.1001", "32.73.01.1002", "51.71.01.1001", "32.73.01.1003", "11.01.01.2001"}
		statuses := []org.Status{org.StatusVerified, org.StatusPending, org.StatusVerified, org.StatusSuspended, org.StatusRejected}
		for i, code := range regions {
			in := input(fmt.Sprintf("OMS_%d Peduli", i))
			in.RegionCode = code
			o, err := s.Create(ctx, u.ID, in)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := d.Exec(ctx, `UPDATE organizations SET status = ? WHERE id = ?`, statuses[i], o.ID); err != nil {
				t.Fatal(err)
			}
		}
		names := func(opt org.ListOptions) string {
			list, _, err := s.List(ctx, opt)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, o := range list {
				out = append(out, o.Name[:5])
			}
			return fmt.Sprint(out)
		}
		for _, tc := range []struct {
			opt  org.ListOptions
			want string
		}{
			{org.ListOptions{}, "[OMS_4 OMS_3 OMS_2 OMS_1 OMS_0]"},
			{org.ListOptions{PublicOnly: true}, "[OMS_2 OMS_1 OMS_0]"},
			{org.ListOptions{VerifiedOnly: true}, "[OMS_2 OMS_0]"},
			{org.ListOptions{Region: "32"}, "[OMS_3 OMS_1 OMS_0]"},
			{org.ListOptions{Region: "32.73.01.1002"}, "[OMS_1]"},
			{org.ListOptions{Region: "3"}, "[]"}, // "3" is not a parent of "32"
			{org.ListOptions{Region: "51.71", PublicOnly: true}, "[OMS_2]"},
			{org.ListOptions{Query: "oms_1"}, "[OMS_1]"},
			{org.ListOptions{Query: "%"}, "[]"},
			{org.ListOptions{Query: "_"}, "[OMS_4 OMS_3 OMS_2 OMS_1 OMS_0]"},
			{org.ListOptions{Status: org.StatusPending}, "[OMS_1]"},
		} {
			if got := names(tc.opt); got != tc.want {
				t.Errorf("%+v: %s, want %s", tc.opt, got, tc.want)
			}
		}
		// Keyset pages of two.
		var pages []string
		after := int64(0)
		for {
			list, next, err := s.List(ctx, org.ListOptions{Limit: 2, After: after})
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, fmt.Sprint(len(list)))
			if next == 0 {
				break
			}
			after = next
		}
		if fmt.Sprint(pages) != "[2 2 1]" {
			t.Errorf("pages %v", pages)
		}
	})
}
