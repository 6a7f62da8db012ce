// Package generate fills an empty database with realistic generated data at
// national scale — organisations (OMS) with members, initiatives, Galang
// Daya campaigns with needs of every kind, and contributions: donations
// (the bulk, confirmed and pending), goods pledges, volunteer sign-ups and
// offers — spread over the real Kemendagri regions, for benchmarks and
// capacity planning.
//
// Organisations are placed in kabupaten/kota weighted by their number of
// desa/kelurahan (a rough stand-in for population), most of them down at a
// desa. Contributions follow a long tail: a few campaigns draw many, most
// draw a few. Every confirmed donation is booked in its organisation's
// hash-chained ledger exactly as the donation package books it (same
// description, counterparty, category and time), with the chain computed
// here, so ledger verification and the open books agree with the
// donations.
//
// Rows are written in bulk (see loader): multi-row INSERTs in large
// transactions on SQLite, COPY on PostgreSQL. The same seed gives the same
// data.
package generate

import (
	"context"
	cryptorand "crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/figures"
	"lokadaya/internal/ledger"
	"lokadaya/internal/opendata"
	"lokadaya/internal/region/regiondata"
	"lokadaya/internal/search"
)

// Options says how much to generate.
type Options struct {
	Orgs          int
	Campaigns     int
	Contributions int
	Seed          uint64
	// Now is the generated world's present; zero means the clock's.
	Now time.Time
	// Progress receives progress lines; nil for none.
	Progress io.Writer
}

// Limits on the sizes, well above the national target (100,000 OMS,
// 300,000 campaigns, 10 million contributions).
const (
	MaxOrgs          = 1_000_000
	MaxCampaigns     = 3_000_000
	MaxContributions = 100_000_000
)

// ErrNotEmpty is returned for a database that already holds organisations,
// accounts or campaigns.
var ErrNotEmpty = errors.New("generate: the database is not empty")

// Result counts what was written.
type Result struct {
	Orgs, Users, Initiatives, Campaigns, Needs      int64
	Donations, Confirmed, Pending, Pledges, Signups int64
	Offers, LedgerEntries                           int64
	ConfirmedMoney                                  int64 // rupiah
	Rows                                            int64 // every row written
	Elapsed                                         time.Duration
}

// Contributions is the number of contributions of every kind.
func (r Result) Contributions() int64 { return r.Donations + r.Pledges + r.Signups + r.Offers }

