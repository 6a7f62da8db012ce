package survey

import "time"

// Round is one survey round of an initiative.
type Round struct {
	ID           int64
	OrgID        int64
	InitiativeID int64
	// Code is the public code of the round's questionnaire page.
	Code       string
	Title      string
	PeriodFrom string // YYYY-MM-DD
	PeriodTo   string // YYYY-MM-DD
	// Population is the number of people served in the period as typed by
	// staff, 0 when not given.
	Population  int64
	Open        bool
	CreatedBy   int64
	CreatedName string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Period is the round's period as "from – to".
func (r *Round) Period() string { return r.PeriodFrom + "/" + r.PeriodTo }

// Response is one filled-in questionnaire.
type Response struct {
	ID          int64
	RoundID     int64
	Source      string // SourceWeb or SourcePaper
	Scores      Scores
	Profile     Profile
	Suggestion  string
	PaperRef    string
	EnteredName string
	CreatedAt   time.Time
}

// Where a response came from.
const (
	SourceWeb   = "daring"
	SourcePaper = "kertas"
)

// Actor is who acts, for the audit log and the record's author.
type Actor struct {
	ID   int64
	Name string
}

// CodeLength is the length of a round's public code.
const CodeLength = 6
