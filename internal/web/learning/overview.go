package learning

import (
	"context"
	"net/http"

	"lokadaya/internal/cadre"
	"lokadaya/internal/commitment"
	"lokadaya/internal/web/kit"
)

// overview is the organisation's results-and-learning page: for anyone,
// the public results, reflections, commitments and lessons; for its
// people also the indicators, the action plan and the cadre register.
// Each part says in a figure what it holds.
func (h *handlers) overview(w http.ResponseWriter, r *http.Request) {
	a, ok := kit.PublicOrg(h.site, h.Orgs, w, r)
	if !ok {
		return
	}
	p := overviewPage{Access: a, Base: "/organisasi/" + a.Org.Slug}
	if err := h.countParts(r.Context(), &p); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "learning_overview", Title: h.t(r, "learning.title_of", a.Org.Name), Data: p})
}

type overviewPage struct {
	Access *kit.Access
	Base   string
	// What each part holds, as the caller may see it.
	Indicators, Sessions, Lessons int
	OpenActions, OverdueActions   int
	Commitments, Kept             int
	Cadres                        int // active ones, for the organisation's people
}

func (h *handlers) countParts(ctx context.Context, p *overviewPage) error {
	a := p.Access
	public := !a.CanRead()
	inds, err := h.Indicators.ForOrg(ctx, a.Org.ID)
	if err != nil {
		return err
	}
	p.Indicators = len(inds)
	sessions, err := h.Reflections.Sessions(ctx, a.Org.ID, public)
	if err != nil {
		return err
	}
	p.Sessions = len(sessions)
	lessons, err := h.Lessons.ForOrg(ctx, a.Org.ID, !public)
	if err != nil {
		return err
	}
	p.Lessons = len(lessons)
	promises, err := h.Commitments.List(ctx, a.Org.ID, public)
	if err != nil {
		return err
	}
	counts := commitment.Count(promises)
	p.Commitments, p.Kept = counts.Total(), counts[commitment.StatusKept]
	if !public {
		list, err := h.Cadres.List(ctx, a.Org.ID)
		if err != nil {
			return err
		}
		for _, n := range cadre.CountByLevel(list) {
			p.Cadres += n
		}
	}
	if !public {
		p.OpenActions, p.OverdueActions, err = h.Reflections.OpenCounts(ctx, a.Org.ID, h.today(a))
	}
	return err
}
