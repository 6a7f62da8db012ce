package org_test

import (
	"context"
	"errors"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

// TestKinds registers a government office, a residents' group and an OMS:
// only an OMS must name a legal form and sit at a desa; the kind cannot be
// changed by an edit; the directory filters by kind.
func TestKinds(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &org.Store{DB: d}
		u := newUser(t, d, "lurah@example.org")
		cases := []struct {
			name, kind, legal, region, err string
		}{
			{"Dinas Pekerjaan Umum Kota Bandung", "opd", "", "32.73", ""},
			{"Kecamatan Sumur Bandung", "kecamatan", "", "32.73.01", ""},
			{"Forum RW 05 Sukarasa", "warga", "komunitas", desa, ""},
			{"OMS Tanpa Desa", "oms", "komunitas", "32.73.01", "region"},
			{"OMS Tanpa Bentuk", "", "", desa, "legal_form"},
			{"Jenis Karangan", "partai", "", desa, "kind"},
			{"Kantor Bentuk Salah", "desa", "pt", desa, "legal_form"},
		}
		var opd *org.Organization
		for _, c := range cases {
			in := org.Input{Name: c.name, Kind: c.kind, LegalForm: c.legal, RegionCode: c.region}
			o, err := s.Create(ctx, u.ID, in)
			var ve validate.Errors
			if c.err != "" {
				if !errors.As(err, &ve) || ve[c.err] == "" {
					t.Errorf("%s: want an error on %s, got %v", c.name, c.err, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if string(o.Kind) != c.kind {
				t.Errorf("%s: kind %q", c.name, o.Kind)
			}
			if c.kind == "opd" {
				opd = o
			}
		}
		edit := org.Input{Name: opd.Name, Kind: "oms", LegalForm: "", RegionCode: "32.73"}
		got, err := s.Update(ctx, opd.ID, edit)
		if err != nil || got.Kind != org.KindOPD || got.IsOMS() || !got.Kind.Government() {
			t.Errorf("edit changed the kind: %+v, %v", got, err)
		}
		for filter, want := range map[string]int{"pemerintah": 2, "warga": 1, "oms": 0, "bisnis": 0} {
			list, _, err := s.List(ctx, org.ListOptions{Kinds: org.KindsOf(filter)})
			if err != nil || len(list) != want {
				t.Errorf("filter %s: %d organisations, want %d (%v)", filter, len(list), want, err)
			}
		}
		// Only OMS count among a region's OMS figures.
		if _, err := s.Create(ctx, u.ID, input("Taman Baca Sukarasa")); err != nil {
			t.Fatal(err)
		}
		for code, want := range map[string]int{desa: 1, "32.73": 1, "": 1} {
			var n int
			if err := d.QueryRow(ctx, `SELECT organizations FROM region_figures WHERE region_code = ?`, code).Scan(&n); err != nil || n != want {
				t.Errorf("OMS counted in %q: %d, want %d (%v)", code, n, want, err)
			}
		}
		if org.KindsOf("partai") != nil {
			t.Error("an unknown filter names kinds")
		}
	})
}
