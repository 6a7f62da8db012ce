package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"lokadaya/internal/hub"
	"lokadaya/internal/i18n"
)

// hubFormPage is the create/edit hub form.
type hubFormPage struct {
	Hub *hub.Hub // nil when creating
	// Regions are the typed codes that exist, with their names, shown back.
	Regions []hub.Region
	// RegionsErr and CoordinatorsErr name the unknown codes and addresses.
	RegionsErr, CoordinatorsErr string
}

// hubFormInput reads the hub form.
func hubFormInput(form url.Values) hub.Input {
	return hub.Input{Slug: form.Get("slug"), Name: form.Get("name"), Description: form.Get("description"),
		Regions: hub.ParseList(form.Get("regions")), Coordinators: hub.ParseList(form.Get("coordinators"))}
}

// adminHubNew shows the empty form: GET /admin/simpul/baru.
func (s *Server) adminHubNew(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.requireAdmin(w, r); !ok {
		return
	}
	s.renderHubForm(w, r, http.StatusOK, nil, url.Values{}, nil)
}

// adminHubEdit shows a hub's form: GET /admin/simpul/{slug}/ubah.
func (s *Server) adminHubEdit(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.requireAdmin(w, r); !ok {
		return
	}
	h, ok := s.hubBySlug(w, r)
	if !ok {
		return
	}
	form := url.Values{"name": {h.Name}, "slug": {h.Slug}, "description": {h.Description},
		"regions": {strings.Join(h.RegionCodes(), "\n")}, "coordinators": {strings.Join(h.CoordinatorEmails(), "\n")}}
	s.renderHubForm(w, r, http.StatusOK, h, form, nil)
}

// adminHubCreate saves a new hub: POST /admin/simpul/baru.
func (s *Server) adminHubCreate(w http.ResponseWriter, r *http.Request) {
	u, ok := s.requireAdmin(w, r)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	h, err := s.hubs.Create(r.Context(), actorOf(u), hubFormInput(r.PostForm))
	s.hubSaved(w, r, nil, h, err)
}

// adminHubUpdate saves a hub: POST /admin/simpul/{slug}/ubah.
func (s *Server) adminHubUpdate(w http.ResponseWriter, r *http.Request) {
	u, ok := s.requireAdmin(w, r)
	if !ok {
		return
	}
	old, ok := s.hubBySlug(w, r)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	h, err := s.hubs.Update(r.Context(), actorOf(u), old.ID, hubFormInput(r.PostForm))
	s.hubSaved(w, r, old, h, err)
}

// hubSaved redirects to the saved hub, or shows the form again with what
// was typed and what is wrong.
func (s *Server) hubSaved(w http.ResponseWriter, r *http.Request, old, saved *hub.Hub, err error) {
	var ie *hub.InputError
	switch {
	case err == nil:
		s.flash(w, "admin.hub_form.saved")
		redirect(w, r, "/simpul/"+saved.Slug)
	case errors.As(err, &ie):
		s.renderHubForm(w, r, http.StatusUnprocessableEntity, old, r.PostForm, ie)
	default:
		s.fail(w, r, err)
	}
}

func (s *Server) renderHubForm(w http.ResponseWriter, r *http.Request, status int, h *hub.Hub, form url.Values, ie *hub.InputError) {
	regions, err := s.hubs.LookupRegions(r.Context(), hub.ParseList(form.Get("regions")))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := hubFormPage{Hub: h, Regions: regions}
	title := i18n.T(lang(r), "admin.hub_form.new")
	if h != nil {
		title = i18n.T(lang(r), "admin.hub_form.edit", h.Name)
	}
	v := s.view(r, title, p)
	v.Form = form
	if ie != nil {
		v.Errors = ie.Errors
		if len(ie.UnknownRegions) > 0 {
			p.RegionsErr = i18n.T(lang(r), "hub.regions_unknown", strings.Join(ie.UnknownRegions, ", "))
		}
		if len(ie.UnknownEmails) > 0 {
			p.CoordinatorsErr = i18n.T(lang(r), "hub.coordinators_unknown", strings.Join(ie.UnknownEmails, ", "))
		}
		v.Data = p
	}
	s.render(w, r, status, "admin_hub_form", v)
}
