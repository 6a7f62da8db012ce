package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/survey"
)

// surveyAnswers is a questionnaire form with the nine scores given.
func surveyAnswers(token string, scores [9]int, extra ...string) url.Values {
	f := url.Values{"token": {token}}
	for i, v := range scores {
		if v != 0 {
			f.Set(survey.ScoreField(i), strconv.Itoa(v))
		}
	}
	for i := 0; i+1 < len(extra); i += 2 {
		f.Set(extra[i], extra[i+1])
	}
	return f
}

// openRound opens a round of pojok-baca through the page and returns it.
func (w *voiceWorld) openRound(t *testing.T, title, from, to, population string) *survey.Round {
	t.Helper()
	base := voiceBase + "/" + w.initiative.Slug + "/skm"
	r := w.post(t, "editor", base+"/baru", url.Values{"title": {title}, "from": {from}, "to": {to}, "population": {population}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("open round: %d %s", r.status, r.body)
	}
	rounds, err := (&survey.Store{DB: w.d}).Rounds(context.Background(), w.initiative.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, rd := range rounds {
		if rd.Title == title {
			if r.location != base+"/"+strconv.FormatInt(rd.ID, 10) {
				t.Fatalf("redirect to %s", r.location)
			}
			return rd
		}
	}
	t.Fatal("round not stored")
	return nil
}

// TestSurveyRoles: readers see the rounds, writers open rounds and type in
// paper; everyone else is refused.
func TestSurveyRoles(t *testing.T) {
	w := newVoiceWorld(t)
	rd := w.openRound(t, "SKM Semester I", "2025-01-01", "2025-06-30", "")
	base := voiceBase + "/" + w.initiative.Slug + "/skm"
	round := base + "/" + strconv.FormatInt(rd.ID, 10)
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
		toolCheck(t, role+" list", w.get(t, role, base), want(reader))
		toolCheck(t, role+" round", w.get(t, role, round), want(reader))
		toolCheck(t, role+" csv", w.get(t, role, round+"/jawaban.csv"), want(reader))
		toolCheck(t, role+" new", w.get(t, role, base+"/baru"), want(writer))
		toolCheck(t, role+" paper form", w.get(t, role, round+"/kertas"), want(writer))
		p := w.post(t, role, round+"/kertas", surveyAnswers("paper-"+role, [9]int{3, 3, 3, 3, 3, 3, 3, 3, 3}, "paper_ref", role))
		if writer && p.status != http.StatusSeeOther || !writer && role != "anon" && p.status != http.StatusForbidden {
			t.Errorf("%s types in paper: %d", role, p.status)
		}
	}
	toolCheck(t, "other initiative's round", w.get(t, "owner", voiceBase+"/tidak-ada/skm/"+strconv.FormatInt(rd.ID, 10)), http.StatusNotFound)
	toolCheck(t, "service page links", w.get(t, "viewer", voiceBase+"/"+w.initiative.Slug), http.StatusOK, `href="`+base+`"`)
}

// TestSurveyFlow: the public answers online with no account, staff type
// in a paper sheet, and the round, the public results and the API show the
// IKM, grade and sample check recomputed here from the same answers.
func TestSurveyFlow(t *testing.T) {
	w := newVoiceWorld(t)
	rd := w.openRound(t, "SKM Semester I", "2025-01-01", "2025-06-30", "4")
	round := voiceBase + "/" + w.initiative.Slug + "/skm/" + strconv.FormatInt(rd.ID, 10)
	public := "/skm/" + rd.Code
	toolCheck(t, "questionnaire", w.get(t, "anon", public), http.StatusOK, "Seberapa cepat Anda dilayani?", `name="u9"`, `name="token"`)

	online := [][9]int{{3, 3, 2, 4, 3, 3, 4, 2, 3}, {4, 3, 3, 3, 3, 4, 4, 3, 3}, {3, 2, 3, 4, 2, 3, 3, 2, 4}}
	want := &survey.Result{}
	for i, s := range online {
		r := w.post(t, "anon", public, surveyAnswers("online-"+strconv.Itoa(i), s, "sex", "P", "saran", "<script>alert(1)</script>"))
		if r.status != http.StatusSeeOther || r.location != public+"?terkirim=1" {
			t.Fatalf("answer %d: %d %s", i, r.status, r.location)
		}
		want.Add(s)
	}
	// The same form sent twice counts once.
	w.post(t, "anon", public, surveyAnswers("online-0", online[0]))
	toolCheck(t, "thanks", w.get(t, "anon", public+"?terkirim=1"), http.StatusOK, `id="thanks"`)
	// Bad answers are refused with a message per question and kept.
	bad := surveyAnswers("online-bad", [9]int{4, 4, 4, 4, 4, 4, 4, 4, 0}, "sex", "X")
	bad.Set("u2", "7")
	toolCheck(t, "bad answer", w.post(t, "anon", public, bad), http.StatusUnprocessableEntity, `id="error-summary"`,
		"Pilih salah satu jawaban.", "Pilih salah satu nilai 1 sampai 4.", "Pilih salah satu pilihan yang ada.", `value="4" checked`)
	// A paper sheet with a blank element.
	paper := [9]int{3, 4, 3, 3, 4, 3, 3, 0, 2}
	toolCheck(t, "paper", w.post(t, "editor", round+"/kertas", surveyAnswers("paper-1", paper, "paper_ref", "017")), http.StatusSeeOther)
	toolCheck(t, "same sheet", w.post(t, "editor", round+"/kertas", surveyAnswers("paper-2", paper, "paper_ref", "017")),
		http.StatusUnprocessableEntity, "sudah diketik")
	want.Add(paper)

	ikm, _ := want.IKM()
	ikmText := strings.Replace(strconv.FormatFloat(ikm, 'f', 2, 64), ".", ",", 1)
	sample := survey.CheckSample(want.Respondents, 4)
	if !sample.Enough || sample.Required != 4 {
		t.Fatalf("sample %+v", sample)
	}
	page := w.get(t, "viewer", round)
	toolCheck(t, "round page", page, http.StatusOK, `<strong id="ikm">`+ikmText+`</strong>`, "Sampel cukup: perlu paling sedikit 4 responden untuk 4 orang",
		"&lt;script&gt;alert(1)&lt;/script&gt;")
	if strings.Contains(page.body, "<script>alert(1)") {
		t.Fatal("suggestion not escaped")
	}
	avgs := want.Averages()
	toolCheck(t, "element average", page, http.StatusOK, strings.Replace(strconv.FormatFloat(avgs[7], 'f', 3, 64), ".", ",", 1))
	pub := w.get(t, "anon", "/inisiatif/"+w.initiative.Slug+"/skm")
	toolCheck(t, "public results", pub, http.StatusOK, ikmText, "<svg", "survei kepuasan")
	if strings.Contains(pub.body, "alert(1)") {
		t.Fatal("suggestions are public")
	}

	toolCheck(t, "initiative page", w.get(t, "anon", "/inisiatif/"+w.initiative.Slug), http.StatusOK,
		"IKM terakhir "+ikmText, `href="/inisiatif/`+w.initiative.Slug+`/skm"`)
	api := w.get(t, "anon", "/api/v1/initiatives/"+w.initiative.Slug+"/ikm")
	var got struct {
		Rounds []struct {
			Period       string    `json:"period"`
			Respondents  int       `json:"respondents"`
			Elements     []float64 `json:"elements"`
			IKM          float64   `json:"ikm"`
			Grade        string    `json:"grade"`
			SampleEnough *bool     `json:"sample_enough"`
		} `json:"rounds"`
	}
	if err := json.Unmarshal([]byte(api.body), &got); err != nil || len(got.Rounds) != 1 {
		t.Fatalf("api: %v %s", err, api.body)
	}
	g := got.Rounds[0]
	if g.Period != "2025-01-01/2025-06-30" || g.Respondents != 4 || g.IKM != ikm || g.Grade != want.Grade() ||
		g.SampleEnough == nil || !*g.SampleEnough || len(g.Elements) != 9 || g.Elements[7] != avgs[7] {
		t.Fatalf("api round %+v, want ikm %v grade %s", g, ikm, want.Grade())
	}

	csv := w.get(t, "viewer", round+"/jawaban.csv")
	if csv.status != http.StatusOK || strings.Contains(csv.body, "alert") || strings.Count(csv.body, "\n") != 5 {
		t.Fatalf("csv: %d %q", csv.status, csv.body)
	}

	// Closed: the questionnaire says so and takes nothing more.
	toolCheck(t, "close", w.post(t, "editor", round+"/status", url.Values{"open": {"0"}}), http.StatusSeeOther)
	toolCheck(t, "closed", w.post(t, "anon", public, surveyAnswers("late", online[0])), http.StatusConflict, `id="closed"`)
	if res, _ := (&survey.Store{DB: w.d}).Results(context.Background(), []int64{rd.ID}); res[rd.ID].Respondents != 4 {
		t.Fatalf("respondents %d", res[rd.ID].Respondents)
	}
}

// TestSurveyPopulationFromRecords: the people served that the service
// records count for the round's period are its population, ahead of a
// typed number; records outside the period do not count. The XLSX export
// is a workbook.
func TestSurveyPopulationFromRecords(t *testing.T) {
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	page := voiceBase + "/" + w.initiative.Slug
	for _, day := range []string{"2026-01-05", "2026-01-20", "2026-03-02"} {
		toolCheck(t, "record "+day, w.post(t, "editor", page+"/catatan/baru", recordForm(pt.Code, day)), http.StatusSeeOther)
	}
	rd := w.openRound(t, "SKM Januari", "2026-01-01", "2026-01-31", "1000")
	round := page + "/skm/" + strconv.FormatInt(rd.ID, 10)
	// Two records of 10 people in January: N = 20 needs 19 respondents.
	need := survey.SampleSize(20)
	toolCheck(t, "population from records", w.get(t, "viewer", round), http.StatusOK,
		"perlu paling sedikit "+strconv.FormatInt(need, 10)+" responden untuk 20 orang", "diambil dari catatan layanan")
	w.post(t, "anon", "/skm/"+rd.Code, surveyAnswers("a", [9]int{4, 4, 4, 4, 4, 4, 4, 4, 4}))
	if r := w.get(t, "viewer", round+"/jawaban.xlsx"); r.status != http.StatusOK || !strings.HasPrefix(r.body, "PK") {
		t.Fatalf("xlsx %d", r.status)
	}
}

// TestSurveyAbuseLimits: one address sending answer after answer to a
// round is stopped after the limit, and the answers past it are not
// counted; a changed round keeps its code.
func TestSurveyAbuseLimits(t *testing.T) {
	w := newVoiceWorld(t)
	rd := w.openRound(t, "SKM", "2025-01-01", "2025-03-31", "")
	round := voiceBase + "/" + w.initiative.Slug + "/skm/" + strconv.FormatInt(rd.ID, 10)
	last := 0
	for i := range 62 {
		last = w.post(t, "anon", "/skm/"+rd.Code, surveyAnswers("burst-"+strconv.Itoa(i), [9]int{4, 4, 4, 4, 4, 4, 4, 4, 4})).status
	}
	if last != http.StatusTooManyRequests {
		t.Fatalf("62nd answer from one address: %d", last)
	}
	res, _ := (&survey.Store{DB: w.d}).Results(context.Background(), []int64{rd.ID})
	if n := res[rd.ID].Respondents; n != 60 {
		t.Fatalf("%d answers counted, want 60", n)
	}
	toolCheck(t, "edit form", w.get(t, "editor", round+"/ubah"), http.StatusOK, `value="SKM"`)
	toolCheck(t, "bad edit", w.post(t, "editor", round+"/ubah", url.Values{"title": {"SKM"}, "from": {"2025-03-01"}, "to": {"2025-01-01"}}),
		http.StatusUnprocessableEntity, "Tanggal selesai harus sesudah tanggal mulai", `id="error-summary"`)
	toolCheck(t, "edit", w.post(t, "editor", round+"/ubah", url.Values{"title": {"SKM Triwulan I"}, "from": {"2025-01-01"}, "to": {"2025-03-31"}}),
		http.StatusSeeOther)
	got, err := (&survey.Store{DB: w.d}).Round(context.Background(), w.org.ID, rd.ID)
	if err != nil || got.Title != "SKM Triwulan I" || got.Code != rd.Code {
		t.Fatalf("edited round %+v %v", got, err)
	}
}
