package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"lokadaya/internal/campaign"
	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/imaging"
	"lokadaya/internal/validate"
)

// coverBox is the largest side of a stored cover photo, in pixels.
const coverBox = 1200

// campaignEditPage is a campaign's edit page: its fields, the needs
// editor, publishing, cancelling and posting updates.
type campaignEditPage struct {
	*campaignCtx
	Schemes []string
	Issuers []string
	Kinds   []string
	Updates []campaign.Update
	// EditNeed is the need being edited in the need form; nil to add one.
	EditNeed *campaign.Need
	// UpdateToken is the update form's one-time token.
	UpdateToken string
	// PayWays are how donors can pay a draft or active campaign that asks
	// for money; nil otherwise. None of them means a warning: before
	// publishing, or at the top of an active campaign.
	PayWays *payWays
}

// NeedKind is the kind the need form is set to.
func (p *campaignEditPage) NeedKind(v *View) string {
	if k := v.Val("need_kind"); campaign.ValidKind(k) {
		return k
	}
	return campaign.KindDana
}

// campaignEdit shows the edit page; ?kebutuhan=ID puts that need in the
// need form, ?jenis=KIND presets the kind of a new one.
func (s *Server) campaignEdit(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadCampaign(w, r, campaignWrite)
	if !ok {
		return
	}
	form := c.Campaign.Form(c.Zone())
	var edit *campaign.Need
	if id, err := strconv.ParseInt(r.URL.Query().Get("kebutuhan"), 10, 64); err == nil {
		n, err := s.campaignStore().Need(r.Context(), c.Campaign.ID, id)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		edit = n
		for k, v := range n.Form() {
			form["need_"+k] = v
		}
	} else if k := r.URL.Query().Get("jenis"); campaign.ValidKind(k) {
		form.Set("need_kind", k)
	}
	s.renderCampaignEdit(w, r, http.StatusOK, c, edit, form, nil)
}

// campaignUpdate handles the edit page's forms, told apart by "action":
// save (the campaign's fields and cover), need_add, need_save,
// need_remove, need_up and need_down.
func (s *Server) campaignUpdate(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadCampaign(w, r, campaignWrite)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, imaging.MaxUploadBytes+512<<10)
	if err := r.ParseMultipartForm(1 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		status, key := http.StatusBadRequest, "form.invalid"
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			status, key = http.StatusRequestEntityTooLarge, "org.image.too_large"
		}
		s.renderCampaignEdit(w, r, status, c, nil, c.Campaign.Form(c.Zone()), validate.Errors{"cover": key})
		return
	}
	form := r.PostForm
	action := form.Get("action")
	if strings.HasPrefix(action, "need_") {
		s.campaignNeedAction(w, r, c, action, form)
		return
	}
	in, errs := campaign.Parse(form, c.Zone())
	checkAppeal(form, errs)
	cover, key := readImage(r, "cover", coverBox)
	if key != "" {
		errs.Add("cover", key)
	}
	if len(errs) == 0 {
		updated, err := s.campaignStore().Update(r.Context(), campaignActor(c.Access), c.Campaign.ID, in)
		if err == nil {
			err = s.saveAppeal(r.Context(), c.Campaign.ID, form)
		}
		var ve validate.Errors
		switch {
		case errors.As(err, &ve):
			errs = ve
		case err != nil:
			s.fail(w, r, err)
			return
		default:
			if cover != nil || form.Get("remove_cover") == "1" {
				if err := s.replaceCover(r.Context(), updated, cover); err != nil {
					s.serverError(w, r, err)
					return
				}
			}
			s.reindex(r.Context(), campaignRef(c.Campaign.ID))
			s.flash(w, "campaign.flash.saved")
			redirect(w, r, c.ManageURL())
			return
		}
	}
	s.renderCampaignEdit(w, r, http.StatusUnprocessableEntity, c, nil, form, errs)
}

