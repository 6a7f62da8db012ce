package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/audit"
	"lokadaya/internal/cadre"
)

const cadreBase = "/organisasi/taman-baca/kader"

// cadreForm is a valid cadre in Sukarasa.
func cadreForm(name string) url.Values {
	return url.Values{"name": {name}, "role": {"fasilitator"}, "region_prov": {"32"}, "region_kab": {"32.73"},
		"region_kec": {"32.73.01"}, "region_desa": {orgDesa}, "level": {"desa"}, "phone": {"0812-1111-2222"},
		"email": {"kader@example.org"}, "skills": {"fasilitasi\npemetaan"}, "active": {"1"}}
}

func addCadre(t *testing.T, w *orgWorld, name string) string {
	t.Helper()
	r := w.post(t, "editor", cadreBase+"/baru", cadreForm(name))
	m := commitIDInPath.FindStringSubmatch(r.location)
	if r.status != http.StatusSeeOther || m == nil {
		t.Fatalf("add cadre: %d %q %s", r.status, r.location, r.body)
	}
	return m[1]
}

// TestCadreRoles: the register is the organisation's people's only; the
// public and other organisations never see it, hub coordinators read it.
func TestCadreRoles(t *testing.T) {
	w := newToolWorld(t)
	id := addCadre(t, w, "Rina Kader")
	one := cadreBase + "/" + id
	for _, role := range learningRoles {
		reader, writer := toolReaders[role], toolWriters[role] || role == "platform"
		toolCheck(t, role+" list", w.get(t, role, cadreBase), commitWant(role, reader))
		toolCheck(t, role+" csv", w.get(t, role, cadreBase+".csv"), commitWant(role, reader))
		toolCheck(t, role+" xlsx", w.get(t, role, cadreBase+".xlsx"), commitWant(role, reader))
		toolCheck(t, role+" detail", w.get(t, role, one), commitWant(role, reader))
		toolCheck(t, role+" new", w.get(t, role, cadreBase+"/baru"), commitWant(role, writer))
		toolCheck(t, role+" edit", w.get(t, role, one+"/ubah"), commitWant(role, writer))
		toolCheck(t, role+" export", w.get(t, role, one+"/data.json"), commitWant(role, writer))
		toolCheck(t, role+" erase page", w.get(t, role, one+"/hapus"), commitWant(role, writer))
		for path, form := range map[string]url.Values{
			cadreBase + "/baru": cadreForm("Oleh " + role),
			one + "/ubah":       cadreForm("Rina Kader"),
			one + "/pelatihan":  {"training_name": {"Paralegal"}, "taken_on": {"2024-01-10"}},
			one + "/kegiatan":   {"activity_name": {"Rembug warga"}, "done_on": {"2024-02-10"}},
			one + "/hapus":      {"confirm": {"salah"}},
		} {
			r := w.post(t, role, path, form)
			switch {
			case role == "anon" && r.status != http.StatusSeeOther:
				t.Errorf("anon posts %s: %d", path, r.status)
			case role != "anon" && !writer && r.status != http.StatusForbidden:
				t.Errorf("%s posts %s: %d", role, path, r.status)
			}
		}
		if reader && strings.Contains(w.get(t, role, one).body, one+"/hapus") != writer {
			t.Errorf("%s sees the erase link: %v", role, !writer)
		}
	}
	// Never public: not on the commitments page, not in any API.
	if body := w.get(t, "anon", commitBase).body; strings.Contains(body, "Rina Kader") {
		t.Error("public page shows a cadre")
	}
	toolCheck(t, "no cadre API", w.get(t, "anon", "/api/v1/organizations/taman-baca/cadres"), http.StatusNotFound)
	toolCheck(t, "members' overview links", w.get(t, "viewer", "/organisasi/taman-baca/pembelajaran"), http.StatusOK, `href="`+cadreBase+`"`)
}

