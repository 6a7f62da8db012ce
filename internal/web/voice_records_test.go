package web_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/service"
)

// recordForm is a valid record of 10 people at point code.
func recordForm(code, day string) url.Values {
	return url.Values{"tanggal": {day}, "kode_titik": {code}, "jenis_layanan": {"Baca bersama"}, "jumlah": {"10"},
		"laki_laki": {"4"}, "perempuan": {"6"}, "usia_0_5": {"1"}, "usia_6_17": {"7"}, "usia_18_59": {"2"},
		"usia_60_plus": {"0"}, "disabilitas": {"1"}, "rentan_miskin": {"3"}}
}

// upload posts a file in field "berkas".
func (w *voiceWorld) upload(t *testing.T, role, path, name string, data []byte) orgResponse {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("berkas", name)
	_, _ = fw.Write(data)
	_ = mw.Close()
	return w.send(t, role, http.MethodPost, path, mw.FormDataContentType(), &buf)
}

// TestVoiceRecordsImportAndReach: a record typed in, a file imported
// after its preview (once), and the reach they make on the public page,
// the API and the stage 5 tools.
func TestVoiceRecordsImportAndReach(t *testing.T) {
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	page := voiceBase + "/" + w.initiative.Slug
	toolCheck(t, "viewer may not record", w.post(t, "viewer", page+"/catatan/baru", recordForm(pt.Code, "2026-01-05")), http.StatusForbidden)
	bad := recordForm(pt.Code, "2026-01-05")
	bad.Set("perempuan", "5")
	bad.Set("catatan", "<script>x</script>")
	toolCheck(t, "sexes do not add up", w.post(t, "editor", page+"/catatan/baru", bad), http.StatusUnprocessableEntity,
		"Laki-laki ditambah perempuan harus sama", "&lt;script&gt;x&lt;/script&gt;", `id="err-perempuan"`)
	future := recordForm(pt.Code, "2999-01-01")
	toolCheck(t, "future", w.post(t, "editor", page+"/catatan/baru", future), http.StatusUnprocessableEntity, "masa depan")
	toolCheck(t, "record", w.post(t, "editor", page+"/catatan/baru", recordForm(pt.Code, "2026-01-05")), http.StatusSeeOther)

	toolCheck(t, "template csv", w.get(t, "editor", page+"/templat.csv"), http.StatusOK, strings.Join(service.Columns(), ","))
	if r := w.get(t, "editor", page+"/templat.xlsx"); r.status != http.StatusOK || !strings.HasPrefix(r.body, "PK") {
		t.Fatalf("xlsx template %d", r.status)
	}
	head := strings.Join(service.Columns(), ",")
	file := head + "\n2026-02-01," + pt.Code + ",Baca,5,2,3,0,5,0,0,0,0,0,0,0,0,\n2026-02-02," + pt.Code + ",Baca,x,2,3,0,5,0,0,0,0,0,0,0,0,\n"
	r := w.upload(t, "editor", page+"/impor", "lapangan.csv", []byte(file))
	toolCheck(t, "upload with an error", r, http.StatusSeeOther)
	toolCheck(t, "preview shows the error", w.get(t, "editor", r.location), http.StatusOK, "<td>3</td><td><code>jumlah</code></td>", "Tulis bilangan bulat")
	toolCheck(t, "confirm refused", w.post(t, "editor", r.location+"/konfirmasi", nil), http.StatusSeeOther)

	file = head + "\n2026-02-01," + pt.Code + ",Baca,5,2,3,0,5,0,0,0,0,0,0,0,0,\n"
	r = w.upload(t, "editor", page+"/impor", "lapangan.csv", []byte(file))
	toolCheck(t, "preview", w.get(t, "editor", r.location), http.StatusOK, "Konfirmasi dan simpan 1 catatan")
	toolCheck(t, "reach before confirming", w.get(t, "anon", "/inisiatif/"+w.initiative.Slug+"/jangkauan"), http.StatusOK, "10 orang dilayani")
	toolCheck(t, "confirm", w.post(t, "editor", r.location+"/konfirmasi", nil), http.StatusSeeOther)
	toolCheck(t, "confirm twice", w.post(t, "editor", r.location+"/konfirmasi", nil), http.StatusSeeOther)
	toolCheck(t, "same file again", w.upload(t, "editor", page+"/impor", "lagi.csv", []byte(file)), http.StatusUnprocessableEntity, "sudah diimpor")

	toolCheck(t, "public reach", w.get(t, "anon", "/inisiatif/"+w.initiative.Slug+"/jangkauan"), http.StatusOK, "15 orang dilayani", `<th scope="row">Februari 2026</th>`)
	toolCheck(t, "period", w.get(t, "anon", "/inisiatif/"+w.initiative.Slug+"/jangkauan?from=2026-02-01&to=2026-02-28"), http.StatusOK, "5 orang dilayani")
	toolCheck(t, "bad period", w.get(t, "anon", "/inisiatif/"+w.initiative.Slug+"/jangkauan?from=kemarin"), http.StatusUnprocessableEntity)
	toolCheck(t, "initiative links reach", w.get(t, "anon", "/inisiatif/"+w.initiative.Slug), http.StatusOK, "/inisiatif/"+w.initiative.Slug+"/jangkauan")
	toolCheck(t, "draft reach hidden", w.get(t, "anon", "/inisiatif/draf/jangkauan"), http.StatusNotFound)
	toolCheck(t, "stage 5 links the records", w.get(t, "viewer", toolBase+"/5"), http.StatusOK, `href="`+voiceBase+`"`)

	var reach struct {
		Total      int64
		BySex      map[string]int64 `json:"by_sex"`
		ByAge      map[string]int64 `json:"by_age"`
		Disability int64
	}
	res := w.get(t, "anon", "/api/v1/initiatives/"+w.initiative.Slug+"/reach?from=2026-01-01&to=2026-01-31")
	if err := json.Unmarshal([]byte(res.body), &reach); err != nil || reach.Total != 10 || reach.BySex["L"] != 4 ||
		reach.BySex["P"] != 6 || reach.ByAge["6-17"] != 7 || reach.ByAge["60+"] != 0 || reach.Disability != 1 {
		t.Fatalf("reach API %s: %v", res.body, err)
	}
	var points struct {
		Items []struct {
			Code, Name string
			RegionCode string `json:"region_code"`
		}
	}
	res = w.get(t, "anon", "/api/v1/initiatives/"+w.initiative.Slug+"/service-points")
	if err := json.Unmarshal([]byte(res.body), &points); err != nil || len(points.Items) != 1 || points.Items[0].Code != pt.Code || points.Items[0].RegionCode != orgDesa {
		t.Fatalf("points API %s: %v", res.body, err)
	}
	toolCheck(t, "API bad date", w.get(t, "anon", "/api/v1/initiatives/"+w.initiative.Slug+"/reach?to=31-01-2026"), http.StatusBadRequest, "bad_to")
	toolCheck(t, "API draft", w.get(t, "anon", "/api/v1/initiatives/draf/reach"), http.StatusNotFound, "not_found")
}
