package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/commitment"
)

const commitBase = "/organisasi/taman-baca/janji"

// learningRoles are the callers every commitment and cadre route is tried
// with: toolRoles and the owner of another organisation.
var learningRoles = append(append([]string(nil), toolRoles...), "rejecter")

// commitmentForm is a valid promise of the Wali Kota, in Sukarasa.
func commitmentForm(who string, published bool) url.Values {
	f := url.Values{"who": {who}, "position": {"Wali Kota"}, "office": {"Pemerintah Kota Bandung"}, "kind": {"pemda"},
		"level": {"kabupaten"}, "what": {"Memasang 20 lampu jalan di gang RW 03"}, "made_on": {"2024-03-10"},
		"event": {"Audiensi"}, "place": {"Balai Kota"}, "due_on": {"2024-12-31"}, "evidence": {"Notulen audiensi"},
		"evidence_url": {"https://example.org/notulen"}, "region_prov": {"32"}, "region_kab": {"32.73"},
		"region_kec": {"32.73.01"}, "region_desa": {orgDesa}, "next_follow_up": {"2024-04-10"}}
	if published {
		f.Set("published", "1")
	}
	return f
}

var commitIDInPath = regexp.MustCompile(`/(\d+)$`)

// addCommitment records a promise through the page and returns its id.
func addCommitment(t *testing.T, w *orgWorld, who string, published bool) string {
	t.Helper()
	r := w.post(t, "editor", commitBase+"/baru", commitmentForm(who, published))
	m := commitIDInPath.FindStringSubmatch(r.location)
	if r.status != http.StatusSeeOther || m == nil {
		t.Fatalf("add commitment: %d %q %s", r.status, r.location, r.body)
	}
	return m[1]
}

// commitWant is the status a role gets on a members' route: login for the
// anonymous, the page when allowed, else forbidden.
func commitWant(role string, ok bool) int {
	switch {
	case role == "anon":
		return http.StatusSeeOther
	case ok:
		return http.StatusOK
	}
	return http.StatusForbidden
}

func TestCommitmentRoles(t *testing.T) {
	w := newToolWorld(t)
	pub := addCommitment(t, w, "Budi Publik", true)
	hidden := addCommitment(t, w, "Sari Tertutup", false)
	for _, role := range learningRoles {
		reader, writer := toolReaders[role], toolWriters[role] || role == "platform"
		list := w.get(t, role, commitBase)
		toolCheck(t, role+" list", list, http.StatusOK, "Budi Publik")
		if strings.Contains(list.body, "Sari Tertutup") != reader {
			t.Errorf("%s sees the unpublished promise: %v", role, !reader)
		}
		if strings.Contains(list.body, commitBase+"/baru") != writer {
			t.Errorf("%s sees the new link: %v", role, !writer)
		}
		toolCheck(t, role+" published", w.get(t, role, commitBase+"/"+pub), http.StatusOK, "Budi Publik")
		hiddenWant := http.StatusNotFound
		if reader {
			hiddenWant = http.StatusOK
		}
		toolCheck(t, role+" unpublished", w.get(t, role, commitBase+"/"+hidden), hiddenWant)
		toolCheck(t, role+" new", w.get(t, role, commitBase+"/baru"), commitWant(role, writer))
		toolCheck(t, role+" edit", w.get(t, role, commitBase+"/"+pub+"/ubah"), commitWant(role, writer))
		post := w.post(t, role, commitBase+"/baru", commitmentForm("Oleh "+role, true))
		if (post.status == http.StatusSeeOther && role != "anon") != writer || (role == "anon" && !strings.Contains(post.location, "masuk")) {
			t.Errorf("%s creates: %d %q", role, post.status, post.location)
		}
		fu := w.post(t, role, commitBase+"/"+pub+"/tindak-lanjut", url.Values{"done_on": {"2024-04-01"}, "action": {"Surat " + role},
			"status": {"sebagian"}})
		if (fu.status == http.StatusSeeOther && role != "anon") != writer {
			t.Errorf("%s follows up: %d", role, fu.status)
		}
		for _, path := range []string{commitBase + ".csv", commitBase + ".xlsx"} {
			r := w.get(t, role, path)
			if r.status != http.StatusOK || strings.Contains(r.body, "Sari Tertutup") != (reader && strings.HasSuffix(path, ".csv")) {
				t.Errorf("%s export %s: %d", role, path, r.status)
			}
		}
	}
	// The recorder's account and who followed up never show to the public.
	body := w.get(t, "anon", commitBase+"/"+pub).body
	if strings.Contains(body, "Pengguna editor") {
		t.Error("public page names the recorder")
	}
	toolCheck(t, "delete by viewer", w.post(t, "viewer", commitBase+"/"+pub+"/hapus", url.Values{}), http.StatusForbidden)
	toolCheck(t, "delete by editor", w.post(t, "editor", commitBase+"/"+hidden+"/hapus", url.Values{}), http.StatusSeeOther)
	toolCheck(t, "deleted", w.get(t, "editor", commitBase+"/"+hidden), http.StatusNotFound)
	toolCheck(t, "learning overview links", w.get(t, "anon", "/organisasi/taman-baca/pembelajaran"), http.StatusOK, `href="`+commitBase+`"`)
	toolCheck(t, "region page links", w.get(t, "anon", "/wilayah/32.73"), http.StatusOK, `href="/wilayah/32.73/janji"`)
}

