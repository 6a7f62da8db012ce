package charter_test

import (
	"context"
	"errors"
	"net/url"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/charter"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
	"lokadaya/internal/service"
	"lokadaya/internal/validate"
)

// wib is the organisation's zone (Bandung).
var wib = time.FixedZone("WIB", 7*3600)

// setup makes an organisation with an initiative and two service points,
// and a store whose clock reads 15 June 2025, 01:00 WIB (still 14 June in UTC).
func setup(t *testing.T, d *db.DB) (*charter.Store, charter.Actor, []*service.Point) {
	t.Helper()
	ctx := context.Background()
	u, err := (&account.Store{DB: d}).Create(ctx, "ani@example.org", "Bu Ani", "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "Klinik Ani", Slug: "klinik-ani",
		LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
	if err != nil {
		t.Fatal(err)
	}
	now := db.Now()
	var ini int64
	if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'posyandu', 'Posyandu', 'published', ?, ?) RETURNING id`, o.ID, now, now).Scan(&ini); err != nil {
		t.Fatal(err)
	}
	points := &service.Store{DB: d}
	var out []*service.Point
	for _, name := range []string{"Pos RW 01", "Pos RW 02"} {
		p, err := points.CreatePoint(ctx, service.Actor{ID: u.ID, Name: u.Name}, o.ID, ini, service.PointInput{
			Name: name, RegionCode: "32.73.01.1001"})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	clock := time.Date(2025, 6, 14, 18, 0, 0, 0, time.UTC)
	return &charter.Store{DB: d, Now: func() time.Time { return clock }}, charter.Actor{ID: u.ID, Name: u.Name}, out
}

// valid is a complete, signed charter form.
func valid() url.Values {
	return url.Values{"service": {"Penimbangan balita"}, "requirements": {"Buku KIA"},
		"procedure": {"1. Daftar\r\n2. Timbang\n3. Konsultasi"}, "time_to_serve": {"15 menit"}, "cost_kind": {"gratis"},
		"complaint_channels": {"Kotak saran; WA 0812-0000-0000"}, "rights": {"Dilayani dengan ramah"},
		"obligations": {"Membawa buku KIA"}, "signer_name": {"Bu Ani"}, "signer_role": {"Ketua"}, "signed_on": {"2025-06-15"}}
}

func TestCharterVersions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, actor, pts := setup(t, d)
		if _, err := s.Current(ctx, pts[0].ID); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("current before any: %v", err)
		}
		v1, err := s.Save(ctx, actor, pts[0], wib, charter.FromForm(valid()))
		if err != nil {
			t.Fatal(err)
		}
		if v1.Version != 1 || !v1.Signed() || !v1.Free() || v1.Procedure != "1. Daftar\n2. Timbang\n3. Konsultasi" {
			t.Fatalf("v1 %+v", v1)
		}
		// A draft (unsigned) version 2 with a cost: the public still sees v1.
		f := valid()
		f.Set("cost_kind", "bayar")
		f.Set("cost", "Rp5.000")
		f.Set("service", "Penimbangan dan imunisasi")
		for _, k := range []string{"signer_name", "signer_role", "signed_on"} {
			f.Del(k)
		}
		v2, err := s.Save(ctx, actor, pts[0], wib, charter.FromForm(f))
		if err != nil {
			t.Fatal(err)
		}
		if v2.Version != 2 || v2.Signed() || v2.Cost != 5000 {
			t.Fatalf("v2 %+v", v2)
		}
		cur, err := s.Current(ctx, pts[0].ID)
		if err != nil || cur.Version != 1 || cur.Service != "Penimbangan balita" || cur.SignerRole != "Ketua" {
			t.Fatalf("current %+v %v", cur, err)
		}
		latest, err := s.Latest(ctx, pts[0].ID)
		if err != nil || latest.Version != 2 || latest.Cost != 5000 {
			t.Fatalf("latest %+v %v", latest, err)
		}
		// Signing version 3 makes it the public one; the other point has its own numbering.
		f.Set("signer_name", "Pak Budi")
		f.Set("signed_on", "2025-06-14")
		if v3, err := s.Save(ctx, actor, pts[0], wib, charter.FromForm(f)); err != nil || v3.Version != 3 {
			t.Fatalf("v3 %+v %v", v3, err)
		}
		if cur, _ := s.Current(ctx, pts[0].ID); cur.Version != 3 || cur.SignerName != "Pak Budi" || cur.SignedOn != "2025-06-14" {
			t.Fatalf("current after v3 %+v", cur)
		}
		if other, err := s.Save(ctx, actor, pts[1], wib, charter.FromForm(valid())); err != nil || other.Version != 1 {
			t.Fatalf("other point %+v %v", other, err)
		}
		hist, err := s.History(ctx, pts[0].ID)
		if err != nil || len(hist) != 3 || hist[0].Version != 3 || hist[2].Version != 1 || hist[2].CreatedBy != "Bu Ani" {
			t.Fatalf("history %d %v", len(hist), err)
		}
		if v, err := s.Version(ctx, pts[0].ID, 2); err != nil || v.Signed() {
			t.Fatalf("version 2 %+v %v", v, err)
		}
		if _, err := s.Version(ctx, pts[0].ID, 9); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("version 9: %v", err)
		}
		st, err := s.Statuses(ctx, pts[0].InitiativeID)
		if err != nil || st[pts[0].ID] != (charter.Status{Versions: 3, Signed: true}) || st[pts[1].ID] != (charter.Status{Versions: 1, Signed: true}) {
			t.Fatalf("statuses %+v %v", st, err)
		}
		var audits int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'charter.save'`).Scan(&audits); err != nil || audits != 4 {
			t.Fatalf("audit entries %d %v", audits, err)
		}
	})
}

