package learning

import (
	"net/http"

	"lokadaya/internal/initiative"
	"lokadaya/internal/web/kit"
)

// resultsPage is the public results of one initiative or of all the
// organisation's initiatives: charts of progress against target over
// time, with the figures as tables.
type resultsPage struct {
	Access      *kit.Access
	Initiative  *initiative.Initiative // nil on the organisation's page
	Initiatives []*initiativeResults
}

// resultsInitiative shows an initiative's results to anyone; a draft's
// only to the organisation's readers.
func (h *handlers) resultsInitiative(w http.ResponseWriter, r *http.Request) {
	i, a, ok := kit.PublicInitiative(h.site, h.Initiatives, h.Orgs, w, r)
	if !ok {
		return
	}
	list, err := h.Indicators.ForInitiative(r.Context(), i.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := resultsPage{Access: a, Initiative: i,
		Initiatives: groupByInitiative(h.site.Lang(r), []*initiative.Initiative{i}, list, true)}
	h.site.Render(w, r, kit.Page{Name: "learning_results", Title: h.t(r, "results.title_of", i.Name), Data: p})
}

// resultsOrg shows the results of the organisation's published
// initiatives to anyone, and of its drafts too to its readers.
func (h *handlers) resultsOrg(w http.ResponseWriter, r *http.Request) {
	a, ok := kit.PublicOrg(h.site, h.Orgs, w, r)
	if !ok {
		return
	}
	inits, _, err := h.Initiatives.List(r.Context(), initiative.ListOptions{OrgID: a.Org.ID, PublishedOnly: !a.CanRead()})
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	list, err := h.Indicators.ForOrg(r.Context(), a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := resultsPage{Access: a, Initiatives: groupByInitiative(h.site.Lang(r), inits, list, false)}
	h.site.Render(w, r, kit.Page{Name: "learning_results", Title: h.t(r, "results.title_of", a.Org.Name), Data: p})
}
