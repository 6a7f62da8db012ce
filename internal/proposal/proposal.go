// Package proposal keeps the issues and proposals (usulan) residents and
// OMS put forward for a region at any level down to a desa/kelurahan: an
// issue (isu) or a concrete activity (kegiatan) with where, who benefits,
// a rough cost and the evidence. People and organisations support a
// proposal; a hub coordinator or platform admin merges duplicates, their
// supporters kept. Planning rounds (ranking, periodisation) build on it.
//
// The proposer is shown publicly by their display name (the account's
// name), never by e-mail address.
package proposal

import (
	"context"
	"lokadaya/internal/validate"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/lesson"
)

// Kinds of proposal.
const (
	KindIssue    = "isu"      // an issue that matters to residents
	KindActivity = "kegiatan" // a concrete activity
)

// Kinds are the kinds, in the order offered.
var Kinds = []string{KindIssue, KindActivity}

// Statuses. Planning rounds add their own later.
const (
	StatusOpen   = "terbuka"
	StatusMerged = "digabung"
)

// Limits of the input.
const (
	MaxTitle         = 200
	MaxWhat          = 10000
	MaxWhere         = 200
	MaxBeneficiaries = 2000
	// MaxCount caps the beneficiaries estimate: more than the country.
	MaxCount = 1_000_000_000
)

// Evidence is a link a proposal rests on; the same as a lesson's, checked
// the same way (a path of this site or an http(s) address).
type Evidence = lesson.Evidence

// Proposal is an issue or an activity proposed for a region.
type Proposal struct {
	ID         int64
	Kind       string
	Title      string
	What       string
	RegionCode string
	// Where is the free detail below the desa: "RT 03/RW 05".
	Where         string
	Beneficiaries string
	// Count is the estimated number of beneficiaries; nil when not given.
	Count *int64
	// Cost is the rough cost in whole rupiah; nil when not given.
	Cost       *int64
	Status     string
	MergedInto int64 // 0 when not merged
	ProposerID int64
	// ProposerName is the proposer's display name ("" once the account is
	// gone).
	ProposerName string
	CreatedAt    time.Time
	UpdatedAt    time.Time
	Evidence     []Evidence

	// Supporters counts the supports: people and organisations.
	Supporters int
	// Organizations are the OMS supporting it, by name.
	Organizations []Supporter
}

// Supporter is an organisation supporting a proposal.
type Supporter struct {
	ID   int64  `json:"id"`
	Slug string `json:"slug"`
	Name string `json:"name"`
}

// CountValue is the beneficiaries estimate, 0 when not given.
func (p *Proposal) CountValue() int64 {
	if p.Count == nil {
		return 0
	}
	return *p.Count
}

// Merged reports whether the proposal was merged into another.
func (p *Proposal) Merged() bool { return p.MergedInto != 0 }

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
	ErrMerged     = &Refusal{Key: "proposal.err.merged"}
	ErrNotMember  = &Refusal{Key: "proposal.err.not_member"}
	ErrSupported  = &Refusal{Key: "proposal.err.has_support"}
	ErrNotAllowed = &Refusal{Key: "proposal.err.not_allowed"}
)

// Store keeps proposals and their supports.
type Store struct {
	DB  *db.DB
	Now func() time.Time
	// Citations writes the catalogue datasets a proposal cites, in the
	// transaction that writes the proposal; nil leaves citations alone.
	Citations Citer
}

// CiteKind is the subject kind a proposal cites datasets under (the
// dataset package's word).
const CiteKind = "proposal"

// Citer replaces the datasets a subject cites within the caller's
// transaction, refusing the whole set when one is not published; the
// dataset store is one.
type Citer interface {
	CiteIn(ctx context.Context, q db.Querier, kind string, subjectID int64, datasetIDs []int64) error
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }
