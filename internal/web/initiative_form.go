package web

import (
	"context"
	"errors"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"lokadaya/internal/cycletool"
	"lokadaya/internal/framework"
	"lokadaya/internal/i18n"
	"lokadaya/internal/imaging"
	"lokadaya/internal/initiative"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// initiativeFormPage is the new/edit form of an initiative, with the
// "triangle" beside it: the stage 1 answers and the stage 2 assets.
type initiativeFormPage struct {
	*toolCtx
	Initiative *initiative.Initiative // nil when creating
	Categories []string
	Assets     []cycletool.Asset
	// OtherAssets are linked assets of another cycle, kept as they are.
	OtherAssets []int64
	Answers     []toolAnswer
	// Regions are the regions served, named with their parents, listed as
	// ticked boxes (untick to remove); Picker adds one more by name, and
	// codes may still be pasted (region_codes), for long lists.
	Regions []namedRegion
	Picker  *RegionPicker
}

// toolAnswer is the latest answer to a stage 1 guiding question.
type toolAnswer struct {
	Key      string
	Question framework.Text
	Body     string
}

// TextFields are the long fields after the problem, in form order.
func (p *initiativeFormPage) TextFields() []string {
	return []string{"framework", "advantages", "stakeholder_scheme", "communication_sheet", "expected_results", "cost_recovery"}
}

// Checked reports whether asset id is ticked in the form.
func (p *initiativeFormPage) Checked(form url.Values, id int64) bool {
	want := strconv.FormatInt(id, 10)
	for _, v := range form["assets"] {
		if v == want {
			return true
		}
	}
	return false
}

// initiativeNew shows an empty initiative form.
func (s *Server) initiativeNew(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadTool(w, r, 3)
	if !ok || !s.toolWrite(w, r, c) {
		return
	}
	s.renderInitiativeForm(w, r, http.StatusOK, c, nil, url.Values{}, nil)
}

// initiativeCreate stores a new draft initiative.
func (s *Server) initiativeCreate(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadTool(w, r, 3)
	if !ok || !s.toolWrite(w, r, c) {
		return
	}
	form, logo, errs, ok := s.initiativeFormInput(w, r, c, nil)
	if !ok || s.initiativeRegionStep(w, r, c, nil, form) {
		return
	}
	in := initiative.FromForm(form)
	if len(errs) == 0 {
		i, err := s.initiativeStore().Create(r.Context(), toolActor(c), c.Access.Org.ID, c.Cycle.ID, in)
		var ve validate.Errors
		if errors.As(err, &ve) {
			errs = ve
		} else if err != nil {
			s.serverError(w, r, err)
			return
		} else {
			s.finishInitiativeSave(w, r, c, i, logo)
			return
		}
	}
	s.renderInitiativeForm(w, r, http.StatusUnprocessableEntity, c, nil, form, errs)
}

// initiativeEdit shows an initiative's form.
func (s *Server) initiativeEdit(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadTool(w, r, 3)
	if !ok || !s.toolWrite(w, r, c) {
		return
	}
	i, ok := s.loadOrgInitiative(w, r, c)
	if !ok {
		return
	}
	s.renderInitiativeForm(w, r, http.StatusOK, c, i, i.Form(), nil)
}

// initiativeUpdate saves an initiative.
func (s *Server) initiativeUpdate(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadTool(w, r, 3)
	if !ok || !s.toolWrite(w, r, c) {
		return
	}
	cur, ok := s.loadOrgInitiative(w, r, c)
	if !ok {
		return
	}
	form, logo, errs, ok := s.initiativeFormInput(w, r, c, cur)
	if !ok || s.initiativeRegionStep(w, r, c, cur, form) {
		return
	}
	if len(errs) == 0 {
		i, err := s.initiativeStore().Update(r.Context(), toolActor(c), cur.ID, initiative.FromForm(form))
		var ve validate.Errors
		if errors.As(err, &ve) {
			errs = ve
		} else if err != nil {
			s.fail(w, r, err)
			return
		} else {
			if form.Get("remove_logo") == "1" && logo == nil {
				if err := s.storeInitiativeLogo(r.Context(), i, nil); err != nil {
					s.serverError(w, r, err)
					return
				}
			}
			s.finishInitiativeSave(w, r, c, i, logo)
			return
		}
	}
	s.renderInitiativeForm(w, r, http.StatusUnprocessableEntity, c, cur, form, errs)
}

// initiativeFormInput parses the (multipart) form and the logo; ok is
// false when an answer was already written.
func (s *Server) initiativeFormInput(w http.ResponseWriter, r *http.Request, c *toolCtx, cur *initiative.Initiative) (url.Values, *imaging.Result, validate.Errors, bool) {
	r.Body = http.MaxBytesReader(w, r.Body, imaging.MaxUploadBytes+512<<10)
	if err := r.ParseMultipartForm(1 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		status, key := http.StatusBadRequest, "form.invalid"
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			status, key = http.StatusRequestEntityTooLarge, "org.image.too_large"
		}
		form := url.Values{}
		if cur != nil {
			form = cur.Form()
		}
		s.renderInitiativeForm(w, r, status, c, cur, form, validate.Errors{"logo": key})
		return nil, nil, nil, false
	}
	form := r.PostForm
	errs := validate.Errors{}
	logo, key := readLogo(r)
	if key != "" {
		errs.Add("logo", key)
	}
	in := initiative.FromForm(form)
	for f, k := range in.Check() {
		errs.Add(f, k)
	}
	return form, logo, errs, true
}

