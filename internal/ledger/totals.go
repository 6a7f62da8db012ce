package ledger

import (
	"context"
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
	// Entries is how many entries were added up, zakat and infak included.
	Entries int64
}

// Totals adds up the entries the filter selects.
func Totals(ctx context.Context, q db.Querier, f Filter) (Summary, error) {
	t := Summary{ByCategory: map[Category]Flow{}}
	if f.OrgID == 0 && f.CampaignID == 0 && f.InitiativeID == 0 {
		return t, errors.New("ledger: totals: empty filter")
	}
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
	if !f.From.IsZero() {
		where += ` AND e.recorded_at >= ?`
		args = append(args, f.From.UTC())
	}
	if !f.To.IsZero() {
		where += ` AND e.recorded_at < ?`
		args = append(args, f.To.UTC())
	}
	// A reversal counts as its reversed entry's kind, against its direction.
	rows, err := q.Query(ctx, `SELECT COALESCE(o.kind, e.kind), e.category,
		CASE WHEN e.amount > 0 THEN 1 ELSE 0 END, CASE WHEN e.kind = 'reversal' THEN 1 ELSE 0 END,
		SUM(e.amount), COUNT(*)
		FROM ledger_entries e
		LEFT JOIN ledger_entries o ON o.org_id = e.org_id AND o.seq = e.reverses_seq
		WHERE `+where+` GROUP BY 1, 2, 3, 4`, args...)
	if err != nil {
		return t, fmt.Errorf("ledger: totals: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, cat string
		var positive, reversal int
		var sum, n int64
		if err := rows.Scan(&kind, &cat, &positive, &reversal, &sum, &n); err != nil {
			return t, fmt.Errorf("ledger: totals: %w", err)
		}
		var g Flow
		in := (positive == 1) != (reversal == 1) // the direction of the original entry
		switch {
		case Kind(kind) == KindTransfer && in:
			g.TransferIn = sum
		case Kind(kind) == KindTransfer:
			g.TransferOut = -sum
		case in:
			g.In = sum
		default:
			g.Out = -sum
		}
		t.Entries += n
		if Category(cat) == CatZakatInfak {
			t.Zakat.add(g)
			continue
		}
		c := t.ByCategory[Category(cat)]
		c.add(g)
		t.ByCategory[Category(cat)] = c
	}
	if err := rows.Err(); err != nil {
		return t, fmt.Errorf("ledger: totals: %w", err)
	}
	var all Flow
	for _, c := range t.ByCategory {
		all.add(c)
	}
	t.In, t.Out, t.TransferIn, t.TransferOut, t.Balance = all.In, all.Out, all.TransferIn, all.TransferOut, all.Balance()
	return t, nil
}
