package search

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// world is a small set of public and hidden documents written straight
// into the tables the sources read.
type world struct {
	t   *testing.T
	d   *db.DB
	ctx context.Context
	now time.Time
	kec string // a kecamatan of Kota Bandung
}

func newWorld(t *testing.T, d *db.DB) *world {
	w := &world{t: t, d: d, ctx: context.Background(), now: time.Date(2026, 6, 1, 3, 0, 0, 0, time.UTC)}
	if err := d.QueryRow(w.ctx, `SELECT MIN(code) FROM regions WHERE parent_code = '32.73'`).Scan(&w.kec); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *world) exec(q string, args ...any) {
	w.t.Helper()
	if _, err := w.d.Exec(w.ctx, q, args...); err != nil {
		w.t.Fatalf("%s: %v", q, err)
	}
}

func (w *world) id(q string, args ...any) int64 {
	w.t.Helper()
	var id int64
	if err := w.d.QueryRow(w.ctx, q+" RETURNING id", args...).Scan(&id); err != nil {
		w.t.Fatalf("%s: %v", q, err)
	}
	return id
}

func (w *world) org(slug, name, region, issues, vision, status string) int64 {
	return w.id(`INSERT INTO organizations (slug, name, legal_form, region_code, focus_issues, vision, email, phone,
		address, status, created_at, updated_at) VALUES (?, ?, 'yayasan', ?, ?, ?, 'rahasia@example.org', '0811999888',
		'Jalan Rahasia 7', ?, ?, ?)`, slug, name, region, issues, vision, status, w.now, w.now)
}

func (w *world) initiative(org int64, slug, name, tagline, category, status string, serves ...string) int64 {
	id := w.id(`INSERT INTO initiatives (org_id, slug, name, tagline, category, status, published_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, org, slug, name, tagline, category, status, w.now, w.now, w.now)
	for _, c := range serves {
		w.exec(`INSERT INTO initiative_regions (initiative_id, region_code) VALUES (?, ?)`, id, c)
	}
	return id
}

func (w *world) campaign(org, init int64, slug, title, story, status, scheme string, ends *time.Time, published time.Time) int64 {
	return w.id(`INSERT INTO campaigns (initiative_id, org_id, slug, title, story, status, scheme, ends_at, published_at,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		init, org, slug, title, story, status, scheme, ends, published, published, published)
}

func (w *world) need(campaign int64, kind string, target int64) {
	w.exec(`INSERT INTO campaign_needs (campaign_id, kind, title, target) VALUES (?, ?, ?, ?)`, campaign, kind, "Kebutuhan "+kind, target)
}

func slugs(r *Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.Slug)
	}
	return out
}

func at(t time.Time) *time.Time { return &t }

