package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// coverUpload posts form as multipart with a picture in "cover".
func (w *campaignWorld) coverUpload(t *testing.T, role, path string, form url.Values, pic []byte) orgResponse {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range form {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	fw, err := mw.CreateFormFile("cover", "sampul.png")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write(pic)
	_ = mw.Close()
	return w.send(t, role, http.MethodPost, path, mw.FormDataContentType(), &buf)
}

func TestCampaignEditorFlow(t *testing.T) {
	w := newCampaignWorld(t)
	// A draft initiative cannot carry a campaign; the form keeps the input.
	bad := withInitiative(campaignForm("Rak Buku Warga"), w.draftInitID)
	toolCheck(t, "draft initiative", w.post(t, "editor", campaignBase+"/baru", bad), http.StatusUnprocessableEntity,
		"Rak Buku Warga", "inisiatif organisasi ini yang sudah terbit")
	r := w.post(t, "editor", campaignBase+"/baru", withInitiative(campaignForm("Rak Buku Warga"), w.initiative.ID))
	toolCheck(t, "create", r, http.StatusSeeOther)
	edit := campaignBase + "/rak-buku-warga/ubah"
	if r.location != edit {
		t.Fatalf("created → %q", r.location)
	}
	// Publishing without needs says what is missing.
	toolCheck(t, "publish empty", w.post(t, "editor", campaignBase+"/rak-buku-warga/terbitkan", nil),
		http.StatusUnprocessableEntity, "paling sedikit satu kebutuhan")
	// The needs editor: every kind, one error kept with what was typed.
	toolCheck(t, "need form of a kind", w.get(t, "editor", edit+"?jenis=advokasi"), http.StatusOK, `name="need_petition_text"`)
	toolCheck(t, "need error", w.post(t, "editor", edit, url.Values{"action": {"need_add"}, "need_kind": {"barang"},
		"need_title": {"Kursi lipat"}, "need_target": {"20"}}), http.StatusUnprocessableEntity, "Kursi lipat", "Isi satuannya")
	for _, f := range []url.Values{
		{"need_kind": {"dana"}, "need_title": {"Biaya rak"}, "need_target": {"Rp5.000.000"}},
		{"need_kind": {"barang"}, "need_title": {"Kursi lipat"}, "need_target": {"20"}, "need_unit": {"buah"}, "need_item_value": {"150.000"}},
		{"need_kind": {"relawan"}, "need_title": {"Pendongeng"}, "need_target": {"4"}, "need_schedule": {"Sabtu sore"}},
		{"need_kind": {"keahlian"}, "need_title": {"Desain poster"}},
		{"need_kind": {"kemitraan"}, "need_title": {"Percetakan lokal"}},
		{"need_kind": {"advokasi"}, "need_title": {"Perpustakaan kelurahan"}, "need_target": {"300"}, "need_petition_text": {"Kami meminta…"}},
	} {
		f.Set("action", "need_add")
		toolCheck(t, "add "+f.Get("need_kind"), w.post(t, "editor", edit, f), http.StatusSeeOther)
	}
	c, err := w.store.BySlug(context.Background(), "rak-buku-warga")
	if err != nil || len(c.Needs) != 6 {
		t.Fatalf("needs %v %v", c, err)
	}
	// Edit, move and remove a need.
	kursi := itoa(c.Needs[1].ID)
	toolCheck(t, "edit need form", w.get(t, "editor", edit+"?kebutuhan="+kursi), http.StatusOK, `value="Kursi lipat"`, `value="buah"`)
	toolCheck(t, "save need", w.post(t, "editor", edit, url.Values{"action": {"need_save"}, "need_id": {kursi},
		"need_kind": {"barang"}, "need_title": {"Kursi plastik"}, "need_target": {"25"}, "need_unit": {"buah"}}), http.StatusSeeOther)
	toolCheck(t, "move need", w.post(t, "editor", edit, url.Values{"action": {"need_up"}, "need_id": {kursi}}), http.StatusSeeOther)
	toolCheck(t, "remove need", w.post(t, "editor", edit, url.Values{"action": {"need_remove"}, "need_id": {itoa(c.Needs[4].ID)}}), http.StatusSeeOther)
	toolCheck(t, "unknown action", w.post(t, "editor", edit, url.Values{"action": {"need_fly"}}), http.StatusBadRequest)
	c, _ = w.store.BySlug(context.Background(), "rak-buku-warga")
	if len(c.Needs) != 5 || c.Needs[0].Title != "Kursi plastik" || c.Needs[0].Target != 25 {
		t.Fatalf("needs after edits %+v", c.Needs)
	}
	// A permit longer than three months is refused; a valid one and a cover are kept.
	f := campaignForm("Rak Buku Warga")
	f.Set("pub_permit_number", "460/123/PUB/2025")
	f.Set("pub_permit_issuer", "bupati_walikota")
	f.Set("pub_permit_from", "2025-01-01")
	f.Set("pub_permit_until", "2025-05-01")
	toolCheck(t, "long permit", w.post(t, "editor", edit, f), http.StatusUnprocessableEntity, "paling lama tiga bulan", "460/123/PUB/2025")
	f.Set("pub_permit_until", "2025-03-31")
	f.Set("action", "save")
	toolCheck(t, "save with cover", w.coverUpload(t, "editor", edit, f, cyclePNG(t)), http.StatusSeeOther)
	c, _ = w.store.BySlug(context.Background(), "rak-buku-warga")
	if !strings.HasPrefix(c.CoverKey, "campaigns/") || c.Permit.Number != "460/123/PUB/2025" {
		t.Fatalf("cover %q permit %+v", c.CoverKey, c.Permit)
	}
	toolCheck(t, "cover is public", w.get(t, "anon", "/media/"+c.CoverKey), http.StatusOK)
	// Publish: the organisation has no way to take money, so the editor
	// is warned, pointed to the payment settings and must tick to go on.
	toolCheck(t, "edit page warns", w.get(t, "editor", edit), http.StatusOK,
		"belum punya cara menerima uang", `href="/organisasi/taman-baca/pembayaran"`, `name="publish_anyway"`)
	toolCheck(t, "publish without ways", w.post(t, "editor", campaignBase+"/rak-buku-warga/terbitkan", nil),
		http.StatusUnprocessableEntity, "Centang dulu", `name="publish_anyway"`)
	r = w.post(t, "editor", campaignBase+"/rak-buku-warga/terbitkan", url.Values{"publish_anyway": {"1"}})
	toolCheck(t, "publish", r, http.StatusSeeOther)
	if r.location != "/galang-daya/rak-buku-warga" {
		t.Fatalf("published → %q", r.location)
	}
	toolCheck(t, "update", w.post(t, "editor", campaignBase+"/rak-buku-warga/kabar",
		url.Values{"update_title": {"Rak tiba"}, "update_body": {"Rak sudah dipasang."}}), http.StatusSeeOther)
	toolCheck(t, "update error", w.post(t, "editor", campaignBase+"/rak-buku-warga/kabar",
		url.Values{"update_title": {"Tanpa isi"}}), http.StatusUnprocessableEntity, "Tanpa isi", "Tulis isi kabar")
	page := w.get(t, "anon", "/galang-daya/rak-buku-warga")
	toolCheck(t, "public page", page, http.StatusOK, "Rak Buku Warga", "Pojok Baca Warga", "Taman Baca Sukarasa",
		"Rp0 dari Rp5.000.000", "0 dari 4 relawan", "0 dari 300 tanda tangan", "Terbuka untuk tawaran",
		"Baris pertama\nBaris kedua", "460/123/PUB/2025", "Bupati/Wali Kota", "Rak tiba", "hari lagi",
		`<meta property="og:title" content="Rak Buku Warga">`, `property="og:image" content="http://example.test/media/campaigns/`,
		`href="https://wa.me/?text=Rak&#43;Buku&#43;Warga&#43;http%3A%2F%2Fexample.test%2Fgalang-daya%2Frak-buku-warga"`,
		`value="http://example.test/galang-daya/rak-buku-warga" readonly`, "belum bisa menerima donasi uang")
	if strings.Contains(page.body, `class="donation-form"`) || strings.Contains(page.body, "petunjuk transfer") {
		t.Error("a campaign that cannot take money shows a donation form")
	}
	if regexp.MustCompile(`<script>|style=`).MatchString(page.body) {
		t.Error("inline script or style on the campaign page")
	}
	// Its card on the list, the organisation's and the initiative's pages:
	// the phone-sized cover first, progress per kind of need, days left.
	small, err := w.store.SmallCover(context.Background(), c.ID)
	if err != nil || !strings.HasPrefix(small, "campaigns/") || small == c.CoverKey {
		t.Fatalf("small cover %q %v", small, err)
	}
	toolCheck(t, "small cover is public", w.get(t, "anon", "/media/"+small), http.StatusOK)
	card := []string{`<li class="campaign-card">`, `href="/galang-daya/rak-buku-warga">Rak Buku Warga</a>`,
		`src="/media/` + small + `" srcset="/media/` + small + ` 480w, /media/` + c.CoverKey + ` 1200w"`,
		`loading="lazy"`, `width="480" height="270"`, "Rp0 dari Rp5.000.000", "0 dari 25 barang diterima",
		"0 dari 4 relawan diterima", "0 dari 300 tanda tangan", "0 tawaran disepakati", "hari lagi"}
	for _, path := range []string{"/galang-daya", "/organisasi/taman-baca", "/inisiatif/" + w.initiative.Slug} {
		toolCheck(t, "card on "+path, w.get(t, "anon", path), http.StatusOK, card...)
	}
	w.get(t, "user", "/galang-daya/rak-buku-warga")
	w.get(t, "owner", "/galang-daya/rak-buku-warga") // members are not counted
	toolCheck(t, "effectiveness", w.get(t, "viewer", campaignBase+"/rak-buku-warga/efektivitas"), http.StatusOK,
		"<dd>2</dd>", "Redistribusi biaya</td><td>1</td>")
	// The stage 4 review lists the initiative's campaigns.
	toolCheck(t, "stage 4 review", w.get(t, "viewer", "/organisasi/taman-baca/siklus/1/tahap/4/tinjauan"), http.StatusOK,
		`href="/galang-daya/rak-buku-warga">Rak Buku Warga</a>`)
	// Cancelled: gone from the lists, its page marked cancelled for the
	// public, still there for members.
	toolCheck(t, "cancel", w.post(t, "owner", campaignBase+"/rak-buku-warga/batalkan", url.Values{"confirm": {"1"}}), http.StatusSeeOther)
	toolCheck(t, "cancelled public", w.get(t, "anon", "/galang-daya/rak-buku-warga"), http.StatusOK, "Kampanye ini dibatalkan")
	toolCheck(t, "cancelled member", w.get(t, "viewer", "/galang-daya/rak-buku-warga"), http.StatusOK, "Kampanye ini dibatalkan")
	toolCheck(t, "cancelled edit", w.post(t, "owner", edit, url.Values{"action": {"need_add"}, "need_kind": {"keahlian"},
		"need_title": {"x"}}), http.StatusUnprocessableEntity, "sudah selesai atau dibatalkan")
}

func TestCampaignPastDeadline(t *testing.T) {
	w := newCampaignWorld(t)
	c := w.add(t, "Sudah Lewat", true)
	if _, err := w.d.Exec(context.Background(), `UPDATE campaigns SET ends_at = ? WHERE id = ?`,
		c.StartsAt.Add(-time.Hour), c.ID); err != nil {
		t.Fatal(err)
	}
	toolCheck(t, "ended page", w.get(t, "anon", "/galang-daya/"+c.Slug), http.StatusOK, "Kampanye sudah selesai.")
	toolCheck(t, "not in index", w.get(t, "anon", "/galang-daya"), http.StatusOK, "Belum ada kampanye yang berjalan")
	_, body := apiGet(t, w.ts.URL, "/api/v1/campaigns/"+c.Slug)
	if body["status"] != "ended" {
		t.Errorf("api status %v", body["status"])
	}
}

// TestCampaignPageWeight keeps the first view of a campaign page (HTML,
// style sheet and script, as sent compressed) under 50 KB.
func TestCampaignPageWeight(t *testing.T) {
	w := newCampaignWorld(t)
	c := w.add(t, "Kampanye Ringan", true)
	page := w.get(t, "anon", "/galang-daya/"+c.Slug)
	total := 0
	for _, path := range append([]string{"/galang-daya/" + c.Slug}, staticRefs(page.body)...) {
		req, _ := http.NewRequest("GET", w.ts.URL+path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.Header.Get("Content-Encoding") != "gzip" {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			_, _ = zw.Write(b)
			_ = zw.Close()
			b = buf.Bytes()
		}
		total += len(b)
	}
	if total > 50<<10 {
		t.Errorf("first view weighs %d bytes compressed, want under 50 KB", total)
	}
	t.Logf("first view: %d bytes compressed", total)
}

// staticRefs lists the style sheets and scripts a page loads.
func staticRefs(body string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`(?:href|src)="(/static/[^"]+)"`).FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}
