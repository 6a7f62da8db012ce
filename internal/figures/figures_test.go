package figures_test

import (
	"context"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/demo/demotest"
	"lokadaya/internal/figures"
)

// recount computes a region's figures straight from the rows, the slow
// way, to check the running totals and the grouped counts against.
func recount(t *testing.T, d *db.DB, code string, now time.Time) figures.Figures {
	t.Helper()
	ctx := context.Background()
	f := figures.Figures{Code: code}
	under := `(? = '' OR o.region_code = ? OR o.region_code LIKE ? || '.%')`
	one := func(dst *int64, q string, args ...any) {
		t.Helper()
		if err := d.QueryRow(ctx, q, args...).Scan(dst); err != nil {
			t.Fatalf("recount %s: %v\n%s", code, err, q)
		}
	}
	in := []any{code, code, code}
	one(&f.Organizations, `SELECT COUNT(*) FROM organizations o WHERE `+under+` AND o.kind = 'oms' AND o.status NOT IN ('rejected', 'suspended')`, in...)
	one(&f.MoneyConfirmed, `SELECT COALESCE(SUM(x.amount), 0) FROM donations x JOIN organizations o ON o.id = x.org_id
		WHERE `+under+` AND x.status = 'confirmed'`, in...)
	one(&f.GoodsReceived, `SELECT COALESCE(SUM(x.received), 0) FROM goods_pledges x JOIN organizations o ON o.id = x.org_id
		WHERE `+under, in...)
	one(&f.VolunteerMinutes, `SELECT COALESCE(SUM(h.minutes), 0) FROM volunteer_hours h JOIN volunteer_signups v ON v.id = h.signup_id
		JOIN organizations o ON o.id = v.org_id WHERE `+under, in...)
	one(&f.OffersAgreed, `SELECT COUNT(*) FROM offers x JOIN organizations o ON o.id = x.org_id
		WHERE `+under+` AND x.status = 'disepakati'`, in...)
	one(&f.PeopleReached, `SELECT COALESCE(SUM(x.total), 0) FROM service_records x JOIN organizations o ON o.id = x.org_id
		WHERE `+under, in...)
	one(&f.Campaigns, `SELECT COUNT(*) FROM campaigns c JOIN organizations o ON o.id = c.org_id WHERE `+under+`
		AND o.kind = 'oms' AND o.status NOT IN ('rejected', 'suspended') AND c.status = 'active' AND (c.ends_at IS NULL OR c.ends_at > ?)`,
		code, code, code, now)
	one(&f.Initiatives, `SELECT COUNT(*) FROM initiatives i WHERE i.status = 'published' AND EXISTS (SELECT 1
		FROM initiative_regions o WHERE o.initiative_id = i.id AND `+under+`)`, in...)
	rows, err := d.Query(ctx, `SELECT x.first_answer_at, x.first_due_at FROM complaints x
		JOIN organizations o ON o.id = x.org_id WHERE `+under, in...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var answered *time.Time
		var due time.Time
		if err := rows.Scan(&answered, &due); err != nil {
			t.Fatal(err)
		}
		if answered != nil || now.After(due) {
			f.ComplaintsDecided++
		}
		if answered != nil && !answered.After(due) {
			f.ComplaintsOnTime++
		}
	}
	return f
}

