// Package org keeps civil-society organisations (OMS), and the government
// units and other stakeholders that work with them: their profiles,
// members and roles, invitations and verification status.
package org

import "time"

// Organization is an OMS's profile.
type Organization struct {
	ID   int64
	Slug string
	Name string
	// Kind is the sort of actor: an OMS, a government unit or another
	// stakeholder.
	Kind         Kind
	LegalForm    string
	AktaNumber   string
	SKAHU        string
	NPWP         string
	Address      string
	RegionCode   string
	FocusIssues  []string
	Vision       string
	Mission      string
	FoundedYear  int
	Email        string
	Phone        string
	Website      string
	LogoKey      string
	Status       Status
	StatusReason string
	VerifiedAt   *time.Time
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Status is where an organisation stands in verification.
type Status string

// The verification states. A hub coordinator moves a pending organisation
// to verified, needs_changes or rejected; a platform admin may suspend.
const (
	StatusPending      Status = "pending"
	StatusVerified     Status = "verified"
	StatusNeedsChanges Status = "needs_changes"
	StatusRejected     Status = "rejected"
	StatusSuspended    Status = "suspended"
)

// Verified reports whether the organisation carries the verified badge.
func (o *Organization) Verified() bool { return o.Status == StatusVerified }

// Role is a member's role in an organisation.
type Role string

// The roles, from most to least powerful.
const (
	RoleOwner     Role = "owner"
	RoleAdmin     Role = "admin"
	RoleEditor    Role = "editor"
	RoleTreasurer Role = "treasurer" // bendahara
	RoleViewer    Role = "viewer"
)

// Roles lists every role, most powerful first.
var Roles = []Role{RoleOwner, RoleAdmin, RoleEditor, RoleTreasurer, RoleViewer}

// CanEditProfile reports whether the role may change the organisation's profile.
func (r Role) CanEditProfile() bool { return r == RoleOwner || r == RoleAdmin || r == RoleEditor }

// CanManageMembers reports whether the role may invite, change and remove members.
func (r Role) CanManageMembers() bool { return r == RoleOwner || r == RoleAdmin }

// CanManageMoney reports whether the role may record and confirm money.
func (r Role) CanManageMoney() bool { return r == RoleOwner || r == RoleAdmin || r == RoleTreasurer }

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}