func TestCadreFormsExportErase(t *testing.T) {
	w := newToolWorld(t)
	bad := cadreForm("")
	bad.Set("phone", "123")
	bad.Set("role", "Peran yang tetap tertulis")
	toolCheck(t, "bad cadre", w.post(t, "editor", cadreBase+"/baru", bad), http.StatusUnprocessableEntity,
		"Peran yang tetap tertulis", `value="123"`, "nomor telepon Indonesia")
	id := addCadre(t, w, "Rina Kader")
	addCadre(t, w, "Dedi Kader")
	one := cadreBase + "/" + id
	toolCheck(t, "bad training", w.post(t, "editor", one+"/pelatihan", url.Values{"training_name": {"Pelatihan yang tetap"}, "taken_on": {"2099-01-01"}}),
		http.StatusUnprocessableEntity, "Pelatihan yang tetap", "masa depan")
	toolCheck(t, "training", w.post(t, "editor", one+"/pelatihan", url.Values{"training_name": {"Paralegal"}, "taken_on": {"2024-01-10"}, "organiser": {"LBH"}}),
		http.StatusSeeOther)
	toolCheck(t, "activity", w.post(t, "editor", one+"/kegiatan", url.Values{"activity_name": {"Rembug warga"}, "done_on": {"2024-02-10"}}),
		http.StatusSeeOther)
	toolCheck(t, "detail", w.get(t, "coord", one), http.StatusOK, "Paralegal", "Rembug warga", "6281211112222")

	// The counts shown are recomputed from the register.
	list, err := (&cadre.Store{DB: w.d}).List(context.Background(), w.org.ID)
	if err != nil {
		t.Fatal(err)
	}
	rows := cadre.CountByArea(list)
	page := w.get(t, "viewer", cadreBase).body
	if rows[len(rows)-1].Total != 2 || !strings.Contains(page, `<td class="num">`+strconv.Itoa(rows[0].ByLevel["desa"])+`</td>`) {
		t.Fatalf("counts %+v", rows)
	}
	levels := cadre.CountByLevel(list)
	if pub := w.get(t, "anon", commitBase).body; !strings.Contains(pub, `data-level="desa">`+strconv.Itoa(levels["desa"])+`<`) ||
		levels["desa"] != 2 || strings.Contains(pub, "Rina Kader") {
		t.Error("public page lacks the cadre count by level, or shows a name")
	}

	// One cadre's data, then the register.
	r := w.get(t, "owner", one+"/data.json")
	var got struct {
		Cadre cadre.Cadre `json:"cadre"`
	}
	if err := json.Unmarshal([]byte(r.body), &got); err != nil || got.Cadre.Name != "Rina Kader" || len(got.Cadre.Trainings) != 1 ||
		!strings.Contains(r.header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("export: %v %s", err, r.body)
	}
	csv := w.get(t, "viewer", cadreBase+".csv")
	if !strings.HasPrefix(csv.body, "id,name,") || !strings.Contains(csv.body, "Rina Kader") || strings.Count(csv.body, "\n") != 3 {
		t.Fatalf("csv %s", csv.body)
	}

	// Erasing asks for the name, then removes everything.
	toolCheck(t, "erase unconfirmed", w.post(t, "owner", one+"/hapus", url.Values{"confirm": {"Dedi"}}), http.StatusUnprocessableEntity, "tidak sama")
	toolCheck(t, "erase", w.post(t, "owner", one+"/hapus", url.Values{"confirm": {"rina kader"}}), http.StatusSeeOther)
	toolCheck(t, "erased", w.get(t, "owner", one), http.StatusNotFound)
	if body := w.get(t, "owner", cadreBase+".csv").body; strings.Contains(body, "Rina") || strings.Contains(body, "Paralegal") {
		t.Fatalf("erased cadre exported: %s", body)
	}
	page2, err := audit.List(context.Background(), w.d, audit.Filter{TargetType: "cadre", TargetID: id})
	if err != nil {
		t.Fatal(err)
	}
	actions := map[string]bool{}
	for _, e := range page2.Entries {
		actions[e.Action] = true
		if strings.Contains(e.Detail, "Rina") {
			t.Fatalf("audit keeps the name: %+v", e)
		}
	}
	if !actions["cadre.export"] || !actions["cadre.erase"] {
		t.Fatalf("audit actions %v", actions)
	}
}
