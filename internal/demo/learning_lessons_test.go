package demo_test

import (
	"context"
	"net/url"
	"testing"

	"lokadaya/internal/demo/demotest"
	"lokadaya/internal/lesson"
)

// TestDemoLessons: a dozen published lessons of at least four
// organisations from several stages, each with issues and evidence that
// links to pages of the site, and drafts the public does not see.
func TestDemoLessons(t *testing.T) {
	d := demotest.Open(t)
	ctx := context.Background()
	s := &lesson.Store{DB: d}
	rows, err := d.Query(ctx, `SELECT id FROM lessons ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	list, err := s.ByIDs(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	orgs, stages := map[int64]bool{}, map[int]bool{}
	published, drafts, fromCycle := 0, 0, 0
	for _, l := range list {
		if !l.Published {
			drafts++
			continue
		}
		published++
		orgs[l.OrgID], stages[l.Stage] = true, true
		if len(l.Issues) == 0 || len(l.Evidence) == 0 || l.PublishedAt == nil {
			t.Errorf("lesson %q lacks issues, evidence or a date", l.Title)
		}
		for _, e := range l.Evidence {
			if u, err := url.Parse(e.URL); err != nil || !e.Local() || u.Path == "" {
				t.Errorf("lesson %q: evidence %q is not a page of the site", l.Title, e.URL)
			}
		}
		if l.SourceKind == lesson.SourceCycle {
			var org int64
			if err := d.QueryRow(ctx, `SELECT org_id FROM cycles WHERE id = ?`, l.SourceID).Scan(&org); err != nil || org != l.OrgID {
				t.Errorf("lesson %q: cycle %d of org %d (%v)", l.Title, l.SourceID, org, err)
			}
			fromCycle++
		}
	}
	if published < 12 || len(orgs) < 4 || len(stages) < 5 || drafts < 1 || fromCycle < 2 {
		t.Fatalf("published %d of %d orgs over %d stages, %d drafts, %d from the cycle", published, len(orgs), len(stages), drafts, fromCycle)
	}
	var n int
	if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM lessons l JOIN organizations o ON o.id = l.org_id
		WHERE l.published = TRUE AND o.slug = 'terang-kampung' AND l.source_kind <> 'reflection'`).Scan(&n); err != nil || n != 3 {
		t.Fatalf("terang-kampung publishes %d lessons (%v)", n, err)
	}
}
