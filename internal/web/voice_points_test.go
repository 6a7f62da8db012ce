package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestVoicePointRoles: members, hub coordinators of the region and
// platform admins read the service pages; only owners, admins, editors
// (and platform admins) add and change points.
func TestVoicePointRoles(t *testing.T) {
	w := newVoiceWorld(t)
	pt := w.addPoint(t, "Pos Baca RW 03")
	page := voiceBase + "/" + w.initiative.Slug
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
		toolCheck(t, role+" overview", w.get(t, role, voiceBase), want(reader))
		toolCheck(t, role+" service", w.get(t, role, page), want(reader))
		toolCheck(t, role+" new point", w.get(t, role, page+"/titik/baru"), want(writer))
		toolCheck(t, role+" edit point", w.get(t, role, page+"/titik/"+pt.Code+"/ubah"), want(writer))
		post := w.post(t, role, page+"/titik/baru", pointForm("Pos "+role))
		if writer && post.status != http.StatusSeeOther || !writer && post.status == http.StatusSeeOther && role != "anon" {
			t.Errorf("%s creates a point: %d", role, post.status)
		}
		if reader {
			toolCheck(t, role+" sees point", w.get(t, role, page), http.StatusOK, "Pos Baca RW 03", pt.Code, "Sukarasa")
			if edit := strings.Contains(w.get(t, role, page).body, "/titik/baru"); edit != writer {
				t.Errorf("%s sees the add link: %v", role, edit)
			}
		}
	}
	toolCheck(t, "dashboard links", w.get(t, "viewer", "/organisasi/taman-baca/dasbor"), http.StatusOK, `href="`+voiceBase+`"`)
	toolCheck(t, "overview links", w.get(t, "viewer", voiceBase), http.StatusOK, `href="`+page+`"`)
	toolCheck(t, "rejected org", w.get(t, "platform", "/organisasi/ditolak/layanan"), http.StatusOK)
	toolCheck(t, "unknown initiative", w.get(t, "owner", voiceBase+"/tidak-ada"), http.StatusNotFound)
}

// TestVoicePointForm: bad input is refused field by field and kept; the
// code of a point never changes on edit.
func TestVoicePointForm(t *testing.T) {
	w := newVoiceWorld(t)
	page := voiceBase + "/" + w.initiative.Slug
	pt := w.addPoint(t, "Pos Baca RW 03")
	if len(pt.Code) != 6 || pt.RegionCode != orgDesa || pt.Hours != "Sabtu 09.00–12.00" || pt.HasCoordinates() {
		t.Fatalf("stored %+v", pt)
	}
	cases := []struct {
		name string
		edit func(url.Values)
		msg  string
	}{
		{"no name", func(f url.Values) { f.Set("name", " ") }, "Wajib diisi"},
		{"same name", func(f url.Values) {}, "sudah punya titik layanan dengan nama ini"},
		{"one coordinate", func(f url.Values) { f.Set("name", "B"); f.Set("latitude", "-6.9") }, "Isi lintang dan bujur"},
		{"latitude out of range", func(f url.Values) { f.Set("name", "B"); f.Set("latitude", "91"); f.Set("longitude", "107") }, "Lintang harus angka"},
		{"NaN", func(f url.Values) { f.Set("name", "B"); f.Set("latitude", "NaN"); f.Set("longitude", "107") }, "Lintang harus angka"},
		{"no region", func(f url.Values) { f.Set("name", "B"); f.Set("region_prov", ""); f.Del("region_kab") }, "Pilih wilayah"},
		{"html name kept escaped", func(f url.Values) { f.Set("name", "<b>x</b>"); f.Set("latitude", "x"); f.Set("longitude", "1") }, "&lt;b&gt;x&lt;/b&gt;"},
	}
	for _, c := range cases {
		f := pointForm("Pos Baca RW 03")
		c.edit(f)
		toolCheck(t, c.name, w.post(t, "editor", page+"/titik/baru", f), http.StatusUnprocessableEntity, c.msg, `id="error-summary"`)
	}
	f := pointForm("Pos Baca RW 04")
	f.Set("latitude", "-6,9")
	f.Set("longitude", "107.6")
	toolCheck(t, "edit", w.post(t, "editor", page+"/titik/"+strings.ToLower(pt.Code)+"/ubah", f), http.StatusSeeOther)
	toolCheck(t, "edit form", w.get(t, "editor", page+"/titik/"+pt.Code+"/ubah"), http.StatusOK, `value="Pos Baca RW 04"`, `value="-6.9"`, pt.Code)
	toolCheck(t, "point of another initiative", w.get(t, "editor", voiceBase+"/draf/titik/"+pt.Code+"/ubah"), http.StatusNotFound)
	toolCheck(t, "refresh keeps input", w.post(t, "editor", page+"/titik/baru", url.Values{"name": {"Pos C"}, "region_prov": {"32"},
		"region_refresh": {"1"}}), http.StatusOK, `value="Pos C"`, "Kota Bandung")
}
