package opendata_test

import (
	"context"
	"strings"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// recountPublishers compares open_publishers with the organisations that
// publish, checked row by row the slow way.
func recountPublishers(t *testing.T, d *db.DB, when string) {
	t.Helper()
	var missing, extra int
	if err := d.QueryRow(context.Background(), `SELECT
		(SELECT COUNT(*) FROM organizations o WHERE o.status NOT IN ('rejected', 'suspended')
			AND (EXISTS (SELECT 1 FROM initiatives i WHERE i.org_id = o.id AND i.status = 'published')
			OR EXISTS (SELECT 1 FROM campaigns c WHERE c.org_id = o.id AND c.status <> 'draft'))
			AND NOT EXISTS (SELECT 1 FROM open_publishers p WHERE p.org_id = o.id AND p.licence = o.data_licence)),
		(SELECT COUNT(*) FROM open_publishers p WHERE NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = p.org_id
			AND o.status NOT IN ('rejected', 'suspended')
			AND (EXISTS (SELECT 1 FROM initiatives i WHERE i.org_id = o.id AND i.status = 'published')
			OR EXISTS (SELECT 1 FROM campaigns c WHERE c.org_id = o.id AND c.status <> 'draft'))))`).Scan(&missing, &extra); err != nil {
		t.Fatal(err)
	}
	if missing != 0 || extra != 0 {
		t.Errorf("%s: %d publishers missing or with an old licence, %d that do not publish", when, missing, extra)
	}
}

// TestOpenPublishersFollowTheRows changes every row a publisher depends
// on — the organisation's status and licence, its initiatives and
// campaigns — and recounts after each write.
func TestOpenPublishersFollowTheRows(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := demoStore(t, d)
		recountPublishers(t, d, "after the demo")
		var orgID int64
		if err := d.QueryRow(ctx, `SELECT org_id FROM open_publishers ORDER BY org_id LIMIT 1`).Scan(&orgID); err != nil {
			t.Fatal(err)
		}
		before, total, err := s.Publishers(ctx, "", 0, 1000)
		if err != nil || len(before) != total || total == 0 {
			t.Fatalf("%d publishers, total %d: %v", len(before), total, err)
		}
		steps := []struct {
			name, sql string
		}{
			{"licence changed", `UPDATE organizations SET data_licence = 'CC0-1.0' WHERE id = ?`},
			{"suspended", `UPDATE organizations SET status = 'suspended' WHERE id = ?`},
			{"reinstated", `UPDATE organizations SET status = 'verified' WHERE id = ?`},
			{"initiatives unpublished", `UPDATE initiatives SET status = 'draft' WHERE org_id = ?`},
			{"campaigns back to draft", `UPDATE campaigns SET status = 'draft' WHERE org_id = ?`},
			{"a campaign out again", `UPDATE campaigns SET status = 'active' WHERE id = (SELECT MIN(id) FROM campaigns WHERE org_id = ?)`},
			{"initiatives published again", `UPDATE initiatives SET status = 'published' WHERE org_id = ?`},
		}
		for _, st := range steps {
			if _, err := d.Exec(ctx, st.sql, orgID); err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			recountPublishers(t, d, st.name)
		}
		licences, err := s.LicencesInUse(ctx)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, l := range licences {
			found = found || l == "CC0-1.0"
		}
		if !found {
			t.Errorf("licences in use %v miss CC0-1.0", licences)
		}
	})
}

// TestPublisherSlugsPageFromWhereTheLastEnded: paging the slugs by the
// last one seen, from any offset, gives the publishers in the order, and
// exactly the ones, that Publishers lists.
func TestPublisherSlugsPageFromWhereTheLastEnded(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := demoStore(t, d)
		all, total, err := s.Publishers(ctx, "", 0, 1000)
		if err != nil || total < 5 || len(all) != total {
			t.Fatalf("%d of %d publishers (%v), want at least 5", len(all), total, err)
		}
		for _, tc := range []struct{ offset, page int }{{0, 1}, {0, 2}, {3, 2}, {0, 1000}, {total - 1, 3}, {total, 2}} {
			var got []string
			after, skip := "", tc.offset
			for {
				slugs, err := s.PublisherSlugs(ctx, after, skip, tc.page)
				if err != nil {
					t.Fatal(err)
				}
				if len(slugs) == 0 {
					break
				}
				got = append(got, slugs...)
				after, skip = slugs[len(slugs)-1], 0
			}
			var want []string
			for _, p := range all[tc.offset:] {
				want = append(want, p.Slug)
			}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("offset %d, %d a page: %v, want %v", tc.offset, tc.page, got, want)
			}
		}
	})
}
