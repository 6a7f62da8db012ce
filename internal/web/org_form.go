package web

import (
	"errors"
	"lokadaya/internal/opendata"
	"net/http"
	"net/url"

	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// orgFormData is what the create and edit pages need besides the form.
type orgFormData struct {
	Picker     *RegionPicker
	LegalForms []string
	Kinds      []org.Kind
	Issues     []string
	Access     *orgAccess // nil when creating
	// The organisation's open data licence, which its owners choose.
	DataLicence string
	Licences    []opendata.Licence
}

// renderOrgForm shows page ("org_new" or "org_edit") with what the user
// typed and, when errs is not empty, why it cannot be saved.
func (s *Server) renderOrgForm(w http.ResponseWriter, r *http.Request, status int, page string,
	form url.Values, errs validate.Errors, access *orgAccess) {
	picker, err := s.regionPicker(r.Context(), lang(r), form, true)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	picker.Action = r.URL.Path // the create and edit pages post to themselves
	if k, ok := errs["region"]; ok {
		picker.Error = i18n.T(lang(r), k)
	}
	title := i18n.T(lang(r), "org.new.title")
	if access != nil {
		title = i18n.T(lang(r), "org.edit.title", access.Org.Name)
	}
	data := &orgFormData{Picker: picker, LegalForms: org.LegalForms, Kinds: org.Kinds, Issues: org.FocusIssues, Access: access}
	if access != nil && (access.IsOwner() || access.Admin) {
		l, err := (&opendata.Store{DB: s.db}).Licence(r.Context(), access.Org.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		data.DataLicence, data.Licences = l.ID, opendata.Licences
	}
	v := s.view(r, title, data)
	v.Form = form
	if errs != nil {
		v.Errors = errs
	}
	s.render(w, r, status, page, v)
}

// orgInput reads the profile from a submitted form.
func orgInput(form url.Values) org.Input {
	return org.InputFrom(form, region.FromForm(form))
}

// asFormErrors tells invalid input (shown to the user) from other failures.
func asFormErrors(err error) (validate.Errors, bool) {
	var ve validate.Errors
	if errors.As(err, &ve) {
		return ve, true
	}
	return nil, false
}
