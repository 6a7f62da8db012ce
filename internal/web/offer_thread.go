package web

import (
	"errors"
	"net/http"

	"lokadaya/internal/campaign"
	"lokadaya/internal/i18n"
	"lokadaya/internal/offer"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

// offerThreadPage is an offer with its thread, as the offerer (through
// the private link) or the organisation sees it.
type offerThreadPage struct {
	Offer    *offer.Offer
	Thread   []offer.Message
	Campaign *campaign.Campaign
	Org      *org.Organization
	Access   *orgAccess // nil on the offerer's page
	CanWrite bool       // may reply: the offerer on an open offer, a manager always
	Action   string     // where replies post
	lang     i18n.Lang
}

// Who names the author of a thread entry from this page's side.
func (p *offerThreadPage) Who(m offer.Message) string {
	switch {
	case !m.FromOrg && p.Access == nil:
		return i18n.T(p.lang, "offer.show.you")
	case !m.FromOrg:
		return offererLabel(p.Offer)
	case p.Access != nil && m.AuthorName != "":
		return m.AuthorName
	}
	return p.Org.Name
}

// OffererName names the offerer from this page's side.
func (p *offerThreadPage) OffererName() string { return p.Who(offer.Message{}) }

// Insider reports whether the organisation views the page.
func (p *offerThreadPage) Insider() bool { return p.Access != nil }

// Manager reports whether the viewer answers for the organisation and so
// sees the offerer's contacts and the status forms.
func (p *offerThreadPage) Manager() bool { return p.Access != nil && offerWrite(p.Access) }

// offerShow is the offerer's private page: the offer, its status and the
// thread, with a reply form while the offer is open.
func (s *Server) offerShow(w http.ResponseWriter, r *http.Request) {
	o, err := s.offerStore(r).ByAccess(r.Context(), r.PathValue("token"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderOfferThread(w, r, http.StatusOK, nil, o, nil)
}

// offerReply takes the offerer's reply through the private link; a closed
// offer takes none (409 with a clear message).
func (s *Server) offerReply(w http.ResponseWriter, r *http.Request) {
	store := s.offerStore(r)
	o, err := store.ByAccess(r.Context(), r.PathValue("token"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	if !s.allow(w, r, s.offerLimit(), "tawaran-balas:"+clientIP(r, s.cfg.TrustProxy)) {
		return
	}
	_, _, err = store.OffererReply(r.Context(), o.AccessToken, r.PostForm.Get("body"))
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		s.renderOfferThread(w, r, http.StatusUnprocessableEntity, nil, o, errs)
	case errors.Is(err, offer.ErrClosed):
		if o, err = store.ByID(r.Context(), o.ID); err != nil {
			s.fail(w, r, err)
			return
		}
		s.renderOfferThread(w, r, http.StatusConflict, nil, o, validate.Errors{"body": "offer.err.closed"})
	case err != nil:
		s.fail(w, r, err)
	default:
		s.flash(w, "offer.flash.replied")
		redirect(w, r, offerPrivateURL(o))
	}
}

// renderOfferThread shows an offer to its offerer (a nil) or to the
// organisation; errs keep what was typed.
func (s *Server) renderOfferThread(w http.ResponseWriter, r *http.Request, status int, a *orgAccess, o *offer.Offer,
	errs validate.Errors) {
	ctx := r.Context()
	p := &offerThreadPage{Offer: o, Access: a, lang: lang(r)}
	var err error
	if p.Thread, err = s.offerStore(r).Thread(ctx, o.ID); err == nil {
		if p.Campaign, err = s.campaignStore().ByID(ctx, o.CampaignID); err == nil {
			p.Org, err = s.orgs.ByID(ctx, o.OrgID)
		}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page, title := "offer_show", i18n.T(lang(r), "offer.show.title")
	if a == nil {
		p.CanWrite, p.Action = !o.Closed(), offerPrivateURL(o)
	} else {
		page, title = "offer_org", offererLabel(o)
		p.CanWrite, p.Action = offerWrite(a), offerOrgURL(a, o.ID)+"/balas"
	}
	v := s.view(r, title, p)
	if errs != nil {
		v.Form, v.Errors = r.PostForm, errs
	}
	s.render(w, r, status, page, v)
}
