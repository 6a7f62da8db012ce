package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// The regions an initiative serves are picked by name, without typing a
// code: the picker adds one region at a time, at any level; the chosen ones
// are listed by name as ticked boxes, and unticking one removes it. Pasted
// codes still work, and only those that name no region stay in the box.
func TestInitiativeRegionsPickedByName(t *testing.T) {
	w := newToolWorld(t)
	p := toolBase + "/3/inisiatif"
	toolCheck(t, "create", w.post(t, "editor", p+"/baru", url.Values{"name": {"Pojok Baca Keliling"}}), http.StatusSeeOther)
	edit := p + "/pojok-baca-keliling/ubah"
	form := url.Values{"name": {"Pojok Baca Keliling"}}

	// Province, then kabupaten/kota: each refresh shows the next level.
	form.Set("region_prov", "32")
	res := w.post(t, "editor", edit, withValue(form, "region_refresh", "1"))
	toolCheck(t, "refresh", res, http.StatusOK, `<option value="32.73">Kota Bandung</option>`, "Belum ada wilayah layanan.",
		`formaction="`+edit+`#region-picker"`) // without JavaScript the page comes back at the picker
	form.Set("region_kab", "32.73")
	res = w.post(t, "editor", edit, withValue(form, "region_add", "1"))
	toolCheck(t, "add Kota Bandung", res, http.StatusOK, `name="regions" value="32.73" checked> Kota Bandung, Jawa Barat`)
	if strings.Contains(res.body, ">32.73<") || strings.Contains(res.body, "(32.73)") {
		t.Error("the form shows the region's code")
	}
	// A second region, from another province; then save both.
	form = url.Values{"name": {"Pojok Baca Keliling"}, "regions": {"32.73"}, "region_prov": {"14"}}
	res = w.post(t, "editor", edit, withValue(form, "region_add", "1"))
	toolCheck(t, "add Riau", res, http.StatusOK, `value="32.73" checked`, `value="14" checked> Riau`)
	form = url.Values{"name": {"Pojok Baca Keliling"}, "regions": {"32.73", "14"}}
	toolCheck(t, "save", w.post(t, "editor", edit, form), http.StatusSeeOther)
	page := w.get(t, "editor", edit)
	toolCheck(t, "saved", page, http.StatusOK, `value="32.73" checked`, `value="14" checked`)
	// Unticking removes; a pasted unknown code stays for correction.
	toolCheck(t, "untick", w.post(t, "editor", edit, url.Values{"name": {"Pojok Baca Keliling"}, "regions": {"14"}}), http.StatusSeeOther)
	page = w.get(t, "editor", edit)
	if strings.Contains(page.body, `value="32.73"`) || !strings.Contains(page.body, `value="14" checked`) {
		t.Error("unticking did not remove the region")
	}
	res = w.post(t, "editor", edit, url.Values{"name": {"Pojok Baca Keliling"}, "regions": {"14"}, "region_codes": {"32.73.01\n99.99"}})
	toolCheck(t, "unknown pasted code", res, http.StatusUnprocessableEntity, `value="14" checked`, `value="32.73.01" checked`,
		"<details open>", ">99.99</textarea>")
}

// withValue is form with one more field, leaving form as it is.
func withValue(form url.Values, key, value string) url.Values {
	out := url.Values{}
	for k, v := range form {
		out[k] = append([]string(nil), v...)
	}
	out.Set(key, value)
	return out
}
