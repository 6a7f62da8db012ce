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
	"lokadaya/internal/region"
)

// The campaign page, the organisation page and the explore lists, at
// national scale: their totals come from the running totals (one row
// each), the supporters' wall reads its page from an index in order, and
// the region filters are index ranges.

func init() {
	// The running totals grow with the campaigns and their donors.
	for _, t := range []string{"campaign_money", "campaign_donors", "need_money", "open_publishers"} {
		bigTables[t] = true
	}
}

// pageQuery is a hot query that must also come out of its index in order
// (no sort of every row it matches) when ordered is set.
type pageQuery struct {
	hotQuery
	ordered bool
}

// sorted matches a plan step that sorts the rows read.
var sorted = regexp.MustCompile(`USE TEMP B-TREE FOR ORDER BY|(^|\s)Sort( |$)|Sort Key`)

func pageQueries(now time.Time) []pageQuery {
	campaignRegion, a := region.WithinSQL("o.region_code", "32.73")
	serves, b := region.OverlapsSQL("r.region_code", "32.73")
	province, c := region.OverlapsSQL("r.region_code", "32")
	camp := map[string]string{"c": "campaigns", "o": "organizations", "hidden": "organizations", "r": "initiative_regions",
		"n": "campaign_needs"}
	shown := func(col string) string { return org.ShownSQL(col) }
	return []pageQuery{
		{hotQuery: hotQuery{ // donation.CampaignMoney: the campaign page's totals
			name: "campaign money", uses: []string{"sqlite_autoindex_campaign_money_1", "campaign_money_pkey"},
			aliases: map[string]string{"campaign_money": "campaign_money"},
			sql:     `SELECT confirmed, pending, donors FROM campaign_money WHERE campaign_id = ?`, args: []any{1},
		}},
		{hotQuery: hotQuery{ // donation.NeedConfirmed: each dana need shown
			name: "need money", uses: []string{"sqlite_autoindex_need_money_1", "need_money_pkey"},
			aliases: map[string]string{"need_money": "need_money"},
			sql:     `SELECT confirmed FROM need_money WHERE need_id = ?`, args: []any{1},
		}},
		{hotQuery: hotQuery{ // campaign.Store.doneByKind and the campaigns API: a list's money
			name: "money of a list of campaigns", uses: []string{"sqlite_autoindex_campaign_money_1", "campaign_money_pkey"},
			aliases: map[string]string{"campaign_money": "campaign_money"},
			sql:     `SELECT campaign_id, confirmed FROM campaign_money WHERE campaign_id IN (?, ?, ?)`, args: []any{1, 2, 3},
		}},
		{hotQuery: hotQuery{ // donation.Store.Wall: the supporters' wall
			name: "supporters' wall", uses: []string{"donations_wall"}, aliases: map[string]string{"donations": "donations"},
			sql: `SELECT id, amount FROM donations WHERE campaign_id = ? AND status = 'confirmed'
				ORDER BY confirmed_at DESC, id DESC LIMIT ?`, args: []any{1, 50},
		}, ordered: true},
		{hotQuery: hotQuery{ // donation.OrgCampaignTotals: an organisation's campaigns with their money
			name: "money of an organisation's campaigns", uses: []string{"campaigns_org"},
			aliases: map[string]string{"m": "campaign_money", "c": "campaigns"},
			sql: `SELECT m.campaign_id, m.confirmed, m.donors FROM campaign_money m
				JOIN campaigns c ON c.id = m.campaign_id WHERE c.org_id = ? AND m.donors > 0`, args: []any{1},
		}},
		{hotQuery: hotQuery{ // campaign.Store.List with a region: the explore page and the API
			name: "campaign list by region, range", aliases: camp,
			uses: []string{"campaigns_status", "campaigns_active_ends", "campaigns_ending", "campaigns_pkey"},
			sql: `SELECT c.id, c.slug FROM campaigns c
				WHERE c.status IN ('active', 'ended') AND ` + shown("c.org_id") + `
				AND c.status = 'active' AND (c.ends_at > ?) IS NOT FALSE
				AND (EXISTS (SELECT 1 FROM organizations o WHERE o.id = c.org_id AND ` + campaignRegion + `) OR EXISTS (SELECT 1 FROM initiative_regions r
				WHERE r.initiative_id = c.initiative_id AND ` + serves + `)) ORDER BY c.id DESC LIMIT 31`,
			args: append(append([]any{now}, a...), b...),
		}},
		{hotQuery: hotQuery{ // the same in a narrow region (region.Narrow): from the region's indexes
			name: "campaign list by narrow region", aliases: map[string]string{"c": "campaigns", "o": "organizations",
				"hidden": "organizations", "r": "initiative_regions", "c2": "campaigns"},
			uses: []string{"organizations_region"},
			sql: `SELECT c.id, c.slug FROM campaigns c
				WHERE c.status IN ('active', 'ended') AND ` + shown("c.org_id") + `
				AND c.status = 'active' AND (c.ends_at > ?) IS NOT FALSE
				AND c.id IN (SELECT c2.id FROM organizations o JOIN campaigns c2 ON c2.org_id = o.id WHERE ` + campaignRegion + `
				UNION ALL SELECT c2.id FROM initiative_regions r JOIN campaigns c2 ON c2.initiative_id = r.initiative_id
				WHERE ` + serves + `) ORDER BY c.id DESC LIMIT 31`,
			args: append(append([]any{now}, a...), b...),
		}},
		{hotQuery: hotQuery{ // initiative.Store.List in a narrow region
			name: "initiative list by narrow region", uses: []string{"initiative_regions_code"},
			aliases: map[string]string{"i": "initiatives", "hidden": "organizations", "r": "initiative_regions"},
			sql: `SELECT i.id FROM initiatives i
				WHERE i.status = 'published' AND ` + shown("i.org_id") + `
				AND i.id IN (SELECT r.initiative_id FROM initiative_regions r WHERE ` + serves + `)
				ORDER BY i.id DESC LIMIT 31`,
			args: b,
		}},
		{hotQuery: hotQuery{ // initiative.Store.List with a region: /inisiatif and the API
			name: "initiative list by region, range", uses: []string{"initiatives_status"},
			aliases: map[string]string{"i": "initiatives", "hidden": "organizations", "r": "initiative_regions"},
			sql: `SELECT i.id FROM initiatives i
				WHERE i.status = 'published' AND ` + shown("i.org_id") + `
				AND EXISTS (SELECT 1 FROM initiative_regions r WHERE r.initiative_id = i.id AND ` + serves + `)
				ORDER BY i.id DESC LIMIT 31`,
			args: b,
		}},
		{hotQuery: hotQuery{ // initiative.Store.List: /inisiatif and the API, newest first
			// (PostgreSQL may walk the ids, nearly all being published)
			name: "initiative list", uses: []string{"initiatives_status", "initiatives_pkey"},
			aliases: map[string]string{"i": "initiatives", "hidden": "organizations"},
			sql: `SELECT i.id FROM initiatives i WHERE i.status = 'published' AND ` + shown("i.org_id") + `
				ORDER BY i.id DESC LIMIT 31`,
		}, ordered: true},
		{hotQuery: hotQuery{ // initiative.Store.List with a province and a category
			name: "initiative list by province and category", uses: []string{"initiatives_category"},
			aliases: map[string]string{"i": "initiatives", "hidden": "organizations", "r": "initiative_regions"},
			sql: `SELECT i.id FROM initiatives i
				WHERE i.status = 'published' AND ` + shown("i.org_id") + `
				AND EXISTS (SELECT 1 FROM initiative_regions r WHERE r.initiative_id = i.id AND ` + province + `)
				AND i.category = ? ORDER BY i.id DESC LIMIT 31`,
			args: append(append([]any{}, c...), "pendidikan"),
		}},
		{hotQuery: hotQuery{ // opendata.Store.LicencesInUse: every CKAN package
			name: "open data licences in use", uses: []string{"open_publishers_licence"},
			aliases: map[string]string{"open_publishers": "open_publishers"},
			sql:     `SELECT MIN(licence) FROM open_publishers WHERE licence > ?`, args: []any{"CC-BY-4.0"},
		}},
	}
}

func TestPageQueriesUseIndexes(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if _, err := Run(ctx, d, Options{Orgs: 100, Campaigns: 400, Contributions: 20000, Seed: 5, Now: testNow}); err != nil {
			t.Fatal(err)
		}
		for _, q := range pageQueries(testNow) {
			t.Run(q.name, func(t *testing.T) {
				plan, err := explain(ctx, d, q.hotQuery)
				if err != nil {
					t.Fatal(err)
				}
				problem := check(d, q.hotQuery, plan)
				if problem == "" && q.ordered && sorted.MatchString(strings.Join(plan, "\n")) {
					problem = "sorts the rows"
				}
				if problem != "" {
					t.Errorf("%s:\n%s", problem, strings.Join(plan, "\n"))
				}
			})
		}
	})
}
