package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/demo"
)

// datasetID is the id of the demo dataset with the title.
func (w *orgWorld) datasetID(t *testing.T, title string) string {
	t.Helper()
	var id int64
	if err := w.d.QueryRow(context.Background(), `SELECT id FROM datasets WHERE title = ?`, title).Scan(&id); err != nil {
		t.Fatalf("dataset %q: %v", title, err)
	}
	return strconv.FormatInt(id, 10)
}

// sendDataset posts the dataset form as role, with a file when name is
// not empty.
func (w *orgWorld) sendDataset(t *testing.T, role, path string, form url.Values, name, data string) orgResponse {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range form {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	if name != "" {
		fw, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write([]byte(data))
	}
	_ = mw.Close()
	return w.send(t, role, http.MethodPost, path, mw.FormDataContentType(), &buf)
}

func TestDatasetPublicPages(t *testing.T) {
	w := newDemoWorld(t)
	survey := w.datasetID(t, demo.DatasetPajangTitle)
	link := w.datasetID(t, demo.DatasetKlatenTitle)
	draft := w.datasetID(t, "Lampu tenaga surya terpasang per RW")
	cases := []struct {
		name, role, path string
		status           int
		contains         []string
	}{
		{"catalogue", "", "/data", 200, []string{demo.DatasetPajangTitle, "/dataset/" + survey, "/dataset/" + link,
			"Creative Commons Attribution 4.0", `href="/data/terbitkan"`}},
		{"catalogue of the publisher", "", "/data?organisasi=tyto-alba-lestari", 200, []string{demo.DatasetKlatenTitle}},
		{"file dataset", "", "/dataset/" + survey, 200, []string{demo.DatasetPajangTitle, "lampu_rusak", "meter",
			"bilangan bulat", "Cara mengutip", "http://example.test/dataset/" + survey, "Diakses", "Dikutip oleh",
			"Perbaikan saluran air RW 05 Pajang", "/dataset/" + survey + "/unduh", "1 Maret 2026", "Pajang"}},
		{"link dataset", "", "/dataset/" + link, 200, []string{"https://klatenkab.bps.go.id/", "HTML"}},
		{"draft to the public", "", "/dataset/" + draft, 404, nil},
		{"draft to an outsider", "owner2", "/dataset/" + draft, 404, nil},
		{"draft to a member", "viewer", "/dataset/" + draft, 200, []string{`id="dataset-preview"`}},
		{"unknown", "", "/dataset/999999", 404, nil},
		{"not a number", "", "/dataset/abc", 404, nil},
		{"english", "", "/dataset/" + survey + "?lang=en", 200, []string{"How to cite", "Cited by", "Accessed"}},
	}
	for _, c := range cases {
		r := w.get(t, c.role, c.path)
		if r.status != c.status {
			t.Errorf("%s: %d", c.name, r.status)
		}
		for _, s := range c.contains {
			if !strings.Contains(r.body, s) {
				t.Errorf("%s: page lacks %q", c.name, s)
			}
		}
	}
	if r := w.get(t, "", "/data"); strings.Contains(r.body, "Lampu tenaga surya terpasang") {
		t.Error("the catalogue lists a draft")
	}

	var list struct {
		Items []struct {
			ID          int64   `json:"id"`
			Title       string  `json:"title"`
			License     string  `json:"license"`
			DownloadURL *string `json:"download_url"`
		} `json:"items"`
		Next *string `json:"next"`
	}
	r := w.get(t, "", "/api/v1/datasets/published?region=33.72")
	if err := json.Unmarshal([]byte(r.body), &list); err != nil || r.status != 200 || len(list.Items) != 1 ||
		list.Items[0].Title != demo.DatasetPajangTitle || list.Items[0].License != "CC-BY-4.0" || list.Next != nil {
		t.Fatalf("API list: %d %s", r.status, r.body)
	}
	var one struct {
		Columns []struct{ Name, Type, Unit string } `json:"columns"`
		Rows    int64                               `json:"rows"`
	}
	r = w.get(t, "", "/api/v1/datasets/"+survey)
	if err := json.Unmarshal([]byte(r.body), &one); err != nil || len(one.Columns) != 5 || one.Rows != 6 || one.Columns[2].Unit != "titik" {
		t.Fatalf("API one: %d %s", r.status, r.body)
	}
	for _, p := range []string{"/api/v1/datasets/" + draft, "/api/v1/datasets/0", "/api/v1/datasets/published?cursor=x"} {
		if r := w.get(t, "", p); r.status != 404 && r.status != 400 {
			t.Errorf("%s: %d", p, r.status)
		}
	}
}

func TestDatasetRoles(t *testing.T) {
	w := newDemoWorld(t)
	draft := w.datasetID(t, "Lampu tenaga surya terpasang per RW")
	base := "/organisasi/" + w.org.Slug + "/dataset"
	for _, c := range []struct {
		path  string
		roles map[string]int
	}{
		{base, map[string]int{"": 303, "owner2": 403, "viewer": 200, "treasurer": 200, "editor": 200, "coordinator": 200, "platform": 200}},
		{base + "/baru", map[string]int{"": 303, "owner2": 403, "viewer": 403, "treasurer": 403, "coordinator": 403, "editor": 200, "platform": 200}},
		{base + "/" + draft + "/ubah", map[string]int{"": 303, "owner2": 403, "viewer": 403, "editor": 200, "owner": 200}},
		{"/organisasi/tyto-alba-lestari/dataset/" + draft + "/ubah", map[string]int{"platform": 404}},
	} {
		for role, want := range c.roles {
			if r := w.get(t, role, c.path); r.status != want {
				t.Errorf("GET %s as %q: %d, want %d", c.path, role, r.status, want)
			}
		}
	}
	for role, want := range map[string]int{"": 303, "owner2": 403, "viewer": 403, "coordinator": 403} {
		if r := w.post(t, role, base+"/"+draft+"/terbitkan", url.Values{}); r.status != want {
			t.Errorf("publish as %q: %d, want %d", role, r.status, want)
		}
		if r := w.sendDataset(t, role, base+"/baru", url.Values{"title": {"x"}}, "", ""); r.status != want {
			t.Errorf("create as %q: %d, want %d", role, r.status, want)
		}
	}
	if n := w.countOf(t, `SELECT COUNT(*) FROM datasets WHERE status = 'published' AND org_id = ?`, w.org.ID); n != 0 {
		t.Fatalf("refused callers published %d", n)
	}
	// The catalogue's "publish data" sends a member of one organisation
	// straight to it.
	if r := w.get(t, "editor", "/data/terbitkan"); r.status != 303 || r.location != base {
		t.Errorf("start as editor: %d %q", r.status, r.location)
	}
	if r := w.get(t, "", "/data/terbitkan"); r.status != 303 || !strings.HasPrefix(r.location, "/masuk") {
		t.Errorf("start anonymous: %d %q", r.status, r.location)
	}
}

func TestDatasetUploadPublishWithdraw(t *testing.T) {
	w := newDemoWorld(t)
	base := "/organisasi/" + w.org.Slug + "/dataset"
	form := url.Values{"title": {"Lampu padam per RW"}, "region": {"32.73"}, "licence": {"CC-BY-SA-4.0"},
		"keywords": {"lampu, energi"}, "from": {"2026-01-01"}, "to": {"2026-06-30"}, "source": {"file"},
		"dictionary": {"rw | teks | Nomor RW\npadam | bilangan | Lampu padam | titik"}}
	before := w.countOf(t, `SELECT COUNT(*) FROM datasets`)
	cases := []struct {
		name, file, data string
		edit             func(url.Values)
		contains         string
	}{
		{"header mismatch", "lampu.csv", "rw;mati\n05;3\n", nil, "Kolom ke-2 di berkas bernama &#34;mati&#34;, tetapi kamus data menyebut &#34;padam&#34;."},
		{"value not a number", "lampu.csv", "rw;padam\n05;tiga\n", nil, "Baris 2, kolom &#34;padam&#34;: nilai &#34;tiga&#34; bukan bilangan bulat."},
		{"no dictionary", "lampu.csv", "rw;padam\n05;3\n", func(f url.Values) { f.Del("dictionary") }, "padam | string |"},
		{"not csv", "lampu.pdf", "%PDF", nil, "Berkas harus CSV atau XLSX."},
		{"period backwards", "lampu.csv", "rw;padam\n05;3\n", func(f url.Values) { f.Set("to", "2025-01-01") }, "Akhir cakupan waktu"},
	}
	for _, c := range cases {
		f := url.Values{}
		for k, v := range form {
			f[k] = v
		}
		if c.edit != nil {
			c.edit(f)
		}
		r := w.sendDataset(t, "editor", base+"/baru", f, c.file, c.data)
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, c.contains) || !strings.Contains(r.body, "Lampu padam per RW") {
			t.Errorf("%s: %d, lacks %q", c.name, r.status, c.contains)
		}
	}
	if n := w.countOf(t, `SELECT COUNT(*) FROM datasets`); n != before {
		t.Fatalf("refused uploads wrote %d datasets", n-before)
	}
	r := w.sendDataset(t, "editor", base+"/baru", form, "lampu padam.csv", "rw;padam\n05;3\n07;\n")
	if r.status != 303 || r.location != base {
		t.Fatalf("create: %d %q", r.status, r.location)
	}
	id := w.datasetID(t, "Lampu padam per RW")
	if r := w.post(t, "editor", base+"/"+id+"/terbitkan", url.Values{}); r.status != 303 {
		t.Fatalf("publish: %d", r.status)
	}
	page := w.get(t, "", "/dataset/"+id)
	if page.status != 200 || !strings.Contains(page.body, "Creative Commons Attribution-ShareAlike 4.0") || !strings.Contains(page.body, "2 baris") {
		t.Fatalf("public page: %d", page.status)
	}
	file := w.get(t, "", "/dataset/"+id+"/unduh")
	if file.status != 200 || file.body != "rw;padam\n05;3\n07;\n" || !strings.Contains(file.header.Get("Content-Disposition"), "lampu-padam.csv") {
		t.Fatalf("download: %d %q %v", file.status, file.body, file.header)
	}
	if r := w.get(t, "", "/data"); !strings.Contains(r.body, "Lampu padam per RW") {
		t.Error("the catalogue lacks the published dataset")
	}
	// Editing without a new file keeps it.
	form.Set("title", "Lampu padam per RW, Semester 1")
	if r := w.sendDataset(t, "editor", base+"/"+id+"/ubah", form, "", ""); r.status != 303 {
		t.Fatalf("edit: %d %s", r.status, r.body)
	}
	if file := w.get(t, "", "/dataset/"+id+"/unduh"); file.status != 200 {
		t.Fatalf("download after edit: %d", file.status)
	}
	if r := w.post(t, "editor", base+"/"+id+"/tarik", url.Values{}); r.status != 303 {
		t.Fatalf("withdraw: %d", r.status)
	}
	for _, p := range []string{"/dataset/" + id, "/dataset/" + id + "/unduh", "/api/v1/datasets/" + id} {
		if r := w.get(t, "", p); r.status != 404 {
			t.Errorf("withdrawn %s: %d", p, r.status)
		}
	}
}

