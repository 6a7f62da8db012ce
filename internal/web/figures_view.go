package web

import (
	"lokadaya/internal/figures"
	"lokadaya/internal/i18n"
)

// OnTime writes the share of a region's complaints answered on time, or
// a dash when no complaint's deadline has come yet.
func (v *View) OnTime(f figures.Figures) string {
	if p, ok := f.OnTimePermille(); ok {
		return i18n.Percent(v.Lang, p)
	}
	return "—"
}
