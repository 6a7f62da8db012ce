package opendata

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/db"
)

// open_changes holds, per source and organisation, the version of the
// last change that may have changed a data set's rows. A source is a group
// of tables a data set reads (the donations, the books, the campaigns…).
// Triggers give every change a fresh version from open_change_counter, a
// number that only grows, so that:
//
//   - the whole catalogue's stamp of a data set is the newest version of
//     each of its sources: one probe of the (source, version) index each;
//   - one organisation's stamp is its own row of each source: one probe of
//     the primary key each.
//
// Nothing is counted on a request, and the stamps change with the very
// transaction that changes the rows.
//
// On PostgreSQL the triggers are deferred to the commit: the counter row
// they update is locked from there to the end of the commit, so versions
// are handed out in commit order. Were they taken earlier, a transaction
// could take a smaller number than one that commits before it, and the
// newest version seen by a reader between the two commits would not move
// at the second. Deferred, the counter is held only for the commit itself
// and by no transaction waiting for another lock. SQLite has one writer at
// a time, so its triggers run at once.

// changeTable is a table whose rows a source follows.
type changeTable struct {
	source, table string
	// key is the column that leads to the organisation: its id when
	// parent is "", else the id of a row of parent, whose org_id it is.
	key, parent string
	// cols are the columns an update must touch to change a data set's
	// rows; "" for any.
	cols string
	// in, when set, is the condition on a row (ROW) for it to count in a
	// data set: a change is one when the row counted before or after it.
	in string
	// noInsert is set for tables whose new rows are in no data set yet
	// (a pledge without receipts, a sign-up without hours).
	noInsert bool
}

// The sources.
const (
	srcOrganizations = "organizations"
	srcCampaigns     = "campaigns"
	srcNeeds         = "needs"
	srcDonations     = "donations"
	srcGoods         = "goods"
	srcVolunteers    = "volunteers"
	srcSignatures    = "signatures"
	srcOffers        = "offers"
	srcLedger        = "ledger"
	srcExpenses      = "expenses"
	srcInitiatives   = "initiatives"
	srcServiceRecs   = "service_records"
	srcServicePoints = "service_points"
	srcFeedback      = "feedback"
	srcComplaints    = "complaints"
	srcSurveys       = "surveys"
)

// changeTables are every table a data set reads, with the columns its rows
// show or select by.
var changeTables = []changeTable{
	// An organisation's status hides all its rows, its licence, slug and
	// region are in every row: every data set follows this source.
	{source: srcOrganizations, table: "organizations", key: "id", cols: "status, data_licence, slug, region_code", noInsert: true},
	{source: srcCampaigns, table: "campaigns", key: "org_id",
		cols: "org_id, initiative_id, slug, title, status, scheme, appeal, starts_at, ends_at, published_at"},
	{source: srcNeeds, table: "campaign_needs", key: "campaign_id", parent: "campaigns",
		cols: "campaign_id, kind, title, description, target, unit, item_value, position"},
	// The hot path: only confirmed donations are published, so a new
	// pending donation, its expiry or rejection change nothing.
	{source: srcDonations, table: "donations", key: "org_id", cols: "org_id, campaign_id, status, amount, confirmed_at",
		in: "ROW.status = 'confirmed'"},
	{source: srcGoods, table: "goods_receipts", key: "pledge_id", parent: "goods_pledges", cols: "pledge_id, quantity, received_on"},
	{source: srcGoods, table: "goods_pledges", key: "org_id", cols: "org_id, campaign_id", noInsert: true},
	{source: srcVolunteers, table: "volunteer_hours", key: "signup_id", parent: "volunteer_signups", cols: "signup_id, day, minutes"},
	{source: srcVolunteers, table: "volunteer_signups", key: "org_id", cols: "org_id, campaign_id", noInsert: true},
	{source: srcSignatures, table: "petition_signatures", key: "campaign_id", parent: "campaigns", cols: "campaign_id, verified_at",
		in: "ROW.verified_at IS NOT NULL"},
	{source: srcOffers, table: "offers", key: "org_id", cols: "org_id, campaign_id, need_id, created_at"},
	{source: srcLedger, table: "ledger_entries", key: "org_id"},
	{source: srcExpenses, table: "expenses", key: "org_id",
		cols: "org_id, status, amount, category, campaign_id, initiative_id, description, spent_on, receipt_key, ledger_seq, reversal_seq, reversal_reason",
		in:   "ROW.status = 'disetujui'"},
	{source: srcInitiatives, table: "initiatives", key: "org_id", cols: "org_id, slug, name, tagline, category, status, published_at"},
	{source: srcInitiatives, table: "initiative_regions", key: "initiative_id", parent: "initiatives"},
	{source: srcServiceRecs, table: "service_records", key: "org_id", cols: "org_id, initiative_id, point_id, served_on, total"},
	{source: srcServicePoints, table: "service_points", key: "org_id", cols: "org_id, code, name, region_code"},
	{source: srcFeedback, table: "feedback_votes", key: "org_id", cols: "org_id, initiative_id, point_id, colour, day, status",
		in: "ROW.status = 'dihitung'"},
	{source: srcFeedback, table: "feedback_paper_tallies", key: "org_id"},
	{source: srcComplaints, table: "complaints", key: "org_id", cols: "org_id, initiative_id, received_at, first_answer_at, first_due_at"},
	{source: srcSurveys, table: "survey_rounds", key: "org_id", cols: "org_id, initiative_id, code, title, period_from, period_to"},
	{source: srcSurveys, table: "survey_responses", key: "round_id", parent: "survey_rounds"},
}

