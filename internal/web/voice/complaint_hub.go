package voice

import (
	"net/http"

	"lokadaya/internal/complaint"
	"lokadaya/internal/hub"
	"lokadaya/internal/web/kit"
)

// hubPage is the complaints escalated to a hub.
type hubPage struct {
	Hub     *hub.Hub
	Entries []complaint.Escalated
}

// hubEscalations lists the overdue complaints escalated to the {slug}
// hub, for its coordinators and the platform admins only: a coordinator
// sees their own region's.
func (h *complaintHandlers) hubEscalations(w http.ResponseWriter, r *http.Request) {
	u, ok := h.site.RequireUser(w, r)
	if !ok {
		return
	}
	hb, err := h.Hubs.BySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		h.site.Fail(w, r, err)
		return
	}
	if !u.IsAdmin {
		coord, err := h.Hubs.IsCoordinatorOf(r.Context(), u.ID, hb.ID)
		if err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		if !coord {
			h.site.Forbidden(w, r)
			return
		}
	}
	entries, err := h.Complaints.EscalationsOfHub(r.Context(), hb.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "voice_complaint_hub", Title: h.t(r, "complaint.hub.title", hb.Name),
		Data: hubPage{Hub: hb, Entries: entries}})
}
