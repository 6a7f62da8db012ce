package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/service"
)

// charterForm is a complete, signed charter.
func charterForm() url.Values {
	return url.Values{"service": {"Peminjaman buku anak"}, "requirements": {"Kartu anggota atau nama orang tua"},
		"procedure": {"1. Pilih buku\n2. Catat di buku pinjam\n3. Kembalikan dalam 7 hari"}, "time_to_serve": {"Paling lama 10 menit"},
		"cost_kind": {"gratis"}, "complaint_channels": {"WhatsApp 0812-1111-2222 atau kotak saran di pintu"},
		"rights": {"Meminjam tiga buku sekaligus"}, "obligations": {"Menjaga buku tetap bersih"},
		"signer_name": {"Dewi Anggraini"}, "signer_role": {"Ketua"}, "signed_on": {"2025-01-06"}}
}

// charterURL is the organisation's charter page of a point.
func (w *voiceWorld) charterURL(pt *service.Point) string {
	return voiceBase + "/" + w.initiative.Slug + "/titik/" + pt.Code + "/maklumat"
}

// saveCharter saves form as the point's next version, as the editor.
func (w *voiceWorld) saveCharter(t *testing.T, pt *service.Point, form url.Values) {
	t.Helper()
	if r := w.post(t, "editor", w.charterURL(pt)+"/ubah", form); r.status != http.StatusSeeOther {
		t.Fatalf("save charter: %d %s", r.status, r.body)
	}
}

// TestCharterRoles: members, hub coordinators of the region and platform
// admins read a point's charter and its versions; owners, admins and
// editors (and platform admins) write new versions; everyone else is
// refused and nothing is written.
func TestCharterRoles(t *testing.T) {
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	page := w.charterURL(pt)
	w.saveCharter(t, pt, charterForm())
	versions := 1
	for _, role := range toolRoles {
		reader, writer := toolReaders[role], toolWriters[role] || role == "platform"
		want := func(ok bool) int {
			switch {
			case role == "anon":
				return http.StatusSeeOther
			case ok:
				return http.StatusOK
			}
			return http.StatusForbidden
		}
		toolCheck(t, role+" charter", w.get(t, role, page), want(reader))
		toolCheck(t, role+" version", w.get(t, role, page+"/versi/1"), want(reader))
		toolCheck(t, role+" form", w.get(t, role, page+"/ubah"), want(writer))
		post := w.post(t, role, page+"/ubah", charterForm())
		switch {
		case writer && post.status == http.StatusSeeOther && post.location == page:
			versions++
		case writer:
			t.Errorf("%s saves: %d %q", role, post.status, post.location)
		case role == "anon" && (post.status != http.StatusSeeOther || !strings.HasPrefix(post.location, "/masuk")):
			t.Errorf("anon saves: %d %q", post.status, post.location)
		case role != "anon" && post.status != http.StatusForbidden:
			t.Errorf("%s saves: %d", role, post.status)
		}
		if reader {
			body := w.get(t, role, page).body
			if edit := strings.Contains(body, page+"/ubah"); edit != writer {
				t.Errorf("%s sees the edit link: %v", role, edit)
			}
		}
	}
	hist := w.get(t, "viewer", page)
	if n := strings.Count(hist.body, page+"/versi/"); n != versions {
		t.Errorf("history lists %d versions, %d saved", n, versions)
	}
	toolCheck(t, "newest version", w.get(t, "viewer", page+"/versi/"+itoa(int64(versions))), http.StatusOK, "Peminjaman buku anak")
	toolCheck(t, "no such version", w.get(t, "viewer", page+"/versi/99"), http.StatusNotFound)
	toolCheck(t, "bad version", w.get(t, "viewer", page+"/versi/x"), http.StatusNotFound)
	toolCheck(t, "point of another initiative", w.get(t, "editor", voiceBase+"/draf/titik/"+pt.Code+"/maklumat"), http.StatusNotFound)
	toolCheck(t, "service page links the charter", w.get(t, "viewer", voiceBase+"/"+w.initiative.Slug), http.StatusOK, `href="`+page+`"`)
}

