package web_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/service"
)

// TestVoiceRecordCorrectDelete: writers correct and delete records, the
// others may not; reach follows and the audit log keeps the figures.
func TestVoiceRecordCorrectDelete(t *testing.T) {
	w := newVoiceWorld(t)
	ctx := context.Background()
	pt := w.addPoint(t, "Pos Baca RW 03")
	page := voiceBase + "/" + w.initiative.Slug
	toolCheck(t, "record", w.post(t, "editor", page+"/catatan/baru", recordForm(pt.Code, "2026-01-05")), http.StatusSeeOther)
	toolCheck(t, "record", w.post(t, "editor", page+"/catatan/baru", recordForm(pt.Code, "2026-01-06")), http.StatusSeeOther)
	list, err := w.service.Records(ctx, w.initiative.ID, 10)
	if err != nil || len(list) != 2 {
		t.Fatalf("records %v %v", list, err)
	}
	second, first := list[0], list[1]
	edit := page + "/catatan/" + strconv.FormatInt(first.ID, 10) + "/ubah"
	del := page + "/catatan/" + strconv.FormatInt(second.ID, 10) + "/hapus"
	toolCheck(t, "the list links the correction", w.get(t, "editor", page), http.StatusOK, `href="`+edit+`"`, "5 Januari 2026")
	if r := w.get(t, "viewer", page); strings.Contains(r.body, "/ubah\"") && strings.Contains(r.body, "/catatan/") {
		t.Error("a viewer sees links to correct records")
	}

	corrected := recordForm(pt.Code, "2026-01-05")
	corrected.Set("jumlah", "12")
	corrected.Set("laki_laki", "6")
	corrected.Set("usia_6_17", "9")
	for _, role := range []string{"anon", "user", "viewer", "treasurer", "coord"} {
		want := http.StatusForbidden
		if role == "anon" {
			want = http.StatusSeeOther
		}
		toolCheck(t, role+" opens the correction", w.get(t, role, edit), want)
		toolCheck(t, role+" corrects", w.post(t, role, edit, corrected), want)
		toolCheck(t, role+" deletes", w.post(t, role, del, nil), want)
	}
	reach := func() int64 {
		c, err := w.service.Reach(ctx, w.initiative.ID, service.Period{})
		if err != nil {
			t.Fatal(err)
		}
		return c.Total
	}
	if n := reach(); n != 20 {
		t.Fatalf("reach %d after refused changes", n)
	}

	toolCheck(t, "the form shows the record", w.get(t, "editor", edit), http.StatusOK, `value="2026-01-05"`, `value="10"`, "Hapus catatan")
	bad := recordForm(pt.Code, "2026-01-05")
	bad.Set("jumlah", "12")
	toolCheck(t, "a correction that does not add up", w.post(t, "editor", edit, bad), http.StatusUnprocessableEntity,
		"Laki-laki ditambah perempuan harus sama", `value="12"`)
	toolCheck(t, "admin corrects", w.post(t, "admin", edit, corrected), http.StatusSeeOther)
	if n := reach(); n != 22 {
		t.Errorf("reach %d after the correction, want 22", n)
	}
	toolCheck(t, "public reach follows", w.get(t, "anon", "/inisiatif/"+w.initiative.Slug+"/jangkauan"), http.StatusOK, "22 orang dilayani")
	toolCheck(t, "owner deletes", w.post(t, "owner", del, nil), http.StatusSeeOther)
	if n := reach(); n != 12 {
		t.Errorf("reach %d after the deletion, want 12", n)
	}
	toolCheck(t, "deleted twice", w.get(t, "editor", page+"/catatan/"+strconv.FormatInt(second.ID, 10)+"/ubah"), http.StatusNotFound)
	toolCheck(t, "another organisation's path", w.get(t, "platform", "/organisasi/ditolak/layanan/"+w.initiative.Slug+"/catatan/"+
		strconv.FormatInt(first.ID, 10)+"/ubah"), http.StatusNotFound)
	var n int
	if err := w.d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action IN ('service.record.update', 'service.record.delete')`).Scan(&n); err != nil || n != 2 {
		t.Errorf("%d audit entries, want 2 (%v)", n, err)
	}
}

// TestVoiceImportDiscard: a writer throws a pending preview away; nothing
// is recorded, and a confirmed import stays.
func TestVoiceImportDiscard(t *testing.T) {
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	page := voiceBase + "/" + w.initiative.Slug
	file := strings.Join(service.Columns(), ",") + "\n2026-02-01," + pt.Code + ",Baca,5,2,3,0,5,0,0,0,0,0,0,0,0,\n"
	r := w.upload(t, "editor", page+"/impor", "lapangan.csv", []byte(file))
	toolCheck(t, "upload", r, http.StatusSeeOther)
	toolCheck(t, "preview offers the discard", w.get(t, "editor", r.location), http.StatusOK, "Buang pratinjau ini", "setelah 7 hari")
	for _, role := range []string{"viewer", "treasurer", "coord"} {
		toolCheck(t, role+" discards", w.post(t, role, r.location+"/buang", nil), http.StatusForbidden)
	}
	toolCheck(t, "editor discards", w.post(t, "editor", r.location+"/buang", nil), http.StatusSeeOther)
	toolCheck(t, "gone", w.get(t, "editor", r.location), http.StatusNotFound)

	r = w.upload(t, "editor", page+"/impor", "lapangan.csv", []byte(file))
	toolCheck(t, "confirm", w.post(t, "editor", r.location+"/konfirmasi", nil), http.StatusSeeOther)
	toolCheck(t, "a confirmed import stays", w.post(t, "editor", r.location+"/buang", nil), http.StatusSeeOther)
	toolCheck(t, "still there", w.get(t, "editor", r.location), http.StatusOK)
	if c, err := w.service.Reach(context.Background(), w.initiative.ID, service.Period{}); err != nil || c.Total != 5 {
		t.Errorf("reach %+v %v", c, err)
	}
}

// TestVoiceExports: readers download the records (no note, no staff
// name) and anyone the public reach, as CSV and XLSX.
func TestVoiceExports(t *testing.T) {
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	page := voiceBase + "/" + w.initiative.Slug
	f := recordForm(pt.Code, "2026-01-05")
	f.Set("catatan", "Bu Siti, 0812-3456-7890")
	toolCheck(t, "record", w.post(t, "editor", page+"/catatan/baru", f), http.StatusSeeOther)
	toolCheck(t, "record", w.post(t, "editor", page+"/catatan/baru", recordForm(pt.Code, "2026-02-05")), http.StatusSeeOther)
	toolCheck(t, "the service page links the export", w.get(t, "viewer", page), http.StatusOK, page+"/ekspor/catatan.csv")
	for _, role := range []string{"viewer", "coord"} {
		r := w.get(t, role, page+"/ekspor/catatan.csv?from=2026-01-01&to=2026-01-31")
		toolCheck(t, role+" records csv", r, http.StatusOK, strings.Join(service.ExportColumns(), ","),
			"2026-01-05,"+pt.Code+",Baca bersama,10,4,6,1,7,2,0,1,3,0,0,0,0")
		if strings.Contains(r.body, "Siti") || strings.Contains(r.body, "2026-02-05") || strings.Contains(r.body, "Pengguna") {
			t.Errorf("%s's export holds a note, a name or another month:\n%s", role, r.body)
		}
	}
	if r := w.get(t, "viewer", page+"/ekspor/catatan.xlsx"); r.status != http.StatusOK || !strings.HasPrefix(r.body, "PK") {
		t.Errorf("records xlsx %d", r.status)
	}
	toolCheck(t, "strangers", w.get(t, "user", page+"/ekspor/catatan.csv"), http.StatusForbidden)
	toolCheck(t, "unknown file", w.get(t, "viewer", page+"/ekspor/catatan.pdf"), http.StatusNotFound)

	reach := "/inisiatif/" + w.initiative.Slug + "/jangkauan"
	toolCheck(t, "the reach page links the export", w.get(t, "anon", reach+"?from=2026-01-01"), http.StatusOK, reach+".csv?from=2026-01-01")
	toolCheck(t, "public reach csv", w.get(t, "anon", reach+".csv"), http.StatusOK,
		"bulan,jumlah,laki_laki", "2026-01,10,4,6,1,7,2,0,1,3,0,0,0,0", "2026-02,10,", "total,20,8,12,2,14,4,0,2,6,0,0,0,0")
	if r := w.get(t, "anon", reach+".xlsx?to=2026-01-31"); r.status != http.StatusOK || !strings.HasPrefix(r.body, "PK") {
		t.Errorf("reach xlsx %d", r.status)
	}
	toolCheck(t, "draft", w.get(t, "anon", "/inisiatif/draf/jangkauan.csv"), http.StatusNotFound)
}
