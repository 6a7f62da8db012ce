package reflection

import (
	"time"
)

// The statuses of a session: planned, then held once its outcome is
// written. Publishing is separate (PublishedAt).
const (
	StatusPlanned = "rencana"
	StatusHeld    = "selesai"
)

// The kinds of participant group. A joint sitting brings the groups
// together after they sat apart.
const (
	GroupStaff    = "staf"
	GroupServed   = "penerima_manfaat"
	GroupPartners = "mitra_strategis"
	GroupJoint    = "bersama"
)

// GroupKinds are the kinds of group, in the order a session seats them.
var GroupKinds = []string{GroupStaff, GroupServed, GroupPartners, GroupJoint}

// The kinds of input a group gives.
const (
	InputWorked  = "berhasil"
	InputMissed  = "kurang"
	InputPropose = "usul"
)

// InputKinds are the kinds of a group's input.
var InputKinds = []string{InputWorked, InputMissed, InputPropose}

// The kinds of finding, the headings of a CoRel outcome (seed 003).
const (
	FindingNewInitiative     = "new_initiative"
	FindingFundamentalChange = "fundamental_change"
	FindingLesson            = "lesson"
	FindingImpact            = "impact"
	FindingSustainability    = "sustainability"
	FindingRecommendation    = "recommendation"
)

// FindingKinds are the kinds of finding, in the order the outcome lists them.
var FindingKinds = []string{FindingNewInitiative, FindingFundamentalChange, FindingLesson,
	FindingImpact, FindingSustainability, FindingRecommendation}

// The statuses of an action.
const (
	ActionPlanned   = "rencana"
	ActionUnderway  = "berjalan"
	ActionDone      = "selesai"
	ActionCancelled = "batal"
)

// ActionStatuses are the statuses of an action.
var ActionStatuses = []string{ActionPlanned, ActionUnderway, ActionDone, ActionCancelled}

// Session is one reflection session of an organisation.
type Session struct {
	ID, OrgID   int64
	CycleID     int64 // 0 when not tied to a cycle
	Title       string
	HeldOn      string // YYYY-MM-DD
	Place       string
	Facilitator string
	PeriodFrom  string // the period under review, YYYY-MM-DD
	PeriodTo    string
	Purpose     string
	Status      string
	PublishedAt *time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time

	// InitiativeIDs are the initiatives under review.
	InitiativeIDs []int64
}

// Published reports whether the public sees the session.
func (s *Session) Published() bool { return s.PublishedAt != nil }

// Held reports whether the session took place and its outcome is written.
func (s *Session) Held() bool { return s.Status == StatusHeld }

// Group is a participant group, or the joint sitting.
type Group struct {
	ID, SessionID int64
	Kind          string
	Name          string
	Participants  int
	Women         int
	SatOn         string // the day it sat, YYYY-MM-DD; "" when not yet
	Inputs        []Input
}

// Joint reports whether the group is the joint sitting.
func (g *Group) Joint() bool { return g.Kind == GroupJoint }

// Input is what a group said.
type Input struct {
	ID, GroupID int64
	Kind        string
	Body        string
}

// Finding is one item of the session's outcome.
type Finding struct {
	ID, SessionID int64
	Kind          string
	Title         string
	Body          string
	AddressedTo   string // a recommendation's addressee
	GroupID       int64  // the group it came from; 0 when the session's
	InitiativeID  int64  // the draft a "new initiative" finding opened
	CreatedAt     time.Time
}

// Area is an item of the organisation's competence checklist.
type Area struct {
	ID, OrgID int64
	Name      string
	Position  int
	Archived  bool
}

// Score is an area's score in one session, 1 (weak) to 5 (strong).
type Score struct {
	AreaID int64
	Score  int
	Note   string
}

// Action is an item of the action plan.
type Action struct {
	ID, OrgID   int64
	SessionID   int64 // 0 when not from a session
	FindingID   int64
	What        string
	OwnerID     int64 // 0 once the owner's account is gone
	OwnerName   string
	DueOn       string // YYYY-MM-DD
	Budget      int64  // rupiah
	IndicatorID int64
	Status      string
	Note        string
	RemindedOn  string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Open reports whether the action still has to be done.
func (a *Action) Open() bool { return a.Status == ActionPlanned || a.Status == ActionUnderway }

// Overdue reports whether the open action is past its due day (today is
// YYYY-MM-DD in the organisation's zone).
func (a *Action) Overdue(today string) bool { return a.Open() && a.DueOn < today }

// StrategyChange is a fundamental change recorded against the
// organisation's strategy.
type StrategyChange struct {
	ID, OrgID int64
	SessionID int64
	FindingID int64
	Change    string
	DecidedOn string
	CreatedAt time.Time
}

// Actor is who writes, for the audit log.
type Actor struct {
	ID   int64
	Name string
}
