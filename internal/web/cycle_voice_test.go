package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/complaint"
	"lokadaya/internal/i18n"
)

// TestStageFiveAndSevenShowTheVoice: stage 5 and the reviews of stages 5
// and 7 show, per initiative, the people served, the complaints and the
// survey over the cycle's period, to every reader of the cycle.
func TestStageFiveAndSevenShowTheVoice(t *testing.T) {
	w := newVoiceWorld(t)
	ctx := context.Background()
	opened := time.Date(2026, 1, 1, 0, 0, 0, 0, i18n.WIB)
	if _, err := w.d.Exec(ctx, `UPDATE cycles SET opened_at = ? WHERE org_id = ? AND number = 1`, opened.UTC(), w.org.ID); err != nil {
		t.Fatal(err)
	}
	pt := w.addPoint(t, "Pos Baca RW 03")
	page := voiceBase + "/" + w.initiative.Slug
	toolCheck(t, "before the cycle", w.post(t, "editor", page+"/catatan/baru", recordForm(pt.Code, "2025-12-30")), http.StatusSeeOther)
	toolCheck(t, "in the cycle", w.post(t, "editor", page+"/catatan/baru", recordForm(pt.Code, "2026-01-05")), http.StatusSeeOther)
	toolCheck(t, "in the cycle", w.post(t, "editor", page+"/catatan/baru", recordForm(pt.Code, "2026-01-06")), http.StatusSeeOther)
	complaints := &complaint.Store{DB: w.d}
	for _, at := range []time.Time{opened.AddDate(0, 0, -2), opened.AddDate(0, 0, 3)} {
		if _, _, err := complaints.Create(ctx, complaint.Input{OrgID: w.org.ID, InitiativeID: &w.initiative.ID,
			Text: "Buku yang dipinjam kurang", Visibility: complaint.VisPublic, Channel: complaint.ChannelPaper, ReceivedAt: at}); err != nil {
			t.Fatal(err)
		}
	}
	// Two records of 10 in the cycle; one complaint, unanswered and
	// overdue by now.
	want := []string{"Suara penerima manfaat dalam siklus ini", "1 Januari 2026", "Pojok Baca",
		"20 orang (laki-laki 8, perempuan 12; penyandang disabilitas 2)",
		"1 masuk; dijawab tepat waktu 0 dari 1; kini melewati batas waktu 1",
		"Belum ada survei kepuasan dalam periode ini.", `href="/inisiatif/pojok-baca/jangkauan?from=2026-01-01&amp;to=`}
	for _, role := range []string{"viewer", "treasurer", "coord", "owner"} {
		toolCheck(t, role+" stage 5", w.get(t, role, toolBase+"/5"), http.StatusOK, want...)
		toolCheck(t, role+" review 7", w.get(t, role, toolBase+"/7/tinjauan"), http.StatusOK, want...)
	}
	toolCheck(t, "review 5", w.get(t, "editor", toolBase+"/5/tinjauan"), http.StatusOK, want...)
	if r := w.get(t, "viewer", toolBase+"/4"); r.status != http.StatusOK || strings.Contains(r.body, "Suara penerima manfaat dalam siklus ini") {
		t.Errorf("stage 4 shows the voice: %d", r.status)
	}
	toolCheck(t, "others may not", w.get(t, "othercoord", toolBase+"/5"), http.StatusForbidden)
}

// TestVoiceSummaryAPI: the summary of a period as JSON, recomputed from
// the records and complaints made here.
func TestVoiceSummaryAPI(t *testing.T) {
	w := newVoiceWorld(t)
	ctx := context.Background()
	pt := w.addPoint(t, "Pos Baca RW 03")
	page := voiceBase + "/" + w.initiative.Slug
	for _, day := range []string{"2026-01-05", "2026-01-20", "2026-02-02"} {
		toolCheck(t, "record", w.post(t, "editor", page+"/catatan/baru", recordForm(pt.Code, day)), http.StatusSeeOther)
	}
	if _, _, err := (&complaint.Store{DB: w.d}).Create(ctx, complaint.Input{OrgID: w.org.ID, InitiativeID: &w.initiative.ID,
		Text: "Buku yang dipinjam kurang", Visibility: complaint.VisAnonymous, Channel: complaint.ChannelPaper,
		ReceivedAt: time.Date(2026, 1, 10, 9, 0, 0, 0, i18n.WIB)}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		From, To string
		Reach    struct {
			Total      int64
			BySex      map[string]int64 `json:"by_sex"`
			Disability int64
		}
		Feedback   *struct{ Merah, Kuning, Hijau int64 }
		Complaints *struct {
			Received int
			Overdue  int
		}
		Satisfaction *struct{} `json:"satisfaction"`
	}
	r := w.get(t, "anon", "/api/v1/initiatives/"+w.initiative.Slug+"/voice?from=2026-01-01&to=2026-01-31")
	if err := json.Unmarshal([]byte(r.body), &got); err != nil || r.status != http.StatusOK {
		t.Fatalf("%d %s: %v", r.status, r.body, err)
	}
	if got.From != "2026-01-01" || got.Reach.Total != 20 || got.Reach.BySex["L"] != 8 || got.Reach.BySex["P"] != 12 ||
		got.Reach.Disability != 2 || got.Feedback == nil || got.Feedback.Hijau != 0 || got.Complaints == nil ||
		got.Complaints.Received != 1 || got.Complaints.Overdue != 1 || got.Satisfaction != nil {
		t.Errorf("summary %s", r.body)
	}
	if strings.Contains(r.body, "Buku yang dipinjam") {
		t.Error("the summary holds a complaint's text")
	}
	toolCheck(t, "bad day", w.get(t, "anon", "/api/v1/initiatives/"+w.initiative.Slug+"/voice?from=kemarin"), http.StatusBadRequest, "bad_from")
	toolCheck(t, "draft", w.get(t, "anon", "/api/v1/initiatives/draf/voice"), http.StatusNotFound, "not_found")
}
