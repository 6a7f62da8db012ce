package figures

import (
	"context"
	"fmt"
	"strconv"
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
	// The totals are filled and the triggers installed by RunningTotals,
	// which adds the columns the current triggers write.
	return nil
}

// RunningTotals is the migration that keeps the published campaigns,
// the complaints and the initiatives serving each region as running
// totals too (see Store.load for how the figures that depend on the clock
// are read from them), then rebuilds every total and reinstalls the
// triggers.
func RunningTotals(ctx context.Context, tx *db.Tx) error {
	for _, q := range []string{
		`ALTER TABLE org_figures ADD COLUMN campaigns_active BIGINT NOT NULL DEFAULT 0`,
		`ALTER TABLE region_figures ADD COLUMN campaigns_active BIGINT NOT NULL DEFAULT 0`,
		`ALTER TABLE region_figures ADD COLUMN initiatives BIGINT NOT NULL DEFAULT 0`,
		`ALTER TABLE org_figures ADD COLUMN complaints BIGINT NOT NULL DEFAULT 0`,
		`ALTER TABLE org_figures ADD COLUMN complaints_on_time BIGINT NOT NULL DEFAULT 0`,
		`ALTER TABLE region_figures ADD COLUMN complaints BIGINT NOT NULL DEFAULT 0`,
		`ALTER TABLE region_figures ADD COLUMN complaints_on_time BIGINT NOT NULL DEFAULT 0`,
		// The complaints still within their first deadline, unanswered,
		// are taken off the complaints on read (Store.load).
		`CREATE INDEX complaints_first_due ON complaints (first_due_at)`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("figures: running counts: %w", err)
		}
	}
	if err := db.DropTriggers(ctx, tx, triggers()); err != nil {
		return err
	}
	if err := Rebuild(ctx, tx); err != nil {
		return err
	}
	return db.CreateTriggers(ctx, tx, triggers())
}

// Rebuild recomputes every total from the rows themselves. The triggers
// keep them exact afterwards; Rebuild is for the migration, for a bulk
// load that ran without them, and for regions added to the region list
// later.
func Rebuild(ctx context.Context, tx *db.Tx) error {
	notOMS, err := uncountOtherKinds(ctx, tx)
	if err != nil {
		return err
	}
	for _, q := range []string{
		`DELETE FROM org_figures`,
		`DELETE FROM region_figures`,
		// Only OMS count, once organisations have kinds.
		`INSERT INTO org_figures (org_id, region_code, listed) SELECT id, region_code,
			CASE WHEN status IN ('rejected', 'suspended')` + notOMS + ` THEN 0 ELSE 1 END FROM organizations`,
		`UPDATE org_figures SET
			money_confirmed = (SELECT COALESCE(SUM(amount), 0) FROM donations d
				WHERE d.org_id = org_figures.org_id AND d.status = 'confirmed'),
			goods_received = (SELECT COALESCE(SUM(received), 0) FROM goods_pledges g WHERE g.org_id = org_figures.org_id),
			volunteer_minutes = (SELECT COALESCE(SUM(h.minutes), 0) FROM volunteer_hours h
				JOIN volunteer_signups v ON v.id = h.signup_id WHERE v.org_id = org_figures.org_id),
			offers_agreed = (SELECT COUNT(*) FROM offers f WHERE f.org_id = org_figures.org_id AND f.status = 'disepakati'),
			people_reached = (SELECT COALESCE(SUM(total), 0) FROM service_records s WHERE s.org_id = org_figures.org_id),
			campaigns_active = (SELECT COUNT(*) FROM campaigns c WHERE c.org_id = org_figures.org_id AND c.status = 'active'),
			complaints = (SELECT COUNT(*) FROM complaints k WHERE k.org_id = org_figures.org_id),
			complaints_on_time = (SELECT COUNT(*) FROM complaints k WHERE k.org_id = org_figures.org_id
				AND k.first_answer_at IS NOT NULL AND k.first_answer_at <= k.first_due_at)`,
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
		sums[i] = `SUM(` + strings.ReplaceAll(c[0], "ROW.", "") + `) AS ` + c[1]
		sets[i] = c[1] + ` = s.` + c[1]
	}
	for _, n := range codeLen {
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
		q = `UPDATE region_figures SET initiatives = s.n FROM (SELECT ` + strings.ReplaceAll(key, "region_code", "ir.region_code") +
			` AS code, COUNT(DISTINCT ir.initiative_id) AS n FROM initiative_regions ir JOIN initiatives i ON i.id = ir.initiative_id
			WHERE i.status = 'published'` + fmt.Sprintf(` AND length(ir.region_code) >= %d GROUP BY 1) s`, n) +
			` WHERE region_figures.region_code = s.code`
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("figures: rebuild: %w", err)
		}
	}
	return nil
}

