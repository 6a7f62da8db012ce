package web

import (
	"errors"
	"net/http"
	"strconv"

	"lokadaya/internal/campaign"
	"lokadaya/internal/i18n"
	"lokadaya/internal/offer"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

// offerGivePage is a keahlian or kemitraan need with its public figures
// and the form to offer.
type offerGivePage struct {
	Campaign *campaign.Campaign
	Org      *org.Organization
	Need     *campaign.Need
	Counts   offer.Counts
	Partners []string // public names of agreed partners
	Token    string   // one-time token of this form
	Kinds    []string
}

// Unnamed is how many agreed partners chose not to be named.
func (p *offerGivePage) Unnamed() int64 { return max(p.Counts.Agreed-int64(len(p.Partners)), 0) }

// Action is where the form posts.
func (p *offerGivePage) Action() string {
	return campaignPublicURL(p.Campaign) + "/tawaran/" + strconv.FormatInt(p.Need.ID, 10)
}

// offerForm shows what a need seeks, how many offers it got and who
// agreed, and the form while the campaign runs.
func (s *Server) offerForm(w http.ResponseWriter, r *http.Request) {
	c, o, n, ok := s.publicNeed(w, r, campaign.KindKeahlian, campaign.KindKemitraan)
	if !ok {
		return
	}
	s.renderOfferForm(w, r, http.StatusOK, c, o, n, "", nil)
}

// offerCreate takes an offer from anyone, no account needed, and sends
// the offerer to their private page. A repeated submit of the same form
// lands on the same offer.
func (s *Server) offerCreate(w http.ResponseWriter, r *http.Request) {
	c, o, n, ok := s.publicNeed(w, r, campaign.KindKeahlian, campaign.KindKemitraan)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	in := offer.FromForm(r.PostForm)
	store := s.offerStore(r)
	if prev, err := store.ByFormToken(r.Context(), in.Token); err == nil && prev.CampaignID == c.ID {
		redirect(w, r, offerPrivateURL(prev))
		return
	}
	if !s.allow(w, r, s.offerLimit(), "tawaran:"+clientIP(r, s.cfg.TrustProxy)) {
		return
	}
	if !c.Open() {
		s.renderOfferForm(w, r, http.StatusConflict, c, o, n, in.Token, validate.Errors{})
		return
	}
	made, _, err := store.Create(r.Context(), offer.Target{CampaignID: c.ID, NeedID: n.ID, NeedTitle: n.Title,
		OrgID: c.OrgID, Lang: string(lang(r))}, in)
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		s.renderOfferForm(w, r, http.StatusUnprocessableEntity, c, o, n, in.Token, errs)
	case err != nil:
		s.serverError(w, r, err)
	default:
		s.flash(w, "offer.flash.sent")
		redirect(w, r, offerPrivateURL(made))
	}
}

// renderOfferForm shows the page; after a mistake (errs not nil) it keeps
// what the offerer typed and the form's still unused token.
func (s *Server) renderOfferForm(w http.ResponseWriter, r *http.Request, status int, c *campaign.Campaign,
	o *org.Organization, n *campaign.Need, token string, errs validate.Errors) {
	ctx := r.Context()
	p := &offerGivePage{Campaign: c, Org: o, Need: n, Kinds: offer.Kinds, Token: token}
	if len(p.Token) < 16 || len(p.Token) > offer.MaxToken {
		p.Token = newFormToken()
	}
	var err error
	if p.Counts, err = offer.NeedCounts(ctx, s.db, n.ID); err == nil {
		p.Partners, err = offer.Partners(ctx, s.db, n.ID)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := s.view(r, i18n.T(lang(r), "offer.give.title", n.Title), p)
	if errs != nil {
		v.Form, v.Errors = r.PostForm, errs
	}
	s.render(w, r, status, "offer_give", v)
}
