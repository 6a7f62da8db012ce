// Package surplus is stage 6 of the development cycle: what an initiative
// has left over in a period, and the organisation's decisions on what to do
// with it.
//
// # The computation
//
// For one initiative and one period (whole days in the organisation's
// zone), from the ledger:
//
//	surplus = in − out − reserve
//
// in is the money raised for the initiative in the period (donations and
// valued goods) and out the money spent (expenses, fees, refunds), both net
// of reversals recorded in the period. Zakat and infak money is left out
// entirely: it follows its own rules and is never allocated here. Transfers
// between initiatives (earlier allocations included) are shown but not
// counted: money passed on from a parent is the parent's surplus, not the
// child's income, and an allocation never changes the surplus it came from.
//
// reserve is an amount the organisation keeps back from the period (for
// example the next months' running costs). It is set by whoever makes the
// period's first decision and then fixed for the period, so every decision
// of the period is measured against the same figure. It is deliberately
// not the balance of the cadangan category: that balance grows with every
// reserve allocation, and would shrink the surplus it was allocated from.
//
// # Decisions
//
// A decision allocates an amount of the surplus to replication (replikasi:
// the model repeated elsewhere, in another or a new initiative), scale-up
// (perluasan: the initiative itself or another existing one grows),
// spin-off (pemisahan: a new initiative or social enterprise) or reserve
// (cadangan). The decisions of a period never add up to more than its
// surplus, also when they are made at the same moment: a decision locks its
// initiative for the rest of its transaction. Periods of one initiative
// never overlap, so no rupiah is allocated twice.
//
// Each decision is booked in the ledger in its own transaction, as two
// transfer entries sourced to the decision: the amount out of the
// initiative (category alokasi_surplus, source surplus_alokasi) and into
// the target (source surplus_alokasi_masuk), in category alokasi_surplus,
// or cadangan for a reserve allocation, whose target is the initiative
// itself. A decision for a new initiative creates it as a draft of the same
// organisation and cycle, with the name given, the parent's category and
// regions, and parent_id pointing at the initiative whose surplus it got.
package surplus

import (
	"time"

	"lokadaya/internal/ledger"
)

// Kind is what a surplus is allocated to.
type Kind string

// The kinds of allocation.
const (
	KindReplication Kind = "replikasi"
	KindScaleUp     Kind = "perluasan"
	KindSpinOff     Kind = "pemisahan"
	KindReserve     Kind = "cadangan"
)

// Kinds lists every kind in the order forms show them.
var Kinds = []Kind{KindReplication, KindScaleUp, KindSpinOff, KindReserve}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Source types of the ledger entries that book an allocation.
const (
	SourceFrom = "surplus_alokasi"
	SourceTo   = "surplus_alokasi_masuk"
)

// Limits.
const (
	MaxRationale = 2000
	MaxName      = 80
	// MaxDays is the longest period, about five years.
	MaxDays = 5*366 + 1
)

// Period is a period of an initiative: From ≤ time < To, instants at the
// start of days in the organisation's zone.
type Period struct {
	ID           int64 // 0 until a decision has been made for it
	OrgID        int64
	InitiativeID int64
	From, To     time.Time
	Reserve      int64
	CreatedAt    time.Time
}

// LastDay is the period's last day, in zone.
func (p *Period) LastDay(zone *time.Location) time.Time { return p.To.In(zone).AddDate(0, 0, -1) }

// Row is one category's money in the table.
type Row struct {
	Category                ledger.Category
	In, Out                 int64
	TransferIn, TransferOut int64
}

// Table is the computation of a period's surplus.
type Table struct {
	Period Period
	// Fixed: the period has decisions, so its reserve can no longer change.
	Fixed bool
	Rows  []Row // categories with entries, zakat and infak excluded
	// In and Out add up Rows; transfers are shown but not counted.
	In, Out                 int64
	TransferIn, TransferOut int64
	// Zakat is the zakat and infak money of the period, left out.
	Zakat ledger.Flow
	// Surplus = In − Out − Period.Reserve (may be negative).
	Surplus int64
	// Allocated is the sum of the period's decisions; Free what is left.
	Allocated, Free int64
}

// Allocation is one decision.
type Allocation struct {
	ID            int64
	PeriodID      int64
	OrgID         int64
	Kind          Kind
	Amount        int64
	TargetID      int64
	CreatedTarget bool
	Rationale     string
	DecidedBy     int64
	DecidedName   string
	DecidedAt     time.Time
	OutSeq, InSeq int64

	// For lists: the period and the initiatives by name.
	From, To       time.Time
	InitiativeID   int64
	InitiativeName string
	InitiativeSlug string
	TargetName     string
	TargetSlug     string
}
