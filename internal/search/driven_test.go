package search

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// seedMany adds a few hundred documents spread over regions, issues,
// kinds, schemes and deadlines, with many even sort keys (the same hour
// published, the same share needed) so that paging leans on the row ids.
func (w *world) seedMany() {
	regions := []string{"32.73", w.kec, "32.04", "11.01", "31.71"}
	issues := []string{"pendidikan", "kesehatan", "lingkungan"}
	kinds := []string{"dana", "barang", "relawan"}
	for i := range 80 {
		o := w.org(fmt.Sprintf("oms-%d", i), fmt.Sprintf("Komunitas %d", i), regions[i%len(regions)],
			issues[i%3]+map[bool]string{true: ",pendidikan"}[i%4 == 0], "berdaya", "verified")
		var serves []string
		if i%7 == 0 {
			serves = []string{"32"}
		}
		in := w.initiative(o, fmt.Sprintf("ini-%d", i), fmt.Sprintf("Inisiatif %d", i), "layanan", issues[(i+1)%3],
			"published", serves...)
		for j := range 3 {
			var ends *time.Time
			if (i+j)%6 != 0 {
				ends = at(w.now.Add(time.Duration((i*j)%9-3) * 24 * time.Hour))
			}
			c := w.campaign(o, in, fmt.Sprintf("k-%d-%d", i, j), fmt.Sprintf("Kampanye %d %d", i, j), "cerita",
				"active", []string{"transaksional", "resiprokal"}[(i+j)%2], ends, w.now.Add(-time.Duration((i*7+j)%11)*time.Hour))
			w.need(c, "dana", 1_000_000)
			if k := kinds[(i+j)%3]; k != "dana" {
				w.need(c, k, 5)
			}
			if (i+j)%4 == 0 {
				w.exec(`INSERT INTO donations (campaign_id, need_id, org_id, method, base_amount, amount, status, donor_name,
					form_token, created_at, expires_at) SELECT ?, n.id, ?, 'transfer', ?, ?, 'confirmed', 'Budi', ?, ?, ?
					FROM campaign_needs n WHERE n.campaign_id = ? AND n.kind = 'dana'`,
					c, o, 100_000*(i%5+1), 100_000*(i%5+1), fmt.Sprintf("tok-%d-%d", i, j), w.now, w.now, c)
			}
		}
	}
}

// facetKeysOff counts the facet rows whose sort keys differ from their
// document's.
func (w *world) facetKeysOff() int {
	w.t.Helper()
	var n int
	if err := w.d.QueryRow(w.ctx, `SELECT COUNT(*) FROM search_doc_facets x JOIN search_docs d ON d.id = x.doc
		WHERE x.ends_unix <> d.ends_unix OR x.published_unix <> d.published_unix OR x.need_bp <> d.need_bp`).Scan(&n); err != nil {
		w.t.Fatal(err)
	}
	return n
}

