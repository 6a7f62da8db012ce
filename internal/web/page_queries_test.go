package web_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/demo/demotest"
	"lokadaya/internal/i18n"
	"lokadaya/internal/initiative"
	"lokadaya/internal/ledger"
	"lokadaya/internal/org"
	"lokadaya/internal/web"
)

// The showcase organisation of the demo data and the province its pages
// are checked in.
const (
	queriesOrg      = "terang-kampung"
	queriesProvince = "32"
)

// TestPublicPagesRunAFixedNumberOfQueries: every public list page and
// API list, an organisation page and a campaign page run as many queries
// with the demo data as after many more organisations, campaigns, needs
// and donations are added. A count that grows with the rows is a query
// per row shown (N+1). The page cache is bypassed so every answer is
// rendered afresh. (A page answered from what the process keeps in
// memory, such as the open-data catalogue, runs none.)
func TestPublicPagesRunAFixedNumberOfQueries(t *testing.T) {
	ctx := context.Background()
	d := demotest.Open(t)
	var n atomic.Int64
	srv, err := web.New(web.Config{BaseURL: "http://example.test", UploadsDir: t.TempDir()},
		countingDB(t, d, &n), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)

	var campaignSlug string
	if err := d.QueryRow(ctx, `SELECT c.slug FROM campaigns c JOIN organizations o ON o.id = c.org_id
		WHERE o.slug = ? AND c.status = 'active' ORDER BY c.id LIMIT 1`, queriesOrg).Scan(&campaignSlug); err != nil {
		t.Fatal(err)
	}
	pages := []string{
		"/", "/galang-daya", "/organisasi", "/inisiatif", "/simpul", "/wilayah", "/wilayah/" + queriesProvince,
		"/peta", "/cari?q=" + url.QueryEscape("air"), "/data",
		"/api/v1/campaigns", "/api/v1/organizations", "/api/v1/initiatives", "/api/v1/regions",
		"/organisasi/" + queriesOrg, "/galang-daya/" + campaignSlug,
		"/organisasi/" + queriesOrg + "/laporan", "/galang-daya/" + campaignSlug + "/laporan?from=2025-01-01",
	}
	// queries answers each page once to warm what a process loads once,
	// then counts the statements of a second answer.
	queries := func() map[string]int64 {
		t.Helper()
		counts := map[string]int64{}
		for _, p := range pages {
			countQueries(t, &n, ts.URL+p) // warms what a process loads once
			counts[p] = countQueries(t, &n, ts.URL+p)
		}
		return counts
	}
	small := queries()
	if small["/"] == 0 {
		t.Fatal("no statement was counted")
	}
	start := time.Now()
	growWorld(t, d, campaignSlug)
	growBooks(t, d, campaignSlug)
	t.Logf("grown in %s", time.Since(start))
	large := queries()
	for _, p := range pages {
		if large[p] != small[p] {
			t.Errorf("GET %s ran %d queries with the demo data and %d with many more rows", p, small[p], large[p])
		}
	}
}