// regionLevels are the rows of region_figures that a region code (an
// expression) feeds, as conditions on region_figures: the nation, the
// code's province, kabupaten/kota, kecamatan and the code itself, in that
// order, each only when the code reaches so deep. A trigger updates them
// one statement each, in that order, so that on PostgreSQL transactions
// lock the rows they share in one order. A single UPDATE … WHERE
// region_code IN (…) is planned as a bitmap scan there, which locks the
// rows in the order they sit in the table; that order changes as rows
// are updated, and two donations confirmed at once in two organisations
// then each held a row the other was waiting for (a deadlock: PostgreSQL
// aborts one of them after a second).
func regionLevels(code string) []string {
	out := []string{`region_code = ''`}
	for _, n := range codeLen[1:] {
		l := strconv.Itoa(n)
		out = append(out, `region_code = substr(`+code+`, 1, `+l+`) AND length(`+code+`) >= `+l)
	}
	return out
}

// eachLevel is update (an UPDATE of region_figures up to its WHERE) run
// on each of code's levels, top down, with the condition and.
func eachLevel(update, code, and string) []string {
	levels := regionLevels(code)
	out := make([]string, len(levels))
	for i, l := range levels {
		out[i] = update + ` WHERE ` + l
		if and != "" {
			out[i] += ` AND ` + and
		}
	}
	return out
}

// orgColumns are the totals org_figures passes on to region_figures (an
// expression of the org_figures row, ROW), with the column each feeds.
// Only listed organisations' campaigns count, so a suspension takes them
// off with the organisation.
var orgColumns = [][2]string{
	{"ROW.listed", "organizations"},
	{"ROW.money_confirmed", "money_confirmed"},
	{"ROW.goods_received", "goods_received"},
	{"ROW.volunteer_minutes", "volunteer_minutes"},
	{"ROW.offers_agreed", "offers_agreed"},
	{"ROW.people_reached", "people_reached"},
	{"ROW.listed * ROW.campaigns_active", "campaigns_active"},
	{"ROW.complaints", "complaints"},
	{"ROW.complaints_on_time", "complaints_on_time"},
}

// regionDelta adds (sign "+") or takes off ("-") the row's (NEW or OLD)
// totals to every region containing the row's region.
func regionDelta(row, sign string) []string {
	sets := make([]string, len(orgColumns))
	for i, c := range orgColumns {
		sets[i] = c[1] + ` = ` + c[1] + ` ` + sign + ` (` + strings.ReplaceAll(c[0], "ROW.", row+".") + `)`
	}
	return eachLevel(`UPDATE region_figures SET `+strings.Join(sets, ", "), row+".region_code", "")
}

