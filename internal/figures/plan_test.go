package figures_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/demo/demotest"
	. "lokadaya/internal/figures"
)

// TestFigurePlansUseIndexes checks, on both databases, that reading a
// region's figures reads no big table whole: the running totals by
// primary key, the campaigns past their deadline by the deadline index
// and the complaints within theirs by the first-deadline index, for the
// country, a province and its kabupaten/kota alike. PostgreSQL plans with
// enable_seqscan off, after ANALYZE, as the statistics of a small test
// set would otherwise favour scans.
func TestFigurePlansUseIndexes(t *testing.T) {
	demotest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if _, err := d.ExecContext(ctx, `ANALYZE`); err != nil {
			t.Fatal(err)
		}
		now := db.Now()
		type query struct {
			name, sql string
			args      []any
			uses      string // the index that must serve it
		}
		var qs []query
		for _, depth := range []int{DepthCountry, DepthProvince, DepthKabupaten, DepthKecamatan} {
			sql, args := OnRead(depth, now)
			qs = append(qs,
				query{"campaigns past their deadline", sql[0], args[0], "campaigns_ending"},
				query{"complaints within their deadline", sql[1], args[1], "complaints_first_due"})
		}
		qs = append(qs, query{"running totals", `SELECT f.region_code, f.organizations FROM region_figures f
			LEFT JOIN regions r ON r.code = f.region_code WHERE f.region_code IN (?, ?, ?)`, []any{"", "32", "32.73"}, ""})
		for _, q := range qs {
			plan := explain(t, d, q.sql, q.args)
			all := strings.Join(plan, "\n")
			if table := readWhole(d, plan); table != "" {
				t.Errorf("%s reads %s whole:\n%s", q.name, table, all)
			}
			if q.uses != "" && !strings.Contains(all, q.uses) {
				t.Errorf("%s does not use %s:\n%s", q.name, q.uses, all)
			}
		}
		// The check itself: without the deadline index, the plan fails.
		if _, err := d.ExecContext(ctx, `DROP INDEX campaigns_ending`); err != nil {
			t.Fatal(err)
		}
		sql, args := OnRead(DepthProvince, now)
		if plan := explain(t, d, sql[0], args[0]); strings.Contains(strings.Join(plan, "\n"), "campaigns_ending") {
			t.Error("a dropped index still serves the plan")
		}
	})
}

var (
	sqliteWhole = regexp.MustCompile(`^SCAN (\w+)`)
	// SQLite searching organisations by region reads a whole big region's
	// organisations: the deadline index must lead instead.
	sqliteByRegion = regexp.MustCompile(`^SEARCH (o|organizations) USING (?:COVERING )?INDEX organizations_region`)
	pgWhole        = regexp.MustCompile(`Seq Scan on (\w+)`)
	pgByRegion     = regexp.MustCompile(`Index (?:Only )?Scan using organizations_region`)
)

// readWhole names a table the plan reads whole (or, for organisations,
// by region range), or "".
func readWhole(d *db.DB, plan []string) string {
	for _, line := range plan {
		line = strings.TrimSpace(line)
		if d.Dialect == db.SQLite {
			if m := sqliteWhole.FindStringSubmatch(line); m != nil {
				return m[1]
			}
			if sqliteByRegion.MatchString(line) {
				return "organizations (by region)"
			}
			continue
		}
		if m := pgWhole.FindStringSubmatch(line); m != nil {
			return m[1]
		}
		if pgByRegion.MatchString(line) {
			return "organizations (by region)"
		}
	}
	return ""
}

func explain(t *testing.T, d *db.DB, q string, args []any) []string {
	t.Helper()
	lines, err := dbtest.Explain(context.Background(), d, q, args...)
	if err != nil {
		t.Fatal(err)
	}
	return lines
}
