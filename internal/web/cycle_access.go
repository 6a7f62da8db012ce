package web

import (
	"net/http"

	"lokadaya/internal/org"
)

// cycleAccess is what a caller may do in an organisation's development
// cycle workspace: members read it, owners, admins and editors write it,
// and the coordinators of a hub covering the organisation's region read it
// and comment on it (accompaniment). The public sees none of it, only the
// initiatives the organisation publishes.
type cycleAccess struct {
	*orgAccess
	Coordinator bool
}

// CanRead reports whether the caller may open the workspace.
func (a *cycleAccess) CanRead() bool { return a.Admin || a.Member() || a.Coordinator }

// CanWrite reports whether the caller may answer, add to the stage tools
// and move through the cycle.
func (a *cycleAccess) CanWrite() bool {
	return a.Role == org.RoleOwner || a.Role == org.RoleAdmin || a.Role == org.RoleEditor
}

// CanComment reports whether the caller may leave accompaniment comments.
func (a *cycleAccess) CanComment() bool { return a.Coordinator || a.CanWrite() || a.Admin }

// loadCycleAccess loads the organisation named by {slug} for a workspace
// page: anonymous visitors go to the login page; callers who may not read
// get 403, or 404 when the organisation is hidden from them.
func (s *Server) loadCycleAccess(w http.ResponseWriter, r *http.Request) (*cycleAccess, bool) {
	if _, ok := s.requireUser(w, r); !ok {
		return nil, false
	}
	oa, ok := s.loadOrg(w, r)
	if !ok {
		return nil, false
	}
	a := &cycleAccess{orgAccess: oa}
	coord, err := s.hubs.IsCoordinatorFor(r.Context(), oa.User.ID, oa.Org.RegionCode)
	if err != nil {
		s.serverError(w, r, err)
		return nil, false
	}
	a.Coordinator = coord
	if !a.CanRead() {
		s.forbidden(w, r)
		return nil, false
	}
	return a, true
}

// requireCycleWrite answers 403 unless the caller may write; it returns
// whether the handler may go on.
func (s *Server) requireCycleWrite(w http.ResponseWriter, r *http.Request, a *cycleAccess) bool {
	if !a.CanWrite() {
		s.forbidden(w, r)
		return false
	}
	return true
}