func same(t *testing.T, what string, got, want figures.Figures) {
	t.Helper()
	got.Name, got.Level, want.Name, want.Level = "", "", "", ""
	if got != want {
		t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

// check compares the country, every province, every kabupaten/kota with
// an organisation and the chain down to each organisation's desa with a
// recount from the rows.
func check(t *testing.T, d *db.DB, s *figures.Store, now time.Time) {
	t.Helper()
	ctx := context.Background()
	country, err := s.Country(ctx)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "country", country, recount(t, d, "", now))
	if country.MoneyConfirmed == 0 || country.Organizations == 0 || country.Initiatives == 0 || country.PeopleReached == 0 {
		t.Errorf("the demo country has empty figures: %+v", country)
	}
	provinces, err := s.Level(ctx, figures.DepthProvince)
	if err != nil {
		t.Fatal(err)
	}
	if len(provinces) != 38 {
		t.Fatalf("%d provinces", len(provinces))
	}
	children, err := s.Children(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	var sum figures.Figures
	for i, p := range provinces {
		same(t, "province "+p.Code, p, recount(t, d, p.Code, now))
		// A map has the names from the region list; the country's
		// children are named.
		if c := children[i]; p.Name != "" || c.Name == "" || c.Level != "provinsi" {
			t.Errorf("province %s named %q on a level, %q level %q as a child", p.Code, p.Name, c.Name, c.Level)
		}
		same(t, "child "+p.Code, children[i], p)
		sum.MoneyConfirmed += p.MoneyConfirmed
		sum.Organizations += p.Organizations
		sum.PeopleReached += p.PeopleReached
	}
	if sum.MoneyConfirmed != country.MoneyConfirmed || sum.Organizations != country.Organizations ||
		sum.PeopleReached != country.PeopleReached {
		t.Errorf("provinces add up to %+v, country %+v", sum, country)
	}
	kabs, err := s.Level(ctx, figures.DepthKabupaten)
	if err != nil {
		t.Fatal(err)
	}
	if len(kabs) < 500 {
		t.Fatalf("%d kabupaten/kota", len(kabs))
	}
	codes, err := d.Query(ctx, `SELECT DISTINCT region_code FROM organizations`)
	if err != nil {
		t.Fatal(err)
	}
	var regions []string
	for codes.Next() {
		var c string
		if err := codes.Scan(&c); err != nil {
			t.Fatal(err)
		}
		regions = append(regions, c)
	}
	codes.Close()
	byKab := map[string]figures.Figures{}
	for _, k := range kabs {
		byKab[k.Code] = k
	}
	for _, code := range regions {
		for n := 2; n <= len(code); n += 3 {
			prefix := code[:n]
			if n == 11 {
				prefix = code // a desa code's last part has four digits
			}
			got, err := s.Region(ctx, prefix)
			if err != nil {
				t.Fatal(err)
			}
			want := recount(t, d, prefix, now)
			same(t, "region "+prefix, got, want)
			if n == 5 {
				same(t, "level kab "+prefix, byKab[prefix], want)
			}
			if len(prefix) < 13 {
				kids, err := s.Children(ctx, prefix)
				if err != nil {
					t.Fatal(err)
				}
				var orgs int64
				for _, k := range kids {
					orgs += k.Organizations
				}
				if orgs != want.Organizations {
					t.Errorf("children of %s hold %d organisations, it has %d", prefix, orgs, want.Organizations)
				}
			}
			if n == 11 {
				break
			}
		}
	}
}

// TestFiguresMatchTheRows loads the demo, checks every figure against a
// recount, then changes rows every way the figures depend on — a
// donation confirmed and refused, an organisation moving and suspended,
// goods, hours, offers, service records and a complaint — and checks
// again straight after each write.
func TestFiguresMatchTheRows(t *testing.T) {
	demotest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		now := db.Now()
		s := &figures.Store{DB: d, Now: func() time.Time { return now }}
		check(t, d, s, now)

		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := d.Exec(ctx, q, args...); err != nil {
				t.Fatalf("%v\n%s", err, q)
			}
		}
		var orgID, donationID int64
		var from string
		if err := d.QueryRow(ctx, `SELECT org_id, id FROM donations WHERE status = 'confirmed' ORDER BY id LIMIT 1`).
			Scan(&orgID, &donationID); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(ctx, `SELECT region_code FROM organizations WHERE id = ?`, orgID).Scan(&from); err != nil {
			t.Fatal(err)
		}
		before, _ := s.Region(ctx, from[:2])
		// Placed no deeper than its kabupaten/kota, or its province (as an
		// office may be), the organisation counts once in each region
		// still containing it: their figures do not move.
		for _, code := range []string{from[:5], from[:2]} {
			var was []figures.Figures
			for _, c := range []string{"", from[:2], code} {
				f, _ := s.Region(ctx, c)
				was = append(was, f)
			}
			exec(`UPDATE organizations SET region_code = ? WHERE id = ?`, code, orgID)
			for _, f := range was {
				if now, _ := s.Region(ctx, f.Code); now != f {
					t.Errorf("placed at %s, %q moved from %+v to %+v", code, f.Code, f, now)
				}
			}
		}
		exec(`UPDATE organizations SET region_code = ? WHERE id = ?`, from, orgID)
		check(t, d, s, now)
		// Moving the organisation to Papua takes everything with it.
		var papua string
		if err := d.QueryRow(ctx, `SELECT MIN(code) FROM regions WHERE code LIKE '91.%' AND length(code) = 13`).Scan(&papua); err != nil {
			t.Fatal(err)
		}
		exec(`UPDATE organizations SET region_code = ? WHERE id = ?`, papua, orgID)
		check(t, d, s, now)
		after, _ := s.Region(ctx, from[:2])
		if after.MoneyConfirmed >= before.MoneyConfirmed {
			t.Errorf("moving out left %s's money at %d (was %d)", from[:2], after.MoneyConfirmed, before.MoneyConfirmed)
		}
		exec(`UPDATE donations SET status = 'rejected', reject_reason = 'uji' WHERE id = ?`, donationID)
		exec(`UPDATE organizations SET status = 'suspended' WHERE id = ?`, orgID)
		exec(`UPDATE goods_pledges SET received = 0, status = 'pledged' WHERE org_id = ?`, orgID)
		exec(`UPDATE offers SET status = 'disepakati' WHERE id IN (SELECT id FROM offers ORDER BY id LIMIT 2)`)
		exec(`DELETE FROM volunteer_hours WHERE id IN (SELECT id FROM volunteer_hours ORDER BY id LIMIT 1)`)
		exec(`UPDATE service_records SET total = total + 1, male = male + 1, age_18_59 = age_18_59 + 1
			WHERE id IN (SELECT id FROM service_records ORDER BY id LIMIT 3)`)
		exec(`UPDATE complaints SET first_answer_at = NULL, first_due_at = ? WHERE id IN (SELECT id FROM complaints ORDER BY id LIMIT 1)`,
			now.Add(-time.Hour))
		check(t, d, s, now)
		exec(`UPDATE organizations SET region_code = ?, status = 'verified' WHERE id = ?`, from, orgID)
		exec(`UPDATE donations SET status = 'confirmed' WHERE id = ?`, donationID)
		check(t, d, s, now)
		back, _ := s.Region(ctx, from[:2])
		if back.MoneyConfirmed != before.MoneyConfirmed {
			t.Errorf("back home %s has %d, was %d", from[:2], back.MoneyConfirmed, before.MoneyConfirmed)
		}
		exec(`DELETE FROM donations WHERE id = ?`, donationID)
		check(t, d, s, now)
		// A rebuild finds what the triggers kept.
		if err := d.InTx(ctx, func(tx *db.Tx) error { return figures.Rebuild(ctx, tx) }); err != nil {
			t.Fatal(err)
		}
		check(t, d, s, now)
		// A bulk load without the triggers is counted once it is over, and
		// the triggers are back for what follows.
		if err := figures.Bulk(ctx, d, func() error {
			exec(`UPDATE donations SET status = 'confirmed' WHERE status = 'pending'`)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		check(t, d, s, now)
		exec(`UPDATE donations SET status = 'rejected', reject_reason = 'uji' WHERE id IN (SELECT id FROM donations ORDER BY id LIMIT 3)`)
		check(t, d, s, now)
		campaignsAndInitiatives(t, d, now, exec)
	})
}
