package web

import (
	"errors"
	"net/http"
	"net/url"

	"lokadaya/internal/hub"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

// reviewPage is what a reviewer sees of one organisation. Hub coordinators
// review from their hub's queue; a platform admin reviews any organisation,
// including those no hub covers, from the admin pages.
type reviewPage struct {
	Hub       *hub.Hub // nil when a platform admin reviews outside a hub
	Org       orgRow
	History   []hub.Review
	Decisions []hub.Decision
	// Documents are the organisation's legal documents, uploaded or not.
	Documents []documentRow
	// Action is where the decision is posted; Back is the queue the
	// reviewer returns to, named by BackLabel.
	Action, Back, BackLabel string
}

// hubReviewTarget loads the hub, checks the reviewer and loads the
// organisation, which must lie in the hub's regions (404 otherwise).
func (s *Server) hubReviewTarget(w http.ResponseWriter, r *http.Request) (*reviewPage, hub.Actor, bool) {
	u, h, ok := s.hubReviewer(w, r)
	if !ok {
		return nil, hub.Actor{}, false
	}
	o, err := s.hubs.OrgBySlug(r.Context(), r.PathValue("orgSlug"))
	if err != nil {
		s.fail(w, r, err)
		return nil, hub.Actor{}, false
	}
	covered, err := s.hubs.Covers(r.Context(), h.ID, o.RegionCode)
	if err != nil {
		s.serverError(w, r, err)
		return nil, hub.Actor{}, false
	}
	if !covered {
		s.notFound(w, r)
		return nil, hub.Actor{}, false
	}
	p, err := s.reviewPage(r, h, o)
	if err != nil {
		s.serverError(w, r, err)
		return nil, hub.Actor{}, false
	}
	return p, actorOf(u), true
}

func (s *Server) reviewPage(r *http.Request, h *hub.Hub, o *org.Organization) (*reviewPage, error) {
	rows, err := s.orgRows(r, []*org.Organization{o})
	if err != nil {
		return nil, err
	}
	history, err := s.hubs.History(r.Context(), o.ID)
	if err != nil {
		return nil, err
	}
	docs, _, err := s.orgDocumentRows(r, o)
	if err != nil {
		return nil, err
	}
	p := &reviewPage{Hub: h, Org: rows[0], History: history, Documents: docs}
	if h != nil {
		p.Back = "/simpul/" + h.Slug + "/tinjau"
		p.Action = p.Back + "/" + o.Slug
		p.BackLabel = i18n.T(lang(r), "hub.queue.title", h.Name)
	} else {
		p.Back = "/admin"
		p.Action = "/admin/organisasi/" + o.Slug + "/tinjau"
		p.BackLabel = i18n.T(lang(r), "admin.title")
	}
	for _, d := range hub.ReviewDecisions {
		if hub.Allowed(d, o.Status) {
			p.Decisions = append(p.Decisions, d)
		}
	}
	return p, nil
}

// hubReview shows an organisation to review: GET /simpul/{slug}/tinjau/{orgSlug}.
func (s *Server) hubReview(w http.ResponseWriter, r *http.Request) {
	if p, _, ok := s.hubReviewTarget(w, r); ok {
		s.showReview(w, r, p)
	}
}

// hubDecide records a decision: POST /simpul/{slug}/tinjau/{orgSlug}.
func (s *Server) hubDecide(w http.ResponseWriter, r *http.Request) {
	if p, actor, ok := s.hubReviewTarget(w, r); ok {
		s.decideReview(w, r, p, actor)
	}
}

// showReview renders the review page.
func (s *Server) showReview(w http.ResponseWriter, r *http.Request, p *reviewPage) {
	v := s.view(r, i18n.T(lang(r), "hub.review.title", p.Org.Name), p)
	v.Form.Set("status", string(p.Org.Status))
	s.render(w, r, http.StatusOK, "hub_review", v)
}

// decideReview records the reviewer's decision, the one path for hub
// coordinators and platform admins alike, and returns to the queue.
func (s *Server) decideReview(w http.ResponseWriter, r *http.Request, p *reviewPage, actor hub.Actor) {
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	form := r.PostForm
	d := hub.Decision(form.Get("decision"))
	errs := validate.Errors{}
	if !validDecision(d) {
		errs.Add("decision", "hub.decision_required")
	}
	if len(errs) == 0 {
		var docs []org.DocKind
		for _, k := range form["documents"] {
			docs = append(docs, org.DocKind(k))
		}
		_, err := s.hubs.DecideAsking(r.Context(), actor, p.Org.ID, org.Status(form.Get("status")), d, form.Get("reason"), docs)
		switch {
		case err == nil:
			s.reindex(r.Context(), orgRef(p.Org.ID))
			s.flash(w, "hub.review.saved")
			redirect(w, r, p.Back)
			return
		case errors.As(err, &errs):
		case errors.Is(err, hub.ErrConflict):
			s.reviewAgain(w, r, p, http.StatusConflict, "hub.review.conflict", form)
			return
		case errors.Is(err, hub.ErrNotAllowed):
			s.reviewAgain(w, r, p, http.StatusUnprocessableEntity, "hub.review.not_allowed", form)
			return
		case errors.Is(err, hub.ErrForbidden):
			s.forbidden(w, r)
			return
		default:
			s.fail(w, r, err)
			return
		}
	}
	v := s.view(r, i18n.T(lang(r), "hub.review.title", p.Org.Name), p)
	v.Form, v.Errors = form, errs
	s.render(w, r, http.StatusUnprocessableEntity, "hub_review", v)
}

// reviewAgain re-reads the organisation after its status moved under the
// reviewer and shows it with a notice, keeping the typed reason.
func (s *Server) reviewAgain(w http.ResponseWriter, r *http.Request, p *reviewPage, status int, notice string, form url.Values) {
	o, err := s.hubs.OrgBySlug(r.Context(), p.Org.Slug)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	fresh, err := s.reviewPage(r, p.Hub, o)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := s.view(r, i18n.T(lang(r), "hub.review.title", o.Name), fresh)
	v.Flash = i18n.T(lang(r), notice)
	v.Form = url.Values{"reason": {form.Get("reason")}, "status": {string(o.Status)}}
	s.render(w, r, status, "hub_review", v)
}

func validDecision(d hub.Decision) bool {
	for _, x := range hub.ReviewDecisions {
		if x == d {
			return true
		}
	}
	return false
}
