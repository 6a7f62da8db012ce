package search

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// TestSearchPlansUseIndexes checks, on both databases, that the searches
// the pages run are served by the index tables' indexes: the full-text
// index for words, the region and facet keys for filters, the sort
// indexes for browsing. A plan that reads search_docs (or its region and
// facet tables) whole fails, so an index cannot silently go missing.
// PostgreSQL plans with enable_seqscan off, after ANALYZE, as the
// statistics of a small test set would otherwise favour scans.
func TestSearchPlansUseIndexes(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.seed()
		regions := []string{"32.73", "32.04", "11.01", "31.71", "51.71", "73.71"}
		for i := range 60 {
			o := w.org(fmt.Sprintf("oms-%d", i), fmt.Sprintf("Komunitas Warga %d", i), regions[i%len(regions)],
				"pendidikan", "pemberdayaan warga desa", "verified")
			in := w.initiative(o, fmt.Sprintf("ini-%d", i), "Inisiatif "+fmt.Sprint(i), "layanan warga", "kesehatan", "published")
			for j := range 3 {
				c := w.campaign(o, in, fmt.Sprintf("k-%d-%d", i, j), "Kampanye air bersih "+fmt.Sprint(i), "cerita",
					"active", "transaksional", at(w.now.Add(time.Duration(i+j+1)*time.Hour)), w.now)
				w.need(c, []string{"dana", "barang", "relawan"}[j], 1000)
			}
		}
		x := w.index()
		// VACUUM on PostgreSQL moves the full-text index's pending entries
		// into the index proper, as autovacuum does on a live site: the
		// planner prices a pending list as read whole by every search.
		analyze := `ANALYZE`
		if d.Dialect == db.Postgres {
			analyze = `VACUUM ANALYZE`
		}
		if _, err := d.ExecContext(w.ctx, analyze); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name string
			p    Params
			uses []string // one of these must serve the query
		}{
			{"words", Params{Query: "gudang"}, fullText},
			{"words in a region", Params{Query: "gudang benih", Region: "32.04"}, fullText},
			{"words of a kind", Params{Query: "jahit", Kind: "dana", Sort: SortNewest}, fullText},
			{"words of an issue in a village, most needed", Params{Query: "air", Issue: "kesehatan", Region: w.kec,
				Sort: SortNeeded}, fullTextOrKeys},
			{"words, every filter, ending soon", Params{Query: "kampanye", Type: TypeCampaign, Region: "32", Issue: "kesehatan",
				Kind: "barang", Scheme: "transaksional", Status: StatusActive, Sort: SortEnding}, fullTextOrKeys},
			{"browse newest", Params{Sort: SortNewest}, []string{"search_docs_newest"}},
			{"browse ending", Params{Sort: SortEnding, Type: TypeCampaign}, []string{"search_docs_ending"}},
			{"browse needed", Params{Sort: SortNeeded}, []string{"search_docs_needed"}},
			{"browse a region", Params{Region: "32.73"}, []string{"search_doc_regions", "sqlite_autoindex_search_doc_regions_1"}},
			{"browse an issue", Params{Issue: "kesehatan"}, []string{"search_doc_facets", "sqlite_autoindex_search_doc_facets_1"}},
			{"browse a kind in a kota, ending", Params{Kind: "relawan", Region: "32.73", Sort: SortEnding},
				[]string{"search_doc_facets", "sqlite_autoindex_search_doc_facets_1"}},
			{"browse an issue and a kind of campaigns, most needed", Params{Issue: "kesehatan", Kind: "dana",
				Type: TypeCampaign, Sort: SortNeeded}, []string{"search_doc_facets", "sqlite_autoindex_search_doc_facets_1"}},
		} {
			t.Run(c.name, func(t *testing.T) {
				qr, err := x.build(c.p)
				if err != nil {
					t.Fatal(err)
				}
				plan := explainPlan(t, d, qr)
				all := strings.Join(plan, "\n")
				if table := scannedWhole(d, plan); table != "" {
					t.Errorf("reads %s whole:\n%s", table, all)
				}
				used := false
				for _, ix := range c.uses {
					used = used || strings.Contains(all, ix)
				}
				if !used {
					t.Errorf("uses none of %v:\n%s", c.uses, all)
				}
				// With words, each match is checked against the filters by
				// its key; a filter's whole list (every document of Jawa
				// Barat, every campaign asking for money) is not read.
				if d.Dialect == db.SQLite && c.p.Query != "" && strings.Contains(all, "LIST SUBQUERY") {
					t.Errorf("reads a filter's list whole:\n%s", all)
				}
				if _, err := x.run(w.ctx, qr); err != nil {
					t.Error(err)
				}
				// A browse led by a facet walks that facet's sort index;
				// one led by a region reads the region's key range.
				for _, dr := range qr.drivers {
					led := builtQuery{sql: dr.sql, args: dr.qargs, sort: qr.sort, limit: qr.limit}
					plan := explainPlan(t, d, led)
					all := strings.Join(plan, "\n")
					if table := scannedWhole(d, plan); table != "" {
						t.Errorf("led by %q, reads %s whole:\n%s", dr.args, table, all)
					}
					want := "search_doc_regions"
					if dr.facet {
						want = "search_doc_facets_" + qr.sort
					}
					if !strings.Contains(all, want) {
						t.Errorf("led by %q, does not use %s:\n%s", dr.args, want, all)
					}
					if _, err := x.run(w.ctx, led); err != nil {
						t.Error(err)
					}
				}
				if qr.walk == "" {
					return
				}
				// A filtered browse first walks the sort index, checking
				// each document's filters by its keys.
				walk := builtQuery{sql: qr.walk, args: qr.walkArgs, sort: qr.sort, limit: qr.limit}
				plan = explainPlan(t, d, walk)
				all = strings.Join(plan, "\n")
				if strings.Contains(all, "CO-ROUTINE d") {
					// SQLite reads the walked rows (the subquery d) once.
					plan = slices.DeleteFunc(plan, func(l string) bool { return strings.TrimSpace(l) == "SCAN d" })
				}
				if table := scannedWhole(d, plan); table != "" {
					t.Errorf("walk reads %s whole:\n%s", table, all)
				}
				walksSort := false
				for ix := range sortIndexes {
					walksSort = walksSort || strings.Contains(all, ix)
				}
				if !walksSort || strings.Contains(all, "LIST SUBQUERY") {
					t.Errorf("walk does not walk the sort index checking each document:\n%s", all)
				}
				if _, err := x.run(w.ctx, walk); err != nil {
					t.Error(err)
				}
			})
		}
		// The walk answers as the lists do, page after page.
		for _, p := range []Params{{Region: "32", Limit: 7}, {Issue: "kesehatan", Kind: "barang", Sort: SortEnding, Limit: 5},
			{Region: "32.73", Type: TypeCampaign, Sort: SortNeeded, Limit: 9}} {
			for page := 0; page < 4; page++ {
				qr, err := x.build(p)
				if err != nil {
					t.Fatal(err)
				}
				walked, err := x.Search(w.ctx, p)
				if err != nil {
					t.Fatal(err)
				}
				listed, err := x.run(w.ctx, qr)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(slugs(walked), slugs(listed)) || walked.Next != listed.Next {
					t.Errorf("%+v: walked %v %q, listed %v %q", p, slugs(walked), walked.Next, slugs(listed), listed.Next)
				}
				if p.Cursor = listed.Next; p.Cursor == "" {
					break
				}
			}
		}
		// The check itself: without its sort index, browsing is refused.
		if _, err := d.ExecContext(w.ctx, `DROP INDEX search_docs_newest`); err != nil {
			t.Fatal(err)
		}
		qr, err := x.build(Params{Sort: SortNewest})
		if err != nil {
			t.Fatal(err)
		}
		if plan := explainPlan(t, d, qr); scannedWhole(d, plan) == "" {
			t.Errorf("a missing index went unnoticed:\n%s", strings.Join(plan, "\n"))
		}
	})
}

