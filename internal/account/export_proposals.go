package account

import (
	"context"
	"database/sql"
	"time"
)

// ExportProposal is an issue or proposal (usulan) the person made.
type ExportProposal struct {
	ID         int64     `json:"id"`
	Kind       string    `json:"kind"`
	Title      string    `json:"title"`
	RegionCode string    `json:"region_code"`
	CreatedAt  time.Time `json:"created_at"`
}

// ExportProposalSupport is a proposal the person supported, as a person
// or on behalf of an organisation (OrgID).
type ExportProposalSupport struct {
	ProposalID int64     `json:"proposal_id"`
	OrgID      *int64    `json:"org_id"`
	At         time.Time `json:"at"`
}

func (s *Store) exportProposals(ctx context.Context, e *Export) error {
	err := s.each(ctx, `SELECT id, kind, title, region_code, created_at FROM proposals WHERE proposer_id = ? ORDER BY id`,
		[]any{e.Profile.ID}, func(r *sql.Rows) error {
			var x ExportProposal
			if err := r.Scan(&x.ID, &x.Kind, &x.Title, &x.RegionCode, &x.CreatedAt); err != nil {
				return err
			}
			x.CreatedAt = x.CreatedAt.UTC()
			e.Proposals = append(e.Proposals, x)
			return nil
		})
	if err != nil {
		return err
	}
	return s.each(ctx, `SELECT proposal_id, org_id, created_at FROM proposal_supports WHERE user_id = ? ORDER BY id`,
		[]any{e.Profile.ID}, func(r *sql.Rows) error {
			var x ExportProposalSupport
			var org sql.NullInt64
			if err := r.Scan(&x.ProposalID, &org, &x.At); err != nil {
				return err
			}
			if org.Valid {
				x.OrgID = &org.Int64
			}
			x.At = x.At.UTC()
			e.ProposalSupports = append(e.ProposalSupports, x)
			return nil
		})
}