// seed builds the world every test searches.
func (w *world) seed() {
	bdg := w.org("daya-bandung", "Yayasan Daya Bandung", "32.73", "pendidikan,ekonomi_perempuan",
		"Pemberdayaan perempuan pengrajin", "verified")
	kab := w.org("tani-kab-bandung", "Perkumpulan Tani Lestari", "32.04", "pertanian_pangan",
		"Petani yang berdaya di lereng gunung", "pending")
	w.org("ditolak", "Komunitas Ditolak Pemberdayaan", "32.73", "pendidikan", "tidak tampil", "rejected")
	hidden := w.org("dibekukan", "Yayasan Dibekukan", "32.73", "pendidikan", "memberdayakan", "suspended")

	i1 := w.initiative(bdg, "sekolah-perempuan", "Sekolah Perempuan Berdaya", "Kelas memberdayakan ibu rumah tangga",
		"ekonomi_perempuan", "published", w.kec)
	i2 := w.initiative(kab, "lumbung-benih", "Lumbung Benih Desa", "Benih lokal untuk petani", "pertanian_pangan",
		"published", "32")
	w.initiative(bdg, "draf-rahasia", "Draf Rahasia Pemberdayaan", "belum terbit", "pendidikan", "draft")
	i4 := w.initiative(hidden, "inisiatif-beku", "Inisiatif Beku", "pemberdayaan", "pendidikan", "published")

	c1 := w.campaign(bdg, i1, "mesin-jahit", "Mesin jahit untuk kelas pemberdayaan", "Bantu ibu-ibu berlatih menjahit",
		"active", "donasi_murni", at(w.now.Add(10*24*time.Hour)), w.now.Add(-5*24*time.Hour))
	w.need(c1, "dana", 10_000_000)
	w.need(c1, "relawan", 3)
	c2 := w.campaign(kab, i2, "gudang-benih", "Gudang benih bersama", "Petani menyimpan benih",
		"active", "barter", at(w.now.Add(3*24*time.Hour)), w.now.Add(-2*24*time.Hour))
	w.need(c2, "dana", 4_000_000)
	w.need(c2, "barang", 20)
	c3 := w.campaign(bdg, i1, "kelas-lama", "Kelas pemberdayaan angkatan pertama", "Sudah selesai",
		"ended", "donasi_murni", at(w.now.Add(-30*24*time.Hour)), w.now.Add(-60*24*time.Hour))
	w.need(c3, "dana", 1_000_000)
	w.campaign(bdg, i1, "draf-kampanye", "Draf kampanye pemberdayaan", "", "draft", "", nil, w.now)
	w.campaign(hidden, i4, "kampanye-beku", "Kampanye pemberdayaan beku", "", "active", "", nil, w.now)
	// c2 has half its money confirmed: less needed than c1 (nothing yet).
	w.exec(`INSERT INTO donations (campaign_id, need_id, org_id, method, base_amount, amount, status, donor_name,
		form_token, created_at, expires_at) SELECT ?, n.id, ?, 'transfer', 2000000, 2000000, 'confirmed', 'Budi', 'tok', ?, ?
		FROM campaign_needs n WHERE n.campaign_id = ? AND n.kind = 'dana'`, c2, kab, w.now, w.now, c2)

	h := w.id(`INSERT INTO hubs (slug, name, description, created_at) VALUES ('simpul-jabar', 'Simpul Jawa Barat',
		'Pendampingan OMS se-Jawa Barat', ?)`, w.now)
	w.exec(`INSERT INTO hub_regions (hub_id, region_code) VALUES (?, '32')`, h)
}

func (w *world) index() *Index {
	x := New(w.d, func() time.Time { return w.now })
	if _, err := x.Rebuild(w.ctx); err != nil {
		w.t.Fatal(err)
	}
	return x
}