// TestCharterRefusesBadInput: each bad field is named, and nothing is
// written.
func TestCharterRefusesBadInput(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, actor, pts := setup(t, d)
		long := make([]byte, charter.MaxText+1)
		for i := range long {
			long[i] = 'a'
		}
		for _, tc := range []struct {
			name, field, key string
			edit             func(url.Values)
		}{
			{"no service", "service", "form.required", func(f url.Values) { f.Set("service", "  ") }},
			{"no rights", "rights", "form.required", func(f url.Values) { f.Del("rights") }},
			{"procedure too long", "procedure", "form.too_long", func(f url.Values) { f.Set("procedure", string(long)) }},
			{"nul byte", "requirements", "charter.err.text", func(f url.Values) { f.Set("requirements", "a\x00b") }},
			{"no cost kind", "cost_kind", "charter.err.cost_kind", func(f url.Values) { f.Del("cost_kind") }},
			{"paid without amount", "cost", "tools.err.amount_empty", func(f url.Values) { f.Set("cost_kind", "bayar") }},
			{"paid nothing", "cost", "charter.err.cost_zero", func(f url.Values) { f.Set("cost_kind", "bayar"); f.Set("cost", "0") }},
			{"cost with cents", "cost", "tools.err.amount_decimal", func(f url.Values) { f.Set("cost_kind", "bayar"); f.Set("cost", "1.500,50") }},
			{"negative cost", "cost", "tools.err.amount_negative", func(f url.Values) { f.Set("cost_kind", "bayar"); f.Set("cost", "-5000") }},
			// 16 June is tomorrow in WIB.
			{"signed tomorrow", "signed_on", "charter.err.future", func(f url.Values) { f.Set("signed_on", "2025-06-16") }},
			{"bad date", "signed_on", "charter.err.date", func(f url.Values) { f.Set("signed_on", "15/06/2025") }},
			{"date without name", "signer_name", "charter.err.signer_name", func(f url.Values) { f.Del("signer_name") }},
			{"name without date", "signed_on", "charter.err.signed_on", func(f url.Values) { f.Del("signed_on") }},
			{"role alone", "signer_name", "charter.err.signer_name", func(f url.Values) { f.Del("signer_name"); f.Del("signed_on") }},
		} {
			f := valid()
			tc.edit(f)
			_, err := s.Save(ctx, actor, pts[0], wib, charter.FromForm(f))
			var errs validate.Errors
			if !errors.As(err, &errs) || errs[tc.field] != tc.key {
				t.Errorf("%s: %v, want %s: %s", tc.name, err, tc.field, tc.key)
			}
		}
		if _, err := s.Latest(ctx, pts[0].ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("a refused charter was written: %v", err)
		}
		// 15 June is today in WIB, though not yet in UTC.
		if _, err := s.Save(ctx, actor, pts[0], wib, charter.FromForm(valid())); err != nil {
			t.Errorf("signed today: %v", err)
		}
	})
}

func TestCharterForm(t *testing.T) {
	c := &charter.Charter{Service: "S", Cost: 2500, SignedOn: "2025-01-02"}
	f := c.Form()
	if f.Get("cost_kind") != "bayar" || f.Get("cost") != "2500" || f.Get("signed_on") != "2025-01-02" {
		t.Errorf("form %v", f)
	}
	c.Cost = 0
	if f = c.Form(); f.Get("cost_kind") != "gratis" || f.Get("cost") != "" {
		t.Errorf("free form %v", f)
	}
	if got := (&charter.Charter{SignedOn: "2025-03-09"}).SignedDate(); got != time.Date(2025, 3, 9, 0, 0, 0, 0, time.UTC) {
		t.Errorf("signed date %v", got)
	}
}
