package proposal

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

const columns = `p.id, p.kind, p.title, p.what, p.region_code, p.place, p.beneficiaries, p.beneficiaries_count, p.cost,
	p.status, p.merged_into, p.proposer_id, COALESCE(u.name, ''), p.created_at, p.updated_at,
	(SELECT COUNT(*) FROM proposal_supports s WHERE s.proposal_id = p.id)`

const from = ` FROM proposals p LEFT JOIN users u ON u.id = p.proposer_id`

func scan(sc interface{ Scan(...any) error }) (*Proposal, error) {
	p := &Proposal{}
	var count, cost, merged, proposer sql.NullInt64
	if err := sc.Scan(&p.ID, &p.Kind, &p.Title, &p.What, &p.RegionCode, &p.Where, &p.Beneficiaries, &count, &cost,
		&p.Status, &merged, &proposer, &p.ProposerName, &p.CreatedAt, &p.UpdatedAt, &p.Supporters); err != nil {
		return nil, err
	}
	if count.Valid {
		p.Count = &count.Int64
	}
	if cost.Valid {
		p.Cost = &cost.Int64
	}
	p.MergedInto, p.ProposerID = merged.Int64, proposer.Int64
	return p, nil
}

// validated checks in whole: its shape, then that its region exists.
func (s *Store) validated(ctx context.Context, in *Input) error {
	e := in.check()
	if in.RegionCode == "" {
		e.Add("region", "region.required")
	} else {
		var n int
		if err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM regions WHERE code = ?`, in.RegionCode).Scan(&n); err != nil {
			return fmt.Errorf("proposal: region: %w", err)
		}
		if n == 0 {
			e.Add("region", "region.required")
		}
	}
	return e.Err()
}

func nullable(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

// Create adds a proposal by actor. Bad input is a validate.Errors and
// nothing is written.
func (s *Store) Create(ctx context.Context, actor Actor, in Input) (*Proposal, error) {
	if err := s.validated(ctx, &in); err != nil {
		return nil, err
	}
	now := s.now()
	p := &Proposal{Status: StatusOpen, ProposerID: actor.ID, ProposerName: actor.Name, CreatedAt: now, UpdatedAt: now}
	apply(p, in)
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO proposals (kind, title, what, region_code, place, beneficiaries,
			beneficiaries_count, cost, status, proposer_id, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			p.Kind, p.Title, p.What, p.RegionCode, p.Where, p.Beneficiaries, nullable(p.Count), nullable(p.Cost),
			p.Status, nullID(actor.ID), now, now).Scan(&p.ID)
		if err != nil {
			return fmt.Errorf("proposal: create: %w", err)
		}
		if err := writeEvidence(ctx, tx, p.ID, p.Evidence); err != nil {
			return err
		}
		if err := s.cite(ctx, tx, p.ID, in.Datasets); err != nil {
			return err
		}
		return record(ctx, tx, actor, "proposal.create", p.ID, p.Title)
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

func apply(p *Proposal, in Input) {
	p.Kind, p.Title, p.What, p.RegionCode, p.Where = in.Kind, in.Title, in.What, in.RegionCode, in.Where
	p.Beneficiaries, p.Count, p.Cost, p.Evidence = in.Beneficiaries, in.Count, in.Cost, in.Evidence
}

// Editable reports whether the proposer may still change p: it is not
// merged and nobody but the proposer supports it.
func (s *Store) Editable(ctx context.Context, p *Proposal, userID int64) (bool, error) {
	if p.Merged() || userID == 0 || p.ProposerID != userID {
		return false, nil
	}
	var others int
	err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM proposal_supports WHERE proposal_id = ?
		AND (org_id IS NOT NULL OR user_id IS NULL OR user_id <> ?)`, p.ID, userID).Scan(&others)
	if err != nil {
		return false, fmt.Errorf("proposal: editable: %w", err)
	}
	return others == 0, nil
}

