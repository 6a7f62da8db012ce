package distribution

// ByExpense adds up the distributions of each expense: what the goods an
// expense bought came to when handed out, confirmed and not.
func ByExpense(list []*Distribution) map[int64]Totals {
	out := map[int64]Totals{}
	for _, d := range list {
		if d.ExpenseID == 0 {
			continue
		}
		t := out[d.ExpenseID]
		t.Recipients += d.Totals.Recipients
		t.Confirmed += d.Totals.Confirmed
		t.Quantity += d.Totals.Quantity
		t.Received += d.Totals.Received
		t.Unconfirmed += d.Totals.Unconfirmed
		out[d.ExpenseID] = t
	}
	return out
}