func TestCommitmentFormsAndCounts(t *testing.T) {
	w := newToolWorld(t)
	bad := commitmentForm("", true)
	bad.Set("due_on", "2024-01-01")
	bad.Set("evidence_url", "bukan alamat")
	bad.Set("what", "Janji yang tetap tertulis")
	r := w.post(t, "editor", commitBase+"/baru", bad)
	toolCheck(t, "bad form", r, http.StatusUnprocessableEntity, "Janji yang tetap tertulis", "bukan alamat",
		"Tenggat tidak boleh sebelum", "diawali http://")
	kept := addCommitment(t, w, "A Ditepati", true)
	partly := addCommitment(t, w, "B Sebagian", true)
	broken := addCommitment(t, w, "C Diingkari", true)
	addCommitment(t, w, "D Belum", false)
	for id, steps := range map[string][]string{kept: {"sebagian", "ditepati"}, partly: {"belum", "sebagian"}, broken: {"diingkari"}} {
		for i, st := range steps {
			r := w.post(t, "owner", commitBase+"/"+id+"/tindak-lanjut", url.Values{"done_on": {"2024-0" + strconv.Itoa(4+i) + "-01"},
				"action": {"Menagih ke-" + strconv.Itoa(i+1)}, "by": {"Rina Staf"}, "status": {st}})
			if r.status != http.StatusSeeOther {
				t.Fatalf("follow-up: %d %s", r.status, r.body)
			}
		}
	}
	// A follow-up in the future is refused and kept.
	r = w.post(t, "owner", commitBase+"/"+kept+"/tindak-lanjut", url.Values{"done_on": {"2099-01-01"}, "action": {"Kelak sekali"}, "status": {"belum"}})
	toolCheck(t, "future follow-up", r, http.StatusUnprocessableEntity, "Kelak sekali", "masa depan")

	// The counts shown are those of the stored promises.
	store := &commitment.Store{DB: w.d}
	all, err := store.List(context.Background(), w.org.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	pubList, _ := store.List(context.Background(), w.org.ID, true)
	for role, list := range map[string][]*commitment.Commitment{"viewer": all, "anon": pubList} {
		counts := commitment.Count(list)
		body := w.get(t, role, commitBase).body
		for _, s := range append(commitment.Statuses, "total") {
			n := counts.Total()
			if s != "total" {
				n = counts[s]
			}
			if !strings.Contains(body, `data-status="`+s+`">`+strconv.Itoa(n)+`<`) {
				t.Errorf("%s: count of %s is not %d", role, s, n)
			}
		}
	}
	if c := commitment.Count(pubList); c["ditepati"] != 1 || c["sebagian"] != 1 || c["diingkari"] != 1 || c["belum"] != 0 {
		t.Fatalf("published counts %v", c)
	}
	// Staff see overdue follow-ups; the public does not.
	if !strings.Contains(w.get(t, "viewer", commitBase).body, "overdue") || strings.Contains(w.get(t, "anon", commitBase).body, `class="overdue"`) {
		t.Error("overdue marking")
	}
	if strings.Contains(w.get(t, "anon", commitBase+"/"+kept).body, "Rina Staf") {
		t.Error("the public sees who followed up")
	}

	// API: published only, whoever asks.
	for _, role := range []string{"anon", "owner"} {
		var got struct {
			Items []map[string]any `json:"items"`
		}
		res := w.get(t, role, "/api/v1/organizations/taman-baca/commitments")
		if err := json.Unmarshal([]byte(res.body), &got); err != nil || res.status != 200 || len(got.Items) != 3 {
			t.Fatalf("%s api: %d %s", role, res.status, res.body)
		}
		for _, k := range []string{"who", "office", "level", "what", "made_on", "event", "due", "status", "follow_ups"} {
			if _, ok := got.Items[0][k]; !ok {
				t.Fatalf("api item lacks %s: %v", k, got.Items[0])
			}
		}
		if strings.Contains(res.body, "Rina Staf") || strings.Contains(res.body, "D Belum") {
			t.Fatalf("api leaks: %s", res.body)
		}
	}
	for code, n := range map[string]int{"32": 3, "32.73.01": 3, "32.73.01.1001": 3, "14": 0} {
		var got struct {
			Items []map[string]any `json:"items"`
		}
		res := w.get(t, "anon", "/api/v1/regions/"+code+"/commitments")
		if err := json.Unmarshal([]byte(res.body), &got); err != nil || len(got.Items) != n {
			t.Errorf("region %s api: %s", code, res.body)
		}
		page := w.get(t, "anon", "/wilayah/"+code+"/janji")
		if page.status != 200 || strings.Contains(page.body, "B Sebagian") != (n > 0) || strings.Contains(page.body, "D Belum") {
			t.Errorf("region %s page: %d", code, page.status)
		}
	}
	toolCheck(t, "unknown region", w.get(t, "anon", "/api/v1/regions/99/commitments"), http.StatusNotFound)
	toolCheck(t, "unknown org", w.get(t, "anon", "/api/v1/organizations/tidak-ada/commitments"), http.StatusNotFound)
	toolCheck(t, "hidden org", w.get(t, "anon", "/api/v1/organizations/ditolak/commitments"), http.StatusNotFound)
	csv := w.get(t, "anon", commitBase+".csv")
	if csv.status != 200 || !strings.HasPrefix(csv.body, "id,who,") || strings.Count(csv.body, "\n") != 4 {
		t.Fatalf("csv: %s", csv.body)
	}
}
