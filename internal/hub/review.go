package hub

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

// Decision is what a reviewer decides about an organisation.
type Decision string

// The decisions. The first three are a hub coordinator's (or a platform
// admin's); suspending and lifting a suspension are for platform admins.
const (
	DecideVerify       Decision = "verified"
	DecideNeedsChanges Decision = "needs_changes"
	DecideReject       Decision = "rejected"
	DecideSuspend      Decision = "suspended"
	DecideUnsuspend    Decision = "unsuspended"
)

// ReviewDecisions are the decisions offered on a hub's review page.
var ReviewDecisions = []Decision{DecideVerify, DecideNeedsChanges, DecideReject}

// Errors Decide reports besides validate.Errors (a missing reason) and
// db.ErrNotFound (no such organisation).
var (
	ErrForbidden  = errors.New("hub: not allowed to decide on this organisation")
	ErrNotAllowed = errors.New("hub: decision not allowed from the current status")
	ErrConflict   = errors.New("hub: the organisation changed meanwhile")
	ErrUnknown    = errors.New("hub: unknown decision")
)

// rule says from which statuses a decision may be taken, whether it needs a
// reason and whether only platform admins may take it.
type rule struct {
	from        []org.Status
	needsReason bool
	adminOnly   bool
}

var rules = map[Decision]rule{
	DecideVerify:       {from: []org.Status{org.StatusPending}},
	DecideNeedsChanges: {from: []org.Status{org.StatusPending, org.StatusVerified}, needsReason: true},
	DecideReject:       {from: []org.Status{org.StatusPending}, needsReason: true},
	DecideSuspend: {from: []org.Status{org.StatusPending, org.StatusVerified, org.StatusNeedsChanges, org.StatusRejected},
		needsReason: true, adminOnly: true},
	DecideUnsuspend: {from: []org.Status{org.StatusSuspended}, adminOnly: true},
}

// Allowed reports whether d may be taken on an organisation in status st
// (ignoring who takes it).
func Allowed(d Decision, st org.Status) bool {
	r, ok := rules[d]
	if !ok {
		return false
	}
	for _, f := range r.from {
		if f == st {
			return true
		}
	}
	return false
}

// NeedsReason reports whether d must be explained.
func NeedsReason(d Decision) bool { return rules[d].needsReason }

// Decide records reviewer's decision on the organisation. See DecideExpecting.
func (s *Store) Decide(ctx context.Context, reviewer Actor, orgID int64, d Decision, reason string) (org.Status, error) {
	return s.DecideExpecting(ctx, reviewer, orgID, "", d, reason)
}

// Decided is a decision just recorded, as Store.OnDecide receives it.
type Decided struct {
	Org      *org.Organization // as it was before the decision
	Reviewer Actor
	Decision Decision
	To       org.Status
	Reason   string
	// Documents are the legal documents a "needs changes" asks for.
	Documents []org.DocKind
}

// DecideExpecting records a decision asking for no documents. See
// DecideAsking.
func (s *Store) DecideExpecting(ctx context.Context, reviewer Actor, orgID int64, expect org.Status, d Decision, reason string) (org.Status, error) {
	return s.DecideAsking(ctx, reviewer, orgID, expect, d, reason, nil)
}

// DecideAsking records a decision: the organisation's status, reason and
// verified_at, an org_reviews row and an audit entry change together in one
// transaction, with Store.OnDecide. When expect is set, the decision
// applies only if the status is still the one the reviewer saw (else
// ErrConflict). docs are the legal documents a "needs changes" asks for
// (refused with other decisions). It returns the new status.
func (s *Store) DecideAsking(ctx context.Context, reviewer Actor, orgID int64, expect org.Status, d Decision, reason string,
	docs []org.DocKind) (org.Status, error) {
	rl, ok := rules[d]
	if !ok {
		return "", ErrUnknown
	}
	reason = strings.TrimSpace(reason)
	if err := checkDocs(d, docs); err != nil {
		return "", err
	}
	var to org.Status
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		o, err := orgByID(ctx, tx, orgID)
		if err != nil {
			return err
		}
		if err := s.authorise(ctx, reviewer, o, rl); err != nil {
			return err
		}
		if expect != "" && o.Status != expect {
			return ErrConflict
		}
		if !Allowed(d, o.Status) {
			return ErrNotAllowed
		}
		errs := validate.Errors{}
		if rl.needsReason && reason == "" {
			errs.Add("reason", "hub.reason_required")
		}
		if utf8.RuneCountInString(reason) > 2000 {
			errs.Add("reason", "form.too_long")
		}
		if err := errs.Err(); err != nil {
			return err
		}
		to, err = target(ctx, tx, o, d)
		if err != nil {
			return err
		}
		if err := apply(ctx, tx, reviewer, o, d, to, reason, docs); err != nil {
			return err
		}
		if s.OnDecide == nil {
			return nil
		}
		return s.OnDecide(ctx, tx, Decided{Org: o, Reviewer: reviewer, Decision: d, To: to, Reason: reason, Documents: docs})
	})
	if err != nil {
		return "", err
	}
	return to, nil
}