// Empty reports whether the database holds no organisation, account or
// campaign, which is what Run requires.
func Empty(ctx context.Context, d *db.DB) (bool, error) {
	var n int64
	err := d.QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM organizations) + (SELECT COUNT(*) FROM users)
		+ (SELECT COUNT(*) FROM campaigns) + (SELECT COUNT(*) FROM hubs)`).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("generate: empty check: %w", err)
	}
	return n == 0, nil
}

func (o Options) check() error {
	switch {
	case o.Orgs < 0 || o.Campaigns < 0 || o.Contributions < 0:
		return errors.New("generate: sizes cannot be negative")
	case o.Orgs > MaxOrgs:
		return fmt.Errorf("generate: at most %d organisations", MaxOrgs)
	case o.Campaigns > MaxCampaigns:
		return fmt.Errorf("generate: at most %d campaigns", MaxCampaigns)
	case o.Contributions > MaxContributions:
		return fmt.Errorf("generate: at most %d contributions", MaxContributions)
	case o.Campaigns > 0 && o.Orgs == 0:
		return errors.New("generate: campaigns need organisations (--orgs)")
	case o.Contributions > 0 && o.Campaigns == 0:
		return errors.New("generate: contributions need campaigns (--campaigns)")
	}
	return nil
}

// Run fills the empty, migrated database d.
func Run(ctx context.Context, d *db.DB, opt Options) (Result, error) {
	start := time.Now()
	if err := opt.check(); err != nil {
		return Result{}, err
	}
	empty, err := Empty(ctx, d)
	if err != nil {
		return Result{}, err
	}
	if !empty {
		return Result{}, ErrNotEmpty
	}
	if opt.Now.IsZero() {
		opt.Now = db.Now()
	}
	opt.Now = opt.Now.UTC().Truncate(time.Second)
	if opt.Progress == nil {
		opt.Progress = io.Discard
	}
	g := &gen{opt: opt, now: opt.Now, rng: rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x4c6f6b6164617961)), start: start}
	if err := g.loadRegions(); err != nil {
		return Result{}, err
	}
	secret := make([]byte, 32)
	if _, err := cryptorand.Read(secret); err != nil {
		return Result{}, err
	}
	if g.password, err = account.HashPassword(hex.EncodeToString(secret)); err != nil {
		return Result{}, err
	}
	restore, err := loadSettings(ctx, d)
	if err != nil {
		return Result{}, err
	}
	defer restore()
	// The triggers that keep the region figures, the open-data publishers
	// and the open-data changes are set aside for the load, and their
	// tables rebuilt once at the end.
	err = figures.Bulk(ctx, d, func() error {
		return opendata.BulkPublishers(ctx, d, func() error {
			return opendata.Bulk(ctx, d, opt.Now, func() error { return g.load(ctx, d) })
		})
	})
	if err != nil {
		return Result{}, err
	}
	g.phase("region figures, publishers and open data changes rebuilt")
	if err := finishDB(ctx, d); err != nil {
		return Result{}, err
	}
	g.phase("id sequences and planner statistics updated")
	// The search index is filled by the application as it writes; a bulk
	// load fills it once at the end.
	if _, err := search.New(d, func() time.Time { return opt.Now }).Rebuild(ctx); err != nil {
		return Result{}, err
	}
	g.phase("search index built")
	r := g.res
	for _, t := range g.l.tables {
		r.Rows += t.written
	}
	r.Elapsed = time.Since(start)
	return r, nil
}

// load writes every row, with the secondary indexes of the big tables
// built after it.
func (g *gen) load(ctx context.Context, d *db.DB) error {
	return withLoader(ctx, d, func(l *loader) error {
		g.l = l
		g.declare()
		if err := g.orgs(ctx); err != nil {
			return err
		}
		if err := g.campaigns(ctx); err != nil {
			return err
		}
		if err := g.contributions(ctx); err != nil {
			return err
		}
		if err := l.finish(ctx); err != nil {
			return err
		}
		g.phase("rows written")
		return nil
	})
}

// loadSettings gives SQLite's write connection, on which the rebuilds after
// the load run (figures, search index), the loader's settings: its page
// cache, as with the default 2 MB they read the same pages from the file
// again and again, and no fsync, as the search index commits a batch at a
// time. The returned function sets them back to what db.Open leaves.
func loadSettings(ctx context.Context, d *db.DB) (restore func(), err error) {
	if err := d.WriteConnPragmas(ctx, `PRAGMA cache_size = `+loadCacheSize, `PRAGMA synchronous = OFF`); err != nil {
		return nil, fmt.Errorf("generate: %w", err)
	}
	return func() {
		_ = d.WriteConnPragmas(context.WithoutCancel(ctx), `PRAGMA cache_size = `+defaultCacheSize, `PRAGMA synchronous = NORMAL`)
	}, nil
}

// serialTables are the tables written with explicit ids whose id
// sequences PostgreSQL must then move past them.
var serialTables = []string{"users", "organizations", "org_bank_accounts", "initiatives", "campaigns",
	"campaign_needs", "donations", "goods_pledges", "goods_receipts", "volunteer_signups", "volunteer_hours", "offers"}

// finishDB moves PostgreSQL's id sequences past the written ids and
// refreshes the planner's statistics on both databases.
func finishDB(ctx context.Context, d *db.DB) error {
	if d.Dialect == db.Postgres {
		for _, t := range serialTables {
			if _, err := d.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'),
				COALESCE((SELECT MAX(id) FROM `+t+`), 0) + 1, false)`); err != nil {
				return fmt.Errorf("generate: sequence of %s: %w", t, err)
			}
		}
	}
	if _, err := d.ExecContext(ctx, `ANALYZE`); err != nil {
		return fmt.Errorf("generate: analyze: %w", err)
	}
	return nil
}

// kabkota is a kabupaten/kota with the desa/kelurahan under it.
type kabkota struct {
	code, name string
	villages   []string
}

type gen struct {
	opt   Options
	now   time.Time
	rng   *rand.Rand
	l     *loader
	res   Result
	start time.Time
	last  time.Time // the end of the last phase

	kabs   []kabkota
	kabCum []float64 // cumulative weights of kabs
	tUsers, tOrgs, tMembers, tBanks, tInits, tInitRegions,
	tCampaigns, tNeeds, tDonations, tCodes, tPledges, tReceipts,
	tSignups, tHours, tOffers, tLedger, tHeads *table

	orgList []orgInfo
	camps   []campInfo
	userID  int64
	needID  int64
	// password is every generated account's hash: of a random secret
	// nobody knows, so no generated account can sign in.
	password string
}

type orgInfo struct {
	id, owner, treasurer, bank int64
	kab                        int // index into kabs
	verified                   bool
	inits                      []int64
	created                    time.Time
}

type campInfo struct {
	id, org, init int64
	status        string
	zakat         bool
	start, end    time.Time // start zero for a draft; end zero when open-ended
	needs         [nKinds]int64
	targets       [nKinds]int64
	units         [nKinds]string
	titles        [nKinds]string
	count         int // contributions to generate
}

// Need kinds, in the order of campaign.Kinds.
const (
	kDana = iota
	kBarang
	kRelawan
	kKeahlian
	kKemitraan
	kAdvokasi
	nKinds
)

var kindNames = [nKinds]string{"dana", "barang", "relawan", "keahlian", "kemitraan", "advokasi"}

