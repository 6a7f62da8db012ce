package web_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

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
	w.flushVisits(t)
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

// Days stored as YYYY-MM-DD are shown as people write dates, in the
// organisation's zone: the expenses list and the visits per day.
func TestFigureDaysLocalised(t *testing.T) {
	w := newExpenseWorld(t)
	w.record(t, 100_000, "program", true)
	var spent string
	if err := w.d.QueryRow(context.Background(), `SELECT spent_on FROM expenses LIMIT 1`).Scan(&spent); err != nil {
		t.Fatal(err)
	}
	day, err := time.Parse(time.DateOnly, spent)
	if err != nil {
		t.Fatal(err)
	}
	page := w.get(t, "treasurer", expenseBase)
	toolCheck(t, "expenses", page, http.StatusOK, "· "+i18n.Date(i18n.ID, day, time.UTC))
	if strings.Contains(page.body, "· "+spent) {
		t.Errorf("expenses list shows the raw day %s", spent)
	}

	d := newDonationWorld(t)
	d.get(t, "anon", d.page()) // one visit, counted on the organisation's day (Kota Bandung: WIB)
	d.flushVisits(t)
	var visitDay string
	if err := d.d.QueryRow(context.Background(), `SELECT day FROM campaign_visits`).Scan(&visitDay); err != nil {
		t.Fatal(err)
	}
	if today := time.Now().In(i18n.WIB).Format(time.DateOnly); visitDay != today {
		t.Errorf("visit counted on %s, the organisation's day is %s", visitDay, today)
	}
	effect := d.get(t, "viewer", campaignBase+"/"+d.campaign.Slug+"/efektivitas")
	toolCheck(t, "visits per day", effect, http.StatusOK, "<td>"+i18n.Date(i18n.ID, time.Now(), i18n.WIB)+"</td>")
}

// rawCode finds a template printing a stored code as it is: a legal form,
// a kind, a status or a stored day, outside an attribute or a label.
var rawCode = regexp.MustCompile(`>\{\{[$.\w]*\.(LegalForm|Kind|Status|Day|SpentOn|Method|Bank|Category|Issuer|Scheme)\}\}`)

// No template shows people a stored code instead of its label.
func TestTemplatesLabelCodes(t *testing.T) {
	files, err := filepath.Glob("templates/*/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("templates: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range rawCode.FindAllString(string(b), -1) {
			t.Errorf("%s shows a raw code: %s", f, m)
		}
	}
}
