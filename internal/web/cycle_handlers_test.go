package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/cycle"
	"lokadaya/internal/framework"
)

// Who may do what in the workspace.
var (
	cycleReaders    = map[string]bool{"viewer": true, "treasurer": true, "editor": true, "admin": true, "owner": true, "platform": true, "coord": true}
	cycleWriters    = map[string]bool{"editor": true, "admin": true, "owner": true}
	cycleCommenters = map[string]bool{"editor": true, "admin": true, "owner": true, "platform": true, "coord": true}
)

// want is the status role should get on a route that needs `allowed`,
// with ok the status of an allowed caller.
func cycleWant(role string, allowed map[string]bool, ok int) int {
	switch {
	case role == "anon":
		return http.StatusSeeOther
	case !cycleReaders[role]:
		return http.StatusForbidden
	case !allowed[role]:
		return http.StatusForbidden
	}
	return ok
}

func TestCycleRoutesByRole(t *testing.T) {
	w := newCycleWorld(t)
	c := w.start(t, 4)
	ctx := context.Background()
	att := &cycle.Attachment{CycleID: c.ID, Stage: 4, BlobKey: "cycle/x/missing.pdf", FileName: "a.pdf", ContentType: "application/pdf"}
	if err := w.cycles.AddAttachment(ctx, att, w.actor("owner")); err != nil {
		t.Fatal(err)
	}
	base := "/organisasi/taman-baca/siklus"
	gets := []struct {
		path string
		ok   int
	}{
		{base, 200},
		{base + "/1", 200},
		{base + "/1/tahap/4", 200},
		{base + "/1/tahap/1", 200},
		{base + "/1/cetak", 200},
		{base + "/bandingkan", 200},
		{base + "/bandingkan?a=1&b=1", 200},
		{base + "/bandingkan?a=1&b=9", 404},
		{base + "/2", 404},
		{base + "/x", 404},
		{base + "/1/tahap/8", 404},
		{base + "/1/tahap/4/lampiran/" + fmt.Sprint(att.ID), 404}, // the blob itself is missing
		{base + "/1/tahap/4/lampiran/999", 404},
		{base + "/1/tahap/4/jawaban/9.tidak-ada/riwayat", 404},
	}
	if st, _ := framework.Current().Stage(4); len(st.Questions) > 0 {
		gets = append(gets, struct {
			path string
			ok   int
		}{base + "/1/tahap/4/jawaban/" + st.Questions[0].Key + "/riwayat", 200})
	}
	for _, g := range gets {
		for _, role := range cycleRoles {
			got := w.get(t, role, g.path)
			if want := cycleWant(role, cycleReaders, g.ok); got.status != want {
				t.Errorf("GET %s as %s = %d, want %d", g.path, role, got.status, want)
			}
			if role == "anon" && !strings.HasPrefix(got.location, "/masuk?next=") {
				t.Errorf("GET %s as anon went to %q", g.path, got.location)
			}
		}
	}
	// Writes that change nothing when allowed: a stale "from" stage, an
	// existing cycle, an empty upload or comment, a cycle not at stage 7.
	stale := url.Values{"from": {"2"}, "to": {"3"}, "reason": {"Alasan yang cukup panjang"}}
	posts := []struct {
		path    string
		form    url.Values
		allowed map[string]bool
		ok      int
	}{
		{base + "/mulai", url.Values{}, cycleWriters, 303},
		{base + "/1/lanjut", stale, cycleWriters, 303},
		{base + "/1/kembali", stale, cycleWriters, 303},
		{base + "/1/siklus-berikutnya", url.Values{}, cycleWriters, 422},
		{base + "/1/tahap/4/komentar", url.Values{"comment": {" "}}, cycleCommenters, 422},
		{base + "/1/tahap/4/jawaban/9.tidak-ada", url.Values{"body": {"x"}}, cycleWriters, 404},
	}
	for _, p := range posts {
		for _, role := range cycleRoles {
			got := w.post(t, role, p.path, p.form)
			if want := cycleWant(role, p.allowed, p.ok); got.status != want {
				t.Errorf("POST %s as %s = %d, want %d", p.path, role, got.status, want)
			}
		}
	}
	for _, role := range cycleRoles {
		got := w.upload(t, role, base+"/1/tahap/4/lampiran", "", nil)
		if want := cycleWant(role, cycleWriters, 422); got.status != want {
			t.Errorf("upload as %s = %d, want %d", role, got.status, want)
		}
	}
	if got, _ := w.cycles.Get(ctx, c.ID); got.CurrentStage != 4 {
		t.Fatalf("the role checks moved the cycle to stage %d", got.CurrentStage)
	}
	// The organisation page and the dashboard link to the workspace.
	if !strings.Contains(w.get(t, "viewer", "/organisasi/taman-baca").body, base) {
		t.Error("organisation page has no workspace link")
	}
	if !strings.Contains(w.get(t, "treasurer", "/organisasi/taman-baca/dasbor").body, base) {
		t.Error("dashboard has no workspace link")
	}
}