func (g *gen) loadRegions() error {
	all, err := regiondata.All()
	if err != nil {
		return err
	}
	idx := map[string]int{}
	kecToKab := map[string]int{}
	for _, r := range all {
		switch r.Level {
		case regiondata.Kabupaten, regiondata.Kota:
			idx[r.Code] = len(g.kabs)
			g.kabs = append(g.kabs, kabkota{code: r.Code, name: r.Name})
		case regiondata.Kecamatan:
			if k, ok := idx[r.Parent]; ok {
				kecToKab[r.Code] = k
			}
		case regiondata.Desa, regiondata.Kelurahan:
			if k, ok := kecToKab[r.Parent]; ok {
				g.kabs[k].villages = append(g.kabs[k].villages, r.Code)
			}
		}
	}
	if len(g.kabs) == 0 {
		return errors.New("generate: no kabupaten/kota in the region list")
	}
	sum := 0.0
	for _, k := range g.kabs {
		sum += float64(1 + len(k.villages))
		g.kabCum = append(g.kabCum, sum)
	}
	return nil
}

// pickKab picks a kabupaten/kota, weighted by its desa/kelurahan.
func (g *gen) pickKab() int {
	x := g.rng.Float64() * g.kabCum[len(g.kabCum)-1]
	return sort.SearchFloat64s(g.kabCum, x)
}

func (g *gen) declare() {
	l := g.l
	g.tUsers = l.table("users", "id", "email", "name", "phone", "password_hash", "email_verified_at", "locale", "created_at")
	g.tOrgs = l.table("organizations", "id", "slug", "name", "legal_form", "akta_number", "address", "region_code",
		"focus_issues", "vision", "mission", "founded_year", "email", "phone", "status", "status_reason",
		"verified_at", "created_at", "updated_at")
	g.tMembers = l.table("memberships", "org_id", "user_id", "role", "created_at")
	g.tBanks = l.table("org_bank_accounts", "id", "org_id", "bank", "account_number", "account_name", "active", "created_at")
	g.tInits = l.table("initiatives", "id", "org_id", "slug", "name", "tagline", "problem", "category", "status",
		"published_at", "created_at", "updated_at")
	g.tInitRegions = l.table("initiative_regions", "initiative_id", "region_code")
	g.tCampaigns = l.table("campaigns", "id", "initiative_id", "org_id", "slug", "title", "story", "starts_at",
		"ends_at", "status", "scheme", "created_by", "created_at", "updated_at", "published_at", "fund")
	g.tNeeds = l.table("campaign_needs", "id", "campaign_id", "kind", "title", "description", "target", "unit",
		"skills", "schedule", "place", "petition_text", "position")
	g.tDonations = l.table("donations", "id", "campaign_id", "need_id", "org_id", "method", "bank_account_id",
		"base_amount", "unique_code", "amount", "donor_name", "anonymous", "message", "contact_email", "status",
		"form_token", "created_at", "expires_at", "confirmed_at", "confirmed_by")
	g.tCodes = l.table("donation_codes", "bank_account_id", "amount", "donation_id")
	g.tPledges = l.table("goods_pledges", "id", "campaign_id", "need_id", "org_id", "item", "unit", "quantity",
		"received", "delivery", "pledger_name", "anonymous", "contact_email", "status", "form_token",
		"created_at", "updated_at", "cancelled_at", "cancel_reason")
	g.tReceipts = l.table("goods_receipts", "id", "pledge_id", "quantity", "received_on", "recorded_by", "recorder", "created_at")
	g.tSignups = l.table("volunteer_signups", "id", "campaign_id", "need_id", "org_id", "name", "email",
		"region_code", "availability", "hide_name", "status", "decline_reason", "form_token", "created_at",
		"decided_at", "decided_by")
	g.tHours = l.table("volunteer_hours", "id", "signup_id", "day", "minutes", "created_by", "created_at")
	g.tOffers = l.table("offers", "id", "campaign_id", "need_id", "need_title", "org_id", "offerer_kind", "name",
		"institution", "body", "contact_email", "status", "reject_reason", "awaiting_org", "form_token",
		"access_token", "created_at", "updated_at", "decided_at")
	g.tLedger = l.table("ledger_entries", "org_id", "seq", "recorded_at", "kind", "amount", "category",
		"campaign_id", "initiative_id", "description", "counterparty", "source_type", "source_id", "recorded_by",
		"prev_hash", "hash")
	g.tHeads = l.table("ledger_heads", "org_id", "seq", "hash", "updated_at")
}

// phase prints how long the step that just ended took.
func (g *gen) phase(what string) {
	now := time.Now()
	if g.last.IsZero() {
		g.last = g.start
	}
	fmt.Fprintf(g.opt.Progress, "%s in %.1fs\n", what, now.Sub(g.last).Seconds())
	g.last = now
}

// progress prints one line with the rate since the start.
func (g *gen) progress(what string, done, total int) {
	el := time.Since(g.start).Seconds()
	rate := 0.0
	var rows int64
	for _, t := range g.l.tables {
		rows += t.written + int64(len(t.rows))
	}
	if el > 0 {
		rate = float64(rows) / el
	}
	fmt.Fprintf(g.opt.Progress, "%s %d/%d · %d rows in %.1fs · %.0f rows/s\n", what, done, total, rows, el, rate)
}

