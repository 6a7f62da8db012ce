package web

import (
	"errors"
	"net/http"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/ratelimit"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
	"lokadaya/internal/volunteer"
)

// volunteerSignupPage is a relawan need with its slots, the hours its
// volunteers gave, the first names of those accepted, and the form.
type volunteerSignupPage struct {
	Campaign *campaign.Campaign
	Org      *org.Organization
	Need     campaign.Need
	Slots    volunteer.Slots
	Hours    string // the hours given, written out; "" when none
	Activity *volunteer.Activity
	Zone     *time.Location
	Names    []string // first names of accepted volunteers who allow it
	Unnamed  int      // accepted volunteers who asked not to be named
	Closed   string   // an i18n key saying why no sign-up is taken; "" when open
	FullNow  bool     // the last slot went while this person filled in the form
	Action   string
	Token    string
	Picker   *RegionPicker
}

// Percent is the share of slots filled by accepted volunteers, 0–100.
func (p *volunteerSignupPage) Percent() int {
	if p.Slots.Target <= 0 {
		return 0
	}
	return int(min(p.Slots.Accepted*100/p.Slots.Target, 100))
}

// volunteerLimit bounds sign-up forms per client address.
func (s *Server) volunteerLimit() *ratelimit.Limiter {
	return &ratelimit.Limiter{DB: s.db, Max: 20, Window: time.Hour}
}

// volunteerForm shows a relawan need and the form to sign up for it.
func (s *Server) volunteerForm(w http.ResponseWriter, r *http.Request) {
	c, o, n, ok := s.publicNeed(w, r, campaign.KindRelawan)
	if !ok {
		return
	}
	s.renderVolunteerSignup(w, r, http.StatusOK, c, o, n, newFormToken(), nil, false)
}

// volunteerSignup takes a sign-up from anyone, no account needed. A
// repeated submit of the same form lands on the same sign-up; when the
// last slot is gone the person may join the waiting list instead.
func (s *Server) volunteerSignup(w http.ResponseWriter, r *http.Request) {
	c, o, n, ok := s.publicNeed(w, r, campaign.KindRelawan)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	ctx := r.Context()
	in := volunteer.FromForm(r.PostForm)
	in.Lang = string(lang(r))
	token := in.Token
	if len(token) < 16 || len(token) > volunteer.MaxToken {
		token = newFormToken()
	}
	if r.PostForm.Has(region.FieldRefresh) { // the region picker without JavaScript
		s.renderVolunteerSignup(w, r, http.StatusOK, c, o, n, token, nil, false)
		return
	}
	// A resubmit of a form already taken goes where the first went before
	// the rate limit counts it.
	if v, err := s.volunteerStore().ByToken(ctx, in.Token); err == nil && v.NeedID == n.ID {
		s.volunteerSignedUpFlash(w, r, v)
		return
	}
	if !s.allow(w, r, s.volunteerLimit(), "relawan:"+clientIP(r, s.cfg.TrustProxy)) {
		return
	}
	if !c.Open() {
		s.renderVolunteerSignup(w, r, http.StatusConflict, c, o, n, token, validate.Errors{}, false)
		return
	}
	picker, err := s.regionPicker(ctx, lang(r), r.PostForm, false)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	in.RegionCode = picker.Code
	v, _, err := s.volunteerStore().SignUp(ctx, volunteer.Target{CampaignID: c.ID, NeedID: n.ID, OrgID: c.OrgID}, in)
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		s.renderVolunteerSignup(w, r, http.StatusUnprocessableEntity, c, o, n, token, errs, false)
	case errors.Is(err, volunteer.ErrFull):
		s.renderVolunteerSignup(w, r, http.StatusConflict, c, o, n, token, validate.Errors{}, true)
	case errors.Is(err, volunteer.ErrNotRelawan): // the need changed meanwhile
		s.notFound(w, r)
	case err != nil:
		s.serverError(w, r, err)
	default:
		s.volunteerSignedUpFlash(w, r, v)
	}
}

// volunteerSignedUpFlash thanks the volunteer on the need's page.
func (s *Server) volunteerSignedUpFlash(w http.ResponseWriter, r *http.Request, v *volunteer.Signup) {
	if v.Status == volunteer.StatusWaiting {
		s.flash(w, "volunteer.flash.waiting")
	} else {
		s.flash(w, "volunteer.flash.signed_up")
	}
	redirect(w, r, r.URL.Path)
}

// renderVolunteerSignup shows the sign-up page; after a mistake, with
// what the person typed and the same, still unused, token.
func (s *Server) renderVolunteerSignup(w http.ResponseWriter, r *http.Request, status int, c *campaign.Campaign,
	o *org.Organization, n *campaign.Need, token string, errs validate.Errors, fullNow bool) {
	ctx := r.Context()
	p := &volunteerSignupPage{Campaign: c, Org: o, Need: *n, Zone: region.Zone(o.RegionCode), FullNow: fullNow,
		Action: volunteerNeedPath(c.Slug, n.ID), Token: token}
	if !c.Open() {
		p.Closed = "volunteer.signup.closed"
	}
	var err error
	if p.Slots, err = s.volunteerStore().Slots(ctx, n.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.Slots.Minutes > 0 {
		p.Hours = volunteerDuration(lang(r), p.Slots.Minutes)
	}
	if p.Activity, err = volunteer.ActivityOf(ctx, s.db, n.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	accepted, err := s.volunteerStore().Public(ctx, n.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, v := range accepted {
		if name := v.FirstName(); name != "" {
			p.Names = append(p.Names, name)
		} else {
			p.Unnamed++
		}
	}
	form := r.PostForm
	if errs == nil {
		form = nil // a fresh form
	}
	if p.Picker, err = s.regionPicker(ctx, lang(r), r.PostForm, false); err != nil {
		s.serverError(w, r, err)
		return
	}
	p.Picker.Error, p.Picker.Action = "", p.Action
	v := s.view(r, i18n.T(lang(r), "volunteer.signup.title", n.Title), p)
	if form != nil {
		v.Form, v.Errors = form, errs
	} else if r.PostForm.Has(region.FieldRefresh) {
		v.Form = r.PostForm
	}
	s.render(w, r, status, "volunteer_signup", v)
}

// volunteerDuration writes minutes as hours and minutes in l.
func volunteerDuration(l i18n.Lang, minutes int64) string {
	h, m := volunteer.FormatMinutes(minutes)
	switch {
	case h > 0 && m > 0:
		return i18n.T(l, "volunteer.dur.hm", h, m)
	case h > 0:
		return i18n.T(l, "volunteer.dur.h", h)
	default:
		return i18n.T(l, "volunteer.dur.m", m)
	}
}
