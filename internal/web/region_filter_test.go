package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// The public lists of campaigns and initiatives are filtered by a province
// chosen by name, never a typed code; a region already chosen (as region
// pages link to it) is named, with a way back to every region that keeps
// the other filter.
func TestListsFilterRegionsByName(t *testing.T) {
	w := newDemoWorld(t)
	for _, tc := range []struct{ list, other, item string }{
		{"/galang-daya", "jenis=dana", "100 Lampu Surya untuk Gang Kampung"},
		{"/inisiatif", "kategori=energi", "Lampu Kampung"},
	} {
		page := w.get(t, "anon", tc.list)
		toolCheck(t, tc.list, page, http.StatusOK, `<select id="wilayah" name="wilayah">`, `<option value="32">Jawa Barat</option>`)
		if strings.Contains(page.body, `placeholder="32.73"`) || strings.Contains(page.body, "Kode wilayah") {
			t.Errorf("%s asks for a region code", tc.list)
		}
		chosen := w.get(t, "anon", tc.list+"?wilayah=32.73&"+tc.other)
		toolCheck(t, tc.list+" in Kota Bandung", chosen, http.StatusOK, tc.item,
			`<input type="hidden" name="wilayah" value="32.73">`, `<a href="/wilayah/32.73">Kota Bandung</a>`,
			`<a href="`+tc.list+"?"+strings.ReplaceAll(tc.other, "&", "&amp;")+`">Semua wilayah</a>`)
		elsewhere := w.get(t, "anon", tc.list+"?wilayah=14")
		if strings.Contains(elsewhere.body, tc.item) {
			t.Errorf("%s in Riau lists %s", tc.list, tc.item)
		}
	}
}
