package web

import (
	"errors"
	"net/http"
	"strconv"

	"lokadaya/internal/campaign"
	"lokadaya/internal/goods"
	"lokadaya/internal/i18n"
	"lokadaya/internal/validate"
)

// goodsManagePage is a campaign's pledges for the organisation, need by
// need, with what arrived of each.
type goodsManagePage struct {
	*campaignCtx
	// Needs are the campaign's barang needs, then (Orphans) the pledges
	// to needs since removed, if any.
	Needs    []goodsNeedPledges
	Receipts map[int64][]goods.Receipt
	CanMark  bool   // may record receipts and cancel
	Contacts bool   // sees the pledgers' e-mails and phones (seesPledgerContacts)
	Today    string // YYYY-MM-DD: the latest receipt day
	ErrorFor int64  // the pledge whose form the errors belong to
}

// goodsNeedPledges is one barang need with its tally and pledges.
type goodsNeedPledges struct {
	Need    campaign.Need
	Tally   goods.Tally
	Pledges []*goods.Pledge
	Orphans bool // the group of pledges whose need was removed
}

// ValueReceived is the estimated rupiah value of what arrived, 0 when the
// need names no value per item.
func (n goodsNeedPledges) ValueReceived() int64 {
	if n.Need.ItemValue == nil {
		return 0
	}
	return n.Tally.Received * *n.Need.ItemValue
}

// goodsManage lists a campaign's pledges for the organisation.
func (s *Server) goodsManage(w http.ResponseWriter, r *http.Request) {
	cc, ok := s.loadCampaign(w, r, goodsRead)
	if !ok {
		return
	}
	s.renderGoodsManage(w, r, http.StatusOK, cc, 0, nil)
}

func (s *Server) renderGoodsManage(w http.ResponseWriter, r *http.Request, status int, cc *campaignCtx, errorFor int64, errs validate.Errors) {
	ctx := r.Context()
	store := s.goodsStore()
	c := cc.Campaign
	p := &goodsManagePage{campaignCtx: cc, CanMark: goodsMark(cc.Access), Contacts: seesPledgerContacts(cc.Access),
		Today: goodsToday(cc.Access.Org).Format(goods.DateLayout), ErrorFor: errorFor}
	pledges, err := store.ForCampaign(ctx, c.ID)
	if err == nil {
		p.Receipts, err = store.Receipts(ctx, c.ID, 0)
	}
	byNeed := map[int64]int{}
	for _, n := range c.Needs {
		if n.Kind != campaign.KindBarang || err != nil {
			continue
		}
		var t goods.Tally
		t, err = store.Tally(ctx, n.ID)
		byNeed[n.ID] = len(p.Needs)
		p.Needs = append(p.Needs, goodsNeedPledges{Need: n, Tally: t})
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	orphans := goodsNeedPledges{Orphans: true}
	for _, pl := range pledges {
		if pl.NeedID != nil {
			if i, ok := byNeed[*pl.NeedID]; ok {
				p.Needs[i].Pledges = append(p.Needs[i].Pledges, pl)
				continue
			}
		}
		orphans.Pledges = append(orphans.Pledges, pl)
	}
	if len(orphans.Pledges) > 0 {
		p.Needs = append(p.Needs, orphans)
	}
	v := s.view(r, i18n.T(lang(r), "goods.manage.title", c.Title), p)
	if errs != nil {
		v.Form, v.Errors = r.PostForm, errs
	}
	s.render(w, r, status, "goods_manage", v)
}

// goodsReceive records goods arriving for a pledge, partly or in full.
func (s *Server) goodsReceive(w http.ResponseWriter, r *http.Request) {
	cc, p, ok := s.goodsAction(w, r)
	if !ok {
		return
	}
	in := goods.ReceiptFromForm(r.PostForm)
	_, err := s.goodsStore().Receive(r.Context(), cc.Access.Org.ID, p.ID, in, goodsToday(cc.Access.Org), goodsActor(cc.Access))
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		s.renderGoodsManage(w, r, http.StatusUnprocessableEntity, cc, p.ID, errs)
	case errors.Is(err, goods.ErrTooMany):
		s.renderGoodsManage(w, r, http.StatusUnprocessableEntity, cc, p.ID, validate.Errors{"quantity": "goods.err.too_many"})
	default:
		s.afterGoodsAction(w, r, cc, p, err, "goods.flash.received")
	}
}

// goodsCancel cancels a pledge that will not (all) come.
func (s *Server) goodsCancel(w http.ResponseWriter, r *http.Request) {
	cc, p, ok := s.goodsAction(w, r)
	if !ok {
		return
	}
	err := s.goodsStore().Cancel(r.Context(), cc.Access.Org.ID, p.ID, r.PostForm.Get("reason"), goodsActor(cc.Access))
	var errs validate.Errors
	if errors.As(err, &errs) {
		s.renderGoodsManage(w, r, http.StatusUnprocessableEntity, cc, p.ID, errs)
		return
	}
	s.afterGoodsAction(w, r, cc, p, err, "goods.flash.cancelled")
}

// goodsAction checks the caller, reads the form and loads the pledge in
// {id}, which must belong to the campaign in the path.
func (s *Server) goodsAction(w http.ResponseWriter, r *http.Request) (*campaignCtx, *goods.Pledge, bool) {
	cc, ok := s.loadCampaign(w, r, goodsMark)
	if !ok {
		return nil, nil, false
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return nil, nil, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.notFound(w, r)
		return nil, nil, false
	}
	p, err := s.goodsStore().ByID(r.Context(), cc.Access.Org.ID, id)
	if err == nil && p.CampaignID != cc.Campaign.ID {
		err = errNotOrgs
	}
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	return cc, p, true
}

// afterGoodsAction goes back to the pledge; a pledge completed or
// cancelled meanwhile (a double click, a colleague) is said so.
func (s *Server) afterGoodsAction(w http.ResponseWriter, r *http.Request, cc *campaignCtx, p *goods.Pledge, err error, flash string) {
	switch {
	case errors.Is(err, goods.ErrNotOpen):
		s.flash(w, "goods.flash.closed")
	case err != nil:
		s.fail(w, r, err)
		return
	default:
		s.flash(w, flash)
	}
	redirect(w, r, goodsManageURL(cc.Access, cc.Campaign)+"#janji-"+strconv.FormatInt(p.ID, 10))
}