func TestSearch(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.seed()
		x := w.index()
		n, err := x.Count(w.ctx)
		if err != nil || n != 8 { // 3 campaigns, 2 organisations, 2 initiatives, 1 hub
			t.Errorf("indexed %d, want 8 (%v)", n, err)
		}
		if d.Dialect == db.SQLite {
			// A rebuild merges no segments as it goes; live writes must again.
			var merge int
			if err := d.QueryRow(w.ctx, `SELECT v FROM search_fts_config WHERE k = 'automerge'`).Scan(&merge); err != nil || merge != defaultAutomerge {
				t.Errorf("automerge after a rebuild = %d, want %d (%v)", merge, defaultAutomerge, err)
			}
		}
		cases := []struct {
			name string
			p    Params
			want []string // in order when ordered
			any  bool     // order does not matter
		}{
			{"stem finds berdaya and memberdayakan", Params{Query: "pemberdayaan", Type: TypeInitiative}, []string{"sekolah-perempuan"}, true},
			{"stem across types", Params{Query: "pemberdayaan"}, []string{"daya-bandung", "tani-kab-bandung", "sekolah-perempuan", "mesin-jahit", "kelas-lama"}, true},
			{"prefix", Params{Query: "pember", Type: TypeCampaign}, []string{"mesin-jahit", "kelas-lama"}, true},
			{"two words", Params{Query: "gudang ben"}, []string{"gudang-benih"}, true},
			{"accents and case", Params{Query: "GUDÁNG"}, []string{"gudang-benih"}, true},
			{"no personal data", Params{Query: "rahasia"}, nil, true},
			{"phone is not indexed", Params{Query: "0811999888"}, nil, true},
			{"region: kota bandung holds its kecamatan's initiative and the province's hub",
				Params{Region: "32.73"}, []string{"daya-bandung", "sekolah-perempuan", "mesin-jahit", "kelas-lama", "simpul-jabar", "lumbung-benih", "gudang-benih"}, true},
			{"region: kecamatan", Params{Region: w.kec, Type: TypeOrganization}, nil, true},
			{"region: kabupaten bandung", Params{Region: "32.04", Type: TypeOrganization}, []string{"tani-kab-bandung"}, true},
			{"region: province holds all", Params{Region: "32", Type: TypeCampaign}, []string{"mesin-jahit", "gudang-benih", "kelas-lama"}, true},
			{"region elsewhere", Params{Region: "11"}, nil, true},
			{"issue", Params{Issue: "pertanian_pangan"}, []string{"tani-kab-bandung", "lumbung-benih", "gudang-benih"}, true},
			{"kind", Params{Kind: "relawan"}, []string{"mesin-jahit"}, true},
			{"scheme", Params{Scheme: "barter"}, []string{"gudang-benih"}, true},
			{"ended", Params{Status: StatusEnded}, []string{"kelas-lama"}, true},
			{"active campaigns", Params{Status: StatusActive, Type: TypeCampaign}, []string{"mesin-jahit", "gudang-benih"}, true},
			{"ending soon", Params{Sort: SortEnding, Type: TypeCampaign}, []string{"gudang-benih", "mesin-jahit"}, false},
			{"newest", Params{Sort: SortNewest, Type: TypeCampaign}, []string{"gudang-benih", "mesin-jahit", "kelas-lama"}, false},
			{"most needed", Params{Sort: SortNeeded, Type: TypeCampaign}, []string{"kelas-lama", "mesin-jahit", "gudang-benih"}, false}, // ties: newest row first
			{"syntax characters are words", Params{Query: `"gudang* (benih) OR: -NEAR ^AND`}, nil, true},
			{"only syntax browses", Params{Query: `"*()":-^`, Type: TypeHub}, []string{"simpul-jabar"}, true},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				r, err := x.Search(w.ctx, c.p)
				if err != nil {
					t.Fatal(err)
				}
				got := slugs(r)
				want := c.want
				if c.any {
					got, want = sorted(got), sorted(want)
				}
				if !slices.Equal(got, want) {
					t.Errorf("got %v, want %v", got, want)
				}
			})
		}
		// Figures on a hit come from the data.
		r, err := x.Search(w.ctx, Params{Query: "gudang"})
		if err != nil || len(r.Hits) != 1 {
			t.Fatalf("%v %v", r, err)
		}
		if h := r.Hits[0]; h.MoneyTarget != 4_000_000 || h.MoneyRaised != 2_000_000 || h.NeedBP != 5000 ||
			h.Org != "Perkumpulan Tani Lestari" || h.URL != "/galang-daya/gudang-benih" {
			t.Errorf("hit %+v", h)
		}
	})
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func TestSearchBadInput(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.seed()
		x := w.index()
		for _, c := range []struct {
			name string
			p    Params
			want *InputError
		}{
			{"10 KB", Params{Query: strings.Repeat("pemberdayaan ", 800)}, ErrQueryTooLong},
			{"invalid UTF-8", Params{Query: "daya\xff\xfe"}, ErrQueryNotText},
			{"cursor", Params{Cursor: "not-a-cursor"}, ErrBadCursor},
			{"cursor of another sort", Params{Sort: SortNeeded, Cursor: encodeCursor(SortNewest, cursor{Int: 1, ID: 1})}, ErrBadCursor},
			{"sort", Params{Sort: "random"}, ErrBadFilter},
			{"type", Params{Type: "user"}, ErrBadFilter},
			{"region", Params{Region: "32'; DROP TABLE x"}, ErrBadFilter},
			{"status", Params{Status: "draft"}, ErrBadFilter},
		} {
			_, err := x.Search(w.ctx, c.p)
			var ie *InputError
			if !errors.As(err, &ie) || ie != c.want {
				t.Errorf("%s: err %v, want %v", c.name, err, c.want)
			}
		}
		// Syntax characters, alone or around words, never reach the engine.
		for _, q := range []string{`"`, `*`, `(`, `)`, `:`, `-`, `^`, `NEAR`, `AND`, `OR`, `NOT`, `a:*`, `!x`, `'`, `\`,
			`title:daya`, `"unterminated`, `daya*"`, `NEAR(daya benih)`, `& | !`, `<->`, "x\x00y"} {
			if _, err := x.Search(w.ctx, Params{Query: q}); err != nil {
				t.Errorf("%q: %v", q, err)
			}
		}
	})
}

// Paging by cursor visits every document once, in every sort, with and
// without words.
func TestSearchCursorPaging(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		o := w.org("besar", "Yayasan Besar", "32.73", "pendidikan", "", "verified")
		in := w.initiative(o, "induk", "Induk", "", "pendidikan", "published")
		for i := range 23 {
			// Equal keys on purpose: ties are broken by id.
			c := w.campaign(o, in, fmt.Sprintf("kampanye-%02d", i), "Kampanye pemberdayaan warga", "cerita",
				"active", "donasi_murni", at(w.now.Add(time.Duration(i%4+1)*24*time.Hour)), w.now.Add(-time.Duration(i%3)*time.Hour))
			w.need(c, "dana", int64(1000*(i%5+1)))
		}
		x := w.index()
		for _, p := range []Params{
			{Type: TypeCampaign, Sort: SortNewest},
			{Type: TypeCampaign, Sort: SortEnding},
			{Type: TypeCampaign, Sort: SortNeeded},
			{Type: TypeCampaign, Query: "pemberdayaan"},
			{Type: TypeCampaign, Query: "kamp", Sort: SortNewest},
		} {
			p.Limit = 5
			seen := map[string]bool{}
			pages := 0
			for {
				r, err := x.Search(w.ctx, p)
				if err != nil {
					t.Fatalf("%+v: %v", p, err)
				}
				for _, s := range slugs(r) {
					if seen[s] {
						t.Errorf("%+v: %s twice", p, s)
					}
					seen[s] = true
				}
				pages++
				if r.Next == "" {
					break
				}
				p.Cursor = r.Next
			}
			if len(seen) != 23 || pages != 5 {
				t.Errorf("%+v: %d documents in %d pages, want 23 in 5", p, len(seen), pages)
			}
		}
	})
}

// Refresh makes a change findable at once and takes away what stopped
// being public, with what shows it (an organisation's campaigns).
func TestRefresh(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.seed()
		x := w.index()
		find := func(q string) []string {
			t.Helper()
			r, err := x.Search(w.ctx, Params{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			return sorted(slugs(r))
		}
		var kab, c2 int64
		w.d.QueryRow(w.ctx, `SELECT id FROM organizations WHERE slug = 'tani-kab-bandung'`).Scan(&kab)
		w.d.QueryRow(w.ctx, `SELECT id FROM campaigns WHERE slug = 'gudang-benih'`).Scan(&c2)

		w.exec(`UPDATE organizations SET name = 'Perkumpulan Tani Makmur' WHERE id = ?`, kab)
		if err := x.Refresh(w.ctx, Ref{TypeOrganization, kab}); err != nil {
			t.Fatal(err)
		}
		if got := find("makmur"); !slices.Equal(got, []string{"gudang-benih", "lumbung-benih", "tani-kab-bandung"}) {
			t.Errorf("after edit: %v", got)
		}
		w.exec(`UPDATE organizations SET status = 'suspended' WHERE id = ?`, kab)
		if err := x.Refresh(w.ctx, Ref{TypeOrganization, kab}); err != nil {
			t.Fatal(err)
		}
		if got := find("makmur"); len(got) != 0 {
			t.Errorf("after suspension: %v", got)
		}
		w.exec(`UPDATE organizations SET status = 'verified' WHERE id = ?`, kab)
		w.exec(`UPDATE campaigns SET status = 'cancelled' WHERE id = ?`, c2)
		if err := x.Refresh(w.ctx, Ref{TypeOrganization, kab}); err != nil {
			t.Fatal(err)
		}
		if got := find("makmur"); !slices.Equal(got, []string{"lumbung-benih", "tani-kab-bandung"}) {
			t.Errorf("after reinstating, campaign cancelled: %v", got)
		}
		if err := x.Refresh(w.ctx, Ref{TypeHub, 99999}); err != nil {
			t.Errorf("refresh of a missing document: %v", err)
		}
		// A rebuild is only done when needed.
		if again, err := x.EnsureBuilt(w.ctx); err != nil || again {
			t.Errorf("EnsureBuilt on a built index: %v %v", again, err)
		}
	})
}

// Money confirmed after the index was built reaches a campaign's figures
// and its "most needed" place at the next RefreshMoney.
func TestRefreshMoney(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.seed()
		x := w.index()
		var c1, org int64
		w.d.QueryRow(w.ctx, `SELECT id, org_id FROM campaigns WHERE slug = 'mesin-jahit'`).Scan(&c1, &org)
		w.now = w.now.Add(time.Minute)
		w.exec(`INSERT INTO donations (campaign_id, need_id, org_id, method, base_amount, amount, status, donor_name,
			form_token, created_at, expires_at, confirmed_at) SELECT ?, n.id, ?, 'transfer', 7500000, 7500000, 'confirmed', 'Ani',
			'tok2', ?, ?, ? FROM campaign_needs n WHERE n.campaign_id = ? AND n.kind = 'dana'`, c1, org, w.now, w.now, w.now, c1)
		n, err := x.RefreshMoney(w.ctx)
		if err != nil || n != 1 {
			t.Fatalf("RefreshMoney: %d %v", n, err)
		}
		r, err := x.Search(w.ctx, Params{Type: TypeCampaign, Sort: SortNeeded})
		if err != nil {
			t.Fatal(err)
		}
		// kelas-lama 100% unmet, gudang-benih 50%, mesin-jahit now 25%.
		if got := slugs(r); !slices.Equal(got, []string{"kelas-lama", "gudang-benih", "mesin-jahit"}) {
			t.Errorf("most needed after the gift: %v", got)
		}
		if h := r.Hits[2]; h.MoneyRaised != 7_500_000 || h.NeedBP != 2500 {
			t.Errorf("mesin-jahit: raised %d, need %d", h.MoneyRaised, h.NeedBP)
		}
		// Once past the overlap, nothing new: nothing refreshed.
		w.now = w.now.Add(10 * time.Minute)
		x.RefreshMoney(w.ctx)
		w.now = w.now.Add(10 * time.Minute)
		if n, err := x.RefreshMoney(w.ctx); err != nil || n != 0 {
			t.Errorf("later RefreshMoney: %d %v", n, err)
		}
	})
}

// A refresh of more documents than one transaction takes brings each up
// to date: changed ones rewritten, ones no longer public taken out, ids
// of nothing ignored.
func TestRefreshManyAcrossBatches(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		w.seed()
		x := w.index()
		var changed, hidden int64
		w.d.QueryRow(w.ctx, `SELECT id FROM campaigns WHERE slug = 'mesin-jahit'`).Scan(&changed)
		w.d.QueryRow(w.ctx, `SELECT id FROM campaigns WHERE slug = 'gudang-benih'`).Scan(&hidden)
		w.exec(`UPDATE campaigns SET title = 'Mesin obras untuk kelas' WHERE id = ?`, changed)
		w.exec(`UPDATE campaigns SET status = 'draft' WHERE id = ?`, hidden)
		ids := []int64{hidden}
		for i := range refreshBatch + 50 {
			ids = append(ids, 1_000_000+int64(i))
		}
		ids = append(ids, changed)
		if err := x.refreshMany(w.ctx, TypeCampaign, ids); err != nil {
			t.Fatal(err)
		}
		r, err := x.Search(w.ctx, Params{Type: TypeCampaign, Sort: SortNewest})
		if err != nil {
			t.Fatal(err)
		}
		if got := slugs(r); slices.Contains(got, "gudang-benih") || !slices.Contains(got, "mesin-jahit") {
			t.Errorf("campaigns after the refresh: %v", got)
		}
		if r, err := x.Search(w.ctx, Params{Query: "obras"}); err != nil || !slices.Equal(slugs(r), []string{"mesin-jahit"}) {
			t.Errorf("the new title is not found: %v %v", slugs(r), err)
		}
	})
}
