package region

import (
	"context"
	"errors"
	"strings"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

func TestStoreGet(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := &Store{DB: d}
		ctx := context.Background()
		for _, tc := range []struct {
			code string
			want Region
			err  error
		}{
			{"32", Region{Code: "32", Name: "Jawa Barat", Level: Provinsi}, nil},
			{"32.73", Region{Code: "32.73", Name: "Kota Bandung", Level: Kota, Parent: "32"}, nil},
			{"32.04", Region{Code: "32.04", Name: "Kabupaten Bandung", Level: Kabupaten, Parent: "32"}, nil},
			{"32.73.01", Region{Code: "32.73.01", Name: "Sukasari", Level: Kecamatan, Parent: "32.73"}, nil},
			{"32.73.01.1001", Region{Code: "32.73.01.1001", Name: "Sukarasa", Level: Kelurahan, Parent: "32.73.01"}, nil},
			{"11.01.01.2001", Region{Code: "11.01.01.2001", Name: "Keude Bakongan", Level: Desa, Parent: "11.01.01"}, nil},
			{"99", Region{}, db.ErrNotFound},
			{"32.7", Region{}, db.ErrNotFound},
			{"", Region{}, db.ErrNotFound},
		} {
			for range 2 { // the second round comes from the cache
				got, err := s.Get(ctx, tc.code)
				if !errors.Is(err, tc.err) || got != tc.want {
					t.Errorf("Get(%q) = %+v, %v; want %+v, %v", tc.code, got, err, tc.want, tc.err)
				}
			}
		}
		for code, want := range map[string]bool{"32.73": true, "99.99": false, "x": false} {
			if ok, err := s.Valid(ctx, code); ok != want || err != nil {
				t.Errorf("Valid(%q) = %v, %v", code, ok, err)
			}
		}
	})
}

func TestStoreChildren(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := &Store{DB: d}
		ctx := context.Background()
		for _, tc := range []struct {
			parent    string
			n         int
			contains  string
			wantLevel string
			err       error
		}{
			{"", 38, "32", Provinsi, nil},
			{"32", 27, "32.73", "", nil},
			{"32.73", 30, "32.73.01", Kecamatan, nil},
			{"32.73.01", 4, "32.73.01.1001", Kelurahan, nil},
			{"32.73.01.1001", 0, "", "", nil},
			{"99", 0, "", "", db.ErrNotFound},
			{"bad", 0, "", "", db.ErrNotFound},
		} {
			got, err := s.Children(ctx, tc.parent)
			if !errors.Is(err, tc.err) {
				t.Errorf("Children(%q) error = %v, want %v", tc.parent, err, tc.err)
				continue
			}
			if len(got) != tc.n {
				t.Errorf("Children(%q) = %d regions, want %d", tc.parent, len(got), tc.n)
			}
			seen := false
			for i, r := range got {
				seen = seen || r.Code == tc.contains
				if r.Parent != tc.parent {
					t.Errorf("Children(%q) holds %+v", tc.parent, r)
				}
				if tc.wantLevel != "" && r.Level != tc.wantLevel && !(tc.wantLevel == Kelurahan && r.Level == Desa) {
					t.Errorf("Children(%q) holds level %s", tc.parent, r.Level)
				}
				if i > 0 && got[i-1].Name > r.Name {
					t.Errorf("Children(%q) not sorted by name at %s", tc.parent, r.Name)
				}
			}
			if tc.contains != "" && !seen {
				t.Errorf("Children(%q) lacks %s", tc.parent, tc.contains)
			}
		}
	})
}

func TestStoreAncestors(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := &Store{DB: d}
		ctx := context.Background()
		for _, tc := range []struct {
			code string
			want []string
			err  error
		}{
			{"32", []string{"Jawa Barat"}, nil},
			{"32.73", []string{"Jawa Barat", "Kota Bandung"}, nil},
			{"32.73.01.1001", []string{"Jawa Barat", "Kota Bandung", "Sukasari", "Sukarasa"}, nil},
			{"32.73.99", nil, db.ErrNotFound},
			{"no", nil, db.ErrNotFound},
		} {
			got, err := s.Ancestors(ctx, tc.code)
			if !errors.Is(err, tc.err) {
				t.Errorf("Ancestors(%q) error = %v, want %v", tc.code, err, tc.err)
				continue
			}
			var names []string
			for _, r := range got {
				names = append(names, r.Name)
			}
			if strings.Join(names, "/") != strings.Join(tc.want, "/") {
				t.Errorf("Ancestors(%q) = %v, want %v", tc.code, names, tc.want)
			}
		}
	})
}