// TestCharterForm: bad input is refused field by field, kept and shown
// escaped; an unsigned save is a draft the public does not see, and the
// form of the next version starts from the newest.
func TestCharterForm(t *testing.T) {
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	page := w.charterURL(pt)
	toolCheck(t, "empty form", w.get(t, "editor", page+"/ubah"), http.StatusOK, `value="gratis" checked`)
	cases := []struct {
		name string
		edit func(url.Values)
		msg  []string
	}{
		{"no service", func(f url.Values) { f.Set("service", "") }, []string{"Wajib diisi", `href="#service"`}},
		{"paid, no amount", func(f url.Values) { f.Set("cost_kind", "bayar") }, []string{"Isi jumlahnya", `href="#cost"`}},
		{"paid with cents", func(f url.Values) { f.Set("cost_kind", "bayar"); f.Set("cost", "2.500,50") }, []string{"tanpa sen"}},
		{"no cost kind", func(f url.Values) { f.Del("cost_kind") }, []string{"Pilih gratis atau berbayar", `href="#cost_free"`}},
		{"signed in the future", func(f url.Values) { f.Set("signed_on", "2999-01-01") }, []string{"tidak boleh setelah hari ini"}},
		{"date without a name", func(f url.Values) { f.Set("signer_name", "") }, []string{"Tulis nama penanda tangan"}},
		{"a megabyte", func(f url.Values) { f.Set("rights", strings.Repeat("a", 1<<20)) }, nil},
		{"html kept escaped", func(f url.Values) { f.Set("rights", "<script>alert(1)</script>"); f.Set("service", "") },
			[]string{"&lt;script&gt;alert(1)&lt;/script&gt;"}},
	}
	for _, c := range cases {
		f := charterForm()
		c.edit(f)
		r := w.post(t, "editor", page+"/ubah", f)
		if c.name == "a megabyte" {
			if r.status != http.StatusRequestEntityTooLarge && r.status != http.StatusUnprocessableEntity {
				t.Errorf("%s: %d", c.name, r.status)
			}
			continue
		}
		toolCheck(t, c.name, r, http.StatusUnprocessableEntity, append(c.msg, `id="error-summary"`)...)
		if strings.Contains(r.body, "<script>alert(1)") {
			t.Errorf("%s: HTML shown unescaped", c.name)
		}
	}
	toolCheck(t, "nothing written", w.get(t, "viewer", page), http.StatusOK, "belum punya maklumat")
	toolCheck(t, "no public page yet", w.get(t, "anon", "/layanan/"+pt.Code+"/maklumat"), http.StatusNotFound)

	f := charterForm()
	for _, k := range []string{"signer_name", "signer_role", "signed_on"} {
		f.Del(k)
	}
	f.Set("cost_kind", "bayar")
	f.Set("cost", "Rp2.500")
	w.saveCharter(t, pt, f)
	toolCheck(t, "draft", w.get(t, "viewer", page), http.StatusOK, "Belum ada versi yang ditandatangani", "Rp2.500", "Draf")
	toolCheck(t, "draft not public", w.get(t, "anon", "/layanan/"+pt.Code+"/maklumat"), http.StatusNotFound)
	toolCheck(t, "next form starts from the draft", w.get(t, "editor", page+"/ubah"), http.StatusOK,
		`value="bayar" checked`, `value="2500"`, "Peminjaman buku anak")
}

