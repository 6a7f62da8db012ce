package web

import (
	"net/http"
	"strconv"

	"lokadaya/internal/cycletool"
	"lokadaya/internal/initiative"
)

// toolCtx is what every stage tool page knows: the caller's rights, the
// cycle, and whether the caller may change the tool now.
type toolCtx struct {
	Access *cycleAccess
	Cycle  *cycletool.Cycle
	Stage  int
	// Writable: the caller may write and the cycle is still open.
	Writable bool
}

// StageURL is the address of the tool's stage page.
func (c *toolCtx) StageURL() string {
	return toolStageURL(c.Access.Org.Slug, c.Cycle.Number, c.Stage)
}

// CycleURL is the address of the cycle's overview.
func (c *toolCtx) CycleURL() string {
	return "/organisasi/" + c.Access.Org.Slug + "/siklus/" + strconv.Itoa(c.Cycle.Number)
}

func (s *Server) toolStore() *cycletool.Store        { return &cycletool.Store{DB: s.db} }
func (s *Server) initiativeStore() *initiative.Store { return &initiative.Store{DB: s.db} }

// loadTool loads the workspace access and the cycle named by {n} for a
// tool of stage: 404 when the cycle does not exist.
func (s *Server) loadTool(w http.ResponseWriter, r *http.Request, stage int) (*toolCtx, bool) {
	a, ok := s.loadCycleAccess(w, r)
	if !ok {
		return nil, false
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 1 {
		s.notFound(w, r)
		return nil, false
	}
	c, err := cycletool.LoadCycle(r.Context(), s.db, a.Org.ID, n)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	return &toolCtx{Access: a, Cycle: c, Stage: stage, Writable: a.CanWrite() && c.Open()}, true
}

// toolWrite answers 403 unless the caller may write and the cycle is
// open (a closed cycle is kept as it was, read-only).
func (s *Server) toolWrite(w http.ResponseWriter, r *http.Request, c *toolCtx) bool {
	if !s.requireCycleWrite(w, r, c.Access) {
		return false
	}
	if !c.Cycle.Open() {
		s.errorPage(w, r, http.StatusForbidden, "tools_closed")
		return false
	}
	return true
}

// toolActor is the caller as an initiative actor, for the audit log.
func toolActor(c *toolCtx) initiative.Actor {
	return initiative.Actor{ID: c.Access.User.ID, Name: c.Access.User.Name}
}