// campaignNeedAction adds, saves, removes or moves a need.
func (s *Server) campaignNeedAction(w http.ResponseWriter, r *http.Request, c *campaignCtx, action string, form url.Values) {
	ctx, store, id := r.Context(), s.campaignStore(), c.Campaign.ID
	needID, _ := strconv.ParseInt(form.Get("need_id"), 10, 64)
	var err error
	var edit *campaign.Need
	flash := "campaign.flash.need_saved"
	switch action {
	case "need_add", "need_save":
		in, errs := campaign.ParseNeed(needFields(form, "need_"))
		if len(errs) > 0 {
			err = errs
			break
		}
		if action == "need_add" {
			_, err = store.AddNeed(ctx, id, in)
		} else {
			err = store.UpdateNeed(ctx, id, needID, in)
		}
	case "need_remove":
		err, flash = store.RemoveNeed(ctx, id, needID), "campaign.flash.need_removed"
	case "need_up", "need_down":
		delta := 1
		if action == "need_up" {
			delta = -1
		}
		err = store.MoveNeed(ctx, id, needID, delta)
	default:
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	var ve validate.Errors
	if errors.As(err, &ve) {
		if action == "need_save" {
			edit, _ = store.Need(ctx, id, needID)
		}
		merged := c.Campaign.Form(c.Zone())
		for k, v := range form {
			if strings.HasPrefix(k, "need_") {
				merged[k] = v
			}
		}
		s.renderCampaignEdit(w, r, http.StatusUnprocessableEntity, c, edit, merged, needErrors(ve, action))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.reindex(ctx, campaignRef(id))
	s.flash(w, flash)
	redirect(w, r, c.ManageURL()+"#kebutuhan")
}

// needErrors names need errors after the need form's fields; errors about
// the campaign as a whole (status, needs) keep their names.
func needErrors(e validate.Errors, action string) validate.Errors {
	out := validate.Errors{}
	for f, k := range e {
		if f == "status" || f == "needs" || action == "need_remove" {
			out.Add(f, k)
			continue
		}
		out.Add("need_"+f, k)
	}
	return out
}

// needFields is the form's fields whose names start with p, without p.
func needFields(form url.Values, p string) url.Values {
	out := url.Values{}
	for k, v := range form {
		if rest, ok := strings.CutPrefix(k, p); ok {
			out[rest] = v
		}
	}
	return out
}

func (s *Server) renderCampaignEdit(w http.ResponseWriter, r *http.Request, status int, c *campaignCtx, edit *campaign.Need, form url.Values, errs validate.Errors) {
	// Re-read the campaign: a failed action may follow a change.
	if fresh, err := s.campaignStore().ByID(r.Context(), c.Campaign.ID); err == nil {
		c.Campaign = fresh
	}
	if form != nil && form.Get("appeal") == "" {
		form.Set("appeal", s.appealValue(r.Context(), c.Campaign.ID))
	}
	ups, err := s.campaignStore().Updates(r.Context(), c.Campaign.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := &campaignEditPage{campaignCtx: c, Schemes: campaign.Schemes(), Issuers: campaign.PermitIssuers,
		Kinds: campaign.Kinds, Updates: ups, EditNeed: edit, UpdateToken: form.Get("update_token")}
	if c.Campaign.Status == campaign.StatusDraft || c.Campaign.Open() {
		if p.PayWays, err = s.campaignPayWays(r.Context(), c.Campaign); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	if len(p.UpdateToken) < 16 || len(p.UpdateToken) > donation.MaxToken {
		p.UpdateToken = newFormToken()
	}
	v := s.view(r, i18n.T(lang(r), "campaign.edit.title"), p)
	v.Form = form
	if errs != nil {
		v.Errors = errs
	}
	s.render(w, r, status, "campaign_edit", v)
}

// smallCoverBox is the largest side of a cover's phone-sized copy, the
// one campaign cards load on narrow screens.
const smallCoverBox = 480

// replaceCover stores a new campaign cover (nil removes it) and its
// phone-sized copy for the campaign cards.
func (s *Server) replaceCover(ctx context.Context, c *campaign.Campaign, img *imaging.Result) error {
	store := s.campaignStore()
	oldSmall, err := store.SmallCover(ctx, c.ID)
	if err != nil {
		return err
	}
	if err := s.replaceImage(ctx, "campaigns", c.ID, c.CoverKey, img, func(key string) error {
		return store.SetCover(ctx, c.ID, key)
	}); err != nil {
		return err
	}
	if img != nil {
		small, err := imaging.Process(bytes.NewReader(img.Data), smallCoverBox)
		if err != nil {
			return fmt.Errorf("web: small cover: %w", err)
		}
		if err := s.replaceImage(ctx, "campaigns", c.ID, "", small, func(key string) error {
			return store.SetSmallCover(ctx, c.ID, key)
		}); err != nil {
			return err
		}
	}
	if oldSmall != "" {
		if err := s.blobs.Delete(ctx, oldSmall); err != nil {
			s.log.Warn("old picture not deleted", "key", oldSmall, "err", err)
		}
	}
	return nil
}
