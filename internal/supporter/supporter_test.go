package supporter_test

import (
	"context"
	"strconv"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/supporter"
)

type world struct {
	t     *testing.T
	d     *db.DB
	org   int64
	n     int
	needs map[int64]map[string]int64 // campaign → kind → need
}

func (w *world) exec(q string, args ...any) {
	w.t.Helper()
	if _, err := w.d.Exec(context.Background(), q, args...); err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) id(q string, args ...any) int64 {
	w.t.Helper()
	var id int64
	if err := w.d.QueryRow(context.Background(), q+" RETURNING id", args...).Scan(&id); err != nil {
		w.t.Fatal(err)
	}
	return id
}

func (w *world) tok() string { w.n++; return "tok-" + strconv.Itoa(w.n) }

func newWorld(t *testing.T, d *db.DB) *world {
	now := db.Now()
	w := &world{t: t, d: d, needs: map[int64]map[string]int64{}}
	w.org = w.id(`INSERT INTO organizations (slug, name, legal_form, region_code, created_at, updated_at)
		VALUES ('oms', 'OMS', 'yayasan', '32.73', ?, ?)`, now, now)
	return w
}

func (w *world) campaign(slug string) int64 {
	now := db.Now()
	ini := w.id(`INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, ?, 'Inisiatif', 'published', ?, ?)`, w.org, slug, now, now)
	c := w.id(`INSERT INTO campaigns (initiative_id, org_id, slug, title, status, scheme, created_at, updated_at)
		VALUES (?, ?, ?, 'Kampanye', 'active', 'resiprokal', ?, ?)`, ini, w.org, slug, now, now)
	w.needs[c] = map[string]int64{}
	for _, k := range []string{"dana", "barang", "relawan", "keahlian", "advokasi"} {
		w.needs[c][k] = w.id(`INSERT INTO campaign_needs (campaign_id, kind, title, target) VALUES (?, ?, ?, 10)`, c, k, k)
	}
	return c
}

func (w *world) donate(c int64, amount int64, email, phone, status string) {
	w.exec(`INSERT INTO donations (campaign_id, need_id, org_id, method, base_amount, amount, donor_name, message,
		contact_email, contact_phone, status, form_token, created_at, expires_at)
		VALUES (?, ?, ?, 'qris', ?, ?, 'Nama', 'Pesan', ?, ?, ?, ?, ?, ?)`, c, w.needs[c]["dana"], w.org, amount, amount,
		email, phone, status, w.tok(), db.Now(), db.Now())
}

func (w *world) pledge(c int64, email, status string) {
	received := 0
	if status == "received" {
		received = 2
	}
	w.exec(`INSERT INTO goods_pledges (campaign_id, need_id, org_id, item, quantity, received, delivery, pledger_name,
		contact_email, contact_phone, status, form_token, created_at, updated_at)
		VALUES (?, ?, ?, 'Buku', 2, ?, 'antar', 'Nama', ?, '+628123', ?, ?, ?, ?)`, c, w.needs[c]["barang"], w.org,
		received, email, status, w.tok(), db.Now(), db.Now())
}

func (w *world) volunteer(c int64, email, status string) {
	w.exec(`INSERT INTO volunteer_signups (campaign_id, need_id, org_id, name, email, phone, status, form_token, created_at)
		VALUES (?, ?, ?, 'Nama', ?, '+628123', ?, ?, ?)`, c, w.needs[c]["relawan"], w.org, email, status, w.tok(), db.Now())
}

func (w *world) offer(c int64, email, status string) {
	reason := ""
	if status == "ditolak" {
		reason = "tidak cocok"
	}
	id := w.id(`INSERT INTO offers (campaign_id, need_id, need_title, org_id, offerer_kind, name, body, contact_email,
		status, reject_reason, form_token, access_token, created_at, updated_at)
		VALUES (?, ?, 'keahlian', ?, 'individu', 'Nama', 'Saya bisa', ?, ?, ?, ?, ?, ?, ?)`, c, w.needs[c]["keahlian"], w.org,
		email, status, reason, w.tok(), w.tok(), db.Now(), db.Now())
	w.exec(`INSERT INTO offer_messages (offer_id, from_org, author_name, body, created_at) VALUES (?, FALSE, 'Nama', 'Halo', ?)`,
		id, db.Now())
}

