package org_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
)

// TestListByName checks the directory's name search against the names
// themselves: every query finds exactly the organisations whose name holds
// it (case aside), newest first, whether it is served by the trigram index
// (three letters or more) or not, and after names are changed and an
// organisation is deleted.
func TestListByName(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &org.Store{DB: d}
		u := newUser(t, d, "nama@example.org")
		names := []string{"Yayasan Pemberdayaan Warga", "Komunitas Peduli Sungai", "Bank Sampah \"Berseri\"",
			"Rumah Baca 50% Gratis", "Karang Taruna Maju_Jaya", "YAYASAN DAYA ANAK", "Taman Baca Sukarasa",
			"Forum Warga Peduli Air", "Koperasi Daya Tani", "Sanggar Seni Warga"}
		ids := map[int64]string{}
		var order []int64
		for _, n := range names {
			o, err := s.Create(ctx, u.ID, input(n))
			if err != nil {
				t.Fatal(err)
			}
			ids[o.ID] = n
			order = append(order, o.ID)
		}
		// Renamed: found by the new name only. Deleted: found no more.
		renamed, deleted := order[1], order[6]
		in := input("Komunitas Sungai Lestari")
		if _, err := s.Update(ctx, renamed, in); err != nil {
			t.Fatal(err)
		}
		ids[renamed] = in.Name
		if _, err := d.Exec(ctx, `DELETE FROM organizations WHERE id = ?`, deleted); err != nil {
			t.Fatal(err)
		}
		delete(ids, deleted)
		for _, q := range []string{"daya", "DAYA", "yayasan", "peduli", "peduli sungai", "sungai", "lestari",
			"sukarasa", "baca", "50%", "50% g", "_ja", "u_j", `"berseri"`, `ri"`, "warga", "ar", "a", "zzz", "qwerty", "a a"} {
			var want []string
			for _, id := range slices.Backward(order) {
				if n, ok := ids[id]; ok && strings.Contains(strings.ToLower(n), strings.ToLower(q)) {
					want = append(want, n)
				}
			}
			list, _, err := s.List(ctx, org.ListOptions{Query: q, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range list {
				got = append(got, o.Name)
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%q: %q, want %q", q, got, want)
			}
		}
	})
}

// TestListQueryDropsWhatNoNameHolds: control characters (a NUL ends an
// FTS5 string) and bytes that are not UTF-8 (PostgreSQL refuses them)
// are left out of a name query instead of failing it.
func TestListQueryDropsWhatNoNameHolds(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &org.Store{DB: d}
		u := newUser(t, d, "kendali@example.org")
		if _, err := s.Create(ctx, u.ID, input("Yayasan Daya Warga")); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			q     string
			found bool
		}{
			{"day\x00a", true}, {"daya\xff", true}, {"\tdaya\n", true}, {"da\x1bya", true},
			{"00\x00", false},
			{"\x00", true}, // nothing left: every organisation
		} {
			list, _, err := s.List(ctx, org.ListOptions{Query: tc.q, Limit: 10})
			if err != nil {
				t.Fatalf("%q: %v", tc.q, err)
			}
			if found := len(list) == 1 && list[0].Name == "Yayasan Daya Warga"; found != tc.found {
				t.Errorf("%q: found %v, want %v", tc.q, found, tc.found)
			}
		}
	})
}
