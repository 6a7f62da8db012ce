// Package planning keeps participatory planning rounds: a region's
// proposals (internal/proposal) ranked for a period of years, e.g. the
// musrenbang of a kelurahan for 2027-2029. The round's stages and dates,
// its criteria and their weights and each year's budget ceiling are agreed
// first; participants of three groups (residents, OMS, government) then
// score each proposal on each criterion, once; the round is settled into
// a ranked list split into years within the ceilings. A proposal not
// funded in its year moves forward to the next, keeps its rank history,
// and its proposer is told by e-mail where it stands and why — so an
// unfunded proposal keeps its place instead of being dropped.
package planning

import (
	"lokadaya/internal/validate"
	"time"

	"lokadaya/internal/db"
)

// Statuses of a round.
const (
	StatusSetup   = "persiapan"  // stages, criteria, ceilings and participants are agreed
	StatusScoring = "penilaian"  // participants score the proposals
	StatusSettled = "ditetapkan" // ranked and periodised; funding is recorded year by year
)

// Groups of participants, as scored and shown.
const (
	GroupResidents  = "warga"
	GroupOMS        = "oms"
	GroupGovernment = "pemerintah"
)

// Groups are the participant groups in the order shown.
var Groups = []string{GroupResidents, GroupOMS, GroupGovernment}

// Limits of a round.
const (
	MaxYears    = 5
	MaxStages   = 8
	MaxCriteria = 8
	MaxTitle    = 200
	MaxText     = 4000
	MinScore    = 1
	MaxScore    = 5
)

// Round is a planning round.
type Round struct {
	ID          int64
	RegionCode  string
	Title       string
	Description string
	FirstYear   int
	Years       int
	Status      string
	OrgID       int64
	OrgSlug     string
	OrgName     string
	CreatedAt   time.Time
	SettledAt   *time.Time

	Stages   []Stage
	Criteria []Criterion
	Ceilings []Year
}

// LastYear is the round's last year.
func (r *Round) LastYear() int { return r.FirstYear + r.Years - 1 }

// Period is the round's period as people write it: "2027–2029".
func (r *Round) Period() string {
	if r.Years == 1 {
		return itoa(r.FirstYear)
	}
	return itoa(r.FirstYear) + "–" + itoa(r.LastYear())
}

// Ceiling is the budget ceiling of year, 0 when none was set.
func (r *Round) Ceiling(year int) int64 {
	for _, y := range r.Ceilings {
		if y.Year == year {
			return y.Ceiling
		}
	}
	return 0
}

// YearDecided reports whether year's funding was recorded.
func (r *Round) YearDecided(year int) bool {
	for _, y := range r.Ceilings {
		if y.Year == year {
			return y.Decided
		}
	}
	return false
}

// Stage is one stage of a round and its dates (YYYY-MM-DD).
type Stage struct {
	Name     string
	StartsOn string
	EndsOn   string
}

// Criterion is a scoring criterion and its weight in percent.
type Criterion struct {
	ID          int64
	Name        string
	Description string
	Weight      int
}

// Year is one year of the round and its budget ceiling in whole rupiah.
type Year struct {
	Year    int
	Ceiling int64
	Decided bool
}

// Participant is a person who scores for a group.
type Participant struct {
	UserID  int64
	Name    string
	Email   string
	Group   string
	OrgID   int64
	OrgName string
}

// Actor is who acts: the signed-in user and whether a platform admin.
type Actor struct {
	ID    int64
	Admin bool
}

// Refusal is a refused action with a reason the user can read (an
// i18n key), the one type every domain package refuses with.
type Refusal = validate.Refusal

// The refusals.
var (
	ErrNotParticipant = &Refusal{Key: "round.err.not_participant"}
	ErrScored         = &Refusal{Key: "round.err.scored"}
	ErrNotScoring     = &Refusal{Key: "round.err.not_scoring"}
	ErrNotSetup       = &Refusal{Key: "round.err.not_setup"}
	ErrNotSettled     = &Refusal{Key: "round.err.not_settled"}
	ErrWeights        = &Refusal{Key: "round.err.weights"}
	ErrNoCriteria     = &Refusal{Key: "round.err.no_criteria"}
	ErrNoProposals    = &Refusal{Key: "round.err.no_proposals"}
	ErrNoScores       = &Refusal{Key: "round.err.no_scores"}
	ErrNotInRound     = &Refusal{Key: "round.err.not_in_round"}
	ErrYearDecided    = &Refusal{Key: "round.err.year_decided"}
	ErrYearOrder      = &Refusal{Key: "round.err.year_order"}
	ErrGroup          = &Refusal{Key: "round.err.group"}
	ErrNoUser         = &Refusal{Key: "round.err.no_user"}
)

// Store keeps rounds, their participants, scores and results.
type Store struct {
	DB  *db.DB
	Now func() time.Time
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }
