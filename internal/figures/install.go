package figures

import (
	"context"
	"fmt"
	"strings"

	"lokadaya/internal/db"
)

// The running totals are kept by triggers, so that every way a row is
// written — a treasurer's confirmation, a gateway notification, a bank
// statement import, the demo, a bulk generator — moves the totals in the
// same transaction, and a read straight after a write sees it.
//
// Two layers: org_figures holds each organisation's totals (donations,
// goods, volunteer time, agreed offers, people served, listed or not) and
// its region; region_figures holds the sum of org_figures at the nation
// (code ''), every province, kabupaten/kota, kecamatan and desa/kelurahan.
// A change to an organisation's row takes its old values off its old
// region's ancestors and adds its new values to its new region's — which
// covers an organisation moving, being hidden or deleted as well.

// Schema creates the tables, fills them from the rows already there and
// installs the triggers; it is the migration that introduces them.
func Schema(ctx context.Context, tx *db.Tx) error {
	for _, q := range []string{
		`CREATE TABLE org_figures (
			org_id            BIGINT PRIMARY KEY,
			region_code       TEXT NOT NULL,
			listed            BIGINT NOT NULL DEFAULT 0,
			money_confirmed   BIGINT NOT NULL DEFAULT 0,
			goods_received    BIGINT NOT NULL DEFAULT 0,
			volunteer_minutes BIGINT NOT NULL DEFAULT 0,
			offers_agreed     BIGINT NOT NULL DEFAULT 0,
			people_reached    BIGINT NOT NULL DEFAULT 0
		)`,
		`CREATE TABLE region_figures (
			region_code       TEXT PRIMARY KEY,
			depth             INTEGER NOT NULL,
			organizations     BIGINT NOT NULL DEFAULT 0,
			money_confirmed   BIGINT NOT NULL DEFAULT 0,
			goods_received    BIGINT NOT NULL DEFAULT 0,
			volunteer_minutes BIGINT NOT NULL DEFAULT 0,
			offers_agreed     BIGINT NOT NULL DEFAULT 0,
			people_reached    BIGINT NOT NULL DEFAULT 0
		)`,
		`CREATE INDEX region_figures_depth ON region_figures (depth, region_code)`,
		// Prefix ranges on the organisation's region find a region's
		// campaigns and complaints without reading the whole country.
		`CREATE INDEX campaigns_active_ends ON campaigns (status, org_id, ends_at)`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("figures: schema: %w", err)
		}
	}
	if err := Rebuild(ctx, tx); err != nil {
		return err
	}
	return installTriggers(ctx, tx)
}

// Rebuild recomputes every total from the rows themselves. The triggers
// keep them exact afterwards; Rebuild is for the migration, for a bulk
// load that ran without them, and for regions added to the region list
// later.
func Rebuild(ctx context.Context, tx *db.Tx) error {
	for _, q := range []string{
		`DELETE FROM org_figures`,
		`DELETE FROM region_figures`,
		`INSERT INTO org_figures (org_id, region_code, listed) SELECT id, region_code,
			CASE WHEN status IN ('rejected', 'suspended') THEN 0 ELSE 1 END FROM organizations`,
		`UPDATE org_figures SET
			money_confirmed = (SELECT COALESCE(SUM(amount), 0) FROM donations d
				WHERE d.org_id = org_figures.org_id AND d.status = 'confirmed'),
			goods_received = (SELECT COALESCE(SUM(received), 0) FROM goods_pledges g WHERE g.org_id = org_figures.org_id),
			volunteer_minutes = (SELECT COALESCE(SUM(h.minutes), 0) FROM volunteer_hours h
				JOIN volunteer_signups v ON v.id = h.signup_id WHERE v.org_id = org_figures.org_id),
			offers_agreed = (SELECT COUNT(*) FROM offers f WHERE f.org_id = org_figures.org_id AND f.status = 'disepakati'),
			people_reached = (SELECT COALESCE(SUM(total), 0) FROM service_records s WHERE s.org_id = org_figures.org_id)`,
		`INSERT INTO region_figures (region_code, depth) VALUES ('', 0)`,
		`INSERT INTO region_figures (region_code, depth) SELECT code,
			CASE length(code) WHEN 2 THEN 1 WHEN 5 THEN 2 WHEN 8 THEN 3 ELSE 4 END FROM regions`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("figures: rebuild: %w", err)
		}
	}
	// Each level sums the organisations under it, grouped by prefix.
	sums := make([]string, len(orgColumns))
	sets := make([]string, len(orgColumns))
	for i, c := range orgColumns {
		sums[i] = `SUM(` + c[0] + `) AS ` + c[1]
		sets[i] = c[1] + ` = s.` + c[1]
	}
	for _, n := range []int{0, 2, 5, 8, 13} {
		key := "''"
		if n > 0 {
			key = fmt.Sprintf("substr(region_code, 1, %d)", n)
		}
		q := `UPDATE region_figures SET ` + strings.Join(sets, ", ") + ` FROM (SELECT ` + key + ` AS code, ` +
			strings.Join(sums, ", ") + fmt.Sprintf(` FROM org_figures WHERE length(region_code) >= %d GROUP BY 1) s`, n) +
			` WHERE region_figures.region_code = s.code`
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("figures: rebuild: %w", err)
		}
	}
	return nil
}

