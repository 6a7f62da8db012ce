package generate

import (
	"context"
	"errors"
	"maps"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/donation"
	"lokadaya/internal/figures"
	"lokadaya/internal/ledger"
	"lokadaya/internal/search"
)

var testNow = time.Date(2026, 6, 1, 9, 30, 0, 0, time.UTC)

func count(t *testing.T, d *db.DB, q string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestGenerate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		opt := Options{Orgs: 40, Campaigns: 120, Contributions: 4000, Seed: 7, Now: testNow}
		before := schema(t, d)
		r, err := Run(ctx, d, opt)
		if err != nil {
			t.Fatal(err)
		}
		// The indexes and triggers set aside for the load are all back,
		// as they were.
		if after := schema(t, d); !maps.Equal(after, before) {
			t.Errorf("indexes and triggers after the load differ:\n%v\nbefore:\n%v", after, before)
		}

		// Counts match the flags and the result.
		for _, c := range []struct {
			q    string
			want int64
		}{
			{`SELECT COUNT(*) FROM organizations`, int64(opt.Orgs)},
			{`SELECT COUNT(*) FROM campaigns`, int64(opt.Campaigns)},
			{`SELECT (SELECT COUNT(*) FROM donations) + (SELECT COUNT(*) FROM goods_pledges)
				+ (SELECT COUNT(*) FROM volunteer_signups) + (SELECT COUNT(*) FROM offers)`, int64(opt.Contributions)},
			{`SELECT COUNT(*) FROM donations`, r.Donations},
			{`SELECT COUNT(*) FROM donations WHERE status = 'pending'`, r.Pending},
			{`SELECT COUNT(*) FROM users`, r.Users},
			{`SELECT COUNT(*) FROM initiatives`, r.Initiatives},
			{`SELECT COUNT(*) FROM campaign_needs`, r.Needs},
			{`SELECT COUNT(*) FROM ledger_entries`, r.LedgerEntries},
			{`SELECT COUNT(*) FROM donations WHERE status = 'confirmed'`, r.LedgerEntries},
			// Every organisation has an owner.
			{`SELECT COUNT(DISTINCT org_id) FROM memberships WHERE role = 'owner'`, int64(opt.Orgs)},
			// Every region code exists.
			{`SELECT COUNT(*) FROM organizations o WHERE NOT EXISTS (SELECT 1 FROM regions r WHERE r.code = o.region_code)`, 0},
			{`SELECT COUNT(*) FROM initiative_regions i WHERE NOT EXISTS (SELECT 1 FROM regions r WHERE r.code = i.region_code)`, 0},
			// Campaigns belong to their initiative's organisation.
			{`SELECT COUNT(*) FROM campaigns c JOIN initiatives i ON i.id = c.initiative_id WHERE i.org_id <> c.org_id`, 0},
			// Pending and accepted volunteers never exceed the slots.
			{`SELECT COUNT(*) FROM campaign_needs n WHERE n.kind = 'relawan' AND n.target < (SELECT COUNT(*)
				FROM volunteer_signups v WHERE v.need_id = n.id AND v.status IN ('pending', 'accepted'))`, 0},
			// Pending transfers hold their code; nothing else does.
			{`SELECT COUNT(*) FROM donations WHERE status = 'pending' AND method = 'transfer'`,
				count(t, d, `SELECT COUNT(*) FROM donation_codes`)},
			// Contributions only go to public campaigns.
			{`SELECT COUNT(*) FROM donations x JOIN campaigns c ON c.id = x.campaign_id WHERE c.status NOT IN ('active', 'ended')`, 0},
		} {
			if got := count(t, d, c.q); got != c.want {
				t.Errorf("%s = %d, want %d", c.q, got, c.want)
			}
		}
		// Confirmations are spread out, not piled at the present.
		if n := count(t, d, `SELECT COUNT(*) FROM donations WHERE confirmed_at >= ?`, testNow); n != 0 {
			t.Errorf("%d donations confirmed at the present", n)
		}
		if r.Contributions() != int64(opt.Contributions) {
			t.Errorf("result counts %d contributions, want %d", r.Contributions(), opt.Contributions)
		}
		// Needs of every kind, campaigns of every status, the bulk donations.
		for _, k := range kindNames {
			if count(t, d, `SELECT COUNT(*) FROM campaign_needs WHERE kind = ?`, k) == 0 {
				t.Errorf("no need of kind %s", k)
			}
		}
		for _, s := range []string{"active", "ended", "draft", "cancelled"} {
			if count(t, d, `SELECT COUNT(*) FROM campaigns WHERE status = ?`, s) == 0 {
				t.Errorf("no %s campaign", s)
			}
		}
		if r.Donations < int64(opt.Contributions)*3/4 || r.Pledges == 0 || r.Signups == 0 || r.Offers == 0 || r.Pending == 0 {
			t.Errorf("mix: %+v", r)
		}
		if count(t, d, `SELECT COUNT(*) FROM campaigns WHERE status = 'active' AND ends_at > ?`, testNow) == 0 ||
			count(t, d, `SELECT COUNT(*) FROM campaigns WHERE ends_at < ?`, testNow) == 0 {
			t.Error("ends_at not spread over past and future")
		}

		// The ledger verifies, and its totals are the confirmed donations.
		orgs, err := ledger.Orgs(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if len(orgs) == 0 {
			t.Fatal("no ledger")
		}
		var booked int64
		for _, id := range orgs {
			res, err := ledger.Verify(ctx, d, id)
			if err != nil {
				t.Fatal(err)
			}
			if !res.OK {
				t.Fatalf("org %d: chain bad at %v: %s", id, *res.FirstBad, res.Problem)
			}
			sum, err := ledger.Totals(ctx, d, ledger.Filter{OrgID: id})
			if err != nil {
				t.Fatal(err)
			}
			want := count(t, d, `SELECT COALESCE(SUM(amount), 0) FROM donations WHERE org_id = ? AND status = 'confirmed'`, id)
			if got := sum.In + sum.Zakat.In; got != want {
				t.Errorf("org %d: ledger in %d, confirmed donations %d", id, got, want)
			}
			booked += sum.In + sum.Zakat.In
		}
		if booked != r.ConfirmedMoney {
			t.Errorf("ledger books %d, result says %d confirmed", booked, r.ConfirmedMoney)
		}
		// Per campaign: the money shown on its page is what its entries book.
		if n := count(t, d, `SELECT COUNT(*) FROM campaigns c WHERE
			(SELECT COALESCE(SUM(amount), 0) FROM donations x WHERE x.campaign_id = c.id AND x.status = 'confirmed')
			<> (SELECT COALESCE(SUM(amount), 0) FROM ledger_entries e WHERE e.campaign_id = c.id)`); n != 0 {
			t.Errorf("%d campaigns whose confirmed money differs from their ledger", n)
		}
		var top int64
		if err := d.QueryRow(ctx, `SELECT campaign_id FROM donations GROUP BY campaign_id ORDER BY COUNT(*) DESC LIMIT 1`).Scan(&top); err != nil {
			t.Fatal(err)
		}
		m, err := donation.CampaignMoney(ctx, d, top)
		if err != nil {
			t.Fatal(err)
		}
		if got := count(t, d, `SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE campaign_id = ?`, top); got != m.Confirmed {
			t.Errorf("campaign %d: page shows %d confirmed, ledger %d", top, m.Confirmed, got)
		}

		// The batched sums of a page of campaigns are the one-by-one sums.
		var ids []int64
		for i := int64(1); i <= int64(opt.Campaigns); i++ {
			ids = append(ids, i)
		}
		batch, err := donation.CampaignsMoney(ctx, d, ids)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			one, err := donation.CampaignMoney(ctx, d, id)
			if err != nil {
				t.Fatal(err)
			}
			if batch[id] != one {
				t.Errorf("campaign %d: batched money %+v, alone %+v", id, batch[id], one)
			}
		}

		// The region figures were rebuilt after the load.
		fig, err := (&figures.Store{DB: d, Now: func() time.Time { return testNow }}).Country(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := count(t, d, `SELECT COUNT(*) FROM organizations WHERE status NOT IN ('rejected', 'suspended')`); fig.Organizations != want {
			t.Errorf("country figures: %d organisations, want %d", fig.Organizations, want)
		}
		if fig.MoneyConfirmed == 0 || fig.MoneyConfirmed > r.ConfirmedMoney {
			t.Errorf("country figures: Rp%d confirmed, generated Rp%d", fig.MoneyConfirmed, r.ConfirmedMoney)
		}

		// The open-data publishers were rebuilt after the load: every
		// listed organisation with a published initiative or a public
		// campaign, and no other.
		publishers := `SELECT o.id FROM organizations o WHERE o.status NOT IN ('rejected', 'suspended')
			AND (EXISTS (SELECT 1 FROM initiatives i WHERE i.org_id = o.id AND i.status = 'published')
			OR EXISTS (SELECT 1 FROM campaigns c WHERE c.org_id = o.id AND c.status <> 'draft'))`
		if n := count(t, d, `SELECT COUNT(*) FROM (`+publishers+`) p`); n == 0 ||
			count(t, d, `SELECT COUNT(*) FROM open_publishers`) != n ||
			count(t, d, `SELECT COUNT(*) FROM open_publishers WHERE org_id NOT IN (`+publishers+`)`) != 0 {
			t.Errorf("open_publishers does not hold the %d publishers", n)
		}

		// Generated campaigns are findable.
		var title string
		if err := d.QueryRow(ctx, `SELECT title FROM campaigns WHERE status = 'active' ORDER BY id LIMIT 1`).Scan(&title); err != nil {
			t.Fatal(err)
		}
		var slug string
		if err := d.QueryRow(ctx, `SELECT slug FROM campaigns WHERE status = 'active' AND title = ? ORDER BY id LIMIT 1`, title).Scan(&slug); err != nil {
			t.Fatal(err)
		}
		found, err := search.New(d, func() time.Time { return testNow }).Search(ctx, search.Params{Query: title, Type: "campaign", Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		hit := false
		for _, h := range found.Hits {
			hit = hit || h.Slug == slug
		}
		if !hit {
			t.Errorf("searching %q does not find campaign %s among %d hits", title, slug, len(found.Hits))
		}

		// The application carries on from the generated data: the next
		// entry chains onto the head, and new rows get fresh ids.
		org := orgs[0]
		if err := d.InTx(ctx, func(tx *db.Tx) error {
			_, err := ledger.Append(ctx, tx, ledger.Entry{OrgID: org, Kind: ledger.KindExpense, Amount: -1000,
				Category: ledger.CatOperasional, Description: "Biaya cetak"})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if res, err := ledger.Verify(ctx, d, org); err != nil || !res.OK {
			t.Fatalf("after append: %+v, %v", res, err)
		}
		var uid int64
		if err := d.QueryRow(ctx, `INSERT INTO users (email, name, password_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id`,
			"baru@contoh.id", "Baru", "x", testNow).Scan(&uid); err != nil {
			t.Fatal(err)
		}
		if uid != r.Users+1 {
			t.Errorf("new user id %d, want %d", uid, r.Users+1)
		}
		if d.Dialect == db.SQLite {
			rows, err := d.QueryContext(ctx, `PRAGMA foreign_key_check`)
			if err != nil {
				t.Fatal(err)
			}
			if rows.Next() {
				t.Error("foreign_key_check reports dangling rows")
			}
			rows.Close()
		}

		// The open data changes were backfilled after the load, and their
		// triggers are back: the entry above moved its organisation's books.
		for _, c := range []struct{ source, orgs string }{
			{"organizations", `SELECT COUNT(*) FROM organizations`},
			{"donations", `SELECT COUNT(DISTINCT org_id) FROM donations`},
			{"ledger", `SELECT COUNT(DISTINCT org_id) FROM ledger_entries`},
			{"campaigns", `SELECT COUNT(DISTINCT org_id) FROM campaigns`},
			{"needs", `SELECT COUNT(DISTINCT c.org_id) FROM campaign_needs n JOIN campaigns c ON c.id = n.campaign_id`},
			{"goods", `SELECT COUNT(DISTINCT org_id) FROM goods_pledges`},
			{"volunteers", `SELECT COUNT(DISTINCT org_id) FROM volunteer_signups`},
			{"offers", `SELECT COUNT(DISTINCT org_id) FROM offers`},
			{"initiatives", `SELECT COUNT(DISTINCT org_id) FROM initiatives`},
		} {
			if got, want := count(t, d, `SELECT COUNT(*) FROM open_changes WHERE source = ?`, c.source), count(t, d, c.orgs); got != want || want == 0 {
				t.Errorf("open data changes of %s: %d organisations, want %d", c.source, got, want)
			}
		}
		if books, loaded := count(t, d, `SELECT version FROM open_changes WHERE source = 'ledger' AND org_id = ?`, org),
			count(t, d, `SELECT MAX(version) FROM open_changes WHERE source = 'donations'`); books <= loaded {
			t.Errorf("the books' version %d after an entry, %d after the load: the triggers are not back", books, loaded)
		}

		// A second run refuses: the database is no longer empty.
		if _, err := Run(ctx, d, opt); !errors.Is(err, ErrNotEmpty) {
			t.Fatalf("second run: %v, want ErrNotEmpty", err)
		}
	})
}

// schema maps every index and trigger of the database to its definition.
func schema(t *testing.T, d *db.DB) map[string]string {
	t.Helper()
	q := `SELECT name, COALESCE(sql, '') FROM sqlite_master WHERE type IN ('index', 'trigger')`
	if d.Dialect == db.Postgres {
		q = `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()
			UNION ALL SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal`
	}
	rows, err := d.Query(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			t.Fatal(err)
		}
		m[name] = def
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(m) == 0 {
		t.Fatal("no indexes or triggers")
	}
	return m
}

func TestGenerateIsDeterministic(t *testing.T) {
	ctx := context.Background()
	opt := Options{Orgs: 10, Campaigns: 20, Contributions: 300, Seed: 3, Now: testNow}
	var heads [2]string
	for i := range heads {
		d := dbtest.SQLite(t)
		if _, err := Run(ctx, d, opt); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(ctx, `SELECT GROUP_CONCAT(hash, ',') FROM (SELECT hash FROM ledger_heads ORDER BY org_id)`).Scan(&heads[i]); err != nil {
			t.Fatal(err)
		}
	}
	if heads[0] != heads[1] || heads[0] == "" {
		t.Errorf("the same seed gave different books")
	}
}

func TestGenerateRefusesBadSizes(t *testing.T) {
	d := dbtest.SQLite(t)
	for _, opt := range []Options{
		{Orgs: -1},
		{Orgs: 0, Campaigns: 5},
		{Orgs: 5, Campaigns: 0, Contributions: 10},
		{Orgs: MaxOrgs + 1},
	} {
		if _, err := Run(context.Background(), d, opt); err == nil {
			t.Errorf("%+v accepted", opt)
		}
	}
	// Nothing at all is fine: an empty world.
	if _, err := Run(context.Background(), d, Options{}); err != nil {
		t.Fatal(err)
	}
}
