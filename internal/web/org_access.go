package web

import (
	"errors"
	"net/http"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/org"
)

// orgAccess is an organisation together with what the caller may do there.
type orgAccess struct {
	Org   *org.Organization
	User  *account.User // nil for anonymous visitors
	Role  org.Role      // "" when the caller is not a member
	Admin bool          // platform admin: may view and edit any organisation
	// Reviewer: the caller coordinates a hub covering the organisation's
	// region and reads it though it is hidden. Set by loadOrg only for a
	// hidden organisation and a caller who is no insider.
	Reviewer bool
}

// Member reports whether the caller belongs to the organisation.
func (a *orgAccess) Member() bool { return a.Role != "" }

// CanEdit reports whether the caller may change the profile.
func (a *orgAccess) CanEdit() bool { return a.Admin || a.Role.CanEditProfile() }

// CanManage reports whether the caller may invite, change and remove members.
func (a *orgAccess) CanManage() bool { return a.Admin || a.Role.CanManageMembers() }

// IsOwner reports whether the caller owns the organisation.
func (a *orgAccess) IsOwner() bool { return a.Role == org.RoleOwner }

// CanSeeMembers reports whether the caller may open the members page.
func (a *orgAccess) CanSeeMembers() bool { return a.Admin || a.Member() }

// Insider reports whether the caller sees the organisation's internal state
// (its verification status and reasons).
func (a *orgAccess) Insider() bool { return a.Admin || a.Member() }

// orgHidden reports whether an organisation is hidden from the public:
// rejected and suspended ones are, pending ones are shown as unverified.
func orgHidden(o *org.Organization) bool {
	return o.Status == org.StatusRejected || o.Status == org.StatusSuspended
}

// loadOrg loads the organisation named by the {slug} path value and the
// caller's rights there. It answers 404 itself when the organisation does
// not exist or is hidden from this caller: a hidden organisation is seen
// by its insiders and by its reviewers, the coordinators of a hub covering
// its region, who review it whatever its status.
func (s *Server) loadOrg(w http.ResponseWriter, r *http.Request) (*orgAccess, bool) {
	a, ok := s.loadAnyOrg(w, r)
	if !ok || !orgHidden(a.Org) || a.Insider() {
		return a, ok
	}
	if a.User != nil {
		reviews, err := s.hubs.Reviews(r.Context(), actorOf(a.User), a.Org)
		if err != nil {
			s.serverError(w, r, err)
			return nil, false
		}
		a.Reviewer = reviews
	}
	if !a.Reviewer {
		s.notFound(w, r)
		return nil, false
	}
	return a, true
}

// loadAnyOrg is loadOrg for pages whose own check decides who may see a
// hidden organisation (its reviewers may): it answers 404 only when the
// organisation does not exist.
func (s *Server) loadAnyOrg(w http.ResponseWriter, r *http.Request) (*orgAccess, bool) {
	o, err := s.orgs.BySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	a := &orgAccess{Org: o, User: currentUser(r)}
	if a.User != nil {
		a.Admin = a.User.IsAdmin
		role, err := s.orgs.RoleOf(r.Context(), o.ID, a.User.ID)
		if err != nil && !errors.Is(err, db.ErrNotFound) {
			s.serverError(w, r, err)
			return nil, false
		}
		a.Role = role
	}
	return a, true
}

// orgFor loads the organisation for a page that needs a logged-in caller
// allowed by may: anonymous visitors go to the login page, others who may
// not get 403.
func (s *Server) orgFor(w http.ResponseWriter, r *http.Request, may func(*orgAccess) bool) (*orgAccess, bool) {
	if _, ok := s.requireUser(w, r); !ok {
		return nil, false
	}
	a, ok := s.loadOrg(w, r)
	if !ok {
		return nil, false
	}
	if !may(a) {
		s.forbidden(w, r)
		return nil, false
	}
	return a, true
}

// orgURL is the public address of an organisation's page.
func orgURL(o *org.Organization) string { return "/organisasi/" + o.Slug }
