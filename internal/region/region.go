// Package region answers questions about Indonesia's official Kemendagri
// regions (wilayah): provinsi, kabupaten/kota, kecamatan and desa/kelurahan.
// The list itself is loaded into the regions table by regiondata; this
// package reads it, parses codes, picks a region's time zone and tells
// whether one region lies inside another.
package region

import (
	"strings"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/region/regiondata"
)

// Region is one official region. Parent is "" for a province.
type Region struct {
	Code, Name, Level, Parent string
}

// The levels, as stored and as the API names them.
const (
	Provinsi  = regiondata.Provinsi
	Kabupaten = regiondata.Kabupaten
	Kota      = regiondata.Kota
	Kecamatan = regiondata.Kecamatan
	Desa      = regiondata.Desa
	Kelurahan = regiondata.Kelurahan
)

// Depth is how far down the hierarchy r sits: 1 for a province to 4 for a
// desa/kelurahan.
func (r Region) Depth() int { return Depth(r.Code) }

// ShortName is the name as it reads in a parent chain: "Kab. Bandung",
// "Kota Bandung", "Kec. Coblong", "Prov. Jawa Barat"; desa and kelurahan
// keep their plain name.
func (r Region) ShortName() string {
	switch r.Level {
	case Provinsi:
		return "Prov. " + r.Name
	case Kabupaten:
		return "Kab. " + strings.TrimPrefix(r.Name, "Kabupaten ")
	case Kecamatan:
		return "Kec. " + r.Name
	}
	return r.Name
}

// segmentWidths are the digit counts of a code's parts, from the province
// down: 32 . 73 . 01 . 1001.
var segmentWidths = [...]int{2, 2, 2, 4}

// ParseCode checks that s (surrounding spaces ignored) is a well-formed
// region code such as "32", "32.73", "32.73.01" or "32.73.01.1001" and
// returns it cleaned. It says nothing about whether the region exists.
func ParseCode(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 13 {
		return "", false
	}
	parts := strings.Split(s, ".")
	if len(parts) > len(segmentWidths) {
		return "", false
	}
	for i, p := range parts {
		if len(p) != segmentWidths[i] || !allDigits(p) {
			return "", false
		}
	}
	return s, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Depth is the number of segments in a well-formed code (1–4), or 0.
func Depth(code string) int {
	if _, ok := ParseCode(code); !ok {
		return 0
	}
	return strings.Count(code, ".") + 1
}

// ParentCode is the code one level up, or "" for a province or a malformed
// code.
func ParentCode(code string) string {
	if Depth(code) < 2 {
		return ""
	}
	return code[:strings.LastIndexByte(code, '.')]
}

// lineage is every code from the province down to code itself, or nil for
// a malformed code.
func lineage(code string) []string {
	d := Depth(code)
	if d == 0 {
		return nil
	}
	out := make([]string, d)
	for i := d - 1; i >= 0; i-- {
		out[i] = code
		code = ParentCode(code)
	}
	return out
}

// Contains reports whether code lies in ancestor: the region itself or
// anything under it. Codes are compared on a dot boundary, so 32.7 does not
// contain 32.73. The empty ancestor stands for all of Indonesia.
func Contains(ancestor, code string) bool {
	if ancestor == "" {
		return true
	}
	return code == ancestor || strings.HasPrefix(code, ancestor+".")
}

// witaProvinces and witProvinces are the provinces east of WIB, by code:
// Bali, NTB, NTT, South/East/North Kalimantan and every Sulawesi province
// keep WITA; Maluku, North Maluku and every Papua province keep WIT.
var (
	witaProvinces = map[string]bool{"51": true, "52": true, "53": true, "63": true, "64": true,
		"65": true, "71": true, "72": true, "73": true, "74": true, "75": true, "76": true}
	witProvinces = map[string]bool{"81": true, "82": true}
)

// Zone is the time zone of the region: WIB, WITA or WIT, decided by its
// province. Unknown or malformed codes get WIB, the most common zone.
func Zone(code string) *time.Location {
	code, ok := ParseCode(code)
	if !ok {
		return i18n.WIB
	}
	prov := code[:2]
	switch {
	case witaProvinces[prov]:
		return i18n.WITA
	case witProvinces[prov], prov[0] == '9':
		// Every Papua province (91–97, counting the 2022 splits) is WIT.
		return i18n.WIT
	}
	return i18n.WIB
}

// WithinSQL is an SQL condition on the code column col: the region code
// itself or any region under it, with its arguments. The codes under a
// region sort within [code, code + "/"): codes hold only digits and dots,
// and '/' follows '.'; a range, unlike LIKE, is served by an index on col.
func WithinSQL(col, code string) (string, []any) {
	return `(` + col + ` >= ? AND ` + col + ` < ?)`, []any{code, code + "/"}
}

// OverlapsSQL is WithinSQL or a region containing code: what an
// initiative's served regions match when it serves the region, part of
// it, or an area that contains it.
func OverlapsSQL(col, code string) (string, []any) {
	cond, args := WithinSQL(col, code)
	above := lineage(code)
	if len(above) < 2 {
		return cond, args
	}
	above = above[:len(above)-1]
	cond = `(` + cond + ` OR ` + col + ` IN (` + db.Marks(len(above)) + `))`
	for _, a := range above {
		args = append(args, a)
	}
	return cond, args
}
