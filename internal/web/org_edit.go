package web

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"

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
	if logo != nil || form.Get("remove_logo") == "1" {
		if err := s.replaceLogo(r, o.ID, a.Org.LogoKey, logo); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	s.flash(w, "org.flash.saved")
	redirect(w, r, orgURL(o))
}

// readLogo processes the uploaded logo, if any. It returns the i18n key of
// the reason when the picture is refused.
func readLogo(r *http.Request) (*imaging.Result, string) {
	f, _, err := r.FormFile("logo")
	if errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart) {
		return nil, ""
	}
	if err != nil {
		return nil, "form.invalid"
	}
	defer f.Close()
	res, err := imaging.Process(f, logoBox)
	switch {
	case err == nil:
		return res, ""
	case errors.Is(err, imaging.ErrTooLarge):
		return nil, "org.image.too_large"
	case errors.Is(err, imaging.ErrUnsupported):
		return nil, "org.image.unsupported"
	case errors.Is(err, imaging.ErrDimensions):
		return nil, "org.image.dimensions"
	default:
		return nil, "org.image.corrupt"
	}
}

// replaceLogo stores the new logo (nil removes it) under a fresh key, so
// browsers holding the old one in their long-lived cache never see it
// again, then deletes the old file.
func (s *Server) replaceLogo(r *http.Request, orgID int64, oldKey string, logo *imaging.Result) error {
	key := ""
	if logo != nil {
		var rnd [8]byte
		_, _ = rand.Read(rnd[:])
		key = "logos/" + strconv.FormatInt(orgID, 10) + "-" + hex.EncodeToString(rnd[:]) + logo.Ext
		if err := s.blobs.Put(r.Context(), key, logo.ContentType, bytes.NewReader(logo.Data)); err != nil {
			return fmt.Errorf("web: store logo: %w", err)
		}
	}
	if err := s.orgs.SetLogo(r.Context(), orgID, key); err != nil {
		return err
	}
	if oldKey != "" {
		if err := s.blobs.Delete(r.Context(), oldKey); err != nil {
			s.log.Warn("old logo not deleted", "key", oldKey, "err", err)
		}
	}
	return nil
}
