package web

import (
	"net/http"
	"net/url"

	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

// orgMembersPage is the data of the members page.
type orgMembersPage struct {
	Access      *orgAccess
	Members     []memberRow
	Invitations []org.Invitation
	// InviteRoles are the roles an invitation may carry: every role but owner.
	InviteRoles []org.Role
}

// memberRow is a member with what the caller may do to them.
type memberRow struct {
	org.Member
	Roles     []org.Role // roles the caller may give; empty when none
	CanRemove bool
	Self      bool
	// OnlyOwner: the organisation's one owner, who can be neither demoted
	// nor removed until ownership passes to someone else (org.ErrLastOwner),
	// so no button is offered that would only be refused.
	OnlyOwner bool
}

// mayTouch reports whether the caller may change or remove a member who
// has role from: managers may, but only owners (and platform admins) may
// touch an owner or make one.
func (a *orgAccess) mayTouch(from, to org.Role) bool {
	if !a.CanManage() {
		return false
	}
	if from == org.RoleOwner || to == org.RoleOwner {
		return a.IsOwner() || a.Admin
	}
	return true
}

// orgMembers lists the members; every member may look, managers act.
func (s *Server) orgMembers(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanSeeMembers)
	if !ok {
		return
	}
	s.renderMembers(w, r, http.StatusOK, a, url.Values{}, nil)
}

// renderMembers shows the members page, with the invitation form's input
// and errors when an invitation was refused.
func (s *Server) renderMembers(w http.ResponseWriter, r *http.Request, status int, a *orgAccess,
	form url.Values, errs validate.Errors) {
	ms, err := s.orgs.Members(r.Context(), a.Org.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := &orgMembersPage{Access: a, InviteRoles: inviteRoles}
	owners := 0
	for _, m := range ms {
		if m.Role == org.RoleOwner {
			owners++
		}
	}
	for _, m := range ms {
		row := memberRow{Member: m, Self: a.User != nil && a.User.ID == m.UserID,
			OnlyOwner: m.Role == org.RoleOwner && owners == 1}
		if !row.OnlyOwner {
			for _, to := range org.Roles {
				if a.mayTouch(m.Role, to) {
					row.Roles = append(row.Roles, to)
				}
			}
			row.CanRemove = row.Self || a.mayTouch(m.Role, m.Role)
		}
		p.Members = append(p.Members, row)
	}
	if a.CanManage() {
		if p.Invitations, err = s.orgs.Invitations(r.Context(), a.Org.ID); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	v := s.view(r, i18n.T(lang(r), "org.members.title", a.Org.Name), p)
	v.Form = form
	if errs != nil {
		v.Errors = errs
	}
	s.render(w, r, status, "org_members", v)
}

// membersURL is the address of an organisation's members page.
func membersURL(o *org.Organization) string { return orgURL(o) + "/anggota" }

// inviteRoles are offered least powerful first, so the default is the safest.
var inviteRoles = []org.Role{org.RoleViewer, org.RoleTreasurer, org.RoleEditor, org.RoleAdmin}
