package web

import (
	"context"
	"net/url"
	"strings"

	"lokadaya/internal/i18n"
	"lokadaya/internal/region"
)

// RegionPicker is what the "region-picker" partial renders: four cascading
// selects (provinsi → kabupaten/kota → kecamatan → desa/kelurahan) that work
// without JavaScript. Without a script the user picks a level and presses
// the refresh button (name region_refresh); the handler sees region_refresh
// in the form and re-renders instead of saving, and the next select now has
// its options. app.js fills the next select at once instead.
type RegionPicker struct {
	Lang i18n.Lang
	// Levels are the four selects, province first. A level whose parent is
	// not chosen yet has no options and is rendered hidden.
	Levels []PickerLevel
	// Code is the chosen region: the deepest level whose value exists and
	// belongs to the level above. "" when nothing is chosen.
	Code string
	// Required marks the picker as mandatory.
	Required bool
	// Action is where the form posts. Set, the refresh button posts there
	// with "#region-picker", so the page comes back to the picker.
	Action string
	// Error is a translated message shown under the selects. regionPicker
	// sets it when a required region is missing from a submitted form; a
	// handler may set its own, e.g. picker.Error = view.Err("region").
	Error string
}

// PickerLevel is one select of a RegionPicker.
type PickerLevel struct {
	Field    string // form field name, e.g. region_kab
	Label    string // i18n key
	Depth    int    // 1 (provinsi) to 4 (desa/kelurahan)
	Options  []region.Region
	Selected string
}

// Hidden reports whether the level has nothing to offer yet.
func (l PickerLevel) Hidden() bool { return len(l.Options) == 0 }

// T translates a message key in the picker's language.
func (p *RegionPicker) T(key string, args ...any) string { return i18n.T(p.Lang, key, args...) }

// Complete reports whether the picker reached a desa/kelurahan, when there
// is nothing left to refresh.
func (p *RegionPicker) Complete() bool { return region.Depth(p.Code) == len(region.Fields) }

// Missing reports whether a required region has not been chosen.
func (p *RegionPicker) Missing() bool { return p.Required && p.Code == "" }

var pickerLabels = [...]string{"region.picker.prov", "region.picker.kab", "region.picker.kec", "region.picker.desa"}

// regionPicker builds the picker from a form: the four region_* fields, or
// only a whole code in "region" (a saved record being edited). Values that
// do not exist or do not belong to the level above are dropped, with every
// level below them, so Code is always a real, consistent region. The error
// is a storage failure only.
func (s *Server) regionPicker(ctx context.Context, lang i18n.Lang, form url.Values, required bool) (*RegionPicker, error) {
	values := form
	if strings.TrimSpace(form.Get(region.FieldProv)) == "" && strings.TrimSpace(form.Get(region.FieldCode)) != "" {
		values = region.FormValues(region.FromForm(url.Values{region.FieldCode: {form.Get(region.FieldCode)}}))
	}
	p := &RegionPicker{Lang: lang, Required: required, Levels: make([]PickerLevel, 0, len(region.Fields))}
	parent, open := "", true
	for i, field := range region.Fields {
		lvl := PickerLevel{Field: field, Label: pickerLabels[i], Depth: i + 1}
		if open {
			opts, err := s.regions.Children(ctx, parent)
			if err != nil {
				return nil, err
			}
			lvl.Options = opts
			want := strings.TrimSpace(values.Get(field))
			if want != "" && hasRegion(opts, want) {
				lvl.Selected, parent, p.Code = want, want, want
			} else {
				open = false // nothing chosen here: deeper levels wait
			}
		}
		p.Levels = append(p.Levels, lvl)
	}
	if p.Missing() && form.Has(region.FieldProv) && !form.Has(region.FieldRefresh) {
		p.Error = i18n.T(lang, "region.required")
	}
	return p, nil
}

func hasRegion(list []region.Region, code string) bool {
	for _, r := range list {
		if r.Code == code {
			return true
		}
	}
	return false
}
