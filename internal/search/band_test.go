package search

import (
	"fmt"
	"slices"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// A search sorted by relevance ranks its matches in bands of
// relevanceBand, the newest ids first: every match is reached once, every
// page but the last is full, and within a band the order is the one the
// whole ranking gives.
func TestRelevanceBands(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		o := w.org("besar", "Yayasan Besar", "32.73", "pendidikan", "", "verified")
		in := w.initiative(o, "induk", "Induk", "", "pendidikan", "published")
		for i := range 11 {
			title, story := "Kampanye warga", "Bantu sumur desa kami"
			if i%3 == 0 {
				title, story = "Sumur bor untuk warga", "cerita"
			}
			w.campaign(o, in, fmt.Sprintf("sumur-%02d", i), title, story, "active", "donasi_murni", nil, w.now)
		}
		x := w.index()
		rowid := func(slug string) int64 {
			var id int64
			if err := d.QueryRow(w.ctx, `SELECT id FROM search_docs WHERE slug = ? AND doc_type = ?`, slug, TypeCampaign).Scan(&id); err != nil {
				t.Fatal(err)
			}
			return id
		}
		walk := func(p Params) (order []string, pages []int) {
			for {
				r, err := x.Search(w.ctx, p)
				if err != nil {
					t.Fatalf("%+v: %v", p, err)
				}
				order, pages = append(order, slugs(r)...), append(pages, len(r.Hits))
				if r.Next == "" {
					return order, pages
				}
				p.Cursor = r.Next
			}
		}
		p := Params{Query: "sumur", Type: TypeCampaign, Limit: 3}
		whole, _ := walk(p)
		if len(whole) != 11 {
			t.Fatalf("ranked whole: %v", whole)
		}
		defer func(n int) { relevanceBand = n }(relevanceBand)
		relevanceBand = 4
		got, pages := walk(p)
		// The bands: the ids from the newest, four at a time; each keeps
		// the whole ranking's order.
		ids := make([]int64, 0, len(whole))
		for _, s := range whole {
			ids = append(ids, rowid(s))
		}
		desc := slices.Clone(ids)
		slices.Sort(desc)
		slices.Reverse(desc)
		band := func(s string) int { return slices.Index(desc, rowid(s)) / relevanceBand }
		want := slices.Clone(whole)
		slices.SortStableFunc(want, func(a, b string) int { return band(a) - band(b) })
		if !slices.Equal(got, want) {
			t.Errorf("banded order %v, want %v", got, want)
		}
		if !slices.Equal(pages, []int{3, 3, 3, 2}) {
			t.Errorf("pages of %v, want 3, 3, 3, 2", pages)
		}
		// A band that fills a page exactly hands on a cursor at the next
		// band's start.
		p.Limit = 4
		if got, pages := walk(p); !slices.Equal(got, want) || !slices.Equal(pages, []int{4, 4, 3}) {
			t.Errorf("pages of four: %v in %v", got, pages)
		}
	})
}