// trigger is one AFTER … FOR EACH ROW trigger, written once for both
// databases: the statements use only what SQLite's trigger bodies and
// PL/pgSQL both accept.
type trigger struct {
	name, table, event, when string
	body                     []string
}

func (t trigger) sql(d db.Dialect) []string {
	if d == db.Postgres {
		when := ""
		if t.when != "" {
			when = " WHEN (" + t.when + ")"
		}
		return []string{
			`CREATE FUNCTION ` + t.name + `() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN ` +
				strings.Join(t.body, "; ") + `; RETURN NULL; END $fn$`,
			`CREATE TRIGGER ` + t.name + ` AFTER ` + t.event + ` ON ` + t.table + ` FOR EACH ROW` + when +
				` EXECUTE FUNCTION ` + t.name + `()`,
		}
	}
	when := ""
	if t.when != "" {
		when = " WHEN " + t.when
	}
	return []string{`CREATE TRIGGER ` + t.name + ` AFTER ` + t.event + ` ON ` + t.table + ` FOR EACH ROW` + when +
		` BEGIN ` + strings.Join(t.body, "; ") + `; END`}
}

// ancestors is the IN list of the region codes that contain code: the
// nation, its province, kabupaten/kota, kecamatan and itself.
func ancestors(code string) string {
	return `('', substr(` + code + `, 1, 2), substr(` + code + `, 1, 5), substr(` + code + `, 1, 8), ` + code + `)`
}

// orgColumns are the totals org_figures passes on to region_figures,
// with the column each feeds.
var orgColumns = [][2]string{
	{"listed", "organizations"},
	{"money_confirmed", "money_confirmed"},
	{"goods_received", "goods_received"},
	{"volunteer_minutes", "volunteer_minutes"},
	{"offers_agreed", "offers_agreed"},
	{"people_reached", "people_reached"},
}

// regionDelta adds (sign "+") or takes off ("-") the row's (NEW or OLD)
// totals to every region containing the row's region.
func regionDelta(row, sign string) string {
	sets := make([]string, len(orgColumns))
	for i, c := range orgColumns {
		sets[i] = c[1] + ` = ` + c[1] + ` ` + sign + ` ` + row + `.` + c[0]
	}
	return `UPDATE region_figures SET ` + strings.Join(sets, ", ") + ` WHERE region_code IN ` + ancestors(row+".region_code")
}

// source is a table whose rows add to one column of org_figures: value
// is the row's contribution and counts says whether it counts at all
// (both written with ROW for NEW or OLD); org is the organisation's id.
type source struct {
	name, table, columns, column, value, counts, org string
}

func (s source) expr(e, row string) string { return strings.ReplaceAll(e, "ROW", row) }

func (s source) delta(row, sign string) string {
	q := `UPDATE org_figures SET ` + s.column + ` = ` + s.column + ` ` + sign + ` ` + s.expr(s.value, row) +
		` WHERE org_id = ` + s.expr(s.org, row)
	if s.counts != "" {
		q += ` AND ` + s.expr(s.counts, row)
	}
	return q
}

