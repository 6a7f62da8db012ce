// Package lesson keeps the lessons library: lessons from reflection
// sessions and from any stage of the cycle, tagged by stage, issue and
// region, with the initiative they came from, what they led to and the
// evidence they rest on; published ones are public and searchable across
// organisations.
package lesson

import (
	"time"

	"lokadaya/internal/db"
)

// Store keeps lessons.
type Store struct {
	DB  *db.DB
	Now func() time.Time
	// NoSearch leaves the search index alone after writes: for a bulk
	// load (the demo data) whose index is rebuilt afterwards.
	NoSearch bool
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }

// The kinds of source a lesson is written from.
const (
	SourceReflection = "reflection" // a reflection (CoRel) session; SourceID is its id
	SourceCycle      = "cycle"      // a stage of a cycle; SourceID is the cycle's id
	SourceElsewhere  = "other"
)

// SourceKinds lists the kinds of source.
var SourceKinds = []string{SourceReflection, SourceCycle, SourceElsewhere}

// Stages is the number of stages of the cycle; a lesson's Stage is 1 to
// Stages, or 0 for none.
const Stages = 7

// Limits, in characters.
const (
	MaxTitle       = 200
	MaxBody        = 10000
	MaxLedTo       = 4000
	MaxEvidence    = 10 // links
	MaxLabel       = 200
	MaxURL         = 500
	MaxEvidenceRaw = MaxEvidence * (MaxLabel + MaxURL + 8)
)

// Lesson is one lesson of an organisation.
type Lesson struct {
	ID           int64
	OrgID        int64
	InitiativeID int64 // 0: none
	Stage        int   // 1–7, 0: none
	Title        string
	Body         string
	Issues       []string // focus-issue keys (org.FocusIssues)
	RegionCode   string
	LedTo        string
	SourceKind   string
	SourceID     int64 // 0: none
	Evidence     []Evidence
	Published    bool
	PublishedAt  *time.Time
	CreatedBy    int64
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Evidence is a link a lesson rests on: a path of this site
// ("/inisiatif/x/hasil") or an outside http(s) address.
type Evidence struct {
	Label string `json:"label"`
	URL   string `json:"url"`
}

// Local reports whether the link is a page of this site.
func (e Evidence) Local() bool { return len(e.URL) > 0 && e.URL[0] == '/' }

// Actor is who acts, for the audit log.
type Actor struct {
	ID   int64
	Name string
}