func (w *world) sign(c int64, email string, verified bool) {
	var at any
	if verified {
		at = db.Now()
	}
	w.exec(`INSERT INTO petition_signatures (campaign_id, need_id, email, name, region_code, kab_code, comment,
		token_hash, token_expires_at, created_at, verified_at) VALUES (?, ?, ?, 'Nama', '32.73', '32.73', 'Setuju', ?, ?, ?, ?)`,
		c, w.needs[c]["advokasi"], email, w.tok(), db.Now(), db.Now(), at)
}

func (w *world) subscribe(c int64, email string) {
	w.exec(`INSERT INTO campaign_subscribers (campaign_id, email, name, token, created_at) VALUES (?, ?, 'Nama', ?, ?)`,
		c, email, w.tok(), db.Now())
}

// money is a campaign's confirmed money and verified signatures, the
// totals that erasure must not change.
func (w *world) totals(c int64) [3]int64 {
	w.t.Helper()
	var out [3]int64
	ctx := context.Background()
	if err := w.d.QueryRow(ctx, `SELECT COALESCE(SUM(amount), 0) FROM donations WHERE campaign_id = ? AND status = 'confirmed'`,
		c).Scan(&out[0]); err != nil {
		w.t.Fatal(err)
	}
	if err := w.d.QueryRow(ctx, `SELECT COUNT(*) FROM petition_signatures WHERE campaign_id = ? AND verified_at IS NOT NULL`,
		c).Scan(&out[1]); err != nil {
		w.t.Fatal(err)
	}
	if err := w.d.QueryRow(ctx, `SELECT COALESCE(SUM(received), 0) FROM goods_pledges WHERE campaign_id = ?`,
		c).Scan(&out[2]); err != nil {
		w.t.Fatal(err)
	}
	return out
}

// fill gives both campaigns support of every kind: ana@ supports the
// earlier campaign and, in every way, the later one.
func fill(w *world) (earlier, later int64) {
	earlier, later = w.campaign("lama"), w.campaign("baru")
	w.donate(earlier, 50_000, "ana@example.org", "", "confirmed")

	w.donate(later, 100_000, " Ana@Example.org ", "", "confirmed")
	w.donate(later, 20_000, "ana@example.org", "", "confirmed")
	w.donate(later, 70_000, "budi@example.org", "", "pending") // not yet
	w.donate(later, 30_000, "", "+628555", "confirmed")
	w.donate(later, 30_000, "", "+628555", "confirmed") // the same phone
	w.donate(later, 10_000, "", "", "confirmed")        // nobody known: alone
	w.pledge(later, "ana@example.org", "received")
	w.pledge(later, "cici@example.org", "pledged")
	w.pledge(later, "dedi@example.org", "cancelled") // not counted
	w.volunteer(later, "ana@example.org", "accepted")
	w.volunteer(later, "eka@example.org", "pending") // not yet
	w.offer(later, "ana@example.org", "dibahas")
	w.offer(later, "fani@example.org", "ditolak") // turned down
	w.sign(later, "ana@example.org", true)
	w.sign(later, "gita@example.org", true)
	w.sign(later, "hadi@example.org", false) // not verified
	w.subscribe(later, "ana@example.org")
	return earlier, later
}

func TestCountsEveryKind(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		earlier, later := fill(w)
		got, err := supporter.Campaign(ctx, d, later)
		if err != nil {
			t.Fatal(err)
		}
		// People: ana, the phone, the nameless donor, cici, gita.
		want := supporter.Count{Total: 5, Money: 3, Goods: 2, Volunteers: 1, Offers: 1, Signatures: 2}
		if got != want {
			t.Errorf("later: got %+v, want %+v", got, want)
		}
		org, err := supporter.Org(ctx, d, w.org)
		if err != nil {
			t.Fatal(err)
		}
		if org[later] != want || org[earlier] != (supporter.Count{Total: 1, Money: 1}) {
			t.Errorf("org: %+v", org)
		}
		r, err := supporter.Repeats(ctx, d, later)
		if err != nil {
			t.Fatal(err)
		}
		// Known: ana, the phone, cici, gita; ana came back; ana and the
		// phone supported more than once.
		if r != (supporter.Repeat{Known: 4, Returning: 1, Multiple: 2}) {
			t.Errorf("repeats %+v", r)
		}
	})
}

