package hub

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/org"
)

// The hub reads organisations itself rather than through the org package,
// because a review needs columns (legal numbers, status reason) in bulk and
// by region coverage, which is the hub's concern.
const orgColumns = `o.id, o.slug, o.name, o.kind, o.legal_form, o.akta_number, o.sk_ahu, o.npwp, o.address, o.region_code,
	o.founded_year, o.email, o.phone, o.website, o.status, o.status_reason, o.verified_at, o.created_at, o.updated_at`

func scanOrg(row interface{ Scan(...any) error }) (*org.Organization, error) {
	var o org.Organization
	var verified sql.NullTime
	var status string
	err := row.Scan(&o.ID, &o.Slug, &o.Name, &o.Kind, &o.LegalForm, &o.AktaNumber, &o.SKAHU, &o.NPWP, &o.Address, &o.RegionCode,
		&o.FoundedYear, &o.Email, &o.Phone, &o.Website, &status, &o.StatusReason, &verified, &o.CreatedAt, &o.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("hub: scan organisation: %w", err)
	}
	o.Status = org.Status(status)
	if verified.Valid {
		t := verified.Time.UTC()
		o.VerifiedAt = &t
	}
	o.CreatedAt, o.UpdatedAt = o.CreatedAt.UTC(), o.UpdatedAt.UTC()
	return &o, nil
}

func (s *Store) orgs(ctx context.Context, query string, args ...any) ([]*org.Organization, error) {
	rows, err := s.DB.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("hub: organisations: %w", err)
	}
	defer rows.Close()
	var out []*org.Organization
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("hub: organisations: %w", err)
	}
	return out, nil
}

// OrgBySlug returns an organisation with the fields a reviewer needs.
func (s *Store) OrgBySlug(ctx context.Context, slug string) (*org.Organization, error) {
	return scanOrg(s.DB.QueryRow(ctx, `SELECT `+orgColumns+` FROM organizations o WHERE o.slug = ?`, slug))
}

func orgByID(ctx context.Context, q db.Querier, id int64) (*org.Organization, error) {
	return scanOrg(q.QueryRow(ctx, `SELECT `+orgColumns+` FROM organizations o WHERE o.id = ?`, id))
}

// ReviewQueue returns the organisations in the hub's regions waiting for a
// decision: pending ones first, longest waiting first, then those sent back
// for changes.
func (s *Store) ReviewQueue(ctx context.Context, hubID int64) ([]*org.Organization, error) {
	return s.orgs(ctx, `SELECT `+orgColumns+` FROM organizations o WHERE o.status IN ('pending', 'needs_changes')
		AND EXISTS (SELECT 1 FROM hub_regions hr WHERE hr.hub_id = ? AND `+coverSQL+`)
		ORDER BY CASE WHEN o.status = 'pending' THEN 0 ELSE 1 END, o.updated_at, o.id`, hubID)
}

// TurnedAway returns the rejected and suspended organisations in the
// hub's regions, the latest decided first: hidden from the public, still
// its reviewers' to look back on (their documents, an appeal, a lifted
// suspension).
func (s *Store) TurnedAway(ctx context.Context, hubID int64) ([]*org.Organization, error) {
	return s.orgs(ctx, `SELECT `+orgColumns+` FROM organizations o WHERE o.status IN ('rejected', 'suspended')
		AND EXISTS (SELECT 1 FROM hub_regions hr WHERE hr.hub_id = ? AND `+coverSQL+`)
		ORDER BY o.updated_at DESC, o.id DESC`, hubID)
}

// VerifiedMembers returns the verified organisations in the hub's regions, by name.
func (s *Store) VerifiedMembers(ctx context.Context, hubID int64) ([]*org.Organization, error) {
	return s.orgs(ctx, `SELECT `+orgColumns+` FROM organizations o WHERE o.status = 'verified'
		AND EXISTS (SELECT 1 FROM hub_regions hr WHERE hr.hub_id = ? AND `+coverSQL+`)
		ORDER BY o.name, o.id`, hubID)
}

// AdminOrgs lists every organisation, optionally with one status, newest
// first, at most limit rows after offset.
func (s *Store) AdminOrgs(ctx context.Context, status org.Status, limit, offset int) ([]*org.Organization, error) {
	q := `SELECT ` + orgColumns + ` FROM organizations o`
	var args []any
	if status != "" {
		q += ` WHERE o.status = ?`
		args = append(args, string(status))
	}
	q += fmt.Sprintf(` ORDER BY o.created_at DESC, o.id DESC LIMIT %d OFFSET %d`, max(limit, 1), max(offset, 0))
	return s.orgs(ctx, q, args...)
}

// StatusCounts counts organisations per status.
func (s *Store) StatusCounts(ctx context.Context) (map[org.Status]int, error) {
	rows, err := s.DB.Query(ctx, `SELECT status, COUNT(*) FROM organizations GROUP BY status`)
	if err != nil {
		return nil, fmt.Errorf("hub: status counts: %w", err)
	}
	defer rows.Close()
	out := map[org.Status]int{}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, fmt.Errorf("hub: status counts: %w", err)
		}
		out[org.Status(st)] = n
	}
	return out, rows.Err()
}

// Review is one recorded verification decision.
type Review struct {
	ID           int64
	Decision     Decision
	FromStatus   org.Status
	Reason       string
	ReviewerName string
	CreatedAt    time.Time
	// Documents are the legal documents a "needs changes" asked for.
	Documents []org.DocKind
}

// History returns the organisation's decisions, newest first.
func (s *Store) History(ctx context.Context, orgID int64) ([]Review, error) {
	rows, err := s.DB.Query(ctx, `SELECT r.id, r.decision, r.from_status, r.reason, COALESCE(u.name, ''), r.created_at,
		r.requested_docs FROM org_reviews r LEFT JOIN users u ON u.id = r.reviewer_id WHERE r.org_id = ? ORDER BY r.id DESC`, orgID)
	if err != nil {
		return nil, fmt.Errorf("hub: history: %w", err)
	}
	defer rows.Close()
	var out []Review
	for rows.Next() {
		var r Review
		var dec, from, docs string
		if err := rows.Scan(&r.ID, &dec, &from, &r.Reason, &r.ReviewerName, &r.CreatedAt, &docs); err != nil {
			return nil, fmt.Errorf("hub: history: %w", err)
		}
		r.Documents = SplitDocs(docs)
		r.Decision, r.FromStatus, r.CreatedAt = Decision(dec), org.Status(from), r.CreatedAt.UTC()
		out = append(out, r)
	}
	return out, rows.Err()
}