// fullText names the full-text index in either database's plan.
var fullText = []string{"VIRTUAL TABLE INDEX", "search_docs_tsv"}

// fullTextOrKeys also allows a plan led by a selective filter's key (a
// village's few documents), each then checked for the words.
var fullTextOrKeys = append([]string{"search_doc_regions_pkey", "search_doc_facets_pkey"}, fullText...)

var (
	// A SQLite step reading a table whole: SCAN without an index, or
	// with one only to walk it whole (not a sort index walked in order
	// and stopped at the page's end, which is what browsing does).
	sqliteScanLine = regexp.MustCompile(`^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?$`)
	pgSeqScanLine  = regexp.MustCompile(`Seq Scan on (\w+)`)
	sortIndexes    = map[string]bool{"search_docs_newest": true, "search_docs_ending": true, "search_docs_needed": true}
	indexTables    = map[string]string{"d": "search_docs", "search_docs": "search_docs", "r": "search_doc_regions",
		"search_doc_regions": "search_doc_regions", "search_doc_facets": "search_doc_facets"}
)

func scannedWhole(d *db.DB, plan []string) string {
	for _, line := range plan {
		line = strings.TrimSpace(line)
		if d.Dialect == db.SQLite {
			if m := sqliteScanLine.FindStringSubmatch(line); m != nil && indexTables[m[1]] != "" && !sortIndexes[m[2]] {
				return indexTables[m[1]]
			}
		} else if m := pgSeqScanLine.FindStringSubmatch(line); m != nil && indexTables[m[1]] != "" {
			return m[1]
		}
	}
	if d.Dialect == db.Postgres {
		return pgIndexWalk(plan)
	}
	return ""
}

// pgIndexScan is a PostgreSQL index scan of an index table.
var pgIndexScan = regexp.MustCompile(`Index (?:Only )?Scan(?: Backward)? using (\w+) on (search_docs|search_doc_regions|search_doc_facets)\b`)

// pgIndexWalk finds an index scan without an Index Cond: with sequential
// scans off, that is how PostgreSQL reads a table whole. Walking a sort
// index in order, stopped at the page's end, is browsing and allowed.
func pgIndexWalk(plan []string) string {
	for i, line := range plan {
		m := pgIndexScan.FindStringSubmatch(line)
		if m == nil || sortIndexes[m[1]] {
			continue
		}
		cond := false
		for _, next := range plan[i+1:] {
			if strings.Contains(next, "->") {
				break
			}
			cond = cond || strings.Contains(next, "Index Cond")
		}
		if !cond {
			return m[2]
		}
	}
	return ""
}

func explainPlan(t *testing.T, d *db.DB, qr builtQuery) []string {
	t.Helper()
	lines, err := dbtest.Explain(t.Context(), d, qr.sql, qr.args...)
	if err != nil {
		t.Fatal(err)
	}
	return lines
}
