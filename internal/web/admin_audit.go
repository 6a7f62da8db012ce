package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/i18n"
)

// auditPage is one page of the audit log with its filters.
type auditPage struct {
	Entries []audit.Entry
	Actions []string
	Filter  audit.Filter
	// NextURL and FirstURL page through the log keeping the filters.
	NextURL, FirstURL string
}

// auditFilter reads the audit page's query: action, target type and id,
// and the "sebelum" cursor. Malformed values are ignored.
func auditFilter(q url.Values) audit.Filter {
	clean := func(s string, n int) string {
		s = strings.TrimSpace(s)
		if len(s) > n {
			return ""
		}
		return s
	}
	f := audit.Filter{Action: clean(q.Get("action"), 100), TargetType: clean(q.Get("target_type"), 100),
		TargetID: clean(q.Get("target_id"), 100), Limit: 50}
	if before, err := strconv.ParseInt(q.Get("sebelum"), 10, 64); err == nil && before > 0 {
		f.Before = before
	}
	return f
}

// auditURL is the audit page for f, starting before the given id.
func auditURL(f audit.Filter, before int64) string {
	q := url.Values{}
	for k, v := range map[string]string{"action": f.Action, "target_type": f.TargetType, "target_id": f.TargetID} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if before > 0 {
		q.Set("sebelum", strconv.FormatInt(before, 10))
	}
	if len(q) == 0 {
		return "/admin/audit"
	}
	return "/admin/audit?" + q.Encode()
}

// adminAudit shows the audit log, newest first: GET /admin/audit.
func (s *Server) adminAudit(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.requireAdmin(w, r); !ok {
		return
	}
	f := auditFilter(r.URL.Query())
	page, err := audit.List(r.Context(), s.db, f)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	actions, err := audit.Actions(r.Context(), s.db)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := auditPage{Entries: page.Entries, Actions: actions, Filter: f}
	if page.Next > 0 {
		p.NextURL = auditURL(f, page.Next)
	}
	if f.Before > 0 {
		p.FirstURL = auditURL(f, 0)
	}
	s.render(w, r, http.StatusOK, "admin_audit", s.view(r, i18n.T(lang(r), "admin.audit.title"), p))
}

var (
	// storedDay is a calendar day as the audit details store it: 2026-11-27.
	storedDay = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)
	// storedTime is a moment as they store it: 2026-12-12T01:00:00Z.
	storedTime = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})`)
)

// DaysIn writes the stored days and moments within a text (an audit
// entry's detail) as people read them, moments in WIB as the log's own
// times are, leaving the rest, codes included, as it is.
func (v *View) DaysIn(text string) string {
	text = storedTime.ReplaceAllStringFunc(text, func(s string) string {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return s
		}
		return v.DateTime(t, nil)
	})
	return storedDay.ReplaceAllStringFunc(text, v.Day)
}
