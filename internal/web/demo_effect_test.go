package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"lokadaya/internal/i18n"
	"lokadaya/internal/supporter"
)

// The demo's campaigns were visited more often than they were supported, so
// on first start every effectiveness page of the showcase organisation
// shows supporters per visit as a figure, recomputed here from the stored
// supporters and visits, and never "not counted".
func TestDemoEffectShowsSupportersPerVisit(t *testing.T) {
	w := newDemoWorld(t)
	ctx := context.Background()
	rows, err := w.d.Query(ctx, `SELECT c.id, c.slug, COALESCE(SUM(v.count), 0) FROM campaigns c
		LEFT JOIN campaign_visits v ON v.campaign_id = c.id
		WHERE c.org_id = ? AND c.status IN ('active', 'ended') GROUP BY c.id, c.slug ORDER BY c.id`, w.org.ID)
	if err != nil {
		t.Fatal(err)
	}
	type visited struct {
		id     int64
		slug   string
		visits int64
	}
	var list []visited
	for rows.Next() {
		var c visited
		if err := rows.Scan(&c.id, &c.slug, &c.visits); err != nil {
			t.Fatal(err)
		}
		list = append(list, c)
	}
	rows.Close()
	if len(list) == 0 {
		t.Fatal("the showcase organisation has no public campaign")
	}
	for _, c := range list {
		count, err := supporter.Campaign(ctx, w.d, c.id)
		if err != nil {
			t.Fatal(err)
		}
		if count.Total == 0 || c.visits <= count.Total {
			t.Errorf("%s: %d supporters from %d visits; the demo should have supporters and more visits", c.slug, count.Total, c.visits)
			continue
		}
		path := "/organisasi/" + w.org.Slug + "/galang-daya/" + c.slug + "/efektivitas"
		page := w.get(t, "viewer", path)
		toolCheck(t, c.slug, page, http.StatusOK, "<dd>"+i18n.PercentOf(i18n.ID, count.Total, c.visits)+"</dd>")
		if strings.Contains(page.body, "tidak dihitung —") {
			t.Errorf("%s: the effectiveness page says a figure is not counted", c.slug)
		}
	}
}
