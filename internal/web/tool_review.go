package web

import (
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/campaign"
	"lokadaya/internal/cycletool"
	"lokadaya/internal/i18n"
	"lokadaya/internal/initiative"
	"lokadaya/internal/validate"
)

// toolReviewPage is the review and decision of stages 4 to 7: the form
// for a new version and every earlier version, newest first.
type toolReviewPage struct {
	*toolCtx
	Reviews     []cycletool.Review
	Schemes     []string
	Decisions   []string
	Allocations []string
	// Initiatives of the cycle, whose campaigns stage 4 tests.
	Initiatives []*initiative.Initiative
	// Campaigns of each initiative, by initiative id.
	Campaigns map[int64][]*campaign.Campaign
	// Voice is the voice of the people served over the cycle (stages 5
	// and 7).
	Voice *cycleVoice
}

// toolReviewStage reads {stage}: only stages 4 to 7 have a review.
func (s *Server) toolReviewStage(w http.ResponseWriter, r *http.Request) (*toolCtx, bool) {
	stage, err := strconv.Atoi(r.PathValue("stage"))
	if err != nil || stage < cycletool.FirstReviewStage || stage > cycletool.LastReviewStage {
		s.notFound(w, r)
		return nil, false
	}
	return s.loadTool(w, r, stage)
}

// toolReview shows a stage's review.
func (s *Server) toolReview(w http.ResponseWriter, r *http.Request) {
	c, ok := s.toolReviewStage(w, r)
	if !ok {
		return
	}
	s.renderReview(w, r, http.StatusOK, c, nil, nil)
}

func (s *Server) renderReview(w http.ResponseWriter, r *http.Request, status int, c *toolCtx, form url.Values, errs validate.Errors) {
	ctx := r.Context()
	list, err := s.toolStore().Reviews(ctx, c.Cycle.ID, c.Stage)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := &toolReviewPage{toolCtx: c, Reviews: list, Schemes: cycletool.ExchangeSchemes,
		Decisions: cycletool.Decisions[c.Stage], Allocations: cycletool.Allocations}
	if c.Stage == 4 {
		all, _, err := s.initiativeStore().List(ctx, initiative.ListOptions{OrgID: c.Access.Org.ID})
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		for _, i := range all {
			if i.CycleID != nil && *i.CycleID == c.Cycle.ID {
				p.Initiatives = append(p.Initiatives, i)
			}
		}
		if p.Campaigns, err = s.initiativeCampaigns(ctx, p.Initiatives); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	if c.Stage == 5 || c.Stage == 7 {
		if p.Voice, err = s.loadCycleVoice(ctx, c.Access.Org, c.Cycle.ID); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	if form == nil {
		form = url.Values{}
		if len(list) > 0 {
			form = list[0].Form()
		}
	}
	v := s.view(r, i18n.T(lang(r), "tools.review.title."+strconv.Itoa(c.Stage)), p)
	v.Form = form
	if errs != nil {
		v.Errors = errs
	}
	s.render(w, r, status, "tool_review", v)
}

// toolReviewSave stores a new version of a stage's review.
func (s *Server) toolReviewSave(w http.ResponseWriter, r *http.Request) {
	c, ok := s.toolReviewStage(w, r)
	if !ok || !s.toolWrite(w, r, c) {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	rev, errs := cycletool.ReviewFromForm(c.Stage, r.PostForm)
	if len(errs) > 0 {
		s.renderReview(w, r, http.StatusUnprocessableEntity, c, r.PostForm, errs)
		return
	}
	if _, err := s.toolStore().AddReview(r.Context(), c.Cycle.ID, c.Access.User.ID, rev); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.flash(w, "tools.flash.saved")
	redirect(w, r, c.StageURL()+"/tinjauan")
}
