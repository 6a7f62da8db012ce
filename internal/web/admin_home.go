package web

import (
	"net/http"

	"lokadaya/internal/hub"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
)

// statusCount is one line of the admin's status table.
type statusCount struct {
	Status org.Status
	Label  string
	Count  int
}

// adminHomePage is what the admin home shows.
type adminHomePage struct {
	Statuses []statusCount
	Total    int
	Users    int
	Hubs     []*hub.Hub
	// Waiting are the organisations waiting for a decision, by province.
	Waiting []waitingProvince
	// WaitingCut: more organisations wait than are listed.
	WaitingCut bool
	// Uncovered names the provinces no hub covers at all; Partly those
	// only some of whose regions a hub covers.
	Uncovered, Partly []string
}

var allStatuses = []org.Status{org.StatusPending, org.StatusNeedsChanges, org.StatusVerified, org.StatusRejected, org.StatusSuspended}

// adminHome is the platform admin's home: GET /admin.
func (s *Server) adminHome(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.requireAdmin(w, r); !ok {
		return
	}
	counts, err := s.hubs.StatusCounts(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := adminHomePage{}
	for _, st := range allStatuses {
		p.Statuses = append(p.Statuses, statusCount{Status: st, Label: statusLabel(lang(r), st), Count: counts[st]})
		p.Total += counts[st]
	}
	if err := s.db.QueryRow(r.Context(), `SELECT COUNT(*) FROM users`).Scan(&p.Users); err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.Hubs, err = s.hubs.List(r.Context()); err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := s.fillWaiting(r, &p); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin_home", s.view(r, i18n.T(lang(r), "admin.title"), p))
}
