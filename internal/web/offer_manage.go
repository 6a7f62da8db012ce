package web

import (
	"errors"
	"net/http"
	"strconv"

	"lokadaya/internal/campaign"
	"lokadaya/internal/i18n"
	"lokadaya/internal/offer"
	"lokadaya/internal/validate"
)

// offerGroup is one need's offers with a count per status.
type offerGroup struct {
	Title   string
	Kind    string // "" for offers whose need was removed
	Removed bool
	Offers  []*offer.Offer
	Counts  map[string]int
}

// offerManagePage is a campaign's offers, need by need.
type offerManagePage struct {
	Access   *orgAccess
	Campaign *campaign.Campaign
	Groups   []*offerGroup
	Statuses []string
}

// offerManage lists a campaign's offers per keahlian and kemitraan need,
// with how many are in each status, for every member.
func (s *Server) offerManage(w http.ResponseWriter, r *http.Request) {
	cc, ok := s.loadCampaign(w, r, offerRead)
	if !ok {
		return
	}
	list, err := s.offerStore(r).ByCampaign(r.Context(), cc.Campaign.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := &offerManagePage{Access: cc.Access, Campaign: cc.Campaign, Statuses: offer.Statuses}
	byNeed := map[int64]*offerGroup{}
	for _, n := range cc.Campaign.Needs {
		if offerKind(n.Kind) {
			g := &offerGroup{Title: n.Title, Kind: n.Kind, Counts: map[string]int{}}
			byNeed[n.ID] = g
			p.Groups = append(p.Groups, g)
		}
	}
	var removed *offerGroup
	for _, o := range list {
		var g *offerGroup
		if o.NeedID != nil {
			g = byNeed[*o.NeedID]
		}
		if g == nil {
			if removed == nil {
				removed = &offerGroup{Removed: true, Counts: map[string]int{}}
			}
			g = removed
		}
		g.Offers = append(g.Offers, o)
		g.Counts[o.Status]++
	}
	if removed != nil {
		p.Groups = append(p.Groups, removed)
	}
	s.render(w, r, http.StatusOK, "offer_manage",
		s.view(r, i18n.T(lang(r), "offer.manage.title", cc.Campaign.Title), p))
}

// offerOrgShow is one offer for the organisation: the thread, the
// offerer's contacts for managers, the reply and status forms.
func (s *Server) offerOrgShow(w http.ResponseWriter, r *http.Request) {
	a, o, ok := s.loadOffer(w, r, offerRead)
	if !ok {
		return
	}
	s.renderOfferThread(w, r, http.StatusOK, a, o, nil)
}

// offerOrgReply adds a manager's reply, e-mailed to the offerer; a reply
// to a new offer moves it to dibahas.
func (s *Server) offerOrgReply(w http.ResponseWriter, r *http.Request) {
	a, o, ok := s.loadOffer(w, r, offerWrite)
	if !ok {
		return
	}
	_, _, err := s.offerStore(r).OrgReply(r.Context(), a.Org.ID, o.ID, offerActor(a), r.PostForm.Get("body"))
	s.afterOfferAction(w, r, a, o, err, "offer.flash.replied")
}

// offerStatus moves an offer on: dibahas, disepakati, or ditolak with a
// reason. Any other move is refused with 409.
func (s *Server) offerStatus(w http.ResponseWriter, r *http.Request) {
	a, o, ok := s.loadOffer(w, r, offerWrite)
	if !ok {
		return
	}
	_, err := s.offerStore(r).SetStatus(r.Context(), a.Org.ID, o.ID, offerActor(a), r.PostForm.Get("status"),
		r.PostForm.Get("reason"))
	s.afterOfferAction(w, r, a, o, err, "offer.flash.status")
}

// loadOffer loads the organisation in {slug} for a caller allowed by may
// and its offer {id}, and parses a posted form.
func (s *Server) loadOffer(w http.ResponseWriter, r *http.Request, may func(*orgAccess) bool) (*orgAccess, *offer.Offer, bool) {
	a, ok := s.orgFor(w, r, may)
	if !ok {
		return nil, nil, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.notFound(w, r)
		return nil, nil, false
	}
	o, err := s.offerStore(r).OfOrg(r.Context(), a.Org.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	if r.Method == http.MethodPost {
		if err := r.ParseForm(); err != nil {
			s.errorPage(w, r, http.StatusBadRequest, "400")
			return nil, nil, false
		}
	}
	return a, o, true
}

// afterOfferAction goes back to the offer, or shows it again with what
// went wrong.
func (s *Server) afterOfferAction(w http.ResponseWriter, r *http.Request, a *orgAccess, o *offer.Offer, err error, flash string) {
	if err != nil {
		if fresh, ferr := s.offerStore(r).ByID(r.Context(), o.ID); ferr == nil {
			o = fresh // another member may have moved it meanwhile
		}
	}
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		s.renderOfferThread(w, r, http.StatusUnprocessableEntity, a, o, errs)
	case errors.Is(err, offer.ErrTransition):
		s.renderOfferThread(w, r, http.StatusConflict, a, o, validate.Errors{"status": "offer.err.transition"})
	case err != nil:
		s.fail(w, r, err)
	default:
		s.flash(w, flash)
		redirect(w, r, offerOrgURL(a, o.ID))
	}
}

// offerActor is the caller as the thread and the audit log name them.
func offerActor(a *orgAccess) offer.Actor { return offer.Actor{ID: a.User.ID, Name: a.User.Name} }