// Update changes the proposal, by its proposer, while nobody else
// supports it: ErrNotAllowed for anyone else, ErrSupported once others
// support it (they supported what it said), ErrMerged once merged.
func (s *Store) Update(ctx context.Context, actor Actor, p *Proposal, in Input) error {
	if p.ProposerID == 0 || actor.ID != p.ProposerID {
		return ErrNotAllowed
	}
	if p.Merged() {
		return ErrMerged
	}
	if err := s.validated(ctx, &in); err != nil {
		return err
	}
	now := s.now()
	next := *p
	apply(&next, in)
	next.UpdatedAt = now
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		// Checked again inside the transaction: a support given since the
		// page was read stops the change.
		var others int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM proposal_supports WHERE proposal_id = ?
			AND (org_id IS NOT NULL OR user_id IS NULL OR user_id <> ?)`, p.ID, actor.ID).Scan(&others); err != nil {
			return fmt.Errorf("proposal: update: %w", err)
		}
		if others > 0 {
			return ErrSupported
		}
		res, err := tx.Exec(ctx, `UPDATE proposals SET kind = ?, title = ?, what = ?, region_code = ?, place = ?,
			beneficiaries = ?, beneficiaries_count = ?, cost = ?, updated_at = ? WHERE id = ? AND merged_into IS NULL`,
			next.Kind, next.Title, next.What, next.RegionCode, next.Where, next.Beneficiaries, nullable(next.Count),
			nullable(next.Cost), now, p.ID)
		if err != nil {
			return fmt.Errorf("proposal: update: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrMerged
		}
		if _, err := tx.Exec(ctx, `DELETE FROM proposal_evidence WHERE proposal_id = ?`, p.ID); err != nil {
			return fmt.Errorf("proposal: update: %w", err)
		}
		if err := writeEvidence(ctx, tx, p.ID, next.Evidence); err != nil {
			return err
		}
		if err := s.cite(ctx, tx, p.ID, in.Datasets); err != nil {
			return err
		}
		return record(ctx, tx, actor, "proposal.update", p.ID, next.Title)
	})
	if err != nil {
		return err
	}
	*p = next
	return nil
}

// cite writes the datasets the proposal cites, when the store cites and
// the input says (nil: leave them).
func (s *Store) cite(ctx context.Context, tx *db.Tx, id int64, datasets []int64) error {
	if s.Citations == nil || datasets == nil {
		return nil
	}
	return s.Citations.CiteIn(ctx, tx, CiteKind, id, datasets)
}

func nullID(id int64) any {
	if id <= 0 {
		return nil
	}
	return id
}

func writeEvidence(ctx context.Context, tx *db.Tx, id int64, list []Evidence) error {
	for i, e := range list {
		if _, err := tx.Exec(ctx, `INSERT INTO proposal_evidence (proposal_id, position, label, url) VALUES (?, ?, ?, ?)`,
			id, i, e.Label, e.URL); err != nil {
			return fmt.Errorf("proposal: evidence: %w", err)
		}
	}
	return nil
}

func record(ctx context.Context, q db.Querier, a Actor, action string, id int64, detail string) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: action,
		TargetType: "proposal", TargetID: strconv.FormatInt(id, 10), Detail: detail})
}

// Get loads a proposal with its evidence and supporting organisations;
// db.ErrNotFound when there is none.
func (s *Store) Get(ctx context.Context, id int64) (*Proposal, error) {
	p, err := scan(s.DB.QueryRow(ctx, `SELECT `+columns+from+` WHERE p.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("proposal: get: %w", err)
	}
	if p.Evidence, err = s.evidence(ctx, id); err != nil {
		return nil, err
	}
	if p.Organizations, err = s.organizations(ctx, id); err != nil {
		return nil, err
	}
	return p, nil
}

func (s *Store) evidence(ctx context.Context, id int64) ([]Evidence, error) {
	rows, err := s.DB.Query(ctx, `SELECT label, url FROM proposal_evidence WHERE proposal_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, fmt.Errorf("proposal: evidence: %w", err)
	}
	defer rows.Close()
	var out []Evidence
	for rows.Next() {
		var e Evidence
		if err := rows.Scan(&e.Label, &e.URL); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// organizations are the OMS supporting the proposal, hidden ones
// (rejected, suspended) left out of the names.
func (s *Store) organizations(ctx context.Context, id int64) ([]Supporter, error) {
	rows, err := s.DB.Query(ctx, `SELECT o.id, o.slug, o.name FROM proposal_supports s
		JOIN organizations o ON o.id = s.org_id WHERE s.proposal_id = ? AND o.status NOT IN ('rejected', 'suspended')
		ORDER BY o.name, o.id`, id)
	if err != nil {
		return nil, fmt.Errorf("proposal: organisations: %w", err)
	}
	defer rows.Close()
	out := []Supporter{}
	for rows.Next() {
		var o Supporter
		if err := rows.Scan(&o.ID, &o.Slug, &o.Name); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Orders of a list.
const (
	OrderNewest    = "baru"
	OrderSupported = "dukungan"
)

// ListParams choose a page of proposals: those of Region and the regions
// below it ("" for all), in Order, from Cursor (the previous page's next).
type ListParams struct {
	Region, Order, Cursor string
	Limit                 int
}

// ErrBadCursor is a cursor that is not one of ours.
var ErrBadCursor = errors.New("proposal: bad cursor")

// List returns a page of proposals and the cursor of the next ("" at the
// end). Merged duplicates are left out: their supporters count on the
// proposal they were merged into.
func (s *Store) List(ctx context.Context, q ListParams) ([]*Proposal, string, error) {
	if q.Limit <= 0 || q.Limit > 100 {
		q.Limit = 20
	}
	offset := 0
	if q.Cursor != "" {
		n, err := strconv.Atoi(q.Cursor)
		if err != nil || n < 0 || n > 1_000_000 {
			return nil, "", ErrBadCursor
		}
		offset = n
	}
	where, args := []string{"p.merged_into IS NULL"}, []any{}
	if q.Region != "" {
		cond, a := region.WithinSQL("p.region_code", q.Region)
		where, args = append(where, cond), append(args, a...)
	}
	order := "p.id DESC"
	if q.Order == OrderSupported {
		order = "(SELECT COUNT(*) FROM proposal_supports s WHERE s.proposal_id = p.id) DESC, p.id DESC"
	}
	args = append(args, q.Limit+1, offset)
	rows, err := s.DB.Query(ctx, `SELECT `+columns+from+` WHERE `+strings.Join(where, " AND ")+
		` ORDER BY `+order+` LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, "", fmt.Errorf("proposal: list: %w", err)
	}
	defer rows.Close()
	var out []*Proposal
	for rows.Next() {
		p, err := scan(rows)
		if err != nil {
			return nil, "", err
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	next := ""
	if len(out) > q.Limit {
		out, next = out[:q.Limit], strconv.Itoa(offset+q.Limit)
	}
	return out, next, nil
}

// ValidationErrors reports whether err carries field errors.
func ValidationErrors(err error) (validate.Errors, bool) {
	var e validate.Errors
	ok := errors.As(err, &e)
	return e, ok
}