// initiativeRegionStep answers the region picker's buttons, which show the
// form again without saving: one refreshes the picker's choices, the other
// adds the region picked to those served. It reports whether it answered.
func (s *Server) initiativeRegionStep(w http.ResponseWriter, r *http.Request, c *toolCtx, cur *initiative.Initiative, form url.Values) bool {
	switch {
	case form.Has(region.FieldRefresh):
	case form.Has(fieldRegionAdd):
		picker, err := s.regionPicker(r.Context(), lang(r), form, false)
		if err != nil {
			s.serverError(w, r, err)
			return true
		}
		form["regions"] = pickedRegionCodes(form, picker.Code)
		for _, f := range region.Fields {
			form.Del(f)
		}
	default:
		return false
	}
	s.renderInitiativeForm(w, r, http.StatusOK, c, cur, form, nil)
	return true
}

// finishInitiativeSave stores the new logo, if any, and goes back to the list.
func (s *Server) finishInitiativeSave(w http.ResponseWriter, r *http.Request, c *toolCtx, i *initiative.Initiative, logo *imaging.Result) {
	if logo != nil {
		if err := s.storeInitiativeLogo(r.Context(), i, logo); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	s.reindex(r.Context(), initiativeRef(i.ID))
	s.flash(w, "initiative.flash.saved")
	redirect(w, r, initiativesURL(c))
}

// loadOrgInitiative loads the initiative named by {islug}; it must be the
// organisation's (404 otherwise).
func (s *Server) loadOrgInitiative(w http.ResponseWriter, r *http.Request, c *toolCtx) (*initiative.Initiative, bool) {
	i, err := s.initiativeStore().BySlug(r.Context(), r.PathValue("islug"))
	if err == nil && i.OrgID != c.Access.Org.ID {
		err = errNotOrgs
	}
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	return i, true
}

func (s *Server) renderInitiativeForm(w http.ResponseWriter, r *http.Request, status int, c *toolCtx, i *initiative.Initiative, form url.Values, errs validate.Errors) {
	ctx := r.Context()
	p := &initiativeFormPage{toolCtx: c, Initiative: i, Categories: initiative.Categories()}
	var err error
	if p.Assets, err = s.toolStore().Assets(ctx, c.Cycle.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	if i != nil {
		here := map[int64]bool{}
		for _, a := range p.Assets {
			here[a.ID] = true
		}
		for _, id := range i.AssetIDs {
			if !here[id] {
				p.OtherAssets = append(p.OtherAssets, id)
			}
		}
	}
	if p.Answers, err = s.stageOneAnswers(ctx, c.Cycle.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	form, err = s.initiativeRegions(r, p, form)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	title := "initiative.new.title"
	if i != nil {
		title = "initiative.edit.title"
	}
	v := s.view(r, i18n.T(lang(r), title), p)
	v.Form = form
	if errs != nil {
		v.Errors = errs
	}
	s.render(w, r, status, "initiative_form", v)
}

// initiativeRegions names the regions a form serves for p, with the
// picker, and returns the form to show: the known regions as ticked boxes
// ("regions"), and in region_codes only the typed codes that name no
// region, for the person to correct.
func (s *Server) initiativeRegions(r *http.Request, p *initiativeFormPage, form url.Values) (url.Values, error) {
	typed := initiative.FromForm(form).Regions
	probe := initiative.FromForm(form)
	_ = probe.Check()
	var err error
	if p.Regions, err = s.namedRegions(r, probe.Regions); err != nil {
		return nil, err
	}
	if p.Picker, err = s.regionPicker(r.Context(), lang(r), form, false); err != nil {
		return nil, err
	}
	p.Picker.Action = r.URL.Path // the new and edit pages post to themselves: back to the picker, not the top
	form = maps.Clone(form)
	known := map[string]bool{}
	form["regions"] = nil
	for _, n := range p.Regions {
		known[n.Code] = true
		form["regions"] = append(form["regions"], n.Code)
	}
	var unknown []string
	for _, code := range typed {
		if !known[code] && !slices.Contains(unknown, code) {
			unknown = append(unknown, code)
		}
	}
	form.Set("region_codes", strings.Join(unknown, "\n"))
	return form, nil
}

// storeInitiativeLogo stores an initiative's new logo (nil removes it).
func (s *Server) storeInitiativeLogo(ctx context.Context, i *initiative.Initiative, logo *imaging.Result) error {
	return s.replaceImage(ctx, "initiatives", i.ID, i.LogoKey, logo, func(key string) error {
		return s.initiativeStore().SetLogo(ctx, i.ID, key)
	})
}
