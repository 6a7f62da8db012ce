package web

import (
	"net/http"
	"net/url"

	"lokadaya/internal/region"
)

// orgNew shows the form to register an organisation.
func (s *Server) orgNew(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.requireUser(w, r); !ok {
		return
	}
	s.renderOrgForm(w, r, http.StatusOK, "org_new", url.Values{}, nil, nil)
}

// orgCreate registers an organisation; its creator becomes the owner.
func (s *Server) orgCreate(w http.ResponseWriter, r *http.Request) {
	u, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.renderOrgForm(w, r, http.StatusBadRequest, "org_new", url.Values{}, nil, nil)
		return
	}
	if r.PostForm.Has(region.FieldRefresh) {
		s.renderOrgForm(w, r, http.StatusOK, "org_new", r.PostForm, nil, nil)
		return
	}
	o, err := s.orgs.Create(r.Context(), u.ID, orgInput(r.PostForm))
	if errs, ok := asFormErrors(err); ok {
		s.renderOrgForm(w, r, http.StatusUnprocessableEntity, "org_new", r.PostForm, errs, nil)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.reindex(r.Context(), orgRef(o.ID))
	hubs, err := s.hubs.HubsCovering(r.Context(), o.RegionCode)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if len(hubs) == 0 {
		// No hub covers the region: the platform admins review it.
		s.flash(w, "org.flash.created_admin")
	} else {
		s.flash(w, "org.flash.created")
	}
	redirect(w, r, orgURL(o))
}