// checkDocs refuses documents asked for with any decision but "needs
// changes", and unknown or repeated ones.
func checkDocs(d Decision, docs []org.DocKind) error {
	seen := map[org.DocKind]bool{}
	for _, k := range docs {
		if d != DecideNeedsChanges || !k.Valid() || seen[k] {
			return validate.Errors{"documents": "hub.documents_invalid"}
		}
		seen[k] = true
	}
	return nil
}

// joinDocs writes documents asked for as org_reviews keeps them.
func joinDocs(docs []org.DocKind) string {
	parts := make([]string, len(docs))
	for i, k := range docs {
		parts[i] = string(k)
	}
	return strings.Join(parts, ",")
}

// SplitDocs reads documents asked for as org_reviews keeps them.
func SplitDocs(s string) []org.DocKind {
	var out []org.DocKind
	for _, p := range strings.Split(s, ",") {
		if k := org.DocKind(p); k.Valid() {
			out = append(out, k)
		}
	}
	return out
}

func (s *Store) authorise(ctx context.Context, reviewer Actor, o *org.Organization, rl rule) error {
	if rl.adminOnly && !reviewer.IsAdmin {
		return ErrForbidden
	}
	ok, err := s.Reviews(ctx, reviewer, o)
	if err != nil {
		return err
	}
	if !ok {
		return ErrForbidden
	}
	return nil
}

// target is the status a decision leads to. Lifting a suspension goes back
// to the status held before it, or to pending when that is unknown.
func target(ctx context.Context, q db.Querier, o *org.Organization, d Decision) (org.Status, error) {
	switch d {
	case DecideVerify:
		return org.StatusVerified, nil
	case DecideNeedsChanges:
		return org.StatusNeedsChanges, nil
	case DecideReject:
		return org.StatusRejected, nil
	case DecideSuspend:
		return org.StatusSuspended, nil
	}
	var from string
	err := q.QueryRow(ctx, `SELECT from_status FROM org_reviews WHERE org_id = ? AND decision = ?
		ORDER BY id DESC LIMIT 1`, o.ID, string(DecideSuspend)).Scan(&from)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("hub: previous status: %w", err)
	}
	switch st := org.Status(from); st {
	case org.StatusVerified, org.StatusNeedsChanges, org.StatusRejected:
		return st, nil
	}
	return org.StatusPending, nil
}

// apply writes the decision. The UPDATE only matches while the status is
// still the one read, so of two concurrent decisions only one applies.
func apply(ctx context.Context, tx db.Querier, reviewer Actor, o *org.Organization, d Decision, to org.Status, reason string,
	docs []org.DocKind) error {
	now := db.Now()
	verifiedAt := o.VerifiedAt
	switch to {
	case org.StatusVerified:
		if d == DecideVerify || verifiedAt == nil {
			verifiedAt = &now
		}
	case org.StatusSuspended:
		// Kept, so that lifting the suspension restores the badge's date.
	default:
		verifiedAt = nil
	}
	var va any
	if verifiedAt != nil {
		va = *verifiedAt
	}
	res, err := tx.Exec(ctx, `UPDATE organizations SET status = ?, status_reason = ?, verified_at = ?, updated_at = ?
		WHERE id = ? AND status = ?`, string(to), reason, va, now, o.ID, string(o.Status))
	if err != nil {
		return fmt.Errorf("hub: decide: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("hub: decide: %w", err)
	}
	if n == 0 {
		return ErrConflict
	}
	var rid any
	if reviewer.ID != 0 {
		rid = reviewer.ID
	}
	if _, err := tx.Exec(ctx, `INSERT INTO org_reviews (org_id, reviewer_id, decision, from_status, reason, requested_docs, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, o.ID, rid, string(d), string(o.Status), reason, joinDocs(docs), now); err != nil {
		return fmt.Errorf("hub: record review: %w", err)
	}
	detail := fmt.Sprintf("%s: %s → %s", o.Slug, o.Status, to)
	if reason != "" {
		detail += "; " + reason
	}
	return audit.Record(ctx, tx, audit.Entry{At: now, ActorID: reviewer.ID, ActorName: reviewer.Name,
		Action: "org." + string(d), TargetType: "organization", TargetID: fmt.Sprint(o.ID), Detail: detail})
}
