package web

import (
	"errors"
	"net/http"

	"lokadaya/internal/imaging"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// logoBox is the square a logo is scaled to fit.
const logoBox = 512

// orgEdit shows the profile form filled with the saved profile.
func (s *Server) orgEdit(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanEdit)
	if !ok {
		return
	}
	s.renderOrgForm(w, r, http.StatusOK, "org_edit", a.Org.Form(), nil, a)
}

// orgUpdate saves the profile and, when one was sent, a new logo.
func (s *Server) orgUpdate(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanEdit)
	if !ok {
		return
	}
	// Room for the largest accepted logo plus the text fields.
	r.Body = http.MaxBytesReader(w, r.Body, imaging.MaxUploadBytes+256<<10)
	if err := r.ParseMultipartForm(1 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		status, key := http.StatusBadRequest, "form.invalid"
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			status, key = http.StatusRequestEntityTooLarge, "org.image.too_large"
		}
		s.renderOrgForm(w, r, status, "org_edit", a.Org.Form(), validate.Errors{"logo": key}, a)
		return
	}
	form := r.PostForm
	if form.Has(region.FieldRefresh) {
		s.renderOrgForm(w, r, http.StatusOK, "org_edit", form, nil, a)
		return
	}
	in := orgInput(form)
	_, errs, err := s.orgs.Validate(r.Context(), in, a.Org.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	logo, logoErr := readLogo(r)
	if logoErr != "" {
		errs.Add("logo", logoErr)
	}
	if len(errs) > 0 {
		s.renderOrgForm(w, r, http.StatusUnprocessableEntity, "org_edit", form, errs, a)
		return
	}
	o, err := s.orgs.Update(r.Context(), a.Org.ID, in)
	if ve, ok := asFormErrors(err); ok {
		s.renderOrgForm(w, r, http.StatusUnprocessableEntity, "org_edit", form, ve, a)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.reindex(r.Context(), orgRef(o.ID))
	if logo != nil || form.Get("remove_logo") == "1" {
		if err := s.replaceLogo(r, o.ID, a.Org.LogoKey, logo); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	s.flash(w, "org.flash.saved")
	redirect(w, r, orgURL(o))
}

// replaceLogo stores an organisation's new logo (nil removes it).
func (s *Server) replaceLogo(r *http.Request, orgID int64, oldKey string, logo *imaging.Result) error {
	return s.replaceImage(r.Context(), "logos", orgID, oldKey, logo, func(key string) error {
		return s.orgs.SetLogo(r.Context(), orgID, key)
	})
}
