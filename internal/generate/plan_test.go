package generate

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
)

// The hot queries of the pages measured at national scale (bench/national)
// must be served by an index: at ten million contributions a scan of a big
// table costs seconds. TestHotQueriesUseIndexes asks each database for the
// plans of those queries — as the stores write them — and fails on a scan
// of a big table, so that an index cannot silently go missing and a
// rewritten query cannot silently stop using one.
//
// The data set is small (a test must be quick), so the planners are made
// honest: statistics are taken on a moderate generated data set, so that
// each knows which columns select few rows; PostgreSQL then plans with
// enable_seqscan off (it scans a table only when no index can serve the
// query), and a plan must name one of the indexes the query is meant to
// use, not merely some index (a low-selectivity one such as donations by
// status would be a scan in all but name).

// bigTables are the tables that grow with the country.
var bigTables = map[string]bool{
	"organizations": true, "users": true, "memberships": true, "initiatives": true, "initiative_regions": true,
	"campaigns": true, "campaign_needs": true, "donations": true, "goods_pledges": true, "volunteer_signups": true,
	"offers": true, "ledger_entries": true, "petition_signatures": true, "volunteer_hours": true,
	"rate_limits":  true, // grows with the visitors of public forms
	"open_changes": true, // a row per organisation and source
}

type hotQuery struct {
	name string
	// aliases maps the query's table aliases to their tables.
	aliases map[string]string
	sql     string
	args    []any
	// uses are the indexes that may serve the query; the plan must name one.
	uses []string
	// pgSQL and pgArgs, when set, are the query as written for PostgreSQL.
	pgSQL  string
	pgArgs []any
}

