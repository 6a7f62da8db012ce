package web

import (
	"errors"
	"net/http"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/goods"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

// goodsSupportersShown is how many pledgers the pledge page thanks.
const goodsSupportersShown = 50

// goodsPledgePage is a barang need with where it stands, its supporters
// and the pledge form.
type goodsPledgePage struct {
	Campaign   *campaign.Campaign
	Org        *org.Organization
	Need       campaign.Need
	Tally      goods.Tally
	Supporters []*goods.Pledge
	Closed     string // an i18n key saying why no pledge is taken now; "" when open
	Action     string
	Token      string
	Deliveries []string
	Today      string // YYYY-MM-DD, the earliest expected day
}

// Percent is the share of the target received, 0–100.
func (p *goodsPledgePage) Percent() int {
	if p.Tally.Target <= 0 {
		return 0
	}
	return int(min(p.Tally.Received*100/p.Tally.Target, 100))
}

// ValueReceived is the estimated rupiah value of what arrived, when the
// need names a value per item.
func (p *goodsPledgePage) ValueReceived() int64 { return p.value(p.Tally.Received) }

// ValuePromised is the estimated value of what was pledged and has not
// arrived yet.
func (p *goodsPledgePage) ValuePromised() int64 { return p.value(p.Tally.Promised) }

func (p *goodsPledgePage) value(items int64) int64 {
	if p.Need.ItemValue == nil {
		return 0
	}
	return items * *p.Need.ItemValue
}

// goodsPledgeForm shows a barang need and the form to pledge to it.
func (s *Server) goodsPledgeForm(w http.ResponseWriter, r *http.Request) {
	c, o, n, ok := s.publicNeed(w, r, campaign.KindBarang)
	if !ok {
		return
	}
	s.renderGoodsPledge(w, r, http.StatusOK, c, o, n, newFormToken(), nil)
}

// goodsPledge takes a pledge from anyone, no account needed, and sends
// the pledger to its private page. A repeated submit of the same form
// lands on the same pledge.
func (s *Server) goodsPledge(w http.ResponseWriter, r *http.Request) {
	c, o, n, ok := s.publicNeed(w, r, campaign.KindBarang)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	ctx := r.Context()
	in := goods.FromForm(r.PostForm)
	in.Lang = string(lang(r))
	// A resubmit of a form already taken goes to its pledge before the
	// rate limit counts it.
	if p, err := s.goodsStore().ByToken(ctx, in.Token); err == nil && p.CampaignID == c.ID {
		redirect(w, r, pledgeURL(p))
		return
	}
	if !s.allow(w, r, s.goodsLimit(), "barang:"+clientIP(r, s.cfg.TrustProxy)) {
		return
	}
	token := in.Token
	if len(token) < goods.MinToken || len(token) > goods.MaxToken {
		token = newFormToken()
	}
	if !c.Open() {
		s.renderGoodsPledge(w, r, http.StatusConflict, c, o, n, token, validate.Errors{})
		return
	}
	t := goods.Target{CampaignID: c.ID, NeedID: n.ID, OrgID: c.OrgID, Item: n.Title, Unit: n.Unit}
	p, _, err := s.goodsStore().Create(ctx, t, in, goodsToday(o))
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		s.renderGoodsPledge(w, r, http.StatusUnprocessableEntity, c, o, n, token, errs)
	case errors.Is(err, db.ErrNotFound): // the need went away meanwhile
		s.notFound(w, r)
	case err != nil:
		s.serverError(w, r, err)
	default:
		redirect(w, r, pledgeURL(p))
	}
}

// renderGoodsPledge shows the pledge page; after a mistake, with what the
// pledger typed and the same, still unused, token.
func (s *Server) renderGoodsPledge(w http.ResponseWriter, r *http.Request, status int, c *campaign.Campaign,
	o *org.Organization, n *campaign.Need, token string, errs validate.Errors) {
	ctx := r.Context()
	store := s.goodsStore()
	p := &goodsPledgePage{Campaign: c, Org: o, Need: *n, Action: goodsNeedURL(c, n), Token: token,
		Deliveries: goods.Deliveries, Today: goodsToday(o).Format(goods.DateLayout)}
	var err error
	if p.Tally, err = store.Tally(ctx, n.ID); err == nil {
		p.Supporters, err = store.Supporters(ctx, n.ID, goodsSupportersShown)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	switch {
	case !c.Open():
		p.Closed = "goods.closed.campaign"
	case p.Tally.Remaining == 0:
		p.Closed = "goods.closed.full"
	}
	v := s.view(r, i18n.T(lang(r), "goods.pledge.title", n.Title), p)
	if errs != nil {
		v.Form, v.Errors = r.PostForm, errs
	}
	s.render(w, r, status, "goods_pledge", v)
}

// goodsShowPage is a pledge's private page.
type goodsShowPage struct {
	*goods.Pledge
	Campaign *campaign.Campaign
	Org      *org.Organization
	Receipts []goods.Receipt
}

// goodsShow is the thank-you page a pledger lands on, and where they
// follow what arrived. Its address is the form's one-time token.
func (s *Server) goodsShow(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	store := s.goodsStore()
	p, err := store.ByToken(ctx, r.PathValue("token"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page := &goodsShowPage{Pledge: p}
	if page.Campaign, err = s.campaignStore().ByID(ctx, p.CampaignID); err == nil {
		page.Org, err = s.orgs.ByID(ctx, p.OrgID)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rs, err := store.Receipts(ctx, 0, p.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	page.Receipts = rs[p.ID]
	s.render(w, r, http.StatusOK, "goods_show", s.view(r, i18n.T(lang(r), "goods.show.title"), page))
}
