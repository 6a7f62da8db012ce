package web_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/service"
)

// feedbackBase is the staff's feedback page of pojok-baca.
const feedbackBase = voiceBase + "/pojok-baca/umpan-balik"

// vote posts the phone page's form from a phone known by its device
// cookie, with extra headers (Origin, Sec-Fetch-Site) when given.
func (w *voiceWorld) vote(t *testing.T, code, device string, form url.Values, headers ...string) orgResponse {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, w.ts.URL+"/u/"+code, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if device != "" {
		req.Header.Set("Cookie", "lk_perangkat="+device)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return orgResponse{res.StatusCode, res.Header.Get("Location"), res.Header, string(b)}
}

// phone is the device cookie of the n-th test phone.
func phone(n int) string { return strings.Repeat("0", 31-len(strconv.Itoa(n))) + "f" + strconv.Itoa(n) }

// counted recomputes a point's public tally from the stored votes and
// paper tallies.
func (w *voiceWorld) counted(t *testing.T, pointID int64) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	out := map[string]int64{}
	for _, c := range []string{"merah", "kuning", "hijau"} {
		var votes, paper int64
		if err := w.d.QueryRow(ctx, `SELECT COUNT(*) FROM feedback_votes WHERE point_id = ? AND colour = ? AND status = 'dihitung'`,
			pointID, c).Scan(&votes); err != nil {
			t.Fatal(err)
		}
		if err := w.d.QueryRow(ctx, `SELECT COALESCE(SUM(`+c+`), 0) FROM feedback_paper_tallies WHERE point_id = ?`, pointID).Scan(&paper); err != nil {
			t.Fatal(err)
		}
		out[c] = votes + paper
	}
	return out
}