func TestCycleStartAndEmptyList(t *testing.T) {
	w := newCycleWorld(t)
	base := "/organisasi/taman-baca/siklus"
	if body := w.get(t, "viewer", base).body; strings.Contains(body, base+"/mulai") {
		t.Error("a viewer is offered the start form")
	}
	if body := w.get(t, "editor", base).body; !strings.Contains(body, base+"/mulai") {
		t.Error("an editor is not offered the start form")
	}
	if got := w.post(t, "viewer", base+"/mulai", url.Values{}); got.status != 403 {
		t.Fatalf("viewer start = %d", got.status)
	}
	got := w.post(t, "editor", base+"/mulai", url.Values{})
	if got.status != 303 || got.location != base+"/1" {
		t.Fatalf("start = %d %q", got.status, got.location)
	}
	page := w.get(t, "coord", base+"/1")
	if page.status != 200 || !strings.Contains(page.body, "Pengguna editor") {
		t.Fatalf("overview as coordinator = %d", page.status)
	}
}

func TestCycleAnswerConflictKeepsText(t *testing.T) {
	w := newCycleWorld(t)
	w.start(t, 1)
	key := cycleQuestion(t, 1)
	path := "/organisasi/taman-baca/siklus/1/tahap/1/jawaban/" + key
	first, _ := w.cycles.LatestAnswer(context.Background(), 1, key)
	base := "0"
	if first != nil {
		base = fmt.Sprint(first.Version)
	}
	got := w.post(t, "editor", path, url.Values{"body": {"Teks editor\nbaris kedua https://contoh.id/a."}, "base_version": {base}})
	if got.status != 303 {
		t.Fatalf("first save = %d", got.status)
	}
	// The owner loaded the same version and saves later.
	got = w.post(t, "owner", path, url.Values{"body": {"Teks pemilik <script>alert(1)</script>"}, "base_version": {base}})
	if got.status != http.StatusConflict {
		t.Fatalf("conflicting save = %d", got.status)
	}
	for _, want := range []string{"Teks editor<br>", `<a href="https://contoh.id/a" rel="nofollow noopener ugc" target="_blank">https://contoh.id/a</a>.`,
		"Teks pemilik &lt;script&gt;alert(1)&lt;/script&gt;"} {
		if !strings.Contains(got.body, want) {
			t.Errorf("conflict page lacks %q", want)
		}
	}
	if strings.Contains(got.body, "<script>alert") {
		t.Error("the answer was not escaped")
	}
	latest, _ := w.cycles.LatestAnswer(context.Background(), 1, key)
	if !strings.HasPrefix(latest.Body, "Teks editor") {
		t.Fatalf("the conflicting save overwrote: %q", latest.Body)
	}
	// Saving again from the shown version goes through.
	got = w.post(t, "owner", path, url.Values{"body": {"Gabungan"}, "base_version": {fmt.Sprint(latest.Version)}})
	if got.status != 303 {
		t.Fatalf("merged save = %d", got.status)
	}
	hist := w.get(t, "viewer", "/organisasi/taman-baca/siklus/1/tahap/1/jawaban/"+key+"/riwayat")
	if !strings.Contains(hist.body, "Gabungan") || !strings.Contains(hist.body, "Teks editor") || !strings.Contains(hist.body, "WIB") {
		t.Errorf("history page lacks the versions or the zone")
	}
	if got := w.post(t, "editor", path, url.Values{"body": {strings.Repeat("a", cycle.MaxAnswerRunes+1)},
		"base_version": {fmt.Sprint(latest.Version + 1)}}); got.status != 422 {
		t.Errorf("too long = %d", got.status)
	}
	// A question of another stage is not saved through this stage's URL.
	if st, _ := framework.Current().Stage(2); len(st.Questions) > 0 {
		if got := w.post(t, "editor", "/organisasi/taman-baca/siklus/1/tahap/1/jawaban/"+st.Questions[0].Key,
			url.Values{"body": {"x"}}); got.status != 404 {
			t.Errorf("cross-stage save = %d", got.status)
		}
	}
}

