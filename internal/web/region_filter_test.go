package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// The public lists of campaigns and initiatives are filtered by a region
// at any level typed by name, never a code: a name one region bears picks
// it, a name several bear lists them to choose from; a region already
// chosen (as region pages link to it) is named, with a way back to every
// region that keeps the other filter.
func TestListsFilterRegionsByName(t *testing.T) {
	w := newDemoWorld(t)
	for _, tc := range []struct{ list, other, item string }{
		{"/galang-daya", "jenis=dana", "100 Lampu Surya untuk Gang Kampung"},
		{"/inisiatif", "kategori=energi", "Lampu Kampung"},
	} {
		page := w.get(t, "anon", tc.list)
		toolCheck(t, tc.list, page, http.StatusOK, `<input type="search" id="wilayah" name="wilayah" value=""`,
			"Ketik nama provinsi, kabupaten/kota, kecamatan atau desa/kelurahan")
		if strings.Contains(page.body, `placeholder="32.73"`) || strings.Contains(page.body, "Kode wilayah") {
			t.Errorf("%s asks for a region code", tc.list)
		}
		chosen := w.get(t, "anon", tc.list+"?wilayah=32.73&"+tc.other)
		toolCheck(t, tc.list+" in Kota Bandung", chosen, http.StatusOK, tc.item,
			`<input type="hidden" name="wilayah" value="32.73">`, `<a href="/wilayah/32.73">Kota Bandung</a>`,
			`<a href="`+tc.list+"?"+strings.ReplaceAll(tc.other, "&", "&amp;")+`">Semua wilayah</a>`)
		// "bandung" is Kota Bandung, Kabupaten Bandung, Bandung Barat…: choose.
		several := w.get(t, "anon", tc.list+"?wilayah=bandung&"+tc.other)
		toolCheck(t, tc.list+" bandung", several, http.StatusOK, "Pilih salah satu",
			`href="`+tc.list+"?"+strings.ReplaceAll(tc.other, "&", "&amp;")+`&amp;wilayah=32.73">Kota Bandung`)
		// A name only one region bears is chosen at once.
		one := w.get(t, "anon", tc.list+"?wilayah=kota+bandung&"+tc.other)
		toolCheck(t, tc.list+" kota bandung", one, http.StatusOK, `<input type="hidden" name="wilayah" value="32.73">`, tc.item)
		for _, bad := range []string{"zzqqxx", "a", "%3Cscript%3E", "%FF%FE"} {
			toolCheck(t, tc.list+" "+bad, w.get(t, "anon", tc.list+"?wilayah="+bad), http.StatusOK, `aria-invalid="true"`)
		}
		elsewhere := w.get(t, "anon", tc.list+"?wilayah=14")
		if strings.Contains(elsewhere.body, tc.item) {
			t.Errorf("%s in Riau lists %s", tc.list, tc.item)
		}
	}
}