func TestStoreSearch(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		s := &Store{DB: d}
		ctx := context.Background()
		for _, tc := range []struct {
			name      string
			query     string
			limit     int
			firstCode string
			minHits   int
			maxHits   int
			err       error
		}{
			{"province exact", "jawa barat", 5, "32", 1, 5, nil},
			{"upper case query", "BANDUNG", 10, "", 2, 10, nil},
			{"prefix of desa", "sukamaju", 50, "", 50, 50, nil},
			{"limit capped", "desa", 500, "", 1, MaxResults, nil},
			{"wildcards are literal", "%%", 10, "", 0, 0, nil},
			{"underscore literal", "__", 10, "", 0, 0, nil},
			{"too short", "a", 10, "", 0, 0, ErrInvalid},
			{"nothing", "zzqqxx", 10, "", 0, 0, nil},
			{"curly apostrophe", "regapu’u", 10, "53.07.01.2021", 1, 10, nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				hits, err := s.Search(ctx, tc.query, tc.limit)
				if !errors.Is(err, tc.err) {
					t.Fatalf("Search(%q) error = %v, want %v", tc.query, err, tc.err)
				}
				if len(hits) < tc.minHits || len(hits) > tc.maxHits {
					t.Fatalf("Search(%q) = %d hits, want %d–%d", tc.query, len(hits), tc.minHits, tc.maxHits)
				}
				if tc.firstCode != "" && hits[0].Code != tc.firstCode {
					t.Errorf("Search(%q) first = %s, want %s", tc.query, hits[0].Code, tc.firstCode)
				}
				for _, h := range hits {
					if len(h.Parents) != h.Depth()-1 {
						t.Errorf("hit %s has %d parents", h.Code, len(h.Parents))
					}
					if !strings.Contains(strings.ToLower(h.Name), strings.ToLower(strings.TrimSpace(tc.query))) {
						t.Errorf("hit %q does not match %q", h.Name, tc.query)
					}
				}
			})
		}
		// "bandung" must rank Kota and Kabupaten Bandung (exact without the
		// prefix) before places that merely contain the word.
		hits, err := s.Search(ctx, "bandung", 2)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, h := range hits {
			got[h.Code] = true
		}
		if !got["32.73"] || !got["32.04"] {
			t.Errorf("Search(bandung) top two = %+v", hits)
		}
		hits, err = s.Search(ctx, "sukarasa", 50)
		if err != nil {
			t.Fatal(err)
		}
		var label string
		for _, h := range hits {
			if h.Code == "32.73.01.1001" {
				label = h.Label()
			}
		}
		if label != "Sukarasa — Kec. Sukasari, Kota Bandung, Prov. Jawa Barat" {
			t.Errorf("label = %q", label)
		}
	})
}

func TestStoreCountByLevel(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		store := &Store{DB: d}
		counts, err := store.CountByLevel(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		// The kept counts are the store's own: a caller changing its copy
		// changes nothing for the next.
		counts[Provinsi] = -1
		if counts, err = store.CountByLevel(context.Background()); err != nil {
			t.Fatal(err)
		}
		for level, want := range map[string]int{Provinsi: 38, Kecamatan: 7285} {
			if counts[level] != want {
				t.Errorf("%s: %d, want %d", level, counts[level], want)
			}
		}
		if n := counts[Kabupaten] + counts[Kota]; n != 514 {
			t.Errorf("kabupaten/kota: %d, want 514", n)
		}
		if n := counts[Desa] + counts[Kelurahan]; n != 83762 {
			t.Errorf("desa/kelurahan: %d, want 83762", n)
		}
	})
}