func hotQueries(now time.Time) []hotQuery {
	region := `(EXISTS (SELECT 1 FROM organizations o WHERE o.id = c.org_id AND (o.region_code = ? OR o.region_code LIKE ? ESCAPE '\'))
		OR EXISTS (SELECT 1 FROM initiative_regions r
		WHERE r.initiative_id = c.initiative_id AND (r.region_code = ? OR r.region_code LIKE ? ESCAPE '\'
		OR ? LIKE r.region_code || '.%')))`
	publicActive := `c.status IN ('active', 'ended') AND ` + org.ShownSQL("c.org_id") + `
		AND c.status = 'active' AND (c.ends_at > ?) IS NOT FALSE`
	camp := map[string]string{"c": "campaigns", "o": "organizations", "hidden": "organizations", "r": "initiative_regions",
		"n": "campaign_needs"}
	return []hotQuery{
		{ // campaign.Store.List: the explore page and the campaigns API
			// Walking the ids backwards also serves it: half the campaigns
			// are active, so a page is found after a few dozen rows.
			name: "campaign list by status", aliases: camp,
			uses: []string{"campaigns_status", "campaigns_active_ends", "campaigns_ending", "campaigns_pkey"},
			sql: `SELECT c.id, c.slug FROM campaigns c
				WHERE ` + publicActive + ` ORDER BY c.id DESC LIMIT 31`,
			args: []any{now},
		},
		{ // the same ending soonest first: the home page
			name: "campaigns ending soon", aliases: camp, uses: []string{"campaigns_ending", "campaigns_active_ends"},
			sql: `SELECT c.id, c.slug FROM campaigns c
				WHERE ` + publicActive + ` AND c.ends_at IS NOT NULL ORDER BY c.ends_at, c.id LIMIT 7`,
			args: []any{now},
		},
		{
			// PostgreSQL may start from the needs of that kind instead.
			name: "campaign list by status, region and kind of need", aliases: camp,
			uses: []string{"campaigns_status", "campaigns_active_ends", "campaigns_ending", "campaign_needs_campaign"},
			sql: `SELECT c.id, c.slug FROM campaigns c
				WHERE ` + publicActive + ` AND ` + region + ` AND EXISTS (SELECT 1 FROM campaign_needs n
				WHERE n.campaign_id = c.id AND n.kind = ?) ORDER BY c.id DESC LIMIT 31`,
			args: []any{now, "32", "32.%", "32", "32.%", "32", "barang"},
		},
		{ // org.Store.List with a region: the directory and the organisations API
			name: "organisation list by region", uses: []string{"organizations_region"}, aliases: map[string]string{"organizations": "organizations"},
			sql: `SELECT id, slug FROM organizations WHERE region_code >= ? AND region_code < ?
				AND status NOT IN (?, ?) ORDER BY id DESC LIMIT 51`,
			args: []any{"32.73", "32.73/", "rejected", "suspended"},
		},
		{ // org.Store.List with a word of the name: the directory's search.
			// A rare word (none has it) must not cost a walk of every
			// organisation; a common one may walk the newest.
			name: "organisation list by name", uses: []string{"org_names", "organizations_name_trgm"},
			aliases: map[string]string{"organizations": "organizations"},
			sql:     orgByName,
			args:    []any{`"sungai"`, "%sungai%", "rejected", "suspended"},
			// PostgreSQL's trigram index serves the LIKE as written. Asked
			// for the page (ORDER BY id DESC LIMIT 21), a planner that
			// knows a hundred names walks them all; at national scale it
			// walks the newest only for a common word. So the test asks
			// whether the index serves the LIKE itself.
			pgSQL:  `SELECT id, slug FROM organizations WHERE LOWER(name) LIKE ? ESCAPE '\' AND status NOT IN (?, ?)`,
			pgArgs: []any{"%sungai%", "rejected", "suspended"},
		},
		{ // ratelimit.Limiter: old windows purged now and then on a public form
			name: "rate-limit purge", uses: []string{"rate_limits_window"}, aliases: map[string]string{"rate_limits": "rate_limits"},
			sql: `DELETE FROM rate_limits WHERE window_start < ?`, args: []any{now},
		},
		{ // campaign.Store.BySlug: the campaign page
			name: "campaign by slug", uses: []string{"sqlite_autoindex_campaigns_1", "campaigns_slug_key"}, aliases: map[string]string{"campaigns": "campaigns"},
			sql: `SELECT id FROM campaigns WHERE slug = ?`, args: []any{"x"},
		},
		{ // a need's confirmed money from its rows: the running totals' rebuild
			name: "confirmed money of a need", uses: []string{"donations_need"}, aliases: map[string]string{"donations": "donations"},
			sql:  `SELECT COALESCE(SUM(amount), 0) FROM donations WHERE need_id = ? AND status = 'confirmed'`,
			args: []any{1},
		},
		{ // the needs of the campaigns of a list
			name: "needs of campaigns", uses: []string{"campaign_needs_campaign"}, aliases: map[string]string{"campaign_needs": "campaign_needs"},
			sql:  `SELECT id, kind FROM campaign_needs WHERE campaign_id IN (?, ?) ORDER BY campaign_id, position, id`,
			args: []any{1, 2},
		},
		{ // ledger: a campaign's books
			name: "ledger of a campaign", uses: []string{"ledger_entries_campaign"}, aliases: map[string]string{"ledger_entries": "ledger_entries"},
			sql:  `SELECT seq, amount FROM ledger_entries WHERE campaign_id = ? ORDER BY recorded_at`,
			args: []any{1},
		},
		{ // figures.Rebuild, after every bulk load: per organisation
			name: "goods received by an organisation", aliases: map[string]string{"g": "goods_pledges"},
			uses: []string{"goods_pledges_org"},
			sql:  `SELECT COALESCE(SUM(received), 0) FROM goods_pledges g WHERE g.org_id = ?`, args: []any{1},
		},
		{
			name: "volunteer time of an organisation", aliases: map[string]string{"v": "volunteer_signups", "h": "volunteer_hours"},
			uses: []string{"volunteer_signups_org"},
			sql: `SELECT COALESCE(SUM(h.minutes), 0) FROM volunteer_hours h JOIN volunteer_signups v ON v.id = h.signup_id
				WHERE v.org_id = ?`, args: []any{1},
		},
		{ // search.Index.RefreshMoney, every minute: the campaigns whose
			// money was confirmed since its last look, not every donation
			name: "donations confirmed since", uses: []string{"donations_confirmed_at"}, aliases: map[string]string{"donations": "donations"},
			sql:  `SELECT DISTINCT campaign_id FROM donations WHERE confirmed_at > ?`,
			args: []any{now},
		},
		{ // search.Index.Rebuild: the needs of a batch of campaigns
			name: "needs of a batch of campaigns", uses: []string{"campaign_needs_campaign"}, aliases: map[string]string{"campaign_needs": "campaign_needs"},
			sql:  `SELECT campaign_id, kind, title, description, skills, target FROM campaign_needs WHERE campaign_id IN (?, ?, ?)`,
			args: []any{1, 2, 3},
		},
		{ // search.Index.Rebuild: the areas served by a batch of campaigns
			name: "areas of a batch of campaigns", uses: []string{"campaigns_pkey", "initiative_regions_pkey", "sqlite_autoindex_initiative_regions_1"},
			aliases: map[string]string{"c": "campaigns", "r": "initiative_regions"},
			sql: `SELECT c.id, r.region_code FROM campaigns c
				JOIN initiative_regions r ON r.initiative_id = c.initiative_id WHERE c.id IN (?, ?, ?)`,
			args: []any{1, 2, 3},
		},
		{ // opendata.Store.Stamp for the whole catalogue: the newest
			// version of each source, one probe each (CKAN package_search)
			name: "open data stamp of the catalogue", uses: []string{"open_changes_version"},
			aliases: map[string]string{"open_changes": "open_changes"},
			sql: `SELECT * FROM (SELECT source, version, CAST(changed_at AS TEXT) FROM open_changes
				WHERE source = 'organizations' ORDER BY version DESC LIMIT 1) s0 UNION ALL SELECT * FROM (SELECT source, version, CAST(changed_at AS TEXT) FROM open_changes
				WHERE source = 'donations' ORDER BY version DESC LIMIT 1) s1`,
		},
		{ // the same for one organisation: its own rows
			name: "open data stamp of an organisation", uses: []string{"open_changes_pkey", "sqlite_autoindex_open_changes_1"},
			aliases: map[string]string{"open_changes": "open_changes"},
			sql:     `SELECT source, version, CAST(changed_at AS TEXT) FROM open_changes WHERE source IN ('organizations', 'donations', 'ledger') AND org_id = ?`,
			args:    []any{1},
		},
		{ // the organisation page: its campaigns
			name: "campaigns of an organisation", uses: []string{"campaigns_org"}, aliases: map[string]string{"campaigns": "campaigns"},
			sql:  `SELECT id FROM campaigns WHERE org_id = ? ORDER BY id DESC LIMIT 20`,
			args: []any{1},
		},
	}
}

