package web

import (
	"errors"
	"net/http"
	"strconv"

	"lokadaya/internal/db"
	"lokadaya/internal/org"
)

// memberTarget reads the {userID} path value and that member's role.
func (s *Server) memberTarget(w http.ResponseWriter, r *http.Request, a *orgAccess) (int64, org.Role, bool) {
	id, err := strconv.ParseInt(r.PathValue("userID"), 10, 64)
	if err != nil {
		s.notFound(w, r)
		return 0, "", false
	}
	role, err := s.orgs.RoleOf(r.Context(), a.Org.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return 0, "", false
	}
	return id, role, true
}

// orgMemberRole changes a member's role.
func (s *Server) orgMemberRole(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManage)
	if !ok {
		return
	}
	id, from, ok := s.memberTarget(w, r, a)
	if !ok {
		return
	}
	to := org.Role(r.PostFormValue("role"))
	if !to.Valid() {
		s.flash(w, "org.flash.bad_role")
		redirect(w, r, membersURL(a.Org))
		return
	}
	if !a.mayTouch(from, to) {
		s.forbidden(w, r)
		return
	}
	s.memberChanged(w, r, a, s.orgs.SetRole(r.Context(), a.Org.ID, id, to), "org.flash.role_changed")
}

// orgMemberRemove ends a membership. Any member may leave; managers may
// remove others (only owners may remove an owner).
func (s *Server) orgMemberRemove(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanSeeMembers)
	if !ok {
		return
	}
	id, role, ok := s.memberTarget(w, r, a)
	if !ok {
		return
	}
	self := a.User.ID == id
	if !self && !a.mayTouch(role, role) {
		s.forbidden(w, r)
		return
	}
	err := s.orgs.Remove(r.Context(), a.Org.ID, id)
	if self && err == nil {
		s.flash(w, "org.flash.left")
		redirect(w, r, "/dasbor")
		return
	}
	s.memberChanged(w, r, a, err, "org.flash.member_removed")
}

// memberChanged answers a membership change: back to the members page with
// a message saying what happened.
func (s *Server) memberChanged(w http.ResponseWriter, r *http.Request, a *orgAccess, err error, okKey string) {
	switch {
	case errors.Is(err, org.ErrLastOwner):
		s.flash(w, "org.flash.last_owner")
	case errors.Is(err, db.ErrNotFound):
		s.notFound(w, r)
		return
	case err != nil:
		s.serverError(w, r, err)
		return
	default:
		s.flash(w, okKey)
	}
	redirect(w, r, membersURL(a.Org))
}