func TestCycleMoves(t *testing.T) {
	w := newCycleWorld(t)
	ctx := context.Background()
	c, err := w.cycles.Start(ctx, w.org.ID, w.actor("owner"))
	if err != nil {
		t.Fatal(err)
	}
	base := "/organisasi/taman-baca/siklus/1"
	if st, _ := framework.Current().Stage(1); st.MinAnswers > 0 {
		got := w.post(t, "editor", base+"/lanjut", url.Values{"from": {"1"}})
		if got.status != 422 || !strings.Contains(got.body, fmt.Sprintf("kurang %d jawaban", st.MinAnswers)) {
			t.Fatalf("advance unanswered = %d", got.status)
		}
	}
	w.walk(t, c, 4)
	page := w.get(t, "editor", base+"/tahap/4")
	if !strings.Contains(page.body, base+"/kembali") || !strings.Contains(page.body, base+"/lanjut") {
		t.Fatal("stage 4 offers no moves to a writer")
	}
	if strings.Contains(w.get(t, "viewer", base+"/tahap/4").body, base+"/kembali") {
		t.Error("stage 4 offers moves to a viewer")
	}
	got := w.post(t, "editor", base+"/kembali", url.Values{"from": {"4"}, "to": {"3"}, "reason": {"pendek"}})
	if got.status != 422 || !strings.Contains(got.body, "minimal 10 karakter") || !strings.Contains(got.body, "pendek") {
		t.Fatalf("short reason = %d", got.status)
	}
	// On a phone the refusal comes back to the form, far down the page,
	// with the field marked for screen readers.
	for _, want := range []string{`id="langkah"`, `action="` + base + `/kembali#langkah"`, `name="reason" rows="3" minlength="10" required aria-invalid="true" aria-describedby="err-reason"`} {
		if !strings.Contains(got.body, want) {
			t.Errorf("refused move lacks %s", want)
		}
	}
	if got := w.post(t, "editor", base+"/kembali", url.Values{"from": {"4"}, "to": {"1"}, "reason": {"Alasan yang cukup panjang"}}); got.status != 422 {
		t.Fatalf("back 4 → 1 = %d", got.status)
	}
	got = w.post(t, "editor", base+"/kembali", url.Values{"from": {"4"}, "to": {"3"}, "reason": {"Skema pertukaran perlu diubah"}})
	if got.status != 303 || got.location != base+"/tahap/3#main" {
		t.Fatalf("back 4 → 3 = %d %q", got.status, got.location)
	}
	// The same form sent twice moves nothing more.
	if got := w.post(t, "editor", base+"/kembali", url.Values{"from": {"4"}, "to": {"3"}, "reason": {"Skema pertukaran perlu diubah"}}); got.status != 303 || got.location != base {
		t.Fatalf("stale back = %d %q", got.status, got.location)
	}
	w.answerMinimum(t, c, 3)
	got = w.post(t, "owner", base+"/lanjut", url.Values{"from": {"3"}})
	if got.status != 303 || got.location != base+"/tahap/4" {
		t.Fatalf("advance 3 → 4 = %d %q", got.status, got.location)
	}
	over := w.get(t, "coord", base)
	for _, want := range []string{"Skema pertukaran perlu diubah", "Pengguna editor", "dimasuki 2 kali"} {
		if !strings.Contains(over.body, want) {
			t.Errorf("overview lacks %q", want)
		}
	}
}

