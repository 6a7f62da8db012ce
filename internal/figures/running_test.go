package figures_test

import (
	"context"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/figures"
)

// campaignsAndInitiatives changes campaigns and initiatives every way the
// running campaigns and the initiatives served depend on, checking the
// figures against a recount after each: a deadline passing with no write,
// the campaigns stored as ended, a campaign edited, cancelled, moved to
// another organisation or left without a deadline, a complaint within
// its deadline, answered on time and late, an initiative
// withdrawn, serving one more or one less region, and deleted.
func campaignsAndInitiatives(t *testing.T, d *db.DB, now time.Time, exec func(string, ...any)) {
	t.Helper()
	ctx := context.Background()
	at := func(now time.Time) *figures.Store { return &figures.Store{DB: d, Now: func() time.Time { return now }} }
	one := func(q string, args ...any) int64 {
		t.Helper()
		var n int64
		if err := d.QueryRow(ctx, q, args...).Scan(&n); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
		return n
	}
	running := one(`SELECT COUNT(*) FROM campaigns WHERE status = 'active' AND ends_at > ?`, now)
	if running < 2 {
		t.Fatalf("the demo has %d running campaigns", running)
	}
	// The nearest deadline passes: nothing is written, the figures follow.
	var first time.Time
	if err := d.QueryRow(ctx, `SELECT ends_at FROM campaigns WHERE status = 'active' AND ends_at > ? ORDER BY ends_at LIMIT 1`,
		now).Scan(&first); err != nil {
		t.Fatal(err)
	}
	later := first.Add(time.Second)
	country, err := at(later).Country(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if country.Campaigns >= running {
		t.Errorf("after a deadline %d campaigns still run, were %d", country.Campaigns, running)
	}
	check(t, d, at(later), later)
	exec(`UPDATE campaigns SET status = 'ended' WHERE status = 'active' AND ends_at <= ?`, later)
	check(t, d, at(later), later)

	id := one(`SELECT MIN(id) FROM campaigns WHERE status = 'active'`)
	other := one(`SELECT MAX(id) FROM organizations WHERE id <> (SELECT org_id FROM campaigns WHERE id = ?)`, id)
	exec(`UPDATE campaigns SET ends_at = ? WHERE id = ?`, later.Add(-time.Hour), id) // edited to a past day
	check(t, d, at(later), later)
	exec(`UPDATE campaigns SET ends_at = NULL, org_id = ? WHERE id = ?`, other, id)
	check(t, d, at(later), later)
	exec(`UPDATE campaigns SET status = 'cancelled' WHERE id = ?`, id)
	check(t, d, at(later), later)
	exec(`UPDATE campaigns SET status = 'active', ends_at = ? WHERE id = ?`, later.Add(48*time.Hour), id)
	check(t, d, at(later), later)
	exec(`UPDATE organizations SET status = 'suspended' WHERE id = ?`, other)
	check(t, d, at(later), later)
	exec(`UPDATE organizations SET status = 'verified' WHERE id = ?`, other)
	check(t, d, at(later), later)

	// A complaint within its first deadline is not decided until it is
	// answered or the deadline passes.
	k := one(`SELECT MIN(id) FROM complaints`)
	exec(`UPDATE complaints SET first_answer_at = NULL, first_due_at = ? WHERE id = ?`, later.Add(time.Hour), k)
	check(t, d, at(later), later)
	check(t, d, at(later.Add(2*time.Hour)), later.Add(2*time.Hour))
	exec(`UPDATE complaints SET first_answer_at = ? WHERE id = ?`, later.Add(time.Minute), k)
	check(t, d, at(later), later)
	exec(`UPDATE complaints SET first_answer_at = ? WHERE id = ?`, later.Add(3*time.Hour), k)
	check(t, d, at(later), later)

	// Initiatives: withdrawn and published again, a region more (one
	// under a region it already serves, one elsewhere), one less, one
	// moved, and one deleted with its regions.
	ini := one(`SELECT MIN(initiative_id) FROM initiative_regions r JOIN initiatives i ON i.id = r.initiative_id
		WHERE i.status = 'published' AND length(r.region_code) < 13`)
	var code string
	if err := d.QueryRow(ctx, `SELECT MIN(region_code) FROM initiative_regions WHERE initiative_id = ? AND length(region_code) < 13`,
		ini).Scan(&code); err != nil {
		t.Fatal(err)
	}
	var under, papua string
	if err := d.QueryRow(ctx, `SELECT MIN(code) FROM regions WHERE code LIKE ? || '.%' AND code NOT IN
		(SELECT region_code FROM initiative_regions WHERE initiative_id = ?)`, code, ini).Scan(&under); err != nil {
		t.Fatal(err)
	}
	if err := d.QueryRow(ctx, `SELECT MIN(code) FROM regions WHERE code LIKE '94.%' AND length(code) = 8`).Scan(&papua); err != nil {
		t.Fatal(err)
	}
	exec(`UPDATE initiatives SET status = 'draft' WHERE id = ?`, ini)
	check(t, d, at(later), later)
	exec(`UPDATE initiatives SET status = 'published' WHERE id = ?`, ini)
	check(t, d, at(later), later)
	exec(`INSERT INTO initiative_regions (initiative_id, region_code) VALUES (?, ?)`, ini, under)
	check(t, d, at(later), later)
	exec(`INSERT INTO initiative_regions (initiative_id, region_code) VALUES (?, ?)`, ini, papua)
	check(t, d, at(later), later)
	exec(`DELETE FROM initiative_regions WHERE initiative_id = ? AND region_code = ?`, ini, code)
	check(t, d, at(later), later)
	exec(`UPDATE initiative_regions SET region_code = ? WHERE initiative_id = ? AND region_code = ?`, code, ini, papua)
	check(t, d, at(later), later)
	exec(`UPDATE initiative_regions SET region_code = ? WHERE initiative_id = ? AND region_code = ?`, papua, ini, under)
	check(t, d, at(later), later)
	// A new initiative serving two regions, published, then deleted.
	var gone int64
	if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, published_at, created_at, updated_at)
		SELECT org_id, 'uji-hapus', 'Uji hapus', 'published', ?, ?, ? FROM initiatives WHERE id = ? RETURNING id`,
		now, now, now, ini).Scan(&gone); err != nil {
		t.Fatal(err)
	}
	exec(`INSERT INTO initiative_regions (initiative_id, region_code) VALUES (?, ?), (?, ?)`, gone, code, gone, papua)
	check(t, d, at(later), later)
	// As the initiative form saves: every region off, then the new ones.
	exec(`DELETE FROM initiative_regions WHERE initiative_id = ?`, ini)
	check(t, d, at(later), later)
	exec(`INSERT INTO initiative_regions (initiative_id, region_code) VALUES (?, ?), (?, ?), (?, ?)`,
		ini, code, ini, under, ini, papua)
	check(t, d, at(later), later)
	exec(`DELETE FROM initiatives WHERE id = ?`, gone)
	check(t, d, at(later), later)
	if one(`SELECT COUNT(*) FROM initiative_regions WHERE initiative_id = ?`, gone) != 0 {
		t.Error("the initiative's regions outlived it")
	}
}
