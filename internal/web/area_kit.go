package web

import (
	"errors"
	"net/http"
	"net/url"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/ratelimit"
	"lokadaya/internal/web/kit"
)

// areaSite is the Server as the kit's Site: what an area's handler
// package (internal/web/<area>) may use of the web package.
type areaSite struct{ s *Server }

var _ kit.Site = areaSite{}

func (a areaSite) Render(w http.ResponseWriter, r *http.Request, p kit.Page) {
	v := a.s.view(r, p.Title, p.Data)
	if p.Form != nil {
		v.Form = p.Form
	}
	if p.Errors != nil {
		v.Errors = p.Errors
	}
	status := p.Status
	if status == 0 {
		status = http.StatusOK
	}
	a.s.render(w, r, status, p.Name, v)
}

func (a areaSite) User(r *http.Request) *account.User { return currentUser(r) }
func (a areaSite) Lang(r *http.Request) i18n.Lang     { return lang(r) }

func (a areaSite) RequireUser(w http.ResponseWriter, r *http.Request) (*account.User, bool) {
	return a.s.requireUser(w, r)
}

func (a areaSite) Org(w http.ResponseWriter, r *http.Request, may func(*kit.Access) bool) (*kit.Access, bool) {
	if _, ok := a.s.requireUser(w, r); !ok {
		return nil, false
	}
	o, err := a.s.orgs.BySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		a.s.fail(w, r, err)
		return nil, false
	}
	acc, err := a.AccessTo(r, o)
	if err != nil {
		a.s.serverError(w, r, err)
		return nil, false
	}
	if acc.Hidden() && !acc.CanRead() {
		a.s.notFound(w, r)
		return nil, false
	}
	if !may(acc) {
		a.s.forbidden(w, r)
		return nil, false
	}
	return acc, true
}

func (a areaSite) AccessTo(r *http.Request, o *org.Organization) (*kit.Access, error) {
	acc := &kit.Access{Org: o, User: currentUser(r)}
	if acc.User == nil {
		return acc, nil
	}
	acc.Admin = acc.User.IsAdmin
	role, err := a.s.orgs.RoleOf(r.Context(), o.ID, acc.User.ID)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return nil, err
	}
	acc.Role = role
	acc.Coordinator, err = a.s.hubs.IsCoordinatorFor(r.Context(), acc.User.ID, o.RegionCode)
	return acc, err
}

func (a areaSite) RegionPicker(r *http.Request, form url.Values, required bool) (*kit.Picker, error) {
	p, err := a.s.regionPicker(r.Context(), lang(r), form, required)
	if err != nil {
		return nil, err
	}
	return &kit.Picker{View: p, Code: p.Code, Missing: p.Missing()}, nil
}

func (a areaSite) NotFound(w http.ResponseWriter, r *http.Request)  { a.s.notFound(w, r) }
func (a areaSite) Forbidden(w http.ResponseWriter, r *http.Request) { a.s.forbidden(w, r) }
func (a areaSite) TooMany(w http.ResponseWriter, r *http.Request)   { a.s.tooMany(w, r) }
func (a areaSite) BadRequest(w http.ResponseWriter, r *http.Request) {
	a.s.errorPage(w, r, http.StatusBadRequest, "400")
}
func (a areaSite) Message(w http.ResponseWriter, r *http.Request, status int, titleKey, bodyKey string) {
	a.s.accountMessage(w, r, status, titleKey, bodyKey)
}
func (a areaSite) ServerError(w http.ResponseWriter, r *http.Request, err error) {
	a.s.serverError(w, r, err)
}
func (a areaSite) Log(r *http.Request, err error) {
	a.s.log.Error("server error", "method", r.Method, "route", loggedRoute(r), "err", err)
}
func (a areaSite) Fail(w http.ResponseWriter, r *http.Request, err error) { a.s.fail(w, r, err) }
func (a areaSite) Flash(w http.ResponseWriter, key string)                { a.s.flash(w, key) }

func (a areaSite) AllowClient(w http.ResponseWriter, r *http.Request, l *ratelimit.Limiter, scope string) bool {
	return a.s.allow(w, r, l, scope+":"+clientIP(r, a.s.cfg.TrustProxy))
}
func (a areaSite) BaseURL() string                 { return a.s.cfg.BaseURL }
func (a areaSite) ClientIP(r *http.Request) string { return clientIP(r, a.s.cfg.TrustProxy) }

// routedMux registers the site's routes, its own and its areas': each
// request's route is named in the logs and metrics, and each pattern is
// recorded so that Server.Routes lists every route of the site.
type routedMux struct {
	mux      *http.ServeMux
	patterns *[]string
}

func (m routedMux) HandleFunc(pattern string, h func(http.ResponseWriter, *http.Request)) {
	*m.patterns = append(*m.patterns, pattern)
	m.mux.HandleFunc(pattern, routed(h))
}
