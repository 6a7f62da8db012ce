package kit

import (
	"lokadaya/internal/account"
	"lokadaya/internal/org"
)

// Access is an organisation together with what the caller may do there.
type Access struct {
	Org  *org.Organization
	User *account.User // nil for anonymous visitors
	Role org.Role      // "" when the caller is not a member
	// Admin: a platform admin, who may read and write any organisation.
	Admin bool
	// Coordinator: a coordinator of a hub covering the organisation's
	// region, who accompanies it and reads (but does not write) its work.
	Coordinator bool
}

// Member reports whether the caller belongs to the organisation.
func (a *Access) Member() bool { return a.Role != "" }

// CanRead reports whether the caller sees the organisation's internal
// records: its members (viewers included), hub coordinators, platform
// admins.
func (a *Access) CanRead() bool { return a.Admin || a.Member() || a.Coordinator }

// CanWrite reports whether the caller may record the organisation's work:
// owners, admins and editors (and platform admins).
func (a *Access) CanWrite() bool { return a.Admin || a.Role.CanEditProfile() }

// CanManage reports whether the caller may manage the organisation:
// assign work to members, change settings (owners and admins).
func (a *Access) CanManage() bool { return a.Admin || a.Role.CanManageMembers() }

// CanManageMoney reports whether the caller may record and confirm money.
func (a *Access) CanManageMoney() bool { return a.Admin || a.Role.CanManageMoney() }

// HomeURL is the organisation's page the caller goes back to: its
// dashboard for members and platform admins, its public profile for
// others (a hub coordinator reads its records but has no dashboard there).
func (a *Access) HomeURL() string {
	if a.Admin || a.Member() {
		return "/organisasi/" + a.Org.Slug + "/dasbor"
	}
	return "/organisasi/" + a.Org.Slug
}

// Hidden reports whether the organisation is hidden from the public:
// rejected and suspended ones are.
func (a *Access) Hidden() bool {
	return a.Org.Status == org.StatusRejected || a.Org.Status == org.StatusSuspended
}

// Actor is who acts, for audit entries: id 0 and no name for a visitor.
func (a *Access) Actor() (id int64, name string) {
	if a.User == nil {
		return 0, ""
	}
	return a.User.ID, a.User.Name
}
