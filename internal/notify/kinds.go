// Package notify tells an organisation's members by e-mail about events
// that need them: verification decisions, goods pledges, volunteer
// sign-ups, offers, proofs of transfer waiting, complaints and their
// deadlines. Each member chooses per organisation and kind of event: an
// e-mail at once, a daily digest, or nothing. E-mail goes through the database job queue (internal/mail), in
// the transaction of the change that caused it.
package notify

import "lokadaya/internal/org"

// Kind is a kind of event.
type Kind string

// The kinds of event.
const (
	KindVerification Kind = "verification" // a hub's or admin's decision on the organisation
	KindGoods        Kind = "goods"        // goods pledged to a campaign
	KindVolunteer    Kind = "volunteer"    // a volunteer signed up
	KindOffer        Kind = "offer"        // an offer of skills or partnership, or its sender's reply
	KindProof        Kind = "proof"        // a donor's proof of transfer waits for confirmation
	// KindComplaint is a new complaint; KindComplaintDeadline a
	// complaint's answer due within 12 hours, or overdue.
	KindComplaint         Kind = "complaint"
	KindComplaintDeadline Kind = "complaint_deadline"
	// KindVoiceWeekly is the weekly summary of the voice of the people
	// the organisation serves (internal/voicesummary).
	KindVoiceWeekly Kind = "voice_weekly"
)

// Mode is how a member wants to hear of a kind of event.
type Mode string

// The modes.
const (
	ModeNow    Mode = "now"    // langsung: an e-mail at once
	ModeDigest Mode = "digest" // ringkasan harian: in the next daily digest
	ModeOff    Mode = "off"    // mati: nothing
)

// Modes are the choices, in the order the preferences page shows them.
var Modes = []Mode{ModeNow, ModeDigest, ModeOff}

// Valid reports whether m is a known mode.
func (m Mode) Valid() bool { return m == ModeNow || m == ModeDigest || m == ModeOff }

// rule says who handles a kind of event and how they hear of it unless
// they chose otherwise.
type rule struct {
	roles []org.Role
	mode  Mode
}

// rules follow who may act on the event (internal/web: org_access.go,
// payment_access.go, goods_common.go, offer_common.go, volunteer_manage.go).
// Decisions and proofs waiting are urgent, offers are conversations; goods
// and volunteers can wait for the day's digest.
var rules = map[Kind]rule{
	KindVerification: {roles: []org.Role{org.RoleOwner, org.RoleAdmin}, mode: ModeNow},
	KindGoods:        {roles: []org.Role{org.RoleOwner, org.RoleAdmin, org.RoleEditor, org.RoleTreasurer}, mode: ModeDigest},
	KindVolunteer:    {roles: []org.Role{org.RoleOwner, org.RoleAdmin, org.RoleEditor}, mode: ModeDigest},
	KindOffer:        {roles: []org.Role{org.RoleOwner, org.RoleAdmin, org.RoleEditor}, mode: ModeNow},
	KindProof:        {roles: []org.Role{org.RoleOwner, org.RoleAdmin, org.RoleTreasurer}, mode: ModeNow},
	// Complaints have a deadline: those who assign and answer hear at once.
	KindComplaint:         {roles: []org.Role{org.RoleOwner, org.RoleAdmin, org.RoleEditor}, mode: ModeNow},
	KindComplaintDeadline: {roles: []org.Role{org.RoleOwner, org.RoleAdmin, org.RoleEditor}, mode: ModeNow},
	// Every member hears once a week whom the organisation served and
	// what they said.
	KindVoiceWeekly: {roles: []org.Role{org.RoleOwner, org.RoleAdmin, org.RoleEditor, org.RoleTreasurer, org.RoleViewer}, mode: ModeNow},
}

// Kinds are every kind, in the order the preferences page shows them.
var Kinds = []Kind{KindVerification, KindProof, KindOffer, KindGoods, KindVolunteer, KindComplaint, KindComplaintDeadline,
	KindVoiceWeekly}

// Default is how a member hears of kind without a choice of their own.
func Default(kind Kind) Mode { return rules[kind].mode }

// Handles reports whether a member with role is told of kind.
func Handles(role org.Role, kind Kind) bool {
	for _, r := range rules[kind].roles {
		if r == role {
			return true
		}
	}
	return false
}

// KindsFor are the kinds a member with role is told of.
func KindsFor(role org.Role) []Kind {
	var out []Kind
	for _, k := range Kinds {
		if Handles(role, k) {
			out = append(out, k)
		}
	}
	return out
}

// roleList is the roles handling kind, as SQL arguments.
func roleList(kind Kind) []any {
	var out []any
	for _, r := range rules[kind].roles {
		out = append(out, string(r))
	}
	return out
}