// apiTally is the point's tally as the API gives it.
func (w *voiceWorld) apiTally(t *testing.T, code, query string) map[string]int64 {
	t.Helper()
	r := w.get(t, "anon", "/api/v1/service-points/"+code+"/feedback"+query)
	if r.status != http.StatusOK {
		t.Fatalf("API: %d %s", r.status, r.body)
	}
	var out map[string]int64
	if err := json.Unmarshal([]byte(r.body), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTally(t *testing.T, name string, got, want map[string]int64) {
	t.Helper()
	for _, c := range []string{"merah", "kuning", "hijau"} {
		if got[c] != want[c] {
			t.Errorf("%s: %s = %d, want %d (got %v)", name, c, got[c], want[c], got)
		}
	}
}

// TestFeedbackPhoneVote: the QR's page works without an account or a
// cookie, records one vote per press, refuses bad input with a message
// and keeps what was typed, and refuses votes posted from other sites.
func TestFeedbackPhoneVote(t *testing.T) {
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	phonePage := w.get(t, "anon", "/u/"+strings.ToLower(pt.Code))
	toolCheck(t, "phone page", phonePage, http.StatusOK, "Pos Baca RW 03", `name="warna" value="merah"`, `value="kuning"`,
		`value="hijau"`, "jelek", "biasa", "baik", `name="catatan"`, `name="layanan"`, `action="/u/`+pt.Code+`#error-summary"`)
	if !strings.Contains(phonePage.header.Get("Set-Cookie"), "lk_perangkat=") {
		t.Error("the phone page sets no device cookie")
	}
	toolCheck(t, "unknown code", w.get(t, "anon", "/u/ZZZZZZ"), http.StatusNotFound)

	// No cookie, no Origin: an old phone's plain form post.
	r := w.vote(t, pt.Code, "", url.Values{"warna": {"hijau"}})
	toolCheck(t, "vote", r, http.StatusSeeOther)
	if r.location != "/u/"+pt.Code+"/terima-kasih?warna=hijau" {
		t.Errorf("after voting: %q", r.location)
	}
	toolCheck(t, "thanks", w.get(t, "anon", r.location), http.StatusOK, "Terima kasih", "Hijau (baik)", `href="/layanan/`+pt.Code+`"`)
	// Same-origin from a current browser.
	toolCheck(t, "same-origin vote", w.vote(t, pt.Code, phone(1), url.Values{"warna": {"merah"}, "catatan": {"<script>alert(1)</script> antre lama"},
		"layanan": {"Pinjam buku"}}, "Origin", w.ts.URL, "Sec-Fetch-Site", "same-origin"), http.StatusSeeOther)
	// Another site's form cannot vote through the visitor's browser.
	toolCheck(t, "cross-site vote", w.vote(t, pt.Code, phone(2), url.Values{"warna": {"merah"}},
		"Origin", "https://elsewhere.example", "Sec-Fetch-Site", "cross-site"), http.StatusForbidden)

	bad := []struct {
		name string
		form url.Values
		want []string
	}{
		{"no colour", url.Values{"catatan": {"bagus"}}, []string{"Pilih salah satu warna", `>bagus</textarea>`}},
		{"other colour", url.Values{"warna": {"biru"}}, []string{"Pilih salah satu warna"}},
		{"long note", url.Values{"warna": {"hijau"}, "catatan": {strings.Repeat("<b>", 200)}}, []string{"Terlalu panjang", "&lt;b&gt;&lt;b&gt;"}},
	}
	for _, c := range bad {
		toolCheck(t, c.name, w.vote(t, pt.Code, phone(3), c.form), http.StatusUnprocessableEntity, append(c.want, `id="error-summary"`)...)
	}
	toolCheck(t, "1 MB note", w.vote(t, pt.Code, phone(3), url.Values{"warna": {"hijau"}, "catatan": {strings.Repeat("a", 1<<20)}}),
		http.StatusRequestEntityTooLarge)

	want := map[string]int64{"merah": 1, "hijau": 1}
	sameTally(t, "stored", w.counted(t, pt.ID), want)
	sameTally(t, "API", w.apiTally(t, pt.Code, ""), want)
	var note, kind string
	if err := w.d.QueryRow(context.Background(), `SELECT note, service_type FROM feedback_votes WHERE colour = 'merah'`).Scan(&note, &kind); err != nil {
		t.Fatal(err)
	}
	if note != "<script>alert(1)</script> antre lama" || kind != "Pinjam buku" {
		t.Errorf("stored note %q, type %q", note, kind)
	}

	// A point of a draft initiative is not public.
	draft := w.draftPoint(t)
	toolCheck(t, "draft phone page", w.get(t, "anon", "/u/"+draft.Code), http.StatusNotFound)
	toolCheck(t, "draft vote", w.vote(t, draft.Code, phone(4), url.Values{"warna": {"hijau"}}), http.StatusNotFound)
	toolCheck(t, "draft API", w.get(t, "anon", "/api/v1/service-points/"+draft.Code+"/feedback"), http.StatusNotFound, `"not_found"`)
}

// draftPoint adds a point to the draft initiative.
func (w *voiceWorld) draftPoint(t *testing.T) *service.Point {
	t.Helper()
	ctx := context.Background()
	var id int64
	if err := w.d.QueryRow(ctx, `SELECT id FROM initiatives WHERE slug = 'draf'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	p, err := w.service.CreatePoint(ctx, service.Actor{ID: w.users["owner"].ID}, w.org.ID, id,
		service.PointInput{Name: "Pos Draf", RegionCode: orgDesa})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestFeedbackBurst: a phone voting again and again is counted up to the
// day's limit; the rest wait, flagged, out of the public tally, until an
// owner or admin decides. Editors and viewers see the burst but do not
// decide it.
func TestFeedbackBurst(t *testing.T) {
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	for i, c := range []string{"hijau", "hijau", "hijau", "merah", "merah", "merah", "merah"} {
		toolCheck(t, "vote "+strconv.Itoa(i), w.vote(t, pt.Code, phone(7), url.Values{"warna": {c}}), http.StatusSeeOther)
	}
	// The default allows 3 per device per point per day.
	sameTally(t, "public while flagged", w.apiTally(t, pt.Code, ""), map[string]int64{"hijau": 3})
	sameTally(t, "recomputed", w.counted(t, pt.ID), map[string]int64{"hijau": 3})
	toolCheck(t, "point page", w.get(t, "anon", "/layanan/"+pt.Code), http.StatusOK)

	var flagged int
	if err := w.d.QueryRow(context.Background(), `SELECT COUNT(*) FROM feedback_votes WHERE status = 'ditandai'`).Scan(&flagged); err != nil {
		t.Fatal(err)
	}
	toolCheck(t, "overview counts what waits", w.get(t, "viewer", voiceBase), http.StatusOK,
		"0 catatan dan "+strconv.Itoa(flagged)+" suara ditandai menunggu", `href="`+feedbackBase+`"`)
	page := w.get(t, "viewer", feedbackBase)
	toolCheck(t, "viewer sees the burst", page, http.StatusOK, "Lonjakan dari satu sumber")
	if strings.Contains(page.body, `name="keputusan" value="terima"`) {
		t.Error("a viewer is offered to decide a burst")
	}
	owner := w.get(t, "owner", feedbackBase)
	toolCheck(t, "owner sees the burst", owner, http.StatusOK, `name="keputusan" value="terima"`)
	form := burstForm(t, owner.body)
	form.Set("keputusan", "terima")
	toolCheck(t, "editor decides", w.post(t, "editor", feedbackBase+"/lonjakan", form), http.StatusForbidden)
	toolCheck(t, "admin accepts", w.post(t, "admin", feedbackBase+"/lonjakan", form), http.StatusSeeOther)
	sameTally(t, "after accepting", w.apiTally(t, pt.Code, ""), map[string]int64{"hijau": 3, "merah": 4})
	toolCheck(t, "decided again", w.post(t, "owner", feedbackBase+"/lonjakan", form), http.StatusSeeOther)
	toolCheck(t, "nothing waits", w.get(t, "owner", feedbackBase), http.StatusOK, "Tidak ada lonjakan yang menunggu")
	var n int
	if err := w.d.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE action = 'feedback.burst.accept' AND actor_id = ?`,
		w.users["admin"].ID).Scan(&n); err != nil || n != 1 {
		t.Errorf("audit entries = %d, %v", n, err)
	}
}

// burstForm reads the first burst's hidden fields from the staff page.
func burstForm(t *testing.T, body string) url.Values {
	t.Helper()
	form := url.Values{}
	for _, name := range []string{"titik", "hari", "sumber"} {
		_, rest, ok := strings.Cut(body, `name="`+name+`" value="`)
		if !ok {
			t.Fatalf("no %s in the burst form", name)
		}
		v, _, _ := strings.Cut(rest, `"`)
		form.Set(name, v)
	}
	return form
}

// TestFeedbackModeration: a note is public only once staff show it, shown
// escaped; hiding it takes it back; each decision is audited.
func TestFeedbackModeration(t *testing.T) {
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	w.vote(t, pt.Code, phone(1), url.Values{"warna": {"merah"}, "catatan": {"<img src=x onerror=alert(1)> rak kosong"}})
	public := "/layanan/" + pt.Code
	if strings.Contains(w.get(t, "anon", public).body, "rak kosong") {
		t.Fatal("a waiting note is public")
	}
	staff := w.get(t, "viewer", feedbackBase)
	toolCheck(t, "viewer reads waiting", staff, http.StatusOK, "&lt;img src=x onerror=alert(1)&gt; rak kosong")
	if strings.Contains(staff.body, `value="tampil"`) {
		t.Error("a viewer is offered to moderate")
	}
	var id string
	if err := w.d.QueryRow(context.Background(), `SELECT CAST(id AS TEXT) FROM feedback_votes`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	show := url.Values{"keputusan": {"tampil"}}
	for _, role := range []string{"viewer", "treasurer", "coord"} {
		toolCheck(t, role+" moderates", w.post(t, role, feedbackBase+"/catatan/"+id, show), http.StatusForbidden)
	}
	toolCheck(t, "anon moderates", w.post(t, "anon", feedbackBase+"/catatan/"+id, show), http.StatusSeeOther)
	toolCheck(t, "editor shows", w.post(t, "editor", feedbackBase+"/catatan/"+id, show), http.StatusSeeOther)
	toolCheck(t, "shown escaped", w.get(t, "anon", public), http.StatusOK, "&lt;img src=x onerror=alert(1)&gt; rak kosong")
	toolCheck(t, "on the initiative's", w.get(t, "anon", public), http.StatusOK)
	toolCheck(t, "editor hides", w.post(t, "editor", feedbackBase+"/catatan/"+id, url.Values{"keputusan": {"sembunyikan"}}), http.StatusSeeOther)
	if strings.Contains(w.get(t, "anon", public).body, "rak kosong") {
		t.Error("a hidden note is public")
	}
	toolCheck(t, "bad decision", w.post(t, "editor", feedbackBase+"/catatan/"+id, url.Values{"keputusan": {"hapus"}}), http.StatusNotFound)
	var n int
	if err := w.d.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE action IN ('feedback.note.show', 'feedback.note.hide')
		AND target_id = ?`, id).Scan(&n); err != nil || n != 2 {
		t.Errorf("moderation audit entries = %d, %v", n, err)
	}
}

// TestFeedbackRoles: who reads the staff page, types in paper boxes,
// moderates and decides bursts follows the organisation's roles.
func TestFeedbackRoles(t *testing.T) {
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	for i, role := range toolRoles {
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
		toolCheck(t, role+" staff page", w.get(t, role, feedbackBase), want(reader))
		toolCheck(t, role+" paper form", w.get(t, role, feedbackBase+"/kertas/baru"), want(writer))
		day := "2026-01-" + strconv.Itoa(10+i)
		post := w.post(t, role, feedbackBase+"/kertas/baru", paperForm(pt.Code, day, day, "1", "2", "3"))
		if writer != (post.status == http.StatusSeeOther && post.location != "" && !strings.Contains(post.location, "/masuk")) {
			t.Errorf("%s records a paper box: %d %s", role, post.status, post.location)
		}
	}
	toolCheck(t, "service page links", w.get(t, "viewer", voiceBase+"/pojok-baca"), http.StatusOK, `href="`+feedbackBase+`"`)
	toolCheck(t, "staff page links", w.get(t, "editor", feedbackBase), http.StatusOK, `href="`+feedbackBase+`/kertas/baru"`,
		`href="/layanan/`+pt.Code+`"`, `href="/u/`+pt.Code+`"`)
	toolCheck(t, "initiative page links", w.get(t, "anon", "/inisiatif/pojok-baca"), http.StatusOK, `href="/layanan/`+pt.Code+`"`)
	toolCheck(t, "point page links", w.get(t, "anon", "/layanan/"+pt.Code), http.StatusOK, `href="/u/`+pt.Code+`"`)
	if strings.Contains(w.get(t, "anon", "/layanan/"+pt.Code).body, "/maklumat") {
		t.Error("the point page links to a charter it does not have")
	}
	w.saveCharter(t, pt, charterForm())
	toolCheck(t, "point page links its charter", w.get(t, "anon", "/layanan/"+pt.Code), http.StatusOK, `href="/layanan/`+pt.Code+`/maklumat"`)
}

func paperForm(code, from, to, merah, kuning, hijau string) url.Values {
	return url.Values{"point": {code}, "from": {from}, "to": {to}, "counted_on": {to}, "counted_by": {"Bu Ani"},
		"merah": {merah}, "kuning": {kuning}, "hijau": {hijau}}
}

// TestFeedbackPaperAndTallies: a paper box counts in the public tallies
// of the point and the initiative (recomputed from the stored rows);
// bad input is refused per field and nothing is written.
func TestFeedbackPaperAndTallies(t *testing.T) {
	w := newVoiceWorld(t)
	a, b := w.addPoint(t, "Pos Baca RW 03"), w.addPoint(t, "Pos Baca RW 04")
	today := w.get(t, "editor", feedbackBase+"/kertas/baru")
	toolCheck(t, "paper form", today, http.StatusOK, `name="counted_on"`, a.Code, b.Code)
	toolCheck(t, "paper", w.post(t, "editor", feedbackBase+"/kertas/baru", paperForm(a.Code, "2026-01-01", "2026-01-31", "2", "5", "17")), http.StatusSeeOther)
	w.vote(t, a.Code, phone(1), url.Values{"warna": {"kuning"}})
	w.vote(t, b.Code, phone(2), url.Values{"warna": {"merah"}})
	bad := []struct {
		name string
		form url.Values
		msg  string
	}{
		{"overlap", paperForm(a.Code, "2026-01-31", "2026-02-02", "1", "0", "0"), "bertumpang tindih"},
		{"future", paperForm(a.Code, "2026-02-01", "2999-01-01", "1", "0", "0"), "belum terjadi"},
		{"negative", paperForm(a.Code, "2026-02-01", "2026-02-02", "-3", "0", "0"), "bilangan bulat"},
		{"nothing", paperForm(a.Code, "2026-02-01", "2026-02-02", "0", "", "0"), "setidaknya satu"},
		{"other point", paperForm("ZZZZZZ", "2026-02-01", "2026-02-02", "1", "0", "0"), "Pilih titik layanan"},
		{"no counter", func() url.Values {
			f := paperForm(a.Code, "2026-02-01", "2026-02-02", "1", "0", "0")
			f.Set("counted_by", " ")
			return f
		}(), "Wajib diisi"},
	}
	for _, c := range bad {
		toolCheck(t, c.name, w.post(t, "editor", feedbackBase+"/kertas/baru", c.form), http.StatusUnprocessableEntity, c.msg, `id="error-summary"`)
	}
	sameTally(t, "point a", w.apiTally(t, a.Code, ""), w.counted(t, a.ID))
	sameTally(t, "point a in January", w.apiTally(t, a.Code, "?from=2026-01-01&to=2026-01-31"), map[string]int64{"merah": 2, "kuning": 5, "hijau": 17})
	if got := w.counted(t, a.ID); got["kuning"] != 6 || got["hijau"] != 17 {
		t.Errorf("recomputed a = %v", got)
	}
	// The initiative's public page: each point's tally and their sum.
	page := w.get(t, "anon", "/inisiatif/pojok-baca")
	toolCheck(t, "initiative page", page, http.StatusOK, `id="umpan-balik"`, `src="/inisiatif/pojok-baca/umpan-balik.svg"`)
	ta, tb := w.counted(t, a.ID), w.counted(t, b.ID)
	sum := strconv.FormatInt(ta["merah"]+tb["merah"], 10)
	if !strings.Contains(page.body, "<tfoot><tr><th scope=\"row\">Jumlah</th><td>"+sum+"</td>") {
		t.Errorf("initiative page lacks the merah sum %s", sum)
	}
	svg := w.get(t, "anon", "/inisiatif/pojok-baca/umpan-balik.svg")
	toolCheck(t, "trend", svg, http.StatusOK, "<svg", "<rect")
	if svg.header.Get("Content-Type") != "image/svg+xml" || strings.Contains(svg.body, "<script") {
		t.Errorf("trend: %s", svg.header.Get("Content-Type"))
	}
	toolCheck(t, "point trend", w.get(t, "anon", "/layanan/"+a.Code+"/umpan-balik.svg"), http.StatusOK, "<rect")
	for q, code := range map[string]int{"?from=2026-13-01": 400, "?to=kemarin": 400, "?from=2026-02-01&to=2026-01-01": 400} {
		if r := w.get(t, "anon", "/api/v1/service-points/"+a.Code+"/feedback"+q); r.status != code || !strings.Contains(r.body, `"bad_request"`) {
			t.Errorf("API %s: %d %s", q, r.status, r.body)
		}
	}
	// Deleting a paper box takes it out, audited.
	var id string
	if err := w.d.QueryRow(context.Background(), `SELECT CAST(id AS TEXT) FROM feedback_paper_tallies`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	toolCheck(t, "viewer deletes", w.post(t, "viewer", feedbackBase+"/kertas/"+id+"/hapus", nil), http.StatusForbidden)
	toolCheck(t, "editor deletes", w.post(t, "editor", feedbackBase+"/kertas/"+id+"/hapus", nil), http.StatusSeeOther)
	sameTally(t, "after delete", w.apiTally(t, a.Code, ""), map[string]int64{"kuning": 1})
}

// TestFeedbackPhonePageWeight: the page a QR opens, with its stylesheet
// and script, stays small for a cheap phone on slow data.
func TestFeedbackPhonePageWeight(t *testing.T) {
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	total := 0
	for _, p := range []string{"/u/" + pt.Code, "/static/style.css", "/static/app.js"} {
		total += gzippedSize(t, w.ts.URL+p)
	}
	t.Logf("phone page first view: %d bytes compressed", total)
	if total > 12*1024 {
		t.Errorf("the phone page weighs %d bytes compressed with its assets, budget 12 KB", total)
	}
}
