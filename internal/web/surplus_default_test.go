package web_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"lokadaya/internal/i18n"
)

// The surplus page opens where the organisation left off: the initiative
// and period of its latest decision, with what was already allocated
// there, rather than an initiative with nothing to show.
func TestSurplusOpensAtTheLatestDecision(t *testing.T) {
	w := newDemoWorld(t)
	ctx := context.Background()
	var initiative int64
	var from, to time.Time
	if err := w.d.QueryRow(ctx, `SELECT p.initiative_id, p.period_from, p.period_to FROM surplus_allocations a
		JOIN surplus_periods p ON p.id = a.period_id WHERE a.org_id = ? ORDER BY a.id DESC LIMIT 1`, w.org.ID).Scan(&initiative, &from, &to); err != nil {
		t.Fatal(err)
	}
	var allocated int64
	if err := w.d.QueryRow(ctx, `SELECT SUM(a.amount) FROM surplus_allocations a JOIN surplus_periods p ON p.id = a.period_id
		WHERE p.initiative_id = ? AND p.period_from = ? AND p.period_to = ?`, initiative, from, to).Scan(&allocated); err != nil {
		t.Fatal(err)
	}
	wib := i18n.WIB // the showcase is in Kota Bandung
	page := w.get(t, "owner", "/organisasi/"+w.org.Slug+"/surplus")
	toolCheck(t, "surplus", page, http.StatusOK,
		`<option value="`+strconv.FormatInt(initiative, 10)+`" selected>`,
		`value="`+from.In(wib).Format(time.DateOnly)+`"`, `value="`+to.In(wib).AddDate(0, 0, -1).Format(time.DateOnly)+`"`,
		i18n.Rupiah(allocated))
}
