package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/i18n"
)

// The supporters' wall shows each gift as the donor chose it, without the
// transfer's unique code; the money raised, like the ledger, counts what
// arrived, and the page says how much the codes add.
func TestFigureWallWithoutCodes(t *testing.T) {
	w := newDonationWorld(t)
	for _, name := range []string{"Siti", "Budi"} {
		w.give(t, url.Values{"amount_custom": {"75.000"}, "name": {name}})
		toolCheck(t, "confirm", w.post(t, "treasurer", "/organisasi/taman-baca/donasi/"+w.pendingID(t)+"/konfirmasi", nil),
			http.StatusSeeOther)
	}
	rows, err := w.d.Query(context.Background(), `SELECT base_amount, unique_code, amount FROM donations WHERE status = 'confirmed'`)
	if err != nil {
		t.Fatal(err)
	}
	var raised, codes int64
	var gifts, paid []string
	for rows.Next() {
		var base, code, amount int64
		if err := rows.Scan(&base, &code, &amount); err != nil {
			t.Fatal(err)
		}
		raised, codes = raised+amount, codes+code
		gifts, paid = append(gifts, i18n.Rupiah(base)), append(paid, i18n.Rupiah(amount))
		if code == 0 || amount != base+code {
			t.Fatalf("transfer %d + code %d = %d", base, code, amount)
		}
	}
	rows.Close()
	var booked int64
	if err := w.d.QueryRow(context.Background(), `SELECT SUM(amount) FROM ledger_entries WHERE kind = 'donation'`).Scan(&booked); err != nil {
		t.Fatal(err)
	}
	if booked != raised {
		t.Fatalf("ledger books %d, donations raised %d", booked, raised)
	}
	page := w.get(t, "anon", w.page())
	wall := page.body[strings.Index(page.body, `id="pendukung"`):]
	for i := range gifts {
		if !strings.Contains(wall, "· "+gifts[i]) || strings.Contains(wall, paid[i]) {
			t.Errorf("wall does not show the gift %s without its code (%s)", gifts[i], paid[i])
		}
	}
	toolCheck(t, "campaign page", page, http.StatusOK, i18n.Rupiah(raised)+" terkumpul",
		"kode unik transfer ("+i18n.Rupiah(codes)+" untuk donasi di daftar ini)")
}

// Every slot of a volunteer need is accounted for: accepted, pending a
// decision and open, plus the waiting list, recomputed from the sign-ups.
func TestFigureVolunteerSlots(t *testing.T) {
	w := newVolunteerWorld(t, "3")
	for _, p := range []string{"ani", "budi", "citra"} {
		if res := w.signUp(t, person(p, p+"@example.org")); res.status != http.StatusSeeOther {
			t.Fatalf("sign-up %s: %d", p, res.status)
		}
	}
	waiting := person("dewi", "dewi@example.org")
	waiting.Set("waitlist", "1")
	if res := w.signUp(t, waiting); res.status != http.StatusSeeOther {
		t.Fatalf("waiting list: %d", res.status)
	}
	toolCheck(t, "accept", w.post(t, "editor", w.manage()+"/"+w.signupID(t, "ani@example.org")+"/terima", nil), http.StatusSeeOther)
	n := func(status string) int {
		return w.count(t, `SELECT COUNT(*) FROM volunteer_signups WHERE need_id = ? AND status = ?`, w.needID, status)
	}
	accepted, pending, queued := n("accepted"), n("pending"), n("waiting")
	want := i18n.Number(3) + " slot: " + i18n.Number(int64(accepted)) + " diterima, " + i18n.Number(int64(pending)) +
		" menunggu keputusan organisasi, " + i18n.Number(int64(3-accepted-pending)) + " masih kosong · " +
		i18n.Number(int64(queued)) + " di daftar tunggu"
	if accepted != 1 || pending != 2 || queued != 1 {
		t.Fatalf("sign-ups: %d accepted, %d pending, %d waiting", accepted, pending, queued)
	}
	toolCheck(t, "public page", w.get(t, "anon", w.page()), http.StatusOK, want)
	toolCheck(t, "manage page", w.get(t, "editor", w.manage()), http.StatusOK, want)
}

// The effectiveness page never shows more supporters than visits as a
// percentage: it says why there is none, with the two figures.
func TestFigureConversionNeverAbove100(t *testing.T) {
	w := newDonationWorld(t)
	for _, p := range []string{"siti", "budi"} {
		w.give(t, url.Values{"amount": {"100000"}, "name": {p}, "email": {p + "@example.org"}})
		toolCheck(t, "confirm", w.post(t, "treasurer", "/organisasi/taman-baca/donasi/"+w.pendingID(t)+"/konfirmasi", nil),
			http.StatusSeeOther)
	}
	effect := campaignBase + "/" + w.campaign.Slug + "/efektivitas"
	visits := w.count(t, `SELECT SUM(count) FROM campaign_visits`)
	page := w.get(t, "viewer", effect)
	toolCheck(t, "counted", page, http.StatusOK, "<dd>"+i18n.PercentOf(i18n.ID, 2, int64(visits))+"</dd>")
	// Fewer recorded visits than supporters (support through the API).
	if _, err := w.d.Exec(context.Background(), `UPDATE campaign_visits SET count = 1`); err != nil {
		t.Fatal(err)
	}
	visits = w.count(t, `SELECT SUM(count) FROM campaign_visits`)
	page = w.get(t, "viewer", effect)
	toolCheck(t, "more supporters than visits", page, http.StatusOK,
		"tidak dihitung — 2 pendukung dari "+i18n.Number(int64(visits))+" kunjungan")
	if strings.Contains(page.body, i18n.PercentOf(i18n.ID, 2, int64(visits))) {
		t.Error("a conversion above 100 % is shown")
	}
}
