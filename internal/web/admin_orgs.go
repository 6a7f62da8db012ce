package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/hub"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

const adminOrgsPerPage = 50

// adminOrgsPage is the admin's list of organisations.
type adminOrgsPage struct {
	Status   org.Status
	Statuses []statusCount
	Orgs     []orgRow
	Page     int
	Next     bool
	// ErrSlug is the organisation whose suspension form has an error.
	ErrSlug string
}

// orgListQuery reads the status filter and page number of the admin list;
// anything unknown falls back to all statuses and the first page.
func orgListQuery(q url.Values) (org.Status, int) {
	st := org.Status(q.Get("status"))
	known := false
	for _, x := range allStatuses {
		known = known || x == st
	}
	if !known {
		st = ""
	}
	page, err := strconv.Atoi(q.Get("hal"))
	if err != nil || page < 1 || page > 100000 {
		page = 1
	}
	return st, page
}

// adminOrgs lists every organisation: GET /admin/organisasi?status=&hal=.
func (s *Server) adminOrgs(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.requireAdmin(w, r); !ok {
		return
	}
	st, page := orgListQuery(r.URL.Query())
	s.renderAdminOrgs(w, r, http.StatusOK, st, page, "", url.Values{}, nil)
}

func (s *Server) renderAdminOrgs(w http.ResponseWriter, r *http.Request, status int, st org.Status, page int,
	errSlug string, form url.Values, errs validate.Errors) {
	orgs, err := s.hubs.AdminOrgs(r.Context(), st, adminOrgsPerPage+1, (page-1)*adminOrgsPerPage)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := adminOrgsPage{Status: st, Page: page, ErrSlug: errSlug}
	if len(orgs) > adminOrgsPerPage {
		orgs, p.Next = orgs[:adminOrgsPerPage], true
	}
	if p.Orgs, err = s.orgRows(r, orgs); err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, x := range allStatuses {
		p.Statuses = append(p.Statuses, statusCount{Status: x, Label: statusLabel(lang(r), x)})
	}
	v := s.view(r, i18n.T(lang(r), "admin.orgs.title"), p)
	v.Form = form
	if errs != nil {
		v.Errors = errs
	}
	s.render(w, r, status, "admin_orgs", v)
}

// adminSuspend suspends an organisation: POST /admin/organisasi/{slug}/tangguhkan.
func (s *Server) adminSuspend(w http.ResponseWriter, r *http.Request) {
	s.adminDecide(w, r, hub.DecideSuspend, "admin.orgs.suspended")
}

// adminUnsuspend lifts a suspension: POST /admin/organisasi/{slug}/pulihkan.
func (s *Server) adminUnsuspend(w http.ResponseWriter, r *http.Request) {
	s.adminDecide(w, r, hub.DecideUnsuspend, "admin.orgs.unsuspended")
}

func (s *Server) adminDecide(w http.ResponseWriter, r *http.Request, d hub.Decision, done string) {
	u, ok := s.requireAdmin(w, r)
	if !ok {
		return
	}
	o, err := s.hubs.OrgBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	st, page := orgListQuery(r.PostForm)
	back := "/admin/organisasi?" + url.Values{"status": {string(st)}, "hal": {strconv.Itoa(page)}}.Encode()
	_, err = s.hubs.Decide(r.Context(), actorOf(u), o.ID, d, r.PostForm.Get("reason"))
	var errs validate.Errors
	switch {
	case err == nil:
		s.reindex(r.Context(), orgRef(o.ID))
		s.flash(w, done)
		redirect(w, r, back)
	case errors.As(err, &errs):
		s.renderAdminOrgs(w, r, http.StatusUnprocessableEntity, st, page, o.Slug, r.PostForm, errs)
	case errors.Is(err, hub.ErrNotAllowed), errors.Is(err, hub.ErrConflict):
		s.flash(w, "hub.review.not_allowed")
		redirect(w, r, back)
	default:
		s.fail(w, r, err)
	}
}
