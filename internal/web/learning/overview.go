package learning

import (
	"net/http"

	"lokadaya/internal/web/kit"
)

// overview is the organisation's results-and-learning page: for anyone,
// the public results, reflections, commitments and lessons; for its
// people also the indicators, the action plan and the cadre register.
func (h *handlers) overview(w http.ResponseWriter, r *http.Request) {
	a, ok := kit.PublicOrg(h.site, h.Orgs, w, r)
	if !ok {
		return
	}
	h.site.Render(w, r, kit.Page{Name: "learning_overview", Title: h.t(r, "learning.title_of", a.Org.Name),
		Data: overviewPage{Access: a, Base: "/organisasi/" + a.Org.Slug}})
}

type overviewPage struct {
	Access *kit.Access
	Base   string
}