// TestCharterPublicPage: the public sees the newest signed version, not a
// newer draft; a draft initiative's or a rejected organisation's charter
// only its own people see.
func TestCharterPublicPage(t *testing.T) {
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	w.saveCharter(t, pt, charterForm())
	draft := charterForm()
	draft.Set("service", "Layanan yang belum disetujui")
	draft.Del("signer_name")
	draft.Del("signed_on")
	draft.Del("signer_role")
	w.saveCharter(t, pt, draft)
	public := "/layanan/" + strings.ToLower(pt.Code) + "/maklumat"
	r := w.get(t, "anon", public)
	toolCheck(t, "public page", r, http.StatusOK, "Maklumat pelayanan", "Pos Baca RW 03", "Peminjaman buku anak",
		"Dewi Anggraini (Ketua)", "6 Januari 2025", "Gratis", "Taman Baca Sukarasa", "example.test/u/"+pt.Code,
		`href="/u/`+pt.Code+`"`, "charter.css", "/layanan/"+pt.Code+"/maklumat.pdf",
		`href="/layanan/`+pt.Code+`"`)
	if strings.Contains(r.body, "belum disetujui") {
		t.Error("the public sees an unsigned draft")
	}
	toolCheck(t, "english", w.get(t, "anon", public+"?lang=en"), http.StatusOK, "Service charter", "Free of charge", "Signed by")
	toolCheck(t, "staff page says which version is public", w.get(t, "viewer", w.charterURL(pt)), http.StatusOK,
		"Publik melihat versi 1", "Versi 2 belum ditandatangani")
	qr := w.get(t, "anon", "/layanan/"+pt.Code+"/maklumat/qr.png")
	if qr.status != http.StatusOK || qr.header.Get("Content-Type") != "image/png" {
		t.Fatalf("qr: %d %v", qr.status, qr.header)
	}
	if got := decodeQR(t, []byte(qr.body)); got != "http://example.test/u/"+pt.Code {
		t.Errorf("qr reads %q", got)
	}
	toolCheck(t, "initiative page links the charter", w.get(t, "anon", "/inisiatif/"+w.initiative.Slug), http.StatusOK,
		`href="/layanan/`+pt.Code+`/maklumat"`)
	toolCheck(t, "unknown point", w.get(t, "anon", "/layanan/ZZZZZZ/maklumat"), http.StatusNotFound)
	toolCheck(t, "point page links the charter", w.get(t, "anon", "/layanan/"+pt.Code), http.StatusOK,
		`href="/layanan/`+pt.Code+`/maklumat"`)

	api := w.get(t, "anon", "/api/v1/service-points/"+pt.Code+"/charter")
	var got struct {
		Code, Service, Procedure string
		SignedBy                 string `json:"signed_by"`
		SignerRole               string `json:"signer_role"`
		SignedOn                 string `json:"signed_on"`
		FeedbackURL              string `json:"feedback_url"`
		PosterURL                string `json:"poster_url"`
		Version                  int
		Cost                     int64
		Free                     bool
	}
	if err := json.Unmarshal([]byte(api.body), &got); err != nil || api.status != http.StatusOK {
		t.Fatalf("api: %d %v %s", api.status, err, api.body)
	}
	want := charterForm()
	if got.Code != pt.Code || got.Version != 1 || got.Service != want.Get("service") || got.Procedure != want.Get("procedure") ||
		got.Cost != 0 || !got.Free || got.SignedBy != "Dewi Anggraini" || got.SignerRole != "Ketua" || got.SignedOn != "2025-01-06" ||
		got.FeedbackURL != "http://example.test/u/"+pt.Code || got.PosterURL != "http://example.test/layanan/"+pt.Code+"/maklumat.pdf" {
		t.Errorf("api charter %+v", got)
	}
	toolCheck(t, "api unknown point", w.get(t, "anon", "/api/v1/service-points/ZZZZZZ/charter"), http.StatusNotFound, `"not_found"`)

	// A charter of a draft initiative is for the organisation's people only.
	if _, err := w.d.Exec(context.Background(), `UPDATE initiatives SET status = 'draft' WHERE id = ?`, w.initiative.ID); err != nil {
		t.Fatal(err)
	}
	for _, role := range toolRoles {
		want := http.StatusNotFound
		if toolReaders[role] {
			want = http.StatusOK
		}
		toolCheck(t, role+" draft initiative", w.get(t, role, public), want)
		toolCheck(t, role+" draft initiative poster", w.get(t, role, public+".pdf"), want)
	}
	toolCheck(t, "preview notice", w.get(t, "viewer", public), http.StatusOK, "Pratinjau")
	toolCheck(t, "api of a draft initiative", w.get(t, "owner", "/api/v1/service-points/"+pt.Code+"/charter"), http.StatusNotFound)
}
