package region

import (
	"net/url"
	"strings"
)

// The form fields of the region picker, from the province down, and the
// field that may carry a whole code instead (when editing a saved record).
const (
	FieldProv    = "region_prov"
	FieldKab     = "region_kab"
	FieldKec     = "region_kec"
	FieldDesa    = "region_desa"
	FieldCode    = "region"
	FieldRefresh = "region_refresh"
)

// Fields lists the picker's select fields, province first.
var Fields = [...]string{FieldProv, FieldKab, FieldKec, FieldDesa}

// FromForm returns the region a picker form chose: the deepest non-empty
// level, provided each level is a well-formed child of the one above. When
// a level breaks the chain (a kecamatan from another kabupaten, say, left
// over after the user changed the kabupaten) the deepest consistent level
// above it wins. A form without picker fields falls back to a whole code in
// the "region" field. It checks the shape of codes only; whether the region
// exists is the Store's question (see Store.Valid).
func FromForm(form url.Values) string {
	if strings.TrimSpace(form.Get(FieldProv)) == "" {
		code, _ := ParseCode(form.Get(FieldCode))
		return code
	}
	chosen := ""
	for i, f := range Fields {
		code, ok := ParseCode(form.Get(f))
		if !ok || Depth(code) != i+1 || ParentCode(code) != chosen {
			break
		}
		chosen = code
	}
	return chosen
}

// FormValues spreads a code over the picker fields: "32.73.01" gives
// region_prov=32, region_kab=32.73, region_kec=32.73.01, region_desa="".
func FormValues(code string) url.Values {
	v := url.Values{}
	l := lineage(code)
	for i, f := range Fields {
		if i < len(l) {
			v.Set(f, l[i])
		} else {
			v.Set(f, "")
		}
	}
	return v
}