func TestCycleNextAndCompare(t *testing.T) {
	w := newCycleWorld(t)
	c := w.start(t, cycle.LastStage)
	base := "/organisasi/taman-baca/siklus"
	if !strings.Contains(w.get(t, "owner", base+"/1").body, base+"/1/siklus-berikutnya") {
		t.Fatal("stage 7 does not offer the next cycle")
	}
	got := w.post(t, "owner", base+"/1/siklus-berikutnya", url.Values{})
	if got.status != 303 || got.location != base+"/2" {
		t.Fatalf("next cycle = %d %q", got.status, got.location)
	}
	if closed := w.get(t, "viewer", base+"/1"); closed.status != 200 || !strings.Contains(closed.body, "ditutup") {
		t.Fatalf("closed overview = %d", closed.status)
	}
	if got := w.post(t, "owner", base+"/1/siklus-berikutnya", url.Values{}); got.status != 422 {
		t.Fatalf("next cycle from a closed one = %d", got.status)
	}
	if strings.Contains(w.get(t, "owner", base+"/1/tahap/1").body, "/jawaban/") && len(framework.Current().Stages[0].Questions) > 0 {
		// History links are fine; edit forms are not.
		if strings.Contains(w.get(t, "owner", base+"/1/tahap/1").body, `name="base_version"`) {
			t.Error("a closed cycle offers edit forms")
		}
	}
	cmp := w.get(t, "treasurer", base+"/bandingkan?a=1&b=2")
	if cmp.status != 200 {
		t.Fatalf("compare = %d", cmp.status)
	}
	latest, _ := w.cycles.Latest(context.Background(), c.ID)
	for _, a := range latest {
		if !strings.Contains(cmp.body, a.Body) {
			t.Errorf("compare lacks %q", a.Body)
		}
	}
	print := w.get(t, "viewer", base+"/1/cetak")
	if print.status != 200 || !strings.Contains(print.body, "no-print") {
		t.Fatalf("print = %d", print.status)
	}
	for _, a := range latest {
		if !strings.Contains(print.body, a.Body) {
			t.Errorf("print lacks %q", a.Body)
		}
	}
}

func TestCycleAttachmentsAndComments(t *testing.T) {
	w := newCycleWorld(t)
	w.start(t, 1)
	base := "/organisasi/taman-baca/siklus/1/tahap/1"
	got := w.upload(t, "editor", base+"/lampiran", "foto rapat.png", cyclePNG(t))
	if got.status != 303 {
		t.Fatalf("upload png = %d", got.status)
	}
	got = w.upload(t, "editor", base+"/lampiran", "notulen.pdf", []byte("%PDF-1.4\n%%EOF\n"))
	if got.status != 303 {
		t.Fatalf("upload pdf = %d", got.status)
	}
	if got := w.upload(t, "editor", base+"/lampiran", "x.html", []byte("<html><script>alert(1)</script>")); got.status != 422 {
		t.Fatalf("upload html = %d", got.status)
	}
	list, err := w.cycles.Attachments(context.Background(), 1, 1)
	if err != nil || len(list) != 2 {
		t.Fatalf("%d attachments, %v", len(list), err)
	}
	for _, a := range list {
		path := fmt.Sprintf("%s/lampiran/%d", base, a.ID)
		res := w.get(t, "coord", path)
		if res.status != 200 || res.header.Get("Content-Type") != a.ContentType || res.header.Get("Cache-Control") != "private, no-store" {
			t.Errorf("GET %s = %d %q", path, res.status, res.header.Get("Content-Type"))
		}
		for _, role := range []string{"anon", "user", "othercoord"} {
			if res := w.get(t, role, path); res.status == 200 {
				t.Errorf("%s read attachment %s", role, path)
			}
		}
	}
	if list[1].FileName != "notulen.pdf" || list[0].FileName != "foto rapat.png" {
		t.Errorf("names %q %q", list[0].FileName, list[1].FileName)
	}
	page := w.get(t, "viewer", base)
	if !strings.Contains(page.body, "notulen.pdf") {
		t.Error("stage page lacks the attachment")
	}
	if got := w.post(t, "coord", base+"/komentar", url.Values{"comment": {"Pendampingan: bagus <b>sekali</b>"}}); got.status != 303 {
		t.Fatalf("coordinator comment = %d", got.status)
	}
	page = w.get(t, "viewer", base)
	if !strings.Contains(page.body, "Pendampingan: bagus &lt;b&gt;sekali&lt;/b&gt;") || !strings.Contains(page.body, "Pengguna coord") {
		t.Error("stage page lacks the comment")
	}
	if strings.Contains(page.body, `action="`+base+`/komentar#komentar"`) {
		t.Error("a viewer is offered the comment form")
	}
}
