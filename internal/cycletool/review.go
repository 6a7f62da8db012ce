package cycletool

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

// Choices of the stage reviews; labels are "tools.scheme.<key>",
// "tools.decision.<key>" and "tools.alloc.<key>".
var (
	// ExchangeSchemes are the resource exchange schemes tested in stage 4.
	ExchangeSchemes = []string{"transaksional", "redistribusi_biaya", "resiprokal", "keuangan_rumah_tangga", "rantai_nilai", "lainnya"}
	// Decisions lists the decisions each stage allows; stages 6 and 7
	// decide through allocations and lessons instead.
	Decisions = map[int][]string{
		4: {"lanjutkan", "modifikasi"},
		5: {"lanjutkan", "kembali_ke_skema", "kembali_ke_inisiatif"},
	}
	// Allocations are the uses of surplus decided in stage 6.
	Allocations = []string{"replikasi", "perluasan_skala", "spin_off", "cadangan"}
)

// ReviewStages are the stages that have a review.
const (
	FirstReviewStage = 4
	LastReviewStage  = 7
)

// Review is one version of a stage's review and decision.
type Review struct {
	ID        int64
	CycleID   int64
	Stage     int
	Summary   string
	Decision  string
	Details   ReviewDetails
	AuthorID  *int64
	Author    string // the author's name; "" once the account is gone
	CreatedAt time.Time
}

// ReviewDetails are the stage-specific parts of a review.
type ReviewDetails struct {
	Scheme      string       `json:"scheme,omitempty"`      // stage 4
	Allocations []Allocation `json:"allocations,omitempty"` // stage 6
	Lessons     []string     `json:"lessons,omitempty"`     // stage 7
}

// Allocation is one chosen use of surplus with its note.
type Allocation struct {
	Kind string `json:"kind"`
	Note string `json:"note"`
}

// Has reports whether an allocation of kind was chosen.
func (d ReviewDetails) Has(kind string) bool {
	for _, a := range d.Allocations {
		if a.Kind == kind {
			return true
		}
	}
	return false
}

// Note is the note of the allocation of kind.
func (d ReviewDetails) Note(kind string) string {
	for _, a := range d.Allocations {
		if a.Kind == kind {
			return a.Note
		}
	}
	return ""
}

// MaxLessons bounds the lessons of one review.
const MaxLessons = 50

// ReviewFromForm reads and checks a stage's review form. Lessons (stage 7)
// are one per line; allocation notes are "note_<kind>".
func ReviewFromForm(stage int, form url.Values) (Review, validate.Errors) {
	g := func(k string) string { return strings.TrimSpace(form.Get(k)) }
	r := Review{Stage: stage, Summary: g("summary"), Decision: g("decision")}
	e := validate.Errors{}
	switch n := utf8.RuneCountInString(r.Summary); {
	case n == 0:
		e.Add("summary", "tools.err.summary")
	case n > 20000:
		e.Add("summary", "tools.err.too_long")
	}
	switch stage {
	case 4:
		r.Details.Scheme = g("scheme")
		if !inList(ExchangeSchemes, r.Details.Scheme) {
			e.Add("scheme", "tools.err.scheme")
		}
		fallthrough
	case 5:
		if !inList(Decisions[stage], r.Decision) {
			e.Add("decision", "tools.err.decision")
		}
	case 6:
		r.Decision = ""
		var kinds []string
		for _, k := range Allocations {
			if !inList(form["allocation"], k) {
				continue
			}
			note := g("note_" + k)
			if utf8.RuneCountInString(note) > 2000 {
				e.Add("note_"+k, "tools.err.too_long")
			}
			r.Details.Allocations = append(r.Details.Allocations, Allocation{k, note})
			kinds = append(kinds, k)
		}
		if len(kinds) == 0 {
			e.Add("allocation", "tools.err.allocation")
		}
		r.Decision = strings.Join(kinds, ",")
	case 7:
		r.Decision = ""
		for _, line := range strings.Split(form.Get("lessons"), "\n") {
			if l := strings.TrimSpace(line); l != "" {
				r.Details.Lessons = append(r.Details.Lessons, l)
			}
		}
		if len(r.Details.Lessons) > MaxLessons {
			e.Add("lessons", "tools.err.lessons")
		}
	default:
		e.Add("stage", "tools.err.stage")
	}
	return r, e
}

// Form is the review as form values, to start the next version from.
func (r *Review) Form() url.Values {
	f := url.Values{"summary": {r.Summary}, "decision": {r.Decision}, "scheme": {r.Details.Scheme},
		"lessons": {strings.Join(r.Details.Lessons, "\n")}}
	for _, a := range r.Details.Allocations {
		f.Add("allocation", a.Kind)
		f.Set("note_"+a.Kind, a.Note)
	}
	return f
}

// AddReview stores a new version of a stage's review.
func (s *Store) AddReview(ctx context.Context, cycleID, authorID int64, r Review) (int64, error) {
	if r.Stage < FirstReviewStage || r.Stage > LastReviewStage {
		return 0, fmt.Errorf("cycletool: no review in stage %d", r.Stage)
	}
	details, err := json.Marshal(r.Details)
	if err != nil {
		return 0, fmt.Errorf("cycletool: add review: %w", err)
	}
	var author any
	if authorID != 0 {
		author = authorID
	}
	var id int64
	err = s.DB.QueryRow(ctx, `INSERT INTO stage_reviews (cycle_id, stage, summary, decision, details, author_id, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, cycleID, r.Stage, r.Summary, r.Decision, string(details), author,
		db.Now()).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("cycletool: add review: %w", err)
	}
	return id, nil
}

// Reviews lists every version of a stage's review, newest first.
func (s *Store) Reviews(ctx context.Context, cycleID int64, stage int) ([]Review, error) {
	rows, err := s.DB.Query(ctx, `SELECT r.id, r.summary, r.decision, r.details, r.author_id, COALESCE(u.name, ''), r.created_at
		FROM stage_reviews r LEFT JOIN users u ON u.id = r.author_id
		WHERE r.cycle_id = ? AND r.stage = ? ORDER BY r.id DESC`, cycleID, stage)
	if err != nil {
		return nil, fmt.Errorf("cycletool: reviews: %w", err)
	}
	defer rows.Close()
	var out []Review
	for rows.Next() {
		r := Review{CycleID: cycleID, Stage: stage}
		var details string
		if err := rows.Scan(&r.ID, &r.Summary, &r.Decision, &details, &r.AuthorID, &r.Author, &r.CreatedAt); err != nil {
			return nil, fmt.Errorf("cycletool: reviews: %w", err)
		}
		if details != "" {
			if err := json.Unmarshal([]byte(details), &r.Details); err != nil {
				return nil, fmt.Errorf("cycletool: review %d details: %w", r.ID, err)
			}
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