// growBooks books 200 more donations to the campaign checked, over
// 100 days: its organisation's and its own reports read as many queries.
func growBooks(t *testing.T, d *db.DB, campaignSlug string) {
	t.Helper()
	ctx := context.Background()
	var orgID, campID int64
	if err := d.QueryRow(ctx, `SELECT org_id, id FROM campaigns WHERE slug = ?`, campaignSlug).Scan(&orgID, &campID); err != nil {
		t.Fatal(err)
	}
	start := db.Now().AddDate(0, 0, -100)
	for i := range 200 {
		e := ledger.Entry{OrgID: orgID, CampaignID: campID, Kind: ledger.KindDonation, Amount: 10_000,
			Category: ledger.CatProgram, Description: "Donasi", RecordedAt: start.Add(time.Duration(i) * 12 * time.Hour)}
		if err := d.InTx(ctx, func(tx *db.Tx) error {
			_, err := ledger.Append(ctx, tx, e)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
}

// growWorld adds, in the province checked, organisations with a published
// initiative each and campaigns asking for every kind of support, each
// with a donation; and more campaigns to the showcase organisation and
// more needs to the campaign checked. Enough to fill every list's page.
func growWorld(t *testing.T, d *db.DB, campaignSlug string) {
	t.Helper()
	ctx := context.Background()
	accounts, orgs := &account.Store{DB: d}, &org.Store{DB: d}
	inits, camps := &initiative.Store{DB: d}, &campaign.Store{DB: d}
	var desas []string
	rows, err := d.Query(ctx, `SELECT code FROM regions WHERE level = 'desa' AND code LIKE ? ORDER BY code LIMIT 40`,
		queriesProvince+".%")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var code string
		if err := rows.Scan(&code); err != nil {
			t.Fatal(err)
		}
		desas = append(desas, code)
	}
	if err := rows.Close(); err != nil || len(desas) == 0 {
		t.Fatalf("desa codes: %v (%d)", err, len(desas))
	}
	showcase, err := orgs.BySlug(ctx, queriesOrg)
	if err != nil {
		t.Fatal(err)
	}
	// addCampaigns gives orgID count published campaigns for an
	// initiative of its own, each asking for every kind of support.
	addCampaigns := func(orgID, ownerID int64, desa string, count int) {
		var cycleID int64
		if err := d.QueryRow(ctx, `SELECT id FROM cycles WHERE org_id = ? ORDER BY number DESC LIMIT 1`, orgID).
			Scan(&cycleID); err != nil {
			if err := d.QueryRow(ctx, `INSERT INTO cycles (org_id, number, current_stage, framework_version, status, opened_at)
				VALUES (?, 1, 4, '2025.1', 'open', ?) RETURNING id`, orgID, db.Now()).Scan(&cycleID); err != nil {
				t.Fatal(err)
			}
		}
		actor := initiative.Actor{ID: ownerID, Name: "Pengurus"}
		ini, err := inits.Create(ctx, actor, orgID, cycleID, initiative.Input{Name: fmt.Sprintf("Layanan Air %d-%d", orgID, count),
			Tagline: "Air bersih untuk warga", Category: "lingkungan", Text: map[string]string{"problem": "Air sumur keruh."},
			Regions: []string{desa[:5]}})
		if err != nil {
			t.Fatal(err)
		}
		if err := inits.Publish(ctx, actor, ini.ID); err != nil {
			t.Fatal(err)
		}
		for i := range count {
			in, errs := campaign.Parse(campaignForm(fmt.Sprintf("Sumur Warga %d-%d", orgID, i)), i18n.WIB)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			c, err := camps.Create(ctx, campaign.Actor{ID: ownerID}, orgID, ini.ID, in)
			if err != nil {
				t.Fatal(err)
			}
			addNeeds(t, camps, c.ID)
			if err := camps.Publish(ctx, campaign.Actor{}, c.ID); err != nil {
				t.Fatal(err)
			}
			give(t, d, c.ID)
		}
	}
	for i := range 30 {
		u, err := accounts.Create(ctx, fmt.Sprintf("pengurus-tambahan-%d@example.org", i), "Pengurus", "", "kata-sandi-panjang")
		if err != nil {
			t.Fatal(err)
		}
		desa := desas[i%len(desas)]
		o, err := orgs.Create(ctx, u.ID, org.Input{Name: fmt.Sprintf("Komunitas Air Bersih %d", i),
			Slug: fmt.Sprintf("air-bersih-%d", i), LegalForm: "komunitas", RegionCode: desa,
			FocusIssues: []string{"lingkungan", "kesehatan"}})
		if err != nil {
			t.Fatal(err)
		}
		addCampaigns(o.ID, u.ID, desa, 2)
	}
	var ownerID int64
	if err := d.QueryRow(ctx, `SELECT user_id FROM memberships WHERE org_id = ? AND role = 'owner'`, showcase.ID).
		Scan(&ownerID); err != nil {
		t.Fatal(err)
	}
	addCampaigns(showcase.ID, ownerID, showcase.RegionCode, 20)
	c, err := camps.BySlug(ctx, campaignSlug)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		addNeeds(t, camps, c.ID)
	}
	for range 40 {
		give(t, d, c.ID)
	}
}

// addNeeds asks campaignID for one more of every kind of support.
func addNeeds(t *testing.T, camps *campaign.Store, campaignID int64) {
	t.Helper()
	for _, form := range []url.Values{
		{"kind": {"dana"}, "title": {"Pipa dan pompa"}, "target": {"5.000.000"}},
		{"kind": {"barang"}, "title": {"Jeriken"}, "target": {"20"}, "unit": {"buah"}, "item_value": {"50.000"}},
		{"kind": {"relawan"}, "title": {"Tukang"}, "target": {"4"}, "skills": {"Pertukangan"}},
		{"kind": {"keahlian"}, "title": {"Uji kualitas air"}},
		{"kind": {"kemitraan"}, "title": {"Mitra pemda"}},
		{"kind": {"advokasi"}, "title": {"Petisi air bersih"}, "target": {"100"}, "petition_text": {"Air bersih untuk semua."}},
	} {
		need, errs := campaign.ParseNeed(form)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		if _, err := camps.AddNeed(context.Background(), campaignID, need); err != nil {
			t.Fatal(err)
		}
	}
}

// give records a confirmed donation of Rp10.000 to the campaign's first
// dana need.
func give(t *testing.T, d *db.DB, campaignID int64) {
	t.Helper()
	ctx := context.Background()
	var needID, orgID int64
	if err := d.QueryRow(ctx, `SELECT n.id, c.org_id FROM campaign_needs n JOIN campaigns c ON c.id = n.campaign_id
		WHERE n.campaign_id = ? AND n.kind = 'dana' ORDER BY n.id LIMIT 1`, campaignID).Scan(&needID, &orgID); err != nil {
		t.Fatal(err)
	}
	now := db.Now()
	token := fmt.Sprintf("tambah-%d-%d", campaignID, now.UnixNano())
	if _, err := d.Exec(ctx, `INSERT INTO donations (campaign_id, need_id, org_id, method, base_amount, amount,
		donor_name, contact_email, status, form_token, created_at, expires_at, confirmed_at)
		VALUES (?, ?, ?, 'qris', 10000, 10000, 'Donatur', ?, 'confirmed', ?, ?, ?, ?)`,
		campaignID, needID, orgID, token+"@example.org", token, now, now.Add(24*60*60*1e9), now); err != nil {
		t.Fatal(err)
	}
}