// changedNow is the time of a change, in UTC, as each database writes it.
func changedNow(d db.Dialect) string {
	if d == db.Postgres {
		return `CAST(now() AT TIME ZONE 'UTC' AS TIMESTAMP)`
	}
	return `strftime('%Y-%m-%d %H:%M:%f', 'now')`
}

// bumpCounter takes the next version. On PostgreSQL a transaction takes
// one only (its changes commit together): a row updated again and again
// in one transaction leaves a version behind each time that no one can
// clean up before the commit, and every later update walks past them all.
func bumpCounter(d db.Dialect) string {
	if d == db.Postgres {
		return `UPDATE open_change_counter SET version = version + 1 WHERE xmin <> pg_current_xact_id()::xid`
	}
	return `UPDATE open_change_counter SET version = version + 1`
}

// record writes the current version as the change of row (NEW or OLD) of
// t, when cond (SQL, may be "") holds.
func (t changeTable) record(d db.Dialect, row, cond string) string {
	key := row + "." + t.key
	sel := `SELECT '` + t.source + `', ` + key + `, (SELECT version FROM open_change_counter), ` + changedNow(d) +
		` WHERE ` + key + ` IS NOT NULL` + cond
	if t.parent != "" {
		sel = `SELECT '` + t.source + `', p.org_id, (SELECT version FROM open_change_counter), ` + changedNow(d) +
			` FROM ` + t.parent + ` p WHERE p.id = ` + key + cond
	}
	return `INSERT INTO open_changes (source, org_id, version, changed_at) ` + sel +
		` ON CONFLICT (source, org_id) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at
		WHERE open_changes.version <> excluded.version`
}

func (t changeTable) triggers(d db.Dialect) []db.Trigger {
	name := "open_changes_" + t.table
	when := func(rows ...string) string {
		if t.in == "" {
			return ""
		}
		var or []string
		for _, r := range rows {
			or = append(or, strings.ReplaceAll(t.in, "ROW.", r+"."))
		}
		return strings.Join(or, " OR ")
	}
	update := "UPDATE"
	if t.cols != "" {
		update += " OF " + t.cols
	}
	var out []db.Trigger
	if !t.noInsert {
		out = append(out, db.Trigger{Name: name + "_ins", Table: t.table, Event: "INSERT", When: when("NEW"),
			Body: []string{bumpCounter(d), t.record(d, "NEW", "")}})
	}
	return append(out,
		db.Trigger{Name: name + "_upd", Table: t.table, Event: update, When: when("OLD", "NEW"),
			// A row moved to another organisation changes both.
			Body: []string{bumpCounter(d), t.record(d, "NEW", ""), t.record(d, "OLD", ` AND OLD.`+t.key+` <> NEW.`+t.key)}},
		db.Trigger{Name: name + "_del", Table: t.table, Event: "DELETE", When: when("OLD"),
			Body: []string{bumpCounter(d), t.record(d, "OLD", "")}})
}

// changeTriggers are the triggers that keep open_changes.
func changeTriggers(d db.Dialect) []db.Trigger {
	var out []db.Trigger
	for _, t := range changeTables {
		for _, tr := range t.triggers(d) {
			// Run at the commit on PostgreSQL; see above.
			tr.Deferred = true
			out = append(out, tr)
		}
	}
	return out
}

// ChangesSchema creates open_changes and its counter, fills them from the
// rows already there and installs the triggers; it is the migration that
// introduces them.
func ChangesSchema(ctx context.Context, tx *db.Tx) error {
	for _, q := range []string{
		`CREATE TABLE open_changes (
			source     TEXT NOT NULL,
			org_id     BIGINT NOT NULL,
			version    BIGINT NOT NULL,
			changed_at TIMESTAMP NOT NULL,
			PRIMARY KEY (source, org_id)
		)`,
		`CREATE INDEX open_changes_version ON open_changes (source, version)`,
		`CREATE TABLE open_change_counter (version BIGINT NOT NULL)`,
		`INSERT INTO open_change_counter (version) VALUES (0)`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("opendata: changes schema: %w", err)
		}
	}
	if err := backfillChanges(ctx, tx, db.Now()); err != nil {
		return err
	}
	return db.CreateTriggers(ctx, tx, changeTriggers(tx.Dialect))
}