// between is a uniform time in [a, b), to the second.
func (g *gen) between(a, b time.Time) time.Time {
	if !b.After(a) {
		return a
	}
	return a.Add(time.Duration(g.rng.Int64N(int64(b.Sub(a)/time.Second))) * time.Second)
}

func (g *gen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// chance is true with probability p.
func (g *gen) chance(p float64) bool { return g.rng.Float64() < p }

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func nullInt(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}

// orgs writes the organisations, their members, bank accounts and
// initiatives.
func (g *gen) orgs(ctx context.Context) error {
	n := g.opt.Orgs
	g.orgList = make([]orgInfo, n)
	var initID int64
	step := max(n/10, 1)
	for i := range n {
		o := &g.orgList[i]
		o.id = int64(i + 1)
		o.kab = g.pickKab()
		kab := &g.kabs[o.kab]
		regionCode := kab.code
		if len(kab.villages) > 0 && g.chance(0.7) {
			regionCode = kab.villages[g.rng.IntN(len(kab.villages))]
		}
		place := placeName(kab.name)
		form := g.pick(legalForms)
		name := formTitle[form] + " " + g.pick(orgWords) + " " + g.pick(orgThemes) + " " + place
		slug := slugify(name) + "-" + strconv.FormatInt(o.id, 36)
		o.created = g.between(g.now.AddDate(-6, 0, 0), g.now.AddDate(0, -1, 0))
		status, reason := "verified", ""
		switch x := g.rng.Float64(); {
		case x < 0.08:
			status = "pending"
		case x < 0.11:
			status, reason = "needs_changes", "Lengkapi nomor akta dan SK AHU."
		case x < 0.13:
			status, reason = "rejected", "Dokumen legalitas tidak dapat diperiksa."
		case x < 0.15:
			status, reason = "suspended", "Ditangguhkan sementara menunggu klarifikasi."
		}
		o.verified = status == "verified"
		var verifiedAt time.Time
		if o.verified {
			verifiedAt = g.between(o.created, o.created.Add(30*24*time.Hour))
		}
		akta := ""
		if form == "yayasan" || form == "perkumpulan" || form == "koperasi" {
			akta = fmt.Sprintf("%02d/%d", 1+g.rng.IntN(40), 2000+g.rng.IntN(25))
		}
		issues := g.pick(issueKeys)
		if g.chance(0.5) {
			if other := g.pick(issueKeys); other != issues {
				issues += "," + other
			}
		}
		if err := g.l.add(ctx, g.tOrgs, o.id, slug, name, form, akta, "Jl. "+g.pick(streets)+" No. "+strconv.Itoa(1+g.rng.IntN(200)),
			regionCode, issues, "Masyarakat "+place+" yang "+g.pick(visions)+".",
			"Mendampingi warga dan menggalang daya lokal.", 1990+g.rng.IntN(35),
			"halo@"+slug+".contoh.id", fmt.Sprintf("08%010d", g.rng.Int64N(1e10)), status, reason,
			nullTime(verifiedAt), o.created, o.created); err != nil {
			return err
		}
		// Members: an owner always, often a treasurer (bendahara), sometimes an editor.
		roles := []string{"owner"}
		if g.chance(0.6) {
			roles = append(roles, "treasurer")
		}
		if g.chance(0.3) {
			roles = append(roles, "editor")
		}
		for _, role := range roles {
			g.userID++
			uid := g.userID
			first, last := g.pick(firstNames), g.pick(lastNames)
			if err := g.l.add(ctx, g.tUsers, uid, "pengurus"+strconv.FormatInt(uid, 10)+"@contoh.id", first+" "+last,
				"", g.password, o.created, "id", o.created); err != nil {
				return err
			}
			if err := g.l.add(ctx, g.tMembers, o.id, uid, role, o.created); err != nil {
				return err
			}
			g.res.Users++
			switch role {
			case "owner":
				o.owner = uid
			case "treasurer":
				o.treasurer = uid
			}
		}
		if o.treasurer == 0 {
			o.treasurer = o.owner
		}
		if o.verified {
			o.bank = o.id
			if err := g.l.add(ctx, g.tBanks, o.bank, o.id, g.pick(banks), fmt.Sprintf("%010d", g.rng.Int64N(1e10)),
				name, true, o.created); err != nil {
				return err
			}
		}
		// Initiatives: one to three for a verified OMS, sometimes a draft elsewhere.
		k := 0
		if o.verified {
			k = 1 + g.rng.IntN(3)
		} else if g.chance(0.3) {
			k = 1
		}
		for j := range k {
			initID++
			published := o.verified
			status, pubAt := "draft", time.Time{}
			if published {
				status, pubAt = "published", g.between(o.created, g.now)
				o.inits = append(o.inits, initID)
			}
			theme := g.pick(initThemes)
			iname := theme + " " + place
			if j > 0 {
				iname += " " + strconv.Itoa(j+1)
			}
			if err := g.l.add(ctx, g.tInits, initID, o.id, slugify(iname)+"-"+strconv.FormatInt(initID, 36), iname,
				g.pick(taglines), "Warga "+place+" belum terlayani dengan baik.", g.pick(issueKeys), status,
				nullTime(pubAt), o.created, o.created); err != nil {
				return err
			}
			if err := g.l.add(ctx, g.tInitRegions, initID, kab.code); err != nil {
				return err
			}
			g.res.Initiatives++
		}
		g.res.Orgs++
		if (i+1)%step == 0 {
			g.progress("organisations", i+1, n)
		}
	}
	return g.l.flush(ctx)
}

// campaigns writes the campaigns and their needs, and decides how many
// contributions each will get.
func (g *gen) campaigns(ctx context.Context) error {
	n := g.opt.Campaigns
	if n == 0 {
		return nil
	}
	// Campaigns go to verified organisations with a published initiative,
	// some organisations far more active than others.
	var owners []int
	var cum []float64
	sum := 0.0
	for i := range g.orgList {
		if len(g.orgList[i].inits) > 0 {
			sum += pareto(g.rng, 1.5, 20)
			owners, cum = append(owners, i), append(cum, sum)
		}
	}
	if len(owners) == 0 {
		return errors.New("generate: no verified organisation to run campaigns; ask for more organisations")
	}
	byOrg := make([]int, n)
	for i := range byOrg {
		byOrg[i] = owners[sort.SearchFloat64s(cum, g.rng.Float64()*sum)]
	}
	// Campaign ids grouped by organisation, so each organisation's
	// contributions, and its ledger chain, are written in one go.
	slices.Sort(byOrg)
	g.camps = make([]campInfo, n)
	step := max(n/10, 1)
	for i := range n {
		c := &g.camps[i]
		o := &g.orgList[byOrg[i]]
		c.id, c.org = int64(i+1), o.id
		c.init = o.inits[g.rng.IntN(len(o.inits))]
		c.zakat = g.chance(0.05)
		created := g.between(maxTime(o.created, g.now.AddDate(-3, 0, 0)), g.now.Add(-24*time.Hour))
		switch x := g.rng.Float64(); {
		case x < 0.55:
			c.status = "active"
			c.start = created
			switch y := g.rng.Float64(); {
			case y < 0.05: // open-ended
			case y < 0.052: // past its end within the hour, not yet closed by the
				// minute job (a server was down): read as ended. More would
				// be a database no running server leaves behind.
				c.end = g.between(maxTime(c.start, g.now.Add(-time.Hour)), g.now)
			default:
				c.end = g.now.Add(time.Duration(1+g.rng.IntN(120*24)) * time.Hour)
			}
		case x < 0.85:
			c.status = "ended"
			c.start = created
			c.end = g.between(c.start, g.now)
		case x < 0.95:
			c.status = "draft"
			c.end = g.now.Add(time.Duration(30+g.rng.IntN(90)) * 24 * time.Hour)
		default:
			c.status = "cancelled"
			c.start = created
			c.end = g.between(c.start, g.now)
		}
		kab := &g.kabs[o.kab]
		place := placeName(kab.name)
		theme := g.pick(campaignThemes)
		title := theme + " di " + place
		fund := "umum"
		if c.zakat {
			fund = "zakat_infak"
		}
		var published any
		if c.status != "draft" {
			published = c.start
		}
		if err := g.l.add(ctx, g.tCampaigns, c.id, c.init, c.org, slugify(title)+"-"+strconv.FormatInt(c.id, 36), title,
			"Bersama warga "+place+", kami "+g.pick(stories)+". Setiap dukungan dicatat terbuka.",
			nullTime(c.start), nullTime(c.end), c.status, g.pick(schemes), o.owner, created, created, published,
			fund); err != nil {
			return err
		}
		// Needs: money nearly always, the other kinds now and then.
		var has [nKinds]bool
		some := false
		for k, p := range [nKinds]float64{0.92, 0.35, 0.30, 0.15, 0.10, 0.10} {
			has[k] = g.chance(p)
			some = some || has[k]
		}
		has[kDana] = has[kDana] || !some
		pos := 0
		for k := range nKinds {
			if !has[k] {
				continue
			}
			g.needID++
			c.needs[k] = g.needID
			var target int64
			unit, skills, schedule, petition, title := "", "", "", "", ""
			switch k {
			case kDana:
				target = int64(5+g.rng.IntN(496)) * 1_000_000
				title = "Dana " + strings.ToLower(theme)
			case kBarang:
				item := goodsItems[g.rng.IntN(len(goodsItems))]
				title, unit, target = item[0], item[1], int64(10+g.rng.IntN(490))
			case kRelawan:
				title, target = g.pick(volunteerRoles), int64(5+g.rng.IntN(46))
				schedule = "Setiap Sabtu pagi"
			case kKeahlian:
				title, skills = "Pendampingan "+g.pick(skillAreas), g.pick(skillAreas)
			case kKemitraan:
				title = "Mitra " + g.pick(partnerAreas)
			case kAdvokasi:
				title, target = "Dukung usulan ke pemda "+place, int64(100+g.rng.IntN(4900))
				petition = "Kami mendukung usulan warga " + place + " untuk dimasukkan ke musrenbang."
			}
			c.targets[k], c.units[k], c.titles[k] = target, unit, title
			if err := g.l.add(ctx, g.tNeeds, g.needID, c.id, kindNames[k], title, "", target, unit, skills, schedule,
				place, petition, pos); err != nil {
				return err
			}
			pos++
			g.res.Needs++
		}
		g.res.Campaigns++
		if (i+1)%step == 0 {
			g.progress("campaigns", i+1, n)
		}
	}
	if err := g.l.flush(ctx); err != nil {
		return err
	}
	return g.share()
}

// share gives every public campaign its number of contributions: a long
// tail, summing to exactly the requested total.
func (g *gen) share() error {
	total := g.opt.Contributions
	if total == 0 {
		return nil
	}
	var open []int
	var w []float64
	sum := 0.0
	for i := range g.camps {
		c := &g.camps[i]
		if (c.status == "active" || c.status == "ended") && c.needs[kDana] != 0 {
			x := pareto(g.rng, 1.2, 200)
			open, w, sum = append(open, i), append(w, x), sum+x
		}
	}
	if len(open) == 0 {
		return errors.New("generate: no public campaign with a money need to contribute to; ask for more campaigns")
	}
	given := 0
	for j, i := range open {
		k := int(float64(total) * w[j] / sum)
		g.camps[i].count = k
		given += k
	}
	for ; given < total; given++ {
		g.camps[open[g.rng.IntN(len(open))]].count++
	}
	return nil
}

// pareto draws from a Pareto distribution with shape alpha and minimum 1,
// capped.
func pareto(r *rand.Rand, alpha, limit float64) float64 {
	return math.Min(math.Pow(1-r.Float64(), -1/alpha), limit)
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// booking is one confirmed donation waiting for its ledger entry.
type booking struct {
	at                   time.Time
	id, campaign, init   int64
	amount               int64
	zakat                bool
	method, counterparty string
	by                   int64
}

// contributions writes every campaign's contributions, one organisation at
// a time, and that organisation's ledger chain.
func (g *gen) contributions(ctx context.Context) error {
	total := g.opt.Contributions
	if total == 0 {
		return nil
	}
	var donID, pledgeID, receiptID, signupID, hourID, offerID int64
	done, next := 0, max(total/20, 1)
	for lo := 0; lo < len(g.camps); {
		hi := lo
		for hi < len(g.camps) && g.camps[hi].org == g.camps[lo].org {
			hi++
		}
		o := &g.orgList[g.camps[lo].org-1]
		var books []booking
		pendingAmounts := map[int64]bool{}
		for ci := lo; ci < hi; ci++ {
			c := &g.camps[ci]
			if c.count == 0 {
				continue
			}
			held := 0 // volunteer slots held (pending or accepted)
			to := g.now
			if !c.end.IsZero() && c.end.Before(to) {
				to = c.end
			}
			live := c.status == "active" && (c.end.IsZero() || c.end.After(g.now))
			for range c.count {
				at := g.between(c.start, to)
				kind := kDana
				switch x := g.rng.Float64(); {
				case x < 0.86:
				case x < 0.93:
					if c.needs[kBarang] != 0 {
						kind = kBarang
					}
				case x < 0.98:
					if c.needs[kRelawan] != 0 {
						kind = kRelawan
					}
				default:
					if c.needs[kKeahlian] != 0 {
						kind = kKeahlian
					} else if c.needs[kKemitraan] != 0 {
						kind = kKemitraan
					}
				}
				var err error
				switch kind {
				case kDana:
					donID++
					err = g.donation(ctx, o, c, donID, at, live, pendingAmounts, &books)
				case kBarang:
					pledgeID++
					err = g.pledge(ctx, o, c, pledgeID, &receiptID, at)
				case kRelawan:
					signupID++
					err = g.signup(ctx, o, c, signupID, &hourID, at, &held)
				default:
					offerID++
					err = g.offer(ctx, o, c, kind, offerID, at)
				}
				if err != nil {
					return err
				}
				done++
				if done >= next {
					g.progress("contributions", done, total)
					next += max(total/20, 1)
				}
			}
		}
		if err := g.book(ctx, o, books); err != nil {
			return err
		}
		lo = hi
	}
	return nil
}

func (g *gen) donation(ctx context.Context, o *orgInfo, c *campInfo, id int64, at time.Time, live bool,
	pendingAmounts map[int64]bool, books *[]booking) error {
	// A tenth of a live campaign's donations came in the last day: most of
	// those still wait for the treasurer.
	if live && g.chance(0.1) {
		at = g.between(maxTime(c.start, g.now.Add(-23*time.Hour)), g.now)
	}
	status := "confirmed"
	fresh := g.now.Sub(at) < 23*time.Hour
	switch x := g.rng.Float64(); {
	case fresh && x < 0.7:
		status = "pending"
	case !fresh && x < 0.08:
		status = "expired"
	case !fresh && x < 0.11:
		status = "rejected"
	}
	base := donationAmount(g.rng)
	method, code := "qris", 0
	var bank int64
	if g.chance(0.65) && o.bank != 0 {
		method, bank = "transfer", o.bank
		code = 1 + g.rng.IntN(999)
		if status == "pending" {
			// A pending transfer's amount must be unique on its account.
			for tries := 0; pendingAmounts[base+int64(code)]; tries++ {
				if tries == 20 {
					method, bank, code = "qris", 0, 0
					break
				}
				code = 1 + g.rng.IntN(999)
			}
		}
	}
	amount := base + int64(code)
	anon := g.chance(0.2)
	donor := g.pick(firstNames) + " " + g.pick(lastNames)
	email := ""
	if g.chance(0.5) {
		email = "donatur" + strconv.FormatInt(id, 10) + "@contoh.id"
	}
	message := ""
	if g.chance(0.25) {
		message = g.pick(messages)
	}
	var confirmedAt time.Time
	var confirmedBy int64
	if status == "confirmed" {
		confirmedAt = at.Add(time.Duration(10+g.rng.IntN(48*60)) * time.Minute)
		if confirmedAt.After(g.now) {
			// Confirmed sooner, not all at the present: a pile of them
			// there (a tenth of a national load) would all count as just
			// confirmed, and the server's first look at new money would
			// rewrite every campaign they went to.
			confirmedAt = g.between(at, g.now)
		}
		if method == "transfer" {
			confirmedBy = o.treasurer
		}
	}
	if err := g.l.add(ctx, g.tDonations, id, c.id, c.needs[kDana], o.id, method, nullInt(bank), base, code, amount,
		donor, anon, message, email, status, "gen-d-"+strconv.FormatInt(id, 36), at, at.Add(24*time.Hour),
		nullTime(confirmedAt), nullInt(confirmedBy)); err != nil {
		return err
	}
	g.res.Donations++
	switch status {
	case "pending":
		g.res.Pending++
		if method == "transfer" {
			pendingAmounts[amount] = true
			if err := g.l.add(ctx, g.tCodes, bank, amount, id); err != nil {
				return err
			}
		}
	case "confirmed":
		g.res.Confirmed++
		g.res.ConfirmedMoney += amount
		cp := donor
		if anon {
			cp = ""
		}
		*books = append(*books, booking{at: confirmedAt, id: id, campaign: c.id, init: c.init, amount: amount,
			zakat: c.zakat, method: method, counterparty: cp, by: confirmedBy})
	}
	return nil
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// donationAmount is a rupiah amount between Rp10.000 and Rp5.000.000,
// most of them small, in round thousands.
func donationAmount(r *rand.Rand) int64 {
	x := math.Exp(math.Log(10_000) + r.Float64()*(math.Log(5_000_000)-math.Log(10_000)))
	return int64(x/5_000) * 5_000
}

func (g *gen) pledge(ctx context.Context, o *orgInfo, c *campInfo, id int64, receiptID *int64, at time.Time) error {
	qty := int64(1 + g.rng.IntN(50))
	received, status := int64(0), "pledged"
	var cancelledAt time.Time
	reason := ""
	switch x := g.rng.Float64(); {
	case x < 0.15:
		status, received = "partial", 1+g.rng.Int64N(qty)
		if received == qty {
			status = "received"
		}
	case x < 0.6:
		status, received = "received", qty
	case x < 0.7:
		status, cancelledAt, reason = "cancelled", minTime(at.Add(72*time.Hour), g.now), "Barang batal dikirim."
	}
	anon := g.chance(0.15)
	if err := g.l.add(ctx, g.tPledges, id, c.id, c.needs[kBarang], o.id, c.titles[kBarang], c.units[kBarang], qty,
		received, g.pick(deliveries), g.pick(firstNames)+" "+g.pick(lastNames), anon,
		"pemberi"+strconv.FormatInt(id, 10)+"@contoh.id", status, "gen-g-"+strconv.FormatInt(id, 36), at, at,
		nullTime(cancelledAt), reason); err != nil {
		return err
	}
	g.res.Pledges++
	if received > 0 {
		*receiptID++
		rat := minTime(at.Add(time.Duration(1+g.rng.IntN(14*24))*time.Hour), g.now)
		if err := g.l.add(ctx, g.tReceipts, *receiptID, id, received, rat.Format("2006-01-02"), o.owner,
			"Pengurus", rat); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) signup(ctx context.Context, o *orgInfo, c *campInfo, id int64, hourID *int64, at time.Time, held *int) error {
	status, reason := "waiting", ""
	if int64(*held) < c.targets[kRelawan] {
		switch x := g.rng.Float64(); {
		case x < 0.6:
			status = "accepted"
		case x < 0.85:
			status = "pending"
		case x < 0.95:
			status, reason = "declined", "Kuota peran ini sudah terpenuhi."
		default:
			status = "absent"
		}
	} else if g.chance(0.5) {
		status, reason = "declined", "Kuota peran ini sudah terpenuhi."
	}
	if status == "pending" || status == "accepted" {
		*held++
	}
	var decided time.Time
	var decidedBy int64
	if status != "pending" && status != "waiting" {
		decided, decidedBy = minTime(at.Add(time.Duration(1+g.rng.IntN(72))*time.Hour), g.now), o.owner
	}
	if err := g.l.add(ctx, g.tSignups, id, c.id, c.needs[kRelawan], o.id, g.pick(firstNames)+" "+g.pick(lastNames),
		"relawan"+strconv.FormatInt(id, 10)+"@contoh.id", g.kabs[o.kab].code, "Akhir pekan", g.chance(0.1), status, reason,
		"gen-v-"+strconv.FormatInt(id, 36), at, nullTime(decided), nullInt(decidedBy)); err != nil {
		return err
	}
	g.res.Signups++
	if status == "accepted" && g.chance(0.7) {
		*hourID++
		day := minTime(decided.Add(7*24*time.Hour), g.now)
		if err := g.l.add(ctx, g.tHours, *hourID, id, day.Format("2006-01-02"), int64(60+30*g.rng.IntN(15)),
			o.owner, day); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) offer(ctx context.Context, o *orgInfo, c *campInfo, kind int, id int64, at time.Time) error {
	who := g.pick(offererKinds)
	inst := ""
	if who != "individu" {
		inst = g.pick(institutions[who])
	}
	status, reason := "baru", ""
	switch x := g.rng.Float64(); {
	case x < 0.25:
		status = "dibahas"
	case x < 0.5:
		status = "disepakati"
	case x < 0.6:
		status, reason = "ditolak", "Belum sesuai kebutuhan saat ini."
	}
	var decided time.Time
	if status == "disepakati" || status == "ditolak" {
		decided = minTime(at.Add(time.Duration(24+g.rng.IntN(240))*time.Hour), g.now)
	}
	if err := g.l.add(ctx, g.tOffers, id, c.id, c.needs[kind], c.titles[kind], o.id, who,
		g.pick(firstNames)+" "+g.pick(lastNames), inst, "Kami dapat membantu "+strings.ToLower(c.titles[kind])+".",
		"mitra"+strconv.FormatInt(id, 10)+"@contoh.id", status, reason, status == "baru",
		"gen-o-"+strconv.FormatInt(id, 36), fmt.Sprintf("%016x%016x", g.rng.Uint64(), g.rng.Uint64()),
		at, maxTime(at, decided), nullTime(decided)); err != nil {
		return err
	}
	g.res.Offers++
	return nil
}

// methodText names a payment method as the donation package's ledger
// descriptions do.
var methodText = map[string]string{"transfer": "transfer bank", "qris": "QRIS", "gateway": "gerbang pembayaran"}

// book writes the organisation's chain: its confirmed donations in the
// order they were confirmed, each entry as donation.LedgerEntry makes it.
func (g *gen) book(ctx context.Context, o *orgInfo, books []booking) error {
	if len(books) == 0 {
		return nil
	}
	sort.Slice(books, func(i, j int) bool {
		if !books[i].at.Equal(books[j].at) {
			return books[i].at.Before(books[j].at)
		}
		return books[i].id < books[j].id
	})
	prev := ledger.Genesis
	var seq int64
	for _, b := range books {
		seq++
		cat := ledger.CatProgram
		if b.zakat {
			cat = ledger.CatZakatInfak
		}
		e := ledger.Entry{OrgID: o.id, Seq: seq, RecordedAt: b.at, Kind: ledger.KindDonation, Amount: b.amount,
			Category: cat, CampaignID: b.campaign, InitiativeID: b.init,
			Description:  "Donasi #" + strconv.FormatInt(b.id, 10) + " lewat " + methodText[b.method],
			Counterparty: b.counterparty, SourceType: "donation", SourceID: b.id, RecordedBy: b.by, PrevHash: prev}
		e.Hash = ledger.ComputeHash(&e)
		if err := g.l.add(ctx, g.tLedger, e.OrgID, e.Seq, e.RecordedAt, string(e.Kind), e.Amount, string(e.Category),
			e.CampaignID, e.InitiativeID, e.Description, e.Counterparty, e.SourceType, e.SourceID, nullInt(e.RecordedBy),
			e.PrevHash, e.Hash); err != nil {
			return err
		}
		prev = e.Hash
		g.res.LedgerEntries++
	}
	return g.l.add(ctx, g.tHeads, o.id, seq, prev, g.now)
}
