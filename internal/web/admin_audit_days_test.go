package web

import (
	"testing"

	"lokadaya/internal/i18n"
)

// Audit details keep their codes but write days and moments as people do.
func TestAuditDetailDays(t *testing.T) {
	for _, tc := range []struct {
		lang     i18n.Lang
		in, want string
	}{
		{i18n.ID, "#10 Yusuf Ramadhan 2026-11-27 90m", "#10 Yusuf Ramadhan 27 November 2026 90m"},
		{i18n.EN, "need #3 2026-12-12T01:00:00Z/2026-12-12T08:00:00Z", "need #3 12 December 2026 08:00 WIB/12 December 2026 15:00 WIB"},
		{i18n.ID, "org.verified pending→verified", "org.verified pending→verified"},
	} {
		v := &View{Lang: tc.lang}
		if got := v.DaysIn(tc.in); got != tc.want {
			t.Errorf("DaysIn(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
