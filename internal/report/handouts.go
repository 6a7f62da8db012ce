package report

import (
	"context"

	"lokadaya/internal/db"
	"lokadaya/internal/distribution"
)

// handouts reads the goods of the scope handed out in the period, with
// how many recipients confirmed receipt, and the same sums per expense
// for its ledger line. An expense's sums count every handing-out of its
// goods, whenever it happened: the line shows where that money's goods
// went.
func (rep *Report) handouts(ctx context.Context, q db.Querier) error {
	s, p := rep.Scope, rep.Period
	all, err := distribution.List(ctx, q, distribution.Scope{OrgID: s.OrgID, InitiativeID: s.InitiativeID, CampaignID: s.CampaignID})
	if err != nil {
		return err
	}
	rep.handedOut = distribution.ByExpense(all)
	for _, d := range all {
		if (p.FromDate == "" || d.DistributedOn >= p.FromDate) && (p.ToDate == "" || d.DistributedOn <= p.ToDate) {
			rep.Handouts = append(rep.Handouts, d)
		}
	}
	return nil
}

// handoutRows lays the goods handed out out as a table for the files:
// an empty row, a header, one row per handing-out.
func handoutRows(rep *Report, m *Meta) [][]cell {
	if len(rep.Handouts) == 0 {
		return nil
	}
	out := [][]cell{{}, {text(m.t("report.handouts"))}}
	header := []cell{}
	for _, k := range []string{"date", "item", "quantity", "place", "recipients", "confirmed", "received", "unconfirmed"} {
		header = append(header, text(m.t("report.handout.col."+k)))
	}
	out = append(out, header)
	for _, d := range rep.Handouts {
		t := d.Totals
		out = append(out, []cell{text(d.DistributedOn), text(d.Item + unitSuffix(d.Unit)), num(d.Quantity), text(d.Place),
			num(int64(t.Recipients)), num(int64(t.Confirmed)), num(t.Received), num(t.Unconfirmed)})
	}
	return out
}

func unitSuffix(unit string) string {
	if unit == "" {
		return ""
	}
	return " (" + unit + ")"
}
