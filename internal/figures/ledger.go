package figures

import (
	"context"
	"fmt"
	"strings"

	"lokadaya/internal/db"
)

// The public financial reports add up an organisation's ledger over a
// period, and a busy organisation has tens of thousands of entries. So
// the ledger is also kept as running totals per UTC day, in ledger_days,
// by triggers in the transaction of the entry: a report sums days, not
// entries (internal/ledger's Totals), and reads the entries of the two
// days its period cuts through, if any, from the ledger itself. UTC days
// keep the buckets independent of the organisation's time zone, which
// follows its region and may change.
//
// One row per (organisation, scope, day, category, kind), where the scope
// is the whole organisation ('o', scope_id 0), one campaign ('c') or one
// initiative ('i'): each entry adds to its organisation's row and to its
// campaign's and initiative's when it has them, so every report reads
// only its own rows. kind is the kind the entry counts as: a reversal
// counts as the entry it reverses. money_in sums the amounts of entries
// whose original direction is in (a donation, and its reversal with a
// negative amount), money_out the others'; entries counts them.

// The scopes of ledger_days.
const (
	LedgerScopeOrg        = "o"
	LedgerScopeCampaign   = "c"
	LedgerScopeInitiative = "i"
)

// LedgerSchema creates ledger_days, fills it from the entries and
// installs its triggers; it is the migration that introduces it.
func LedgerSchema(ctx context.Context, tx *db.Tx) error {
	day, tail := "DATE", ""
	if tx.Dialect == db.SQLite {
		// SQLite's date() is text; the key is the table itself.
		day, tail = "TEXT", " WITHOUT ROWID"
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE ledger_days (
			org_id    BIGINT NOT NULL,
			scope     TEXT NOT NULL,
			scope_id  BIGINT NOT NULL,
			day       `+day+` NOT NULL,
			category  TEXT NOT NULL,
			kind      TEXT NOT NULL,
			money_in  BIGINT NOT NULL DEFAULT 0,
			money_out BIGINT NOT NULL DEFAULT 0,
			entries   BIGINT NOT NULL DEFAULT 0,
			PRIMARY KEY (org_id, scope, scope_id, day, category, kind)
		)`+tail); err != nil {
		return fmt.Errorf("figures: ledger schema: %w", err)
	}
	if err := RebuildLedger(ctx, tx); err != nil {
		return err
	}
	return db.CreateTriggers(ctx, tx, ledgerTriggers())
}

// countedKind is the kind an entry (a row of ledger_entries: NEW, OLD or
// an alias) counts as: its reversed entry's for a reversal.
func countedKind(row string) string {
	return `CASE WHEN ` + row + `.kind = 'reversal' THEN (SELECT r.kind FROM ledger_entries r
		WHERE r.org_id = ` + row + `.org_id AND r.seq = ` + row + `.reverses_seq) ELSE ` + row + `.kind END`
}

// moneyIn is true when the entry's original direction is money in.
func moneyIn(row string) string {
	return `((` + row + `.amount > 0) <> (` + row + `.kind = 'reversal'))`
}

// ledgerScopes are the scopes an entry adds to: the id expression of a
// row and the condition for the entry to have that scope.
var ledgerScopes = []struct{ scope, id, has string }{
	{LedgerScopeOrg, "0", "1 = 1"},
	{LedgerScopeCampaign, "ROW.campaign_id", "ROW.campaign_id IS NOT NULL"},
	{LedgerScopeInitiative, "ROW.initiative_id", "ROW.initiative_id IS NOT NULL"},
}

// ledgerDelta adds (sign "+") or takes off ("-") an entry row's part in
// each of its scopes' day rows, in one statement: the scopes are the rows
// of a VALUES list (named column1 and column2 on both databases), those
// the entry lacks left out.
func ledgerDelta(row, sign string) []string {
	scopes := make([]string, len(ledgerScopes))
	for i, s := range ledgerScopes {
		scopes[i] = `('` + s.scope + `', ` + strings.ReplaceAll(s.id, "ROW", row) + `)`
	}
	return []string{`INSERT INTO ledger_days (org_id, scope, scope_id, day, category, kind, money_in, money_out, entries)
		SELECT ` + row + `.org_id, s.column1, s.column2, date(` + row + `.recorded_at), ` + row + `.category, ` + countedKind(row) + `,
		` + sign + `CASE WHEN ` + moneyIn(row) + ` THEN ` + row + `.amount ELSE 0 END,
		` + sign + `CASE WHEN ` + moneyIn(row) + ` THEN 0 ELSE ` + row + `.amount END, ` + sign + `1
		FROM (VALUES ` + strings.Join(scopes, ", ") + `) s WHERE s.column2 IS NOT NULL
		ON CONFLICT (org_id, scope, scope_id, day, category, kind) DO UPDATE SET
		money_in = ledger_days.money_in + excluded.money_in, money_out = ledger_days.money_out + excluded.money_out,
		entries = ledger_days.entries + excluded.entries`}
}

// ledgerTriggers keep ledger_days. The ledger is append-only; the update
// and delete triggers keep the totals true to the rows all the same.
func ledgerTriggers() []db.Trigger {
	return []db.Trigger{
		{Name: "figures_ledger_ins", Table: "ledger_entries", Event: "INSERT", Body: ledgerDelta("NEW", "+")},
		{Name: "figures_ledger_upd", Table: "ledger_entries",
			Event: "UPDATE OF org_id, recorded_at, kind, amount, category, campaign_id, initiative_id, reverses_seq",
			Body:  append(ledgerDelta("OLD", "-"), ledgerDelta("NEW", "+")...)},
		{Name: "figures_ledger_del", Table: "ledger_entries", Event: "DELETE", Body: ledgerDelta("OLD", "-")},
	}
}

// RebuildLedger recomputes ledger_days from the entries.
func RebuildLedger(ctx context.Context, tx *db.Tx) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM ledger_days`); err != nil {
		return fmt.Errorf("figures: rebuild ledger: %w", err)
	}
	for _, s := range ledgerScopes {
		r := func(e string) string { return strings.ReplaceAll(e, "ROW", "e") }
		q := `INSERT INTO ledger_days (org_id, scope, scope_id, day, category, kind, money_in, money_out, entries)
			SELECT e.org_id, '` + s.scope + `', ` + r(s.id) + `, date(e.recorded_at), e.category, COALESCE(o.kind, e.kind),
			SUM(CASE WHEN ` + moneyIn("e") + ` THEN e.amount ELSE 0 END),
			SUM(CASE WHEN ` + moneyIn("e") + ` THEN 0 ELSE e.amount END), COUNT(*)
			FROM ledger_entries e LEFT JOIN ledger_entries o ON o.org_id = e.org_id AND o.seq = e.reverses_seq
			WHERE ` + r(s.has) + ` GROUP BY 1, 2, 3, 4, 5, 6`
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("figures: rebuild ledger: %w", err)
		}
	}
	return nil
}
