package web_test

import (
	"context"
	"strings"
	"testing"
)

// A published initiative's public page links to each of its published
// campaigns, and to no other campaign.
func TestInitiativePageListsItsCampaigns(t *testing.T) {
	w := newDemoWorld(t)
	ctx := context.Background()
	rows, err := w.d.Query(ctx, `SELECT i.slug, c.slug, c.status FROM initiatives i JOIN campaigns c ON c.initiative_id = i.id
		WHERE i.org_id = ? ORDER BY i.id, c.id`, w.org.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	var all []string
	for rows.Next() {
		var islug, cslug, status string
		if err := rows.Scan(&islug, &cslug, &status); err != nil {
			t.Fatal(err)
		}
		all = append(all, cslug)
		if status == "active" || status == "ended" {
			want[islug] = append(want[islug], cslug)
		}
	}
	rows.Close()
	if len(want) == 0 {
		t.Fatal("the demo organisation has no published campaign")
	}
	for islug, campaigns := range want {
		page := w.get(t, "anon", "/inisiatif/"+islug)
		if page.status != 200 {
			t.Fatalf("initiative %s = %d", islug, page.status)
		}
		for _, c := range all {
			linked := strings.Contains(page.body, `href="/galang-daya/`+c+`"`)
			mine := false
			for _, x := range campaigns {
				mine = mine || x == c
			}
			if linked != mine {
				t.Errorf("initiative %s links campaign %s = %v, want %v", islug, c, linked, mine)
			}
		}
	}
}