// regionChange moves every region containing the organisation's
// (unchanged) region by the difference between the NEW and OLD totals:
// each region's row is written once, not taken down then up again.
func regionChange() []string {
	sets := make([]string, len(orgColumns))
	for i, c := range orgColumns {
		sets[i] = c[1] + ` = ` + c[1] + ` + (` + strings.ReplaceAll(c[0], "ROW.", "NEW.") + `) - (` +
			strings.ReplaceAll(c[0], "ROW.", "OLD.") + `)`
	}
	return eachLevel(`UPDATE region_figures SET `+strings.Join(sets, ", "), "NEW.region_code", "")
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

// part is the row's contribution, 0 when it does not count.
func (s source) part(row string) string {
	if s.counts == "" {
		return s.expr(s.value, row)
	}
	return `CASE WHEN ` + s.expr(s.counts, row) + ` THEN ` + s.expr(s.value, row) + ` ELSE 0 END`
}

// change moves the organisation's column by the difference between the
// NEW and the OLD row's contributions: one statement for a row that
// stays with its organisation (a donation confirmed, say), where taking
// the old part off and adding the new would write the row twice.
func (s source) change() string {
	return `UPDATE org_figures SET ` + s.column + ` = ` + s.column + ` + (` + s.part("NEW") + `) - (` + s.part("OLD") + `)
		WHERE org_id = ` + s.expr(s.org, "NEW")
}

func (s source) triggers() []db.Trigger {
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
	out := []db.Trigger{
		{Name: "figures_" + s.name + "_ins", Table: s.table, Event: "INSERT", When: when("NEW"),
			Body: []string{s.delta("NEW", "+")}},
		{Name: "figures_" + s.name + "_upd", Table: s.table, Event: "UPDATE OF " + s.columns, When: upd,
			Body: []string{s.delta("OLD", "-"), s.delta("NEW", "+")}},
		{Name: "figures_" + s.name + "_del", Table: s.table, Event: "DELETE", When: when("OLD"),
			Body: []string{s.delta("OLD", "-")}},
	}
	if s.org != "ROW.org_id" {
		return out // the organisation is looked up: no cheap test that it stayed
	}
	// A row that stays with its organisation changes it in one statement;
	// the general trigger is left for a row that moves.
	same := unchanged("ROW.org_id")
	out[1].When = and(upd, "NOT "+same)
	return append(out, db.Trigger{Name: "figures_" + s.name + "_upd_same", Table: s.table, Event: "UPDATE OF " + s.columns,
		When: and(upd, same), Body: []string{s.change()}})
}

// unchanged is true when the expression of ROW has the same value in
// OLD and NEW, two NULLs included.
func unchanged(e string) string {
	o, n := strings.ReplaceAll(e, "ROW", "OLD"), strings.ReplaceAll(e, "ROW", "NEW")
	return `COALESCE(` + o + ` = ` + n + `, ` + o + ` IS NULL AND ` + n + ` IS NULL)`
}

// and joins two trigger conditions, either of which may be empty.
func and(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return "(" + a + ") AND (" + b + ")"
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
	// Published campaigns, whatever their deadline: those past it are
	// taken off on read (Store.load), as a deadline passes without a write.
	{name: "campaigns", table: "campaigns", columns: "status, org_id", column: "campaigns_active",
		value: "1", counts: "ROW.status = 'active'", org: "ROW.org_id"},
	// Every complaint, and those first answered by their first deadline;
	// the ones not decided yet are taken off on read (Store.load).
	{name: "complaints", table: "complaints", columns: "org_id", column: "complaints",
		value: "1", org: "ROW.org_id"},
	{name: "complaints_on_time", table: "complaints", columns: "first_answer_at, first_due_at, org_id",
		column: "complaints_on_time", value: "1",
		counts: "ROW.first_answer_at IS NOT NULL AND ROW.first_answer_at <= ROW.first_due_at", org: "ROW.org_id"},
}

// listed counts an organisation in its regions' figures of OMS: an OMS
// that is neither rejected nor suspended. Government offices and other
// stakeholders are organisations too but no OMS; the kind never changes,
// so the update trigger need not watch it.
const listed = `CASE WHEN NEW.status IN ('rejected', 'suspended') OR NEW.kind <> 'oms' THEN 0 ELSE 1 END`

func triggers() []db.Trigger {
	out := []db.Trigger{
		{Name: "figures_org_ins", Table: "organizations", Event: "INSERT",
			Body: []string{`INSERT INTO org_figures (org_id, region_code, listed) VALUES (NEW.id, NEW.region_code, ` + listed + `)`}},
		{Name: "figures_org_upd", Table: "organizations", Event: "UPDATE OF status, region_code",
			Body: []string{`UPDATE org_figures SET region_code = NEW.region_code, listed = ` + listed + ` WHERE org_id = NEW.id`}},
		{Name: "figures_org_del", Table: "organizations", Event: "DELETE",
			Body: []string{`DELETE FROM org_figures WHERE org_id = OLD.id`}},
		{Name: "figures_region_ins", Table: "org_figures", Event: "INSERT", Body: regionDelta("NEW", "+")},
		{Name: "figures_region_upd", Table: "org_figures", Event: "UPDATE", When: "OLD.region_code <> NEW.region_code",
			Body: append(regionDelta("OLD", "-"), regionDelta("NEW", "+")...)},
		{Name: "figures_region_same", Table: "org_figures", Event: "UPDATE", When: "OLD.region_code = NEW.region_code",
			Body: regionChange()},
		{Name: "figures_region_del", Table: "org_figures", Event: "DELETE", Body: regionDelta("OLD", "-")},
	}
	for _, s := range sources {
		out = append(out, s.triggers()...)
	}
	return append(out, initiativeTriggers()...)
}

// An initiative counts once in every region it serves, at the region or
// under it, while it is published. Its first region under a region adds
// it there, its last one removed takes it off; publishing or withdrawing
// it moves it in or out of every region its regions reach. These
// triggers run before the row changes, so a statement changing several
// rows of one initiative counts each step as it happens, on both
// databases.

// published is true when the initiative id is published.
func published(id string) string {
	return `EXISTS (SELECT 1 FROM initiatives i WHERE i.id = ` + id + ` AND i.status = 'published')`
}

// noOtherServed is true when the initiative serves nothing at or under
// the region_figures row's region but, perhaps, the row except (an
// initiative_regions row: OLD, or "" for none).
func noOtherServed(id, except string) string {
	q := `NOT EXISTS (SELECT 1 FROM initiative_regions r WHERE r.initiative_id = ` + id + `
		AND (region_figures.region_code = '' OR r.region_code = region_figures.region_code
		OR r.region_code LIKE region_figures.region_code || '.%')`
	if except != "" {
		q += ` AND NOT (r.initiative_id = ` + except + `.initiative_id AND r.region_code = ` + except + `.region_code)`
	}
	return q + `)`
}

// served is the region codes an initiative's regions reach: each region
// and every region containing it, the country included.
func served(id string) string {
	from := ` FROM initiative_regions r WHERE r.initiative_id = ` + id
	return `(SELECT ''` + from + ` UNION SELECT substr(r.region_code, 1, 2)` + from +
		` UNION SELECT substr(r.region_code, 1, 5)` + from + ` UNION SELECT substr(r.region_code, 1, 8)` + from +
		` UNION SELECT r.region_code` + from + `)`
}

func initiativeTriggers() []db.Trigger {
	// reach counts (sign "+") or uncounts ("-") the initiative of row
	// (an initiative_regions row) in the regions containing its region
	// that it serves nowhere else but, perhaps, at except.
	reach := func(sign, row, except string) []string {
		return eachLevel(`UPDATE region_figures SET initiatives = initiatives `+sign+` 1`, row+".region_code",
			published(row+".initiative_id")+` AND `+noOtherServed(row+".initiative_id", except))
	}
	// Publishing, withdrawing or deleting an initiative moves every region
	// its regions reach, depth by depth from the nation down, for the same
	// one order of locks.
	byDepth := func(update, id string) []string {
		out := make([]string, len(codeLen))
		for depth := range out {
			out[depth] = update + ` WHERE depth = ` + strconv.Itoa(depth) + ` AND region_code IN ` + served(id)
		}
		return out
	}
	// Before the change the table holds OLD (not NEW): other rows are
	// those but OLD.
	return []db.Trigger{
		{Name: "figures_reach_ins", Table: "initiative_regions", Event: "INSERT", Before: true,
			Body: reach("+", "NEW", "")},
		{Name: "figures_reach_upd", Table: "initiative_regions", Event: "UPDATE OF initiative_id, region_code", Before: true,
			Body: append(reach("-", "OLD", "OLD"), reach("+", "NEW", "OLD")...)},
		{Name: "figures_reach_del", Table: "initiative_regions", Event: "DELETE", Before: true,
			Body: reach("-", "OLD", "OLD")},
		{Name: "figures_initiative_upd", Table: "initiatives", Event: "UPDATE OF status",
			When: `(OLD.status = 'published') <> (NEW.status = 'published')`,
			Body: byDepth(`UPDATE region_figures SET initiatives = initiatives +
				CASE WHEN NEW.status = 'published' THEN 1 ELSE -1 END`, "NEW.id")},
		// Before the delete: its regions go with it by cascade, after the
		// initiative itself, so their own trigger no longer sees it
		// published.
		{Name: "figures_initiative_del", Table: "initiatives", Event: "DELETE", Before: true,
			When: `OLD.status = 'published'`,
			Body: byDepth(`UPDATE region_figures SET initiatives = initiatives - 1`, "OLD.id")},
	}
}

// Bulk runs load, a bulk load into a database no one else writes to
// (lokadaya generate), with the triggers set aside so that millions of
// rows go in at full speed, then rebuilds the totals from the rows and
// puts the triggers back.
func Bulk(ctx context.Context, d *db.DB, load func() error) error {
	if err := d.InTx(ctx, func(tx *db.Tx) error {
		return db.DropTriggers(ctx, tx, append(append(triggers(), campaignTriggers()...), ledgerTriggers()...))
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
		if err := RebuildLedger(ctx, tx); err != nil {
			return err
		}
		if err := db.CreateTriggers(ctx, tx, triggers()); err != nil {
			return err
		}
		if err := db.CreateTriggers(ctx, tx, ledgerTriggers()); err != nil {
			return err
		}
		return db.CreateTriggers(ctx, tx, campaignTriggers())
	})
	if loadErr != nil {
		return loadErr
	}
	return err
}

// OneWritePerRow is the migration that reinstalls the triggers so that a
// row which stays where it was (a donation confirmed: same organisation,
// region, campaign, need and donor) moves each total it feeds in one
// write, rather than taking its old part off and adding its new part on
// in two, and a ledger entry adds to its day rows in one statement. The
// totals themselves do not change.
func OneWritePerRow(ctx context.Context, tx *db.Tx) error {
	list := append(append(triggers(), campaignTriggers()...), ledgerTriggers()...)
	if err := db.DropTriggers(ctx, tx, list); err != nil {
		return err
	}
	return db.CreateTriggers(ctx, tx, list)
}

// OMSOnly is the migration that counts only OMS among a region's
// organisations, once organisations have kinds: the triggers learn the
// kind, and any organisation of another kind already counted is taken off.
func OMSOnly(ctx context.Context, tx *db.Tx) error {
	if err := OneWritePerRow(ctx, tx); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE org_figures SET listed = 0
		WHERE org_id IN (SELECT id FROM organizations WHERE kind <> 'oms') AND listed <> 0`)
	return err
}

// uncountOtherKinds is the condition that keeps organisations other than
// OMS out of the rebuilt figures, or "" when organisations have no kinds
// yet (a rebuild in the migrations that came before them).
func uncountOtherKinds(ctx context.Context, tx *db.Tx) (string, error) {
	q := `SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'organizations' AND column_name = 'kind'`
	if tx.Dialect == db.SQLite {
		q = `SELECT COUNT(*) FROM pragma_table_info('organizations') WHERE name = 'kind'`
	}
	var n int
	if err := tx.QueryRowContext(ctx, q).Scan(&n); err != nil {
		return "", fmt.Errorf("figures: organisation kinds: %w", err)
	}
	if n == 0 {
		return "", nil
	}
	return ` OR kind <> 'oms'`, nil
}

// RegionsInOrder is the migration that reinstalls the triggers so that
// they update a region code's rows of region_figures one level at a
// time, from the nation down (see regionLevels). The totals themselves do
// not change.
func RegionsInOrder(ctx context.Context, tx *db.Tx) error {
	if err := db.DropTriggers(ctx, tx, triggers()); err != nil {
		return err
	}
	return db.CreateTriggers(ctx, tx, triggers())
}
