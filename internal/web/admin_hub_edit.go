package web

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"lokadaya/internal/hub"
	"lokadaya/internal/i18n"
	"lokadaya/internal/region"
)

// fieldRegionAdd is the button that adds the region chosen in the picker
// to the hub's list without saving the hub.
const fieldRegionAdd = "region_add"

// hubFormPage is the create/edit hub form. Regions are picked by name: the
// chosen ones are listed as ticked boxes (untick to remove) and the region
// picker adds one more, at any level.
type hubFormPage struct {
	Hub *hub.Hub // nil when creating
	// Regions are the chosen regions that exist, named with their parents.
	Regions []namedRegion
	Picker  *RegionPicker
	// RegionsErr and CoordinatorsErr name the unknown codes and addresses.
	RegionsErr, CoordinatorsErr string
}

// namedRegion is a chosen region as the form lists it.
type namedRegion struct {
	Code, Label string
}

// hubFormInput reads the hub form with the chosen region codes.
func hubFormInput(form url.Values, regions []string) hub.Input {
	return hub.Input{Slug: form.Get("slug"), Name: form.Get("name"), Description: form.Get("description"),
		Regions: regions, Coordinators: hub.ParseList(form.Get("coordinators"))}
}

// pickedRegionCodes are the regions a submitted form keeps: the ticked boxes
// (each may also hold a typed list of codes) and the one picked, if any.
func pickedRegionCodes(form url.Values, picked string) []string {
	codes := hub.ParseList(strings.Join(form["regions"], "\n"))
	if picked != "" && !slices.Contains(codes, picked) {
		codes = append(codes, picked)
	}
	return codes
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
		"regions": h.RegionCodes(), "coordinators": {strings.Join(h.CoordinatorEmails(), "\n")}}
	s.renderHubForm(w, r, http.StatusOK, h, form, nil)
}

// adminHubCreate saves a new hub: POST /admin/simpul/baru.
func (s *Server) adminHubCreate(w http.ResponseWriter, r *http.Request) {
	u, ok := s.requireAdmin(w, r)
	if !ok {
		return
	}
	s.submitHubForm(w, r, nil, func(in hub.Input) (*hub.Hub, error) {
		h, err := s.hubs.Create(r.Context(), actorOf(u), in)
		if err == nil {
			s.reindex(r.Context(), hubRef(h.ID))
		}
		return h, err
	})
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
	s.submitHubForm(w, r, old, func(in hub.Input) (*hub.Hub, error) {
		h, err := s.hubs.Update(r.Context(), actorOf(u), old.ID, in)
		if err == nil {
			s.reindex(r.Context(), hubRef(h.ID))
		}
		return h, err
	})
}

// submitHubForm refreshes the region picker, adds the picked region, or
// saves the hub, depending on the button pressed.
func (s *Server) submitHubForm(w http.ResponseWriter, r *http.Request, old *hub.Hub, save func(hub.Input) (*hub.Hub, error)) {
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	form := r.PostForm
	picker, err := s.regionPicker(r.Context(), lang(r), form, false)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	switch {
	case form.Has(region.FieldRefresh):
		s.renderHubForm(w, r, http.StatusOK, old, form, nil)
		return
	case form.Has(fieldRegionAdd):
		form["regions"] = pickedRegionCodes(form, picker.Code)
		for _, f := range region.Fields {
			form.Del(f)
		}
		s.renderHubForm(w, r, http.StatusOK, old, form, nil)
		return
	}
	form["regions"] = pickedRegionCodes(form, picker.Code)
	h, err := save(hubFormInput(form, form["regions"]))
	var ie *hub.InputError
	switch {
	case err == nil:
		s.flash(w, "admin.hub_form.saved")
		redirect(w, r, "/simpul/"+h.Slug)
	case errors.As(err, &ie):
		for _, f := range region.Fields {
			form.Del(f)
		}
		s.renderHubForm(w, r, http.StatusUnprocessableEntity, old, form, ie)
	default:
		s.fail(w, r, err)
	}
}

func (s *Server) renderHubForm(w http.ResponseWriter, r *http.Request, status int, h *hub.Hub, form url.Values, ie *hub.InputError) {
	p := hubFormPage{Hub: h}
	var err error
	if p.Regions, err = s.namedRegions(r, pickedRegionCodes(form, "")); err == nil {
		p.Picker, err = s.regionPicker(r.Context(), lang(r), form, false)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p.Picker.Action = r.URL.Path // the new and edit pages post to themselves
	title := i18n.T(lang(r), "admin.hub_form.new")
	if h != nil {
		title = i18n.T(lang(r), "admin.hub_form.edit", h.Name)
	}
	v := s.view(r, title, &p)
	v.Form = form
	if ie != nil {
		v.Errors = ie.Errors
		if len(ie.UnknownRegions) > 0 {
			p.RegionsErr = i18n.T(lang(r), "hub.regions_unknown", strings.Join(ie.UnknownRegions, ", "))
		}
		if len(ie.UnknownEmails) > 0 {
			p.CoordinatorsErr = i18n.T(lang(r), "hub.coordinators_unknown", strings.Join(ie.UnknownEmails, ", "))
		}
	}
	s.render(w, r, status, "admin_hub_form", v)
}

// namedRegions names the chosen regions that exist, with their parents.
func (s *Server) namedRegions(r *http.Request, codes []string) ([]namedRegion, error) {
	known, err := s.hubs.LookupRegions(r.Context(), codes)
	if err != nil {
		return nil, err
	}
	out := make([]namedRegion, 0, len(known))
	for _, k := range known {
		label, err := s.hubs.RegionLabel(r.Context(), k.Code)
		if err != nil {
			return nil, err
		}
		out = append(out, namedRegion{Code: k.Code, Label: label})
	}
	return out, nil
}