// backfillChanges gives every organisation with rows in a source one
// fresh version, changed at now.
func backfillChanges(ctx context.Context, tx *db.Tx, now time.Time) error {
	if _, err := tx.ExecContext(ctx, bumpCounter(tx.Dialect)); err != nil {
		return fmt.Errorf("opendata: changes backfill: %w", err)
	}
	for _, t := range changeTables {
		org := `SELECT DISTINCT ` + t.key + ` AS id FROM ` + t.table
		if t.parent != "" {
			org = `SELECT DISTINCT p.org_id AS id FROM ` + t.table + ` x JOIN ` + t.parent + ` p ON p.id = x.` + t.key
		}
		q := `INSERT INTO open_changes (source, org_id, version, changed_at)
			SELECT '` + t.source + `', o.id, (SELECT version FROM open_change_counter), ? FROM (` + org + `) o WHERE o.id IS NOT NULL
			ON CONFLICT (source, org_id) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at`
		if _, err := tx.Exec(ctx, q, now.UTC()); err != nil {
			return fmt.Errorf("opendata: changes backfill %s: %w", t.table, err)
		}
	}
	return nil
}

// Bulk runs load, a bulk load of many rows, with the triggers of
// open_changes set aside, then backfills it and puts them back: one
// upsert per row would slow the load, and on PostgreSQL queue one deferred
// trigger per row until the commit.
func Bulk(ctx context.Context, d *db.DB, now time.Time, load func() error) error {
	list := changeTriggers(d.Dialect)
	if err := d.InTx(ctx, func(tx *db.Tx) error { return db.DropTriggers(ctx, tx, list) }); err != nil {
		return err
	}
	loadErr := load()
	// Put back even when the load was cancelled.
	ctx = context.WithoutCancel(ctx)
	err := d.InTx(ctx, func(tx *db.Tx) error {
		if err := backfillChanges(ctx, tx, now); err != nil {
			return err
		}
		return db.CreateTriggers(ctx, tx, list)
	})
	if loadErr != nil {
		return loadErr
	}
	return err
}

// sourcesOf are the sources of a data set, the organisations' first.
func sourcesOf(ds *Dataset) []string {
	return append([]string{srcOrganizations}, ds.sources...)
}

func quoted(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = "'" + s + "'"
	}
	return strings.Join(q, ", ")
}

// versions reads the versions of sources: the newest of each over the
// whole catalogue (orgID 0), or the organisation's own.
func (s *Store) versions(ctx context.Context, sources []string, orgID int64) (map[string]change, error) {
	var q string
	var args []any
	if orgID == 0 {
		parts := make([]string, len(sources))
		for i, src := range sources {
			parts[i] = `SELECT * FROM (SELECT source, version, CAST(changed_at AS TEXT) FROM open_changes
				WHERE source = '` + src + `' ORDER BY version DESC LIMIT 1) s` + strconv.Itoa(i)
		}
		q = strings.Join(parts, " UNION ALL ")
	} else {
		q = `SELECT source, version, CAST(changed_at AS TEXT) FROM open_changes WHERE source IN (` + quoted(sources) + `) AND org_id = ?`
		args = []any{orgID}
	}
	rows, err := s.DB.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]change{}
	for rows.Next() {
		var src string
		var c change
		var at sql.NullString
		if err := rows.Scan(&src, &c.version, &at); err != nil {
			return nil, err
		}
		c.at = parseTime(at.String)
		out[src] = c
	}
	return out, rows.Err()
}

type change struct {
	version int64
	at      time.Time
}

// Stamp is the data set's stamp from the versions of its sources: its
// ETag changes with any of them, its Modified is the time of the newest.
func (s *Store) Stamp(ctx context.Context, ds *Dataset, orgID int64) (Stamp, error) {
	sources := sourcesOf(ds)
	vs, err := s.versions(ctx, sources, orgID)
	if err != nil {
		return Stamp{}, fmt.Errorf("opendata: %s stamp: %w", ds.Name, err)
	}
	sort.Strings(sources)
	var b strings.Builder
	b.WriteString(ds.Name + "|" + strconv.FormatInt(orgID, 10) + "|" + schemaVersion)
	var newest change
	for _, src := range sources {
		c := vs[src]
		b.WriteString("|" + src + ":" + strconv.FormatInt(c.version, 10))
		if c.version > newest.version {
			newest = c
		}
	}
	sum := sha256.Sum256([]byte(b.String()))
	return Stamp{ETag: `"` + hex.EncodeToString(sum[:12]) + `"`, Modified: newest.at}, nil
}

// allSources are every source.
func allSources() []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range changeTables {
		if !seen[t.source] {
			seen[t.source] = true
			out = append(out, t.source)
		}
	}
	return out
}