// orgByName is org.Store.List's query for a name search on SQLite, where
// the names come from their trigram index (org_names).
const orgByName = `SELECT id, slug FROM organizations WHERE id IN (SELECT rowid FROM org_names WHERE org_names MATCH ?)
	AND LOWER(name) LIKE ? ESCAPE '\' AND status NOT IN (?, ?) ORDER BY id DESC LIMIT 21`

// sqliteScan matches a plan line that reads a whole table or index.
var sqliteScan = regexp.MustCompile(`^SCAN (\S+)`)

// pgSeqScan matches a sequential scan in a PostgreSQL plan.
var pgSeqScan = regexp.MustCompile(`Seq Scan on (\S+)`)

func TestHotQueriesUseIndexes(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		// A moderate data set, its statistics taken (Run ends with
		// ANALYZE), so the planners weigh real selectivities.
		if _, err := Run(ctx, d, Options{Orgs: 100, Campaigns: 400, Contributions: 20000, Seed: 5, Now: testNow}); err != nil {
			t.Fatal(err)
		}
		queries := hotQueries(testNow)
		for _, q := range queries {
			t.Run(q.name, func(t *testing.T) {
				plan, err := explain(ctx, d, q)
				if err != nil {
					t.Fatal(err)
				}
				if problem := check(d, q, plan); problem != "" {
					t.Errorf("%s:\n%s", problem, strings.Join(plan, "\n"))
				}
			})
		}
		// The check itself: without its index, a need's money is refused.
		if _, err := d.ExecContext(ctx, `DROP INDEX donations_need`); err != nil {
			t.Fatal(err)
		}
		for _, q := range queries {
			if q.name != "confirmed money of a need" {
				continue
			}
			plan, err := explain(ctx, d, q)
			if err != nil {
				t.Fatal(err)
			}
			if check(d, q, plan) == "" {
				t.Errorf("a missing index went unnoticed:\n%s", strings.Join(plan, "\n"))
			}
		}
	})
}

// check says what is wrong with the plan: a big table read whole, or none
// of the query's indexes used; "" when nothing is.
func check(d *db.DB, q hotQuery, plan []string) string {
	if table := scanned(d, q, plan); table != "" {
		return "scans " + table
	}
	all := strings.Join(plan, "\n")
	// SQLite fills a Bloom filter by reading the whole table first.
	if i := strings.Index(all, "BLOOM FILTER ON "); i >= 0 {
		return "reads all of " + strings.Fields(all[i+len("BLOOM FILTER ON "):])[0] + " into a Bloom filter"
	}
	for _, ix := range q.uses {
		if regexp.MustCompile(`\b` + ix + `\b`).MatchString(all) {
			return ""
		}
	}
	return "uses none of " + strings.Join(q.uses, ", ")
}

// scanned returns the big table the plan reads whole, "" for none.
func scanned(d *db.DB, q hotQuery, plan []string) string {
	for _, line := range plan {
		var table string
		if d.Dialect == db.SQLite {
			if m := sqliteScan.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
				table = m[1]
				if real, ok := q.aliases[table]; ok {
					table = real
				}
			}
		} else if m := pgSeqScan.FindStringSubmatch(line); m != nil {
			table = m[1]
		}
		if bigTables[table] {
			return table
		}
	}
	return ""
}

// explain returns the query's plan, one line per step.
func explain(ctx context.Context, d *db.DB, q hotQuery) ([]string, error) {
	if d.Dialect == db.Postgres && q.pgSQL != "" {
		return dbtest.Explain(ctx, d, q.pgSQL, q.pgArgs...)
	}
	return dbtest.Explain(ctx, d, q.sql, q.args...)
}
