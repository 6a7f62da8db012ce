package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"lokadaya/internal/i18n"
	"lokadaya/internal/petition"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// recentSigners is how many verified signers a petition page lists.
const recentSigners = 20

// petitionPage is a petition's public page with its signature form.
type petitionPage struct {
	*petitionCtx
	Signed  int64 // verified signatures
	Percent int
	Recent  []petition.Signer
	Picker  *RegionPicker
	Open    bool
	Already bool // the e-mail given has signed this campaign already
	Zone    *time.Location
}

// petitionShow is a petition's public page.
func (s *Server) petitionShow(w http.ResponseWriter, r *http.Request) {
	p, ok := s.loadPetition(w, r)
	if !ok {
		return
	}
	s.renderPetition(w, r, http.StatusOK, p, url.Values{}, nil, false)
}

// petitionSign takes a signature from anyone, no account needed, and
// e-mails its verification link. An e-mail signs once per campaign: an
// unverified one gets a fresh link, a verified one is told so and
// nothing else. New and re-sent signatures get the same answer.
func (s *Server) petitionSign(w http.ResponseWriter, r *http.Request) {
	p, ok := s.loadPetition(w, r)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	form := r.PostForm
	if form.Has(region.FieldRefresh) {
		// The picker without JavaScript: show the next level's choices.
		s.renderPetition(w, r, http.StatusOK, p, form, nil, false)
		return
	}
	if !p.Campaign.Open() {
		s.renderPetition(w, r, http.StatusConflict, p, form, nil, false)
		return
	}
	if !s.allow(w, r, s.signLimit(), "petisi:"+clientIP(r, s.cfg.TrustProxy)) {
		return
	}
	in := petition.FromForm(form)
	in.Lang = string(lang(r))
	if errs := in.Check(); len(errs) > 0 {
		s.renderPetition(w, r, http.StatusUnprocessableEntity, p, form, errs, false)
		return
	}
	if !s.allow(w, r, s.signMailLimit(), "petisi-email:"+emailKey(in.Email)) {
		return
	}
	store := s.petitionStore()
	store.OnSign = s.queueSignatureMail(r, p)
	outcome, _, err := store.Sign(r.Context(), petition.Target{CampaignID: p.Campaign.ID, NeedID: p.Need.ID}, in)
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		s.renderPetition(w, r, http.StatusUnprocessableEntity, p, form, errs, false)
	case errors.Is(err, petition.ErrClosed):
		s.renderPetition(w, r, http.StatusConflict, p, form, nil, false)
	case err != nil:
		s.serverError(w, r, err)
	case outcome == petition.AlreadySigned:
		s.renderPetition(w, r, http.StatusConflict, p, form, validate.Errors{"email": "petition.err.already"}, true)
	default:
		s.flash(w, "petition.flash.check_mail")
		redirect(w, r, p.URL())
	}
}

// renderPetition shows the petition page with what the signer typed and
// what is wrong with it.
func (s *Server) renderPetition(w http.ResponseWriter, r *http.Request, status int, p *petitionCtx,
	form url.Values, errs validate.Errors, already bool) {
	ctx := r.Context()
	pg := &petitionPage{petitionCtx: p, Open: p.Campaign.Open(), Already: already, Zone: region.Zone(p.Org.RegionCode)}
	var err error
	if pg.Signed, err = petition.Verified(ctx, s.db, p.Need.ID); err == nil {
		pg.Recent, err = s.petitionStore().Recent(ctx, p.Need.ID, recentSigners)
	}
	if err == nil {
		pg.Picker, err = s.regionPicker(ctx, lang(r), form, true)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	pg.Picker.Action = p.URL()
	if k, ok := errs["region"]; ok {
		pg.Picker.Error = i18n.T(lang(r), k)
	}
	pg.Percent = needProgress{Need: p.Need, Fulfilled: pg.Signed}.Percent()
	v := s.view(r, i18n.T(lang(r), "petition.title", p.Need.Title), pg)
	v.Form = form
	if errs != nil {
		v.Errors = errs
	}
	s.render(w, r, status, "petition_show", v)
}

// petitionVerifiedPage thanks a signer whose link worked.
type petitionVerifiedPage struct {
	*petitionCtx
	Signature *petition.Signature
	First     bool
	Signed    int64
	ShareURL  string
}

// petitionVerify uses the link from the verification e-mail: the
// signature counts from now on, and the signer is thanked with the
// count. Opening it again thanks again; an unknown or expired link is
// 410.
func (s *Server) petitionVerify(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	g, first, err := s.petitionStore().Verify(ctx, r.PathValue("token"))
	if errors.Is(err, petition.ErrTokenInvalid) {
		s.accountMessage(w, r, http.StatusGone, "petition.link.title", "petition.link.body")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	c, err := s.campaignStore().ByID(ctx, g.CampaignID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	o, err := s.orgs.ByID(ctx, c.OrgID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := &petitionCtx{Campaign: c, Org: o}
	for _, n := range c.Needs {
		if n.ID == g.NeedID {
			p.Need = n
		}
	}
	pg := &petitionVerifiedPage{petitionCtx: p, Signature: g, First: first,
		ShareURL: strings.TrimRight(s.cfg.BaseURL, "/") + p.URL()}
	if pg.Signed, err = petition.Verified(ctx, s.db, g.NeedID); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "petition_verified", s.view(r, i18n.T(lang(r), "petition.verified.title", g.Name), pg))
}
