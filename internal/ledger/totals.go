package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/db"
)

// Filter selects the entries Totals adds up. At least one of OrgID,
// CampaignID and InitiativeID is set; the others narrow it further.
type Filter struct {
	OrgID        int64
	CampaignID   int64
	InitiativeID int64
	// From ≤ recorded time < To; zero is open.
	From, To time.Time
}

// Flow is the money of one category. In and Out are positive rupiah, net of
// reversals (a reversed donation is taken off In, a reversed expense off
// Out). Transfers between the organisation's initiatives and campaigns are
// kept apart from money raised and spent.
type Flow struct {
	In, Out                 int64
	TransferIn, TransferOut int64
}

// Balance is what the flow leaves: in − out + transfers in − transfers out.
func (f Flow) Balance() int64 { return f.In - f.Out + f.TransferIn - f.TransferOut }

func (f *Flow) add(g Flow) {
	f.In += g.In
	f.Out += g.Out
	f.TransferIn += g.TransferIn
	f.TransferOut += g.TransferOut
}

// Summary is the sums of the selected entries.
type Summary struct {
	// ByCategory holds every category that has entries, except zakat_infak.
	ByCategory map[Category]Flow
	// In, Out, TransferIn, TransferOut and Balance add up ByCategory.
	In, Out                 int64
	TransferIn, TransferOut int64
	Balance                 int64
	// Zakat is zakat and infak money, never counted in the figures above.
	Zakat Flow
	// Net is the signed sum of each kind's entries, zakat and infak
	// excluded; a reversal counts against the kind of the entry it
	// reverses, so Net[KindDonation] is what was donated, net.
	Net map[Kind]int64
	// Entries is how many entries were added up, zakat and infak included.
	Entries int64
}

// Totals adds up the entries the filter selects. An organisation's
// totals, or one campaign's or initiative's of it, come from the running
// totals per UTC day (ledger_days, kept by triggers: see
// internal/figures): whole days from those, and the entries of a day the
// period cuts through from the ledger itself, so the sums are exact for a
// period cut at any time.
func Totals(ctx context.Context, q db.Querier, f Filter) (Summary, error) {
	t := Summary{ByCategory: map[Category]Flow{}, Net: map[Kind]int64{}}
	if f.OrgID == 0 && f.CampaignID == 0 && f.InitiativeID == 0 {
		return t, errors.New("ledger: totals: empty filter")
	}
	from, to := f.From.UTC(), f.To.UTC()
	if f.OrgID == 0 || (f.CampaignID != 0 && f.InitiativeID != 0) {
		// No running totals for these: add the entries up.
		if err := t.addEntries(ctx, q, f, from, to); err != nil {
			return t, err
		}
		return t.finish(), nil
	}
	firstDay, endDay := from, to // whole days: firstDay ≤ day < endDay
	if !from.IsZero() {
		firstDay = dayStart(from)
		if !firstDay.Equal(from) {
			firstDay = firstDay.AddDate(0, 0, 1)
		}
	}
	if !to.IsZero() {
		endDay = dayStart(to)
	}
	if !from.IsZero() && !to.IsZero() && !firstDay.Before(endDay) {
		// Within a day or two: no whole day between.
		if err := t.addEntries(ctx, q, f, from, to); err != nil {
			return t, err
		}
		return t.finish(), nil
	}
	if err := t.addDays(ctx, q, f, firstDay, endDay); err != nil {
		return t, err
	}
	if !from.IsZero() && from.Before(firstDay) {
		if err := t.addEntries(ctx, q, f, from, firstDay); err != nil {
			return t, err
		}
	}
	if !to.IsZero() && endDay.Before(to) {
		if err := t.addEntries(ctx, q, f, endDay, to); err != nil {
			return t, err
		}
	}
	return t.finish(), nil
}