func TestDatasetCitedByProposal(t *testing.T) {
	w := newDemoWorld(t)
	survey := w.datasetID(t, demo.DatasetPajangTitle)
	draft := w.datasetID(t, "Lampu tenaga surya terpasang per RW")
	saluran := w.proposalID(t, saluranTitle)

	// The demo's drainage proposal cites the Pajang survey: its page,
	// its API and the dataset's "cited by" say so.
	if r := w.get(t, "", "/usulan/"+saluran); !strings.Contains(r.body, `id="proposal-datasets"`) || !strings.Contains(r.body, "/dataset/"+survey) {
		t.Error("the proposal page does not show the dataset it cites")
	}
	var api struct {
		Datasets []struct {
			ID    int64  `json:"id"`
			Title string `json:"title"`
			URL   string `json:"url"`
		} `json:"datasets"`
	}
	r := w.get(t, "", "/api/v1/proposals/"+saluran)
	if err := json.Unmarshal([]byte(r.body), &api); err != nil || len(api.Datasets) != 1 ||
		api.Datasets[0].URL != "http://example.test/dataset/"+survey || api.Datasets[0].Title != demo.DatasetPajangTitle {
		t.Fatalf("proposal API: %s", r.body)
	}

	// The form offers the published datasets only, as checkboxes.
	form := w.get(t, "owner2", "/usulan/baru")
	if !strings.Contains(form.body, `name="dataset" value="`+survey+`"`) || strings.Contains(form.body, `value="`+draft+`"`) {
		t.Fatal("the proposal form's dataset choice")
	}
	in := url.Values{"kind": {"isu"}, "title": {"Gang gelap di RW 07"}, "what": {"Lampu mati berbulan-bulan."},
		"region": {"33.72.01.1001"}, "datasets_shown": {"1"}, "dataset": {survey, draft}}
	before := w.countOf(t, `SELECT COUNT(*) FROM proposals`)
	if r := w.post(t, "owner2", "/usulan/baru", in); r.status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, "Hanya data yang sudah terbit yang dapat dikutip.") {
		t.Fatalf("citing a draft: %d", r.status)
	}
	if n := w.countOf(t, `SELECT COUNT(*) FROM proposals`); n != before {
		t.Fatal("a refused citation left a proposal")
	}
	in["dataset"] = []string{survey}
	r = w.post(t, "owner2", "/usulan/baru", in)
	if r.status != 303 {
		t.Fatalf("create citing: %d", r.status)
	}
	if page := w.get(t, "", r.location); !strings.Contains(page.body, "/dataset/"+survey) {
		t.Error("the new proposal does not show its dataset")
	}
	if edit := w.get(t, "owner2", r.location+"/ubah"); !strings.Contains(edit.body, `value="`+survey+`" checked`) {
		t.Error("the edit form does not tick the cited dataset")
	}
	if page := w.get(t, "", "/dataset/"+survey); !strings.Contains(page.body, "Gang gelap di RW 07") {
		t.Error("the dataset's cited-by lacks the new proposal")
	}
}