func TestFindAndErase(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		earlier, later := fill(w)
		w.volunteer(earlier, "ana@example.org", "pending")
		w.sign(earlier, "ana@example.org", false)

		r, err := supporter.Find(ctx, d, "ANA@example.org")
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Donations) != 3 || len(r.Goods) != 1 || len(r.Volunteers) != 2 || len(r.Offers) != 1 ||
			len(r.Signatures) != 2 || len(r.Subscriptions) != 1 {
			t.Fatalf("found %+v", r)
		}
		if r.Donations[1].Amount != 100_000 || r.Donations[1].Slug != "baru" || r.Goods[0].Item != "Buku" {
			t.Errorf("records %+v", r)
		}
		before := map[int64][3]int64{earlier: w.totals(earlier), later: w.totals(later)}
		counts, _ := supporter.Campaign(ctx, d, later)
		repeats, _ := supporter.Repeats(ctx, d, later)

		if err := d.InTx(ctx, func(tx *db.Tx) error { return supporter.Erase(ctx, tx, "ana@example.org") }); err != nil {
			t.Fatal(err)
		}
		if r, err := supporter.Find(ctx, d, "ana@example.org"); err != nil || r.Len() != 0 {
			t.Fatalf("after erasure %+v %v", r, err)
		}
		for c, b := range before {
			if got := w.totals(c); got != b {
				t.Errorf("campaign %d totals %v, were %v", c, got, b)
			}
		}
		if got, _ := supporter.Campaign(ctx, d, later); got != counts {
			t.Errorf("counts after erasure %+v, were %+v", got, counts)
		}
		if got, _ := supporter.Repeats(ctx, d, later); got != repeats {
			t.Errorf("repeats after erasure %+v, were %+v", got, repeats)
		}
		// Every record that carries the marker names nobody.
		var n int64
		if err := d.QueryRow(ctx, `SELECT
			(SELECT COUNT(*) FROM donations WHERE contact_phone LIKE 'dihapus-%' AND (donor_name <> '' OR message <> '' OR NOT anonymous))
			+ (SELECT COUNT(*) FROM goods_pledges WHERE contact_phone LIKE 'dihapus-%' AND (pledger_name <> '' OR contact_email <> ''))
			+ (SELECT COUNT(*) FROM volunteer_signups WHERE email LIKE 'dihapus-%' AND (name <> '' OR phone <> ''))
			+ (SELECT COUNT(*) FROM offers WHERE contact_phone LIKE 'dihapus-%' AND (name <> '' OR contact_email <> ''))
			+ (SELECT COUNT(*) FROM offer_messages m JOIN offers o ON o.id = m.offer_id
				WHERE o.contact_phone LIKE 'dihapus-%' AND m.author_name <> '')
			+ (SELECT COUNT(*) FROM petition_signatures WHERE email LIKE 'dihapus-%' AND (name <> '' OR comment <> ''))
			+ (SELECT COUNT(*) FROM campaign_subscribers WHERE email LIKE '%ana%')`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%d records still name the erased person", n)
		}
		var marked int64
		if err := d.QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM donations WHERE contact_phone LIKE 'dihapus-%')
			+ (SELECT COUNT(*) FROM petition_signatures WHERE email LIKE 'dihapus-%')`).Scan(&marked); err != nil || marked != 4 {
			t.Errorf("marked records %d %v", marked, err)
		}
		var status string
		if err := d.QueryRow(ctx, `SELECT status FROM volunteer_signups WHERE campaign_id = ?`, earlier).Scan(&status); err != nil ||
			status != "declined" {
			t.Errorf("pending sign-up %q %v", status, err)
		}
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM petition_signatures WHERE campaign_id = ?`, earlier).Scan(&n); err != nil || n != 0 {
			t.Errorf("unverified signatures left: %d %v", n, err)
		}
		// Others keep theirs.
		if r, _ := supporter.Find(ctx, d, "gita@example.org"); len(r.Signatures) != 1 || r.Signatures[0].Name != "Nama" {
			t.Errorf("gita %+v", r)
		}
	})
}
