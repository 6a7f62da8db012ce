package web

import (
	"fmt"
	"strings"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/i18n"
	"lokadaya/internal/volunteer"
)

// Percent writes a whole percentage (an int or int64) in the reader's
// language: "12 %" in Indonesian, "12%" in English.
func (v *View) Percent(whole any) string {
	var n int64
	switch x := whole.(type) {
	case int:
		n = int64(x)
	case int64:
		n = x
	default:
		return fmt.Sprint(whole)
	}
	return i18n.Percent(v.Lang, n*10)
}

// PercentTenths writes tenths of a percent: "1,6 %" / "1.6%".
func (v *View) PercentTenths(tenths int64) string { return i18n.Percent(v.Lang, tenths) }

// PercentValue writes a percentage given as a number (1.6 for 1.6 %),
// rounded to a tenth.
func (v *View) PercentValue(p float64) string { return i18n.PercentValue(v.Lang, p) }

// rateView is a rate ready for a page: its percentage, or the words for
// why there is none.
type rateView struct {
	campaign.Rate
	Text, MoreText, NAText string
}

// Rate prepares r for the "conversion" template.
func (v *View) Rate(r campaign.Rate) rateView {
	return rateView{Rate: r, Text: i18n.Percent(v.Lang, r.Tenths()),
		MoreText: v.T("effect.conversion_more", i18n.Number(r.Part), i18n.Number(r.Whole)),
		NAText:   v.T("campaign.effect.na")}
}

// Slots says how a volunteer need's slots stand, every slot accounted
// for: "12 slot: 4 diterima, 1 menunggu keputusan, 7 masih kosong", and
// the waiting list when there is one.
func (v *View) Slots(s volunteer.Slots) string {
	parts := []string{v.T("volunteer.slots.accepted", i18n.Number(s.Accepted))}
	if s.Pending > 0 {
		parts = append(parts, v.T("volunteer.slots.pending", i18n.Number(s.Pending)))
	}
	parts = append(parts, v.T("volunteer.slots.open", i18n.Number(s.Left())))
	out := v.T("volunteer.slots.of", i18n.Number(s.Target), strings.Join(parts, ", "))
	if s.Waiting > 0 {
		out += " · " + v.T("volunteer.slots.waiting", i18n.Number(s.Waiting))
	}
	return out
}

// Day writes a calendar day stored as YYYY-MM-DD (already a day of the
// organisation's zone) as people read it: "2 Juli 2026", "2 July 2026".
// Anything else is shown as it is.
func (v *View) Day(day string) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return i18n.Date(v.Lang, t, time.UTC)
}
