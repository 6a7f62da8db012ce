package commitment

import "time"

// Statuses of a commitment and of a follow-up. A commitment is "belum"
// (not yet) until a follow-up says otherwise; its status is always its
// latest follow-up's.
const (
	StatusNotYet = "belum"
	StatusKept   = "ditepati"
	StatusPartly = "sebagian"
	StatusBroken = "diingkari"
)

// Statuses lists every status in the order pages count them.
var Statuses = []string{StatusNotYet, StatusPartly, StatusKept, StatusBroken}

// Kinds of stakeholder who made a promise.
var Kinds = []string{"pemda", "dprd", "kementerian", "desa", "akademisi", "usaha", "media", "lainnya"}

// Levels of government the stakeholder belongs to; "" is none (academia,
// business, media…).
var Levels = []string{"desa", "kecamatan", "kabupaten", "provinsi", "nasional"}

// DateLayout is how days are written and stored.
const DateLayout = "2006-01-02"

// Limits of the form, in characters.
const (
	MaxName  = 120
	MaxWhat  = 2000
	MaxText  = 1000
	MaxURL   = 500
	MaxShort = 200
)

// Commitment is one promise made to the organisation.
type Commitment struct {
	ID       int64
	OrgID    int64
	Who      string // the person's name
	Position string // their position (Bupati, anggota Komisi IV…)
	Office   string // office or institution
	Kind     string
	Level    string
	What     string
	MadeOn   string // the day the promise was made, at the event
	Event    string
	Place    string
	DueOn    string // "" when no date was promised
	Evidence string
	// EvidenceURL is an http(s) link to the evidence, or "".
	EvidenceURL  string
	RegionCode   string
	Status       string
	NextFollowUp string
	Published    bool
	CreatedAt    time.Time
	UpdatedAt    time.Time

	FollowUps []FollowUp // oldest first, filled by the lists
}

// FollowUp is one time the organisation went to collect on a promise.
type FollowUp struct {
	ID           int64
	CommitmentID int64
	DoneOn       string
	Action       string
	By           string
	Status       string
}

// Overdue reports whether the next follow-up day has passed on today
// while the promise is still open (not kept, not broken).
func (c *Commitment) Overdue(today string) bool {
	return c.NextFollowUp != "" && c.NextFollowUp < today && c.Open()
}

// Open reports whether the promise still needs collecting on.
func (c *Commitment) Open() bool { return c.Status == StatusNotYet || c.Status == StatusPartly }

// Counts are how many commitments have each status.
type Counts map[string]int

// Total is the number of commitments counted.
func (c Counts) Total() int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

// Count tallies list by status.
func Count(list []*Commitment) Counts {
	c := Counts{}
	for _, s := range Statuses {
		c[s] = 0
	}
	for _, x := range list {
		c[x.Status]++
	}
	return c
}

// Actor is who acts, for the audit log.
type Actor struct {
	ID   int64
	Name string
}
