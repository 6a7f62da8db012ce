package web

import (
	"net/http"

	"lokadaya/internal/i18n"
	"lokadaya/internal/initiative"
)

// initiativeListPage lists an organisation's initiatives in the workspace.
type initiativeListPage struct {
	*toolCtx
	Initiatives []*initiative.Initiative
}

func initiativesURL(c *toolCtx) string {
	return toolStageURL(c.Access.Org.Slug, c.Cycle.Number, 3) + "/inisiatif"
}

// initiativeList shows every initiative of the organisation, drafts
// included, with a link to create one.
func (s *Server) initiativeList(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadTool(w, r, 3)
	if !ok {
		return
	}
	list, _, err := s.initiativeStore().List(r.Context(), initiative.ListOptions{OrgID: c.Access.Org.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := &initiativeListPage{toolCtx: c, Initiatives: list}
	s.render(w, r, http.StatusOK, "initiative_list", s.view(r, i18n.T(lang(r), "initiative.list.title"), p))
}
