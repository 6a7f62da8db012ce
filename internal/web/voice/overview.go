package voice

import (
	"net/http"

	"lokadaya/internal/feedback"
	"lokadaya/internal/initiative"
	"lokadaya/internal/web/kit"
)

// overviewPage lists an organisation's initiatives with their service
// points, the way in to recording service.
type overviewPage struct {
	Access      *kit.Access
	Initiatives []*initiative.Initiative
	Points      map[int64]int // service points per initiative id
	// Feedback is what waits for staff in each initiative's feedback:
	// notes to read, flagged votes to decide.
	Feedback map[int64]feedback.Waiting
}

// orgOverview is the organisation's service page: each initiative with
// its number of service points. Members, hub coordinators and platform
// admins read it.
func (h *handlers) orgOverview(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	ctx := r.Context()
	list, _, err := h.Initiatives.List(ctx, initiative.ListOptions{OrgID: a.Org.ID})
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	counts, err := h.Service.PointCounts(ctx, a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	waiting, err := h.Feedback.WaitingFor(ctx, a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "voice_overview", Title: h.t(r, "voice.overview.title"),
		Data: &overviewPage{Access: a, Initiatives: list, Points: counts, Feedback: waiting}})
}
