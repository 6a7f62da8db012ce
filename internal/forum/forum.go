// Package forum keeps the forums where government and OMS come to a shared
// understanding of an issue in a region, and the joint action teams those
// forums form (seed 001, steps 2–5): the team's members by side, its plan
// of activities, the reviews of progress at set dates, and its reflection
// held in separate sittings for government and for OMS and then jointly,
// each sitting keeping its own assessment of the collaboration climate.
//
// Participants of a forum are counted by group, never named. Team members
// are shown by display name and organisation, never by e-mail address.
package forum

import (
	"lokadaya/internal/validate"
	"time"

	"lokadaya/internal/db"
)

// Participant groups of a forum, in the order shown.
var Groups = []string{"pemerintah", "oms", "warga", "akademisi", "bisnis", "media"}

// Sides of a team member, and of a sitting ("bersama" is the joint one).
const (
	SidePemerintah = "pemerintah"
	SideOMS        = "oms"
	SideBersama    = "bersama"
)

// MemberSides are the sides a member sits on; SittingSides are the
// sittings of a round in the order they are held.
var (
	MemberSides  = []string{SidePemerintah, SideOMS}
	SittingSides = []string{SidePemerintah, SideOMS, SideBersama}
)

// Roles in a team.
const (
	RoleLead   = "ketua"
	RoleMember = "anggota"
)

// Roles are the roles offered.
var Roles = []string{RoleLead, RoleMember}

// Statuses of a plan activity.
var Statuses = []string{"rencana", "berjalan", "selesai", "tertunda"}

// Questions are the collaboration-climate questions every sitting scores
// from 1 (not at all) to 5 (fully), after seed 001's "iklim kolaborasi".
var Questions = []string{"kepercayaan", "keterbukaan_data", "tujuan_bersama", "peran_jelas", "keputusan_bersama", "tindak_lanjut"}

// Limits of the input.
const (
	MaxTitle = 200
	MaxText  = 10000
	MaxShort = 500
	// MaxCount caps a participants count: no hall holds more.
	MaxCount = 100000
)

// Forum is a forum on an issue for a region.
type Forum struct {
	ID         int64
	Title      string
	Issue      string
	ProposalID int64 // 0 when not on a proposal
	RegionCode string
	HeldOn     string // YYYY-MM-DD
	Place      string
	OrgID      int64 // 0 when convened without an organisation
	OrgName    string
	OrgSlug    string
	ConvenerID int64
	// Counts are the participants by group (Groups), never names.
	Counts map[string]int
	// The shared understanding.
	Causes, Implications, Initiatives, DataNeeds string
	Published                                    bool
	CreatedAt, UpdatedAt                         time.Time
	Teams                                        []*TeamRef
}

// Participants is the number of participants of every group.
func (f *Forum) Participants() int {
	n := 0
	for _, c := range f.Counts {
		n += c
	}
	return n
}

// TeamRef names a team of a forum.
type TeamRef struct {
	ID   int64
	Name string
}

// Team is a joint action team formed from a forum.
type Team struct {
	ID         int64
	ForumID    int64
	Forum      *Forum
	Name       string
	Purpose    string
	CreatedAt  time.Time
	Members    []Member
	Activities []*Activity
	Reviews    []*Review
	Sittings   []*Sitting
}

// Member is a person in a team.
type Member struct {
	UserID  int64
	Name    string
	Side    string
	OrgID   int64
	OrgName string
	OrgSlug string
	Role    string
}

// Activity is a line of a team's plan.
type Activity struct {
	ID        int64
	TeamID    int64
	What      string
	OwnerID   int64
	OwnerName string
	StartsOn  string
	DueOn     string
	Budget    int64 // whole rupiah
	Indicator string
	Datasets  string // the datasets to be opened, as written
	Status    string
}

// Review is a progress review at a set date; Held once recorded.
type Review struct {
	ID     int64
	DueOn  string
	Held   bool
	HeldAt time.Time
	// Notes are the progress notes by activity id.
	Notes map[int64]string
}

// Sitting is one reflection sitting with its climate assessment.
type Sitting struct {
	ID           int64
	Round        int
	Side         string
	HeldOn       string
	Participants int
	Notes        string
	// Scores by question (Questions), 1–5.
	Scores map[string]int
}

// Average is the sitting's mean score, in tenths (37 is 3.7).
func (s *Sitting) Average() int {
	if len(s.Scores) == 0 {
		return 0
	}
	sum := 0
	for _, v := range s.Scores {
		sum += v
	}
	return (sum*10 + len(s.Scores)/2) / len(s.Scores)
}

// Actor is who acts: the signed-in user, and whether a platform admin.
type Actor struct {
	ID    int64
	Name  string
	Admin bool
}

// Refusal is a refused action with a reason the user can read (an
// i18n key), the one type every domain package refuses with.
type Refusal = validate.Refusal

// The refusals.
var (
	ErrNotAllowed   = &Refusal{Key: "forum.err.not_allowed"}
	ErrNotMember    = &Refusal{Key: "forum.err.not_member"}
	ErrOtherSide    = &Refusal{Key: "forum.err.other_side"}
	ErrApartFirst   = &Refusal{Key: "forum.err.apart_first"}
	ErrRoundOpen    = &Refusal{Key: "forum.err.round_open"}
	ErrReviewHeld   = &Refusal{Key: "forum.err.review_held"}
	ErrNotPublished = &Refusal{Key: "forum.err.not_published"}
)

// Store keeps forums and their teams.
type Store struct {
	DB  *db.DB
	Now func() time.Time
	// Citations, when set, keeps the catalogue datasets forums and plans
	// cite.
	Citations Citer
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }

// Mean is the sitting's mean score to one decimal (3.7).
func (s *Sitting) Mean() float64 { return float64(s.Average()) / 10 }