// A browse led by a facet or a region answers, page after page, as the
// query reading every filter's list does; and so does every other filter
// that could have led it.
func TestDrivenBrowseMatchesLists(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.seedMany()
		x := w.index()
		if n := w.facetKeysOff(); n != 0 {
			t.Fatalf("after the rebuild %d facet rows have other sort keys than their documents", n)
		}
		for _, c := range []struct {
			name string
			p    Params
		}{
			{"an issue in a province, running, ending soon", Params{Issue: "pendidikan", Region: "32", Status: StatusActive, Sort: SortEnding}},
			{"volunteers wanted in a kota, campaigns", Params{Kind: "relawan", Region: "32.73", Type: TypeCampaign}},
			{"an issue, most needed", Params{Issue: "kesehatan", Sort: SortNeeded}},
			{"goods and a scheme, ending soon", Params{Kind: "barang", Scheme: "transaksional", Sort: SortEnding}},
			{"money in a kecamatan, most needed", Params{Kind: "dana", Region: w.kec, Sort: SortNeeded}},
			{"an issue in a kabupaten, ended", Params{Issue: "lingkungan", Region: "32.04", Status: StatusEnded}},
			{"every facet in a province", Params{Issue: "lingkungan", Kind: "dana", Scheme: "resiprokal", Region: "32"}},
			{"an issue, organisations, newest", Params{Issue: "pendidikan", Type: TypeOrganization, Sort: SortNewest}},
			{"a scheme no hub has", Params{Scheme: "resiprokal", Type: TypeHub}},
			{"an unknown issue", Params{Issue: "tidak-ada", Region: "32"}},
		} {
			t.Run(c.name, func(t *testing.T) {
				for _, limit := range []int{7, 20} {
					c.p.Limit, c.p.Cursor = limit, ""
					total := 0
					for page := 0; ; page++ {
						qr, err := x.build(c.p)
						if err != nil {
							t.Fatal(err)
						}
						if len(qr.drivers) == 0 {
							t.Fatal("no driver")
						}
						listed, err := x.run(w.ctx, qr)
						if err != nil {
							t.Fatal(err)
						}
						got, err := x.Search(w.ctx, c.p)
						if err != nil {
							t.Fatal(err)
						}
						if !slices.Equal(slugs(got), slugs(listed)) || got.Next != listed.Next {
							t.Fatalf("page %d: searched %v %q, listed %v %q", page, slugs(got), got.Next, slugs(listed), listed.Next)
						}
						for i, dr := range qr.drivers {
							led, err := x.run(w.ctx, builtQuery{sql: dr.sql, args: dr.qargs, sort: qr.sort, limit: qr.limit})
							if err != nil {
								t.Fatal(err)
							}
							if !slices.Equal(slugs(led), slugs(listed)) || led.Next != listed.Next {
								t.Fatalf("page %d, driver %d: led %v %q, listed %v %q", page, i, slugs(led), led.Next, slugs(listed), listed.Next)
							}
						}
						total += len(listed.Hits)
						if c.p.Cursor = listed.Next; c.p.Cursor == "" {
							break
						}
					}
					if limit == 7 {
						t.Logf("%s: %d hits", c.name, total)
					}
				}
			})
		}
		// The facet rows follow their documents' sort keys through
		// refreshes: new money (most needed) and a new deadline.
		var c, org int64
		w.d.QueryRow(w.ctx, `SELECT id, org_id FROM campaigns WHERE slug = 'k-1-1'`).Scan(&c, &org)
		w.now = w.now.Add(time.Minute)
		w.exec(`INSERT INTO donations (campaign_id, need_id, org_id, method, base_amount, amount, status, donor_name,
			form_token, created_at, expires_at, confirmed_at) SELECT ?, n.id, ?, 'transfer', 400000, 400000, 'confirmed', 'Ani',
			'tok-late', ?, ?, ? FROM campaign_needs n WHERE n.campaign_id = ? AND n.kind = 'dana'`, c, org, w.now, w.now, w.now, c)
		if n, err := x.RefreshMoney(w.ctx); err != nil || n != 1 {
			t.Fatalf("RefreshMoney: %d %v", n, err)
		}
		w.exec(`UPDATE campaigns SET ends_at = ? WHERE id = ?`, w.now.Add(40*24*time.Hour), c)
		if err := x.Refresh(w.ctx, Ref{TypeCampaign, c}); err != nil {
			t.Fatal(err)
		}
		if n := w.facetKeysOff(); n != 0 {
			t.Errorf("after refreshes %d facet rows have other sort keys than their documents", n)
		}
		var need int
		w.d.QueryRow(w.ctx, `SELECT x.need_bp FROM search_doc_facets x JOIN search_docs d ON d.id = x.doc
			WHERE d.doc_type = 'campaign' AND d.doc_id = ? AND x.facet = 'kind' AND x.value = 'dana'`, c).Scan(&need)
		if need == 0 || need == 10000 {
			t.Errorf("need_bp of the refreshed campaign's facet row: %d", need)
		}
	})
}
