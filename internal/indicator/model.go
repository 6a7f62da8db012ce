package indicator

import (
	"time"
)

// The kinds of an indicator.
const (
	KindOutput  = "output"
	KindOutcome = "outcome"
)

// The directions an indicator should move in.
const (
	Rise = "rise"
	Fall = "fall"
)

// The reporting periods.
const (
	Monthly   = "monthly"
	Quarterly = "quarterly"
	Yearly    = "yearly"
)

// The disaggregations an indicator may declare, with the groups its
// actuals are split into (those of the service records).
const (
	BySex = "sex"
	ByAge = "age"
)

// Groups lists the groups of a disaggregation, in order.
var Groups = map[string][]string{
	BySex: {"perempuan", "laki_laki"},
	ByAge: {"0_5", "6_17", "18_59", "60_plus"},
}

// SourceTyped is the source of an actual typed in by staff.
const SourceTyped = "typed"

// The sources a computed indicator may draw on.
const (
	SourceServiceRecords = "service_records" // people reached
	SourceIKM            = "ikm"             // satisfaction index of the survey rounds
	SourceFeedback       = "feedback"        // share of green votes, percent
	SourceDonations      = "donations"       // money confirmed, rupiah
	SourceGoods          = "goods"           // goods received, units
	SourceVolunteerHours = "volunteer_hours" // hours given
)

// Sources lists the computed sources, in the order forms show them.
var Sources = []string{SourceServiceRecords, SourceIKM, SourceFeedback, SourceDonations, SourceGoods, SourceVolunteerHours}

// Indicator is one output or outcome indicator of an initiative, with
// its actuals (typed and computed) in period order when loaded through
// ForInitiative or ForOrg.
type Indicator struct {
	ID           int64
	OrgID        int64
	InitiativeID int64
	Key          string
	Name         string
	Kind         string
	Unit         string
	Direction    string
	// Baseline and Target are hundredths (see Value).
	Baseline, Target Value
	Period           string
	From, To         string // YYYY-MM-DD
	Verification     string
	Disaggregation   string
	// Source is "" for a typed indicator, else a computed source.
	Source      string
	CreatedName string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Actuals     []*Actual
}

// Computed reports whether the indicator's actuals come from the
// platform's own records.
func (i *Indicator) Computed() bool { return i.Source != "" }

// Money reports whether the indicator counts rupiah, which are whole.
func (i *Indicator) Money() bool { return i.Source == SourceDonations || IsMoneyUnit(i.Unit) }

// Actual is an indicator's value for one period.
type Actual struct {
	// ID is 0 for a computed actual.
	ID     int64
	Period string // "2025-03", "2025-Q1" or "2025"
	Value  Value
	// Source is SourceTyped or the computed source it came from.
	Source string
	Note   string
	// Parts are the disaggregated values by group, when given.
	Parts       map[string]Value
	CreatedName string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Typed reports whether the actual was typed in.
func (a *Actual) Typed() bool { return a.Source == SourceTyped }

// Actor is who records: a user's id and name.
type Actor struct {
	ID   int64
	Name string
}