// dayStart is the start of t's UTC day.
func dayStart(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// addDays adds the running totals of the UTC days firstDay ≤ day < endDay
// (zero is open) of the filter's organisation, campaign or initiative.
func (t *Summary) addDays(ctx context.Context, q db.Querier, f Filter, firstDay, endDay time.Time) error {
	scope, id := "o", int64(0)
	switch {
	case f.CampaignID != 0:
		scope, id = "c", f.CampaignID
	case f.InitiativeID != 0:
		scope, id = "i", f.InitiativeID
	}
	where, args := `org_id = ? AND scope = ? AND scope_id = ?`, []any{f.OrgID, scope, id}
	if !firstDay.IsZero() {
		where += ` AND day >= ?`
		args = append(args, firstDay.Format(time.DateOnly))
	}
	if !endDay.IsZero() {
		where += ` AND day < ?`
		args = append(args, endDay.Format(time.DateOnly))
	}
	return t.addRows(q.Query(ctx, `SELECT kind, category, SUM(money_in), SUM(money_out), SUM(entries)
		FROM ledger_days WHERE `+where+` GROUP BY kind, category`, args...))
}

// addEntries adds up the filter's entries recorded from ≤ t < to (zero is
// open) one by one.
func (t *Summary) addEntries(ctx context.Context, q db.Querier, f Filter, from, to time.Time) error {
	where, args := `1 = 1`, []any{}
	for _, c := range []struct {
		col string
		v   int64
	}{{"e.org_id", f.OrgID}, {"e.campaign_id", f.CampaignID}, {"e.initiative_id", f.InitiativeID}} {
		if c.v != 0 {
			where += ` AND ` + c.col + ` = ?`
			args = append(args, c.v)
		}
	}
	if !from.IsZero() {
		where += ` AND e.recorded_at >= ?`
		args = append(args, from)
	}
	if !to.IsZero() {
		where += ` AND e.recorded_at < ?`
		args = append(args, to)
	}
	// A reversal counts as its reversed entry's kind, in its direction.
	in := `(e.amount > 0) <> (e.kind = 'reversal')`
	return t.addRows(q.Query(ctx, `SELECT COALESCE(o.kind, e.kind), e.category,
		SUM(CASE WHEN `+in+` THEN e.amount ELSE 0 END), SUM(CASE WHEN `+in+` THEN 0 ELSE e.amount END), COUNT(*)
		FROM ledger_entries e
		LEFT JOIN ledger_entries o ON o.org_id = e.org_id AND o.seq = e.reverses_seq
		WHERE `+where+` GROUP BY 1, 2`, args...))
}

// addRows adds rows of (kind counted as, category, sum of the amounts
// whose original direction is in, of the others, entries).
func (t *Summary) addRows(rows *sql.Rows, err error) error {
	if err != nil {
		return fmt.Errorf("ledger: totals: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, cat string
		var in, out, n int64
		if err := rows.Scan(&kind, &cat, &in, &out, &n); err != nil {
			return fmt.Errorf("ledger: totals: %w", err)
		}
		var g Flow
		if Kind(kind) == KindTransfer {
			g.TransferIn, g.TransferOut = in, -out
		} else {
			g.In, g.Out = in, -out
		}
		if n == 0 {
			continue // a day row whose entries are all gone
		}
		t.Entries += n
		if Category(cat) == CatZakatInfak {
			t.Zakat.add(g)
			continue
		}
		t.Net[Kind(kind)] += in + out
		c := t.ByCategory[Category(cat)]
		c.add(g)
		t.ByCategory[Category(cat)] = c
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("ledger: totals: %w", err)
	}
	return nil
}

// finish adds ByCategory up.
func (t Summary) finish() Summary {
	var all Flow
	for _, f := range t.ByCategory {
		all.add(f)
	}
	t.In, t.Out, t.TransferIn, t.TransferOut, t.Balance = all.In, all.Out, all.TransferIn, all.TransferOut, all.Balance()
	return t
}
