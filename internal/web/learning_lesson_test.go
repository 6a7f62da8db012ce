package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/lesson"
)

const lessonBase = "/organisasi/taman-baca/pelajaran"

// lessonForm is a valid lesson form of taman-baca.
func lessonForm(w *voiceWorld, title string) url.Values {
	return url.Values{"title": {title}, "body": {"Pemberdayaan pembaca muda berhasil ketika anak memilih bukunya sendiri."},
		"stage": {"7"}, "issues": {"pendidikan", "anak_remaja"}, "initiative": {strconv.FormatInt(w.initiative.ID, 10)},
		"led_to": {"Pojok baca kedua dibuka."}, "evidence": {"Halaman inisiatif | /inisiatif/" + w.initiative.Slug + "\nhttps://example.org/berita"}}
}

// addLesson writes a lesson as the editor through the form and returns its id.
func (w *voiceWorld) addLesson(t *testing.T, title string, publish bool) int64 {
	t.Helper()
	f := lessonForm(w, title)
	if publish {
		f.Set("published", "1")
	}
	r := w.post(t, "editor", lessonBase+"/baru", f)
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/pelajaran/") {
		t.Fatalf("create lesson: %d %q %s", r.status, r.location, r.body)
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(r.location, "/pelajaran/"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestLessonRoles: everyone reads published lessons; drafts only the
// organisation's readers; only writers write and publish.
func TestLessonRoles(t *testing.T) {
	w := newVoiceWorld(t)
	pub := w.addLesson(t, "Anak memilih bukunya", true)
	draft := w.addLesson(t, "Catatan draf rahasia", false)
	pubURL, draftURL := "/pelajaran/"+strconv.FormatInt(pub, 10), "/pelajaran/"+strconv.FormatInt(draft, 10)
	for _, role := range toolRoles {
		reader, writer := toolReaders[role], toolWriters[role] || role == "platform"
		write := func(ok bool) int {
			switch {
			case role == "anon":
				return http.StatusSeeOther
			case ok:
				return http.StatusOK
			}
			return http.StatusForbidden
		}
		list := w.get(t, role, lessonBase)
		toolCheck(t, role+" list", list, http.StatusOK, "Anak memilih bukunya")
		if strings.Contains(list.body, "Catatan draf rahasia") != reader {
			t.Errorf("%s sees the draft in the list: %v", role, !reader)
		}
		if strings.Contains(list.body, lessonBase+"/baru") != writer {
			t.Errorf("%s sees the new-lesson link: %v", role, !writer)
		}
		toolCheck(t, role+" lesson", w.get(t, role, pubURL), http.StatusOK, "Pojok Baca", "/siklus#tahap-7", `href="/inisiatif/pojok-baca"`)
		wantDraft := http.StatusNotFound
		if reader {
			wantDraft = http.StatusOK
		}
		toolCheck(t, role+" draft", w.get(t, role, draftURL), wantDraft)
		toolCheck(t, role+" new form", w.get(t, role, lessonBase+"/baru"), write(writer))
		toolCheck(t, role+" edit form", w.get(t, role, lessonBase+"/"+strconv.FormatInt(pub, 10)+"/ubah"), write(writer))
		post := w.post(t, role, lessonBase+"/"+strconv.FormatInt(draft, 10)+"/terbitkan", url.Values{})
		if writer != (post.status == http.StatusSeeOther && post.location == lessonBase) {
			t.Errorf("%s publishes: %d %q", role, post.status, post.location)
		}
		if writer {
			toolCheck(t, role+" unpublish", w.post(t, role, lessonBase+"/"+strconv.FormatInt(draft, 10)+"/tarik", url.Values{}), http.StatusSeeOther)
		}
		toolCheck(t, role+" library", w.get(t, role, "/pelajaran?q=memilih"), http.StatusOK, "Anak memilih bukunya")
	}
	toolCheck(t, "lesson of another org", w.get(t, "editor", "/organisasi/ditolak/pelajaran/"+strconv.FormatInt(pub, 10)+"/ubah"), http.StatusNotFound)
	toolCheck(t, "lesson of another org, platform", w.get(t, "platform", "/organisasi/ditolak/pelajaran/"+strconv.FormatInt(pub, 10)+"/ubah"), http.StatusNotFound)
	toolCheck(t, "unknown lesson", w.get(t, "anon", "/pelajaran/999999"), http.StatusNotFound)
	toolCheck(t, "bad id", w.get(t, "anon", "/pelajaran/x"), http.StatusNotFound)
	if r := w.get(t, "anon", "/pelajaran?q=rahasia"); strings.Contains(r.body, "Catatan draf rahasia") {
		t.Error("the library shows a draft")
	}
}

// TestLessonForm: bad input is refused field by field with the input
// kept; the cycle stage link prefills the stage and the source.
func TestLessonForm(t *testing.T) {
	w := newVoiceWorld(t)
	cases := []struct {
		name string
		edit func(url.Values)
		msg  string
	}{
		{"no title", func(f url.Values) { f.Set("title", " ") }, "Wajib diisi"},
		{"no body", func(f url.Values) { f.Set("body", "") }, "Wajib diisi"},
		{"bad stage", func(f url.Values) { f.Set("stage", "9") }, "Pilih tahap 1 sampai 7"},
		{"javascript evidence", func(f url.Values) { f.Set("evidence", "Klik javascript:alert(1)") }, "javascript:, data:"},
		{"initiative of another org", func(f url.Values) { f.Set("initiative", "999999") }, "Pilih salah satu inisiatif"},
		{"html kept escaped", func(f url.Values) { f.Set("title", "<b>x</b>"); f.Set("stage", "0x") }, "&lt;b&gt;x&lt;/b&gt;"},
	}
	for _, c := range cases {
		f := lessonForm(w, "Judul yang disimpan")
		c.edit(f)
		r := w.post(t, "editor", lessonBase+"/baru", f)
		toolCheck(t, c.name, r, http.StatusUnprocessableEntity, c.msg, `id="error-summary"`, "Pojok baca kedua dibuka.")
	}
	var n int
	if err := w.d.QueryRow(context.Background(), `SELECT COUNT(*) FROM lessons`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("refused forms wrote %d lessons (%v)", n, err)
	}
	var cycleID int64
	if err := w.d.QueryRow(context.Background(), `SELECT id FROM cycles WHERE org_id = ? AND number = 1`, w.org.ID).Scan(&cycleID); err != nil {
		t.Fatal(err)
	}
	stage := w.get(t, "editor", toolBase+"/7")
	link := lessonBase + "/baru?tahap=7&amp;siklus=" + strconv.FormatInt(cycleID, 10)
	toolCheck(t, "stage page link", stage, http.StatusOK, link)
	form := w.get(t, "editor", lessonBase+"/baru?tahap=7&siklus="+strconv.FormatInt(cycleID, 10))
	toolCheck(t, "prefilled", form, http.StatusOK, `name="source_kind" value="cycle"`, `value="7" selected`, `id="lesson-from-cycle"`)
	f := lessonForm(w, "Dari tahap tujuh")
	f.Set("source_kind", "cycle")
	f.Set("source_id", strconv.FormatInt(cycleID, 10))
	id := w.postLesson(t, f)
	l, err := (&lesson.Store{DB: w.d}).BySource(context.Background(), lesson.SourceCycle, cycleID)
	if err != nil || len(l) != 1 || l[0].ID != id || l[0].Stage != 7 || len(l[0].Evidence) != 2 {
		t.Fatalf("BySource = %+v, %v", l, err)
	}
	toolCheck(t, "edit form", w.get(t, "editor", lessonBase+"/"+strconv.FormatInt(id, 10)+"/ubah"), http.StatusOK,
		`value="Dari tahap tujuh"`, "Halaman inisiatif | /inisiatif/pojok-baca")
	f.Set("title", "Diubah")
	toolCheck(t, "update", w.post(t, "editor", lessonBase+"/"+strconv.FormatInt(id, 10)+"/ubah", f), http.StatusSeeOther)
	toolCheck(t, "updated page", w.get(t, "editor", "/pelajaran/"+strconv.FormatInt(id, 10)), http.StatusOK, "Diubah",
		`<a href="/inisiatif/pojok-baca">Halaman inisiatif</a>`, `href="https://example.org/berita" rel="nofollow`)
	f.Set("source_id", "1")
	f.Set("source_kind", "other")
	toolCheck(t, "other source with an id", w.post(t, "editor", lessonBase+"/baru", f), http.StatusUnprocessableEntity, "Sumber pelajaran")
}

func (w *voiceWorld) postLesson(t *testing.T, f url.Values) int64 {
	t.Helper()
	r := w.post(t, "editor", lessonBase+"/baru", f)
	if r.status != http.StatusSeeOther {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	id, _ := strconv.ParseInt(strings.TrimPrefix(r.location, "/pelajaran/"), 10, 64)
	return id
}

// TestLessonAPIAndExport: the API lists published lessons only, searched
// and filtered; the export has the organisation's published lessons.
func TestLessonAPIAndExport(t *testing.T) {
	w := newVoiceWorld(t)
	w.addLesson(t, "Anak memilih bukunya", true)
	w.addLesson(t, "Draf tidak tampil", false)
	get := func(q string) map[string]any {
		t.Helper()
		r := w.get(t, "anon", "/api/v1/lessons"+q)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d %s", q, r.status, r.body)
		}
		var out map[string]any
		if err := json.Unmarshal([]byte(r.body), &out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	all := get("")
	items := all["items"].([]any)
	if len(items) != 1 || all["next"] != nil {
		t.Fatalf("items %v", all)
	}
	it := items[0].(map[string]any)
	for _, k := range []string{"id", "title", "body", "stage", "issues", "region_code", "organization", "initiative", "led_to", "evidence", "published_at"} {
		if _, ok := it[k]; !ok {
			t.Errorf("item lacks %q: %v", k, it)
		}
	}
	if it["stage"].(float64) != 7 || it["organization"].(map[string]any)["slug"] != "taman-baca" ||
		it["initiative"].(map[string]any)["slug"] != "pojok-baca" || len(it["evidence"].([]any)) != 2 {
		t.Errorf("item %v", it)
	}
	for q, want := range map[string]int{"?q=berdaya": 1, "?q=tidak": 0, "?stage=7": 1, "?stage=3": 0, "?issue=pendidikan": 1,
		"?issue=budaya": 0, "?region=32.73": 1, "?region=31": 0} {
		if got := len(get(q)["items"].([]any)); got != want {
			t.Errorf("%s: %d items, want %d", q, got, want)
		}
	}
	for _, q := range []string{"?stage=8", "?issue=sepak_bola", "?region=xx", "?cursor=zzz"} {
		if r := w.get(t, "anon", "/api/v1/lessons"+q); r.status != http.StatusBadRequest {
			t.Errorf("%s: %d", q, r.status)
		}
	}
	csv := w.get(t, "anon", lessonBase+".csv")
	toolCheck(t, "csv", csv, http.StatusOK, "Anak memilih bukunya", "Pojok Baca", "/inisiatif/pojok-baca")
	if strings.Contains(csv.body, "Draf tidak tampil") {
		t.Error("the export has a draft")
	}
	toolCheck(t, "xlsx", w.get(t, "anon", lessonBase+".xlsx"), http.StatusOK, "PK")
	toolCheck(t, "site search", w.get(t, "anon", "/cari?q=memilih"), http.StatusOK, `href="/pelajaran/`)
}