func (s source) triggers() []trigger {
	when := func(row string) string {
		if s.counts == "" {
			return ""
		}
		return s.expr(s.counts, row)
	}
	upd := ""
	if s.counts != "" {
		upd = "(" + s.expr(s.counts, "OLD") + ") OR (" + s.expr(s.counts, "NEW") + ")"
	}
	return []trigger{
		{name: "figures_" + s.name + "_ins", table: s.table, event: "INSERT", when: when("NEW"),
			body: []string{s.delta("NEW", "+")}},
		{name: "figures_" + s.name + "_upd", table: s.table, event: "UPDATE OF " + s.columns, when: upd,
			body: []string{s.delta("OLD", "-"), s.delta("NEW", "+")}},
		{name: "figures_" + s.name + "_del", table: s.table, event: "DELETE", when: when("OLD"),
			body: []string{s.delta("OLD", "-")}},
	}
}

var sources = []source{
	{name: "donations", table: "donations", columns: "status, amount, org_id", column: "money_confirmed",
		value: "ROW.amount", counts: "ROW.status = 'confirmed'", org: "ROW.org_id"},
	{name: "goods", table: "goods_pledges", columns: "received, org_id", column: "goods_received",
		value: "ROW.received", org: "ROW.org_id"},
	{name: "offers", table: "offers", columns: "status, org_id", column: "offers_agreed",
		value: "1", counts: "ROW.status = 'disepakati'", org: "ROW.org_id"},
	{name: "hours", table: "volunteer_hours", columns: "minutes, signup_id", column: "volunteer_minutes",
		value: "ROW.minutes", org: "(SELECT v.org_id FROM volunteer_signups v WHERE v.id = ROW.signup_id)"},
	{name: "served", table: "service_records", columns: "total, org_id", column: "people_reached",
		value: "ROW.total", org: "ROW.org_id"},
}

const listed = `CASE WHEN NEW.status IN ('rejected', 'suspended') THEN 0 ELSE 1 END`

func triggers() []trigger {
	out := []trigger{
		{name: "figures_org_ins", table: "organizations", event: "INSERT",
			body: []string{`INSERT INTO org_figures (org_id, region_code, listed) VALUES (NEW.id, NEW.region_code, ` + listed + `)`}},
		{name: "figures_org_upd", table: "organizations", event: "UPDATE OF status, region_code",
			body: []string{`UPDATE org_figures SET region_code = NEW.region_code, listed = ` + listed + ` WHERE org_id = NEW.id`}},
		{name: "figures_org_del", table: "organizations", event: "DELETE",
			body: []string{`DELETE FROM org_figures WHERE org_id = OLD.id`}},
		{name: "figures_region_ins", table: "org_figures", event: "INSERT", body: []string{regionDelta("NEW", "+")}},
		{name: "figures_region_upd", table: "org_figures", event: "UPDATE",
			body: []string{regionDelta("OLD", "-"), regionDelta("NEW", "+")}},
		{name: "figures_region_del", table: "org_figures", event: "DELETE", body: []string{regionDelta("OLD", "-")}},
	}
	for _, s := range sources {
		out = append(out, s.triggers()...)
	}
	return out
}

// Bulk runs load, a bulk load into a database no one else writes to
// (lokadaya generate), with the triggers set aside so that millions of
// rows go in at full speed, then rebuilds the totals from the rows and
// puts the triggers back.
func Bulk(ctx context.Context, d *db.DB, load func() error) error {
	if err := d.InTx(ctx, func(tx *db.Tx) error {
		for _, t := range append(triggers(), campaignTriggers()...) {
			q := `DROP TRIGGER IF EXISTS ` + t.name
			if tx.Dialect == db.Postgres {
				q = `DROP FUNCTION IF EXISTS ` + t.name + `() CASCADE`
			}
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("figures: set triggers aside: %w", err)
			}
		}
		return nil
	}); err != nil {
		return err
	}
	loadErr := load()
	err := d.InTx(ctx, func(tx *db.Tx) error {
		if err := Rebuild(ctx, tx); err != nil {
			return err
		}
		if err := RebuildCampaigns(ctx, tx); err != nil {
			return err
		}
		if err := installTriggers(ctx, tx); err != nil {
			return err
		}
		return install(ctx, tx, campaignTriggers())
	})
	if loadErr != nil {
		return loadErr
	}
	return err
}

func installTriggers(ctx context.Context, tx *db.Tx) error {
	return install(ctx, tx, triggers())
}
