// Package commitment keeps the promises stakeholders made to an
// organisation at events and audiences — who, what, by when, where, the
// evidence — and their follow-up, so the organisation can collect on them
// (menagih janji).
//
// A commitment's status is never typed directly: it is the status of its
// latest follow-up (by day, then by entry), "belum" without any, and is
// rewritten in the transaction that adds or removes a follow-up. The
// organisation chooses which commitments the public sees (Published).
package commitment

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// Store keeps commitments and their follow-ups.
type Store struct {
	DB  *db.DB
	Now func() time.Time
}

// Today is the day now in the zone of an organisation in orgRegion.
func (s *Store) Today(orgRegion string) string {
	return db.NowFrom(s.Now).In(region.Zone(orgRegion)).Format(DateLayout)
}

const columns = `id, org_id, who, position, office, kind, gov_level, what, made_on, event_name, event_place, due_on,
	evidence, evidence_url, region_code, status, next_follow_up, published, created_at, updated_at`

func scan(sc interface{ Scan(...any) error }) (*Commitment, error) {
	c := &Commitment{}
	err := sc.Scan(&c.ID, &c.OrgID, &c.Who, &c.Position, &c.Office, &c.Kind, &c.Level, &c.What, &c.MadeOn, &c.Event,
		&c.Place, &c.DueOn, &c.Evidence, &c.EvidenceURL, &c.RegionCode, &c.Status, &c.NextFollowUp, &c.Published,
		&c.CreatedAt, &c.UpdatedAt)
	return c, err
}

// checkRegion adds an error when code is given but is no region.
func checkRegion(ctx context.Context, q db.Querier, code string, e validate.Errors) error {
	if code == "" {
		return nil
	}
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM regions WHERE code = ?`, code).Scan(&n); err != nil {
		return fmt.Errorf("commitment: region: %w", err)
	}
	if n == 0 {
		e.Add("region", "region.required")
	}
	return nil
}

// validateInput checks in for an organisation in orgRegion.
func (s *Store) validateInput(ctx context.Context, orgRegion string, in *Input) error {
	e := in.Check(s.Today(orgRegion))
	if err := checkRegion(ctx, s.DB, in.RegionCode, e); err != nil {
		return err
	}
	return e.Err()
}

// Create records a commitment made to the organisation orgID (whose
// region is orgRegion). Bad input is a validate.Errors.
func (s *Store) Create(ctx context.Context, a Actor, orgID int64, orgRegion string, in Input) (*Commitment, error) {
	if err := s.validateInput(ctx, orgRegion, &in); err != nil {
		return nil, err
	}
	now := db.NowFrom(s.Now)
	c := &Commitment{OrgID: orgID, Status: StatusNotYet, CreatedAt: now, UpdatedAt: now}
	c.apply(in)
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO commitments (org_id, who, position, office, kind, gov_level, what, made_on,
			event_name, event_place, due_on, evidence, evidence_url, region_code, status, next_follow_up, published,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			orgID, c.Who, c.Position, c.Office, c.Kind, c.Level, c.What, c.MadeOn, c.Event, c.Place, c.DueOn,
			c.Evidence, c.EvidenceURL, c.RegionCode, c.Status, c.NextFollowUp, c.Published, now, now).Scan(&c.ID)
		if err != nil {
			return fmt.Errorf("commitment: create: %w", err)
		}
		return record(ctx, tx, a, "commitment.create", c)
	})
	return c, err
}

func (c *Commitment) apply(in Input) {
	c.Who, c.Position, c.Office, c.Kind, c.Level, c.What = in.Who, in.Position, in.Office, in.Kind, in.Level, in.What
	c.MadeOn, c.Event, c.Place, c.DueOn = in.MadeOn, in.Event, in.Place, in.DueOn
	c.Evidence, c.EvidenceURL, c.RegionCode = in.Evidence, in.EvidenceURL, in.RegionCode
	c.NextFollowUp, c.Published = in.NextFollowUp, in.Published
}

// Update changes a commitment's details; its follow-ups and status stay.
// A follow-up dated before the new day made is refused.
func (s *Store) Update(ctx context.Context, a Actor, c *Commitment, orgRegion string, in Input) error {
	if err := s.validateInput(ctx, orgRegion, &in); err != nil {
		return err
	}
	var first sql.NullString
	if err := s.DB.QueryRow(ctx, `SELECT MIN(done_on) FROM commitment_follow_ups WHERE commitment_id = ?`, c.ID).Scan(&first); err != nil {
		return fmt.Errorf("commitment: update: %w", err)
	}
	if first.Valid && first.String < in.MadeOn {
		return validate.Errors{"made_on": "commitment.err.made_after_follow"}
	}
	now := db.NowFrom(s.Now)
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		_, err := tx.Exec(ctx, `UPDATE commitments SET who = ?, position = ?, office = ?, kind = ?, gov_level = ?, what = ?,
			made_on = ?, event_name = ?, event_place = ?, due_on = ?, evidence = ?, evidence_url = ?, region_code = ?,
			next_follow_up = ?, published = ?, updated_at = ? WHERE id = ?`,
			in.Who, in.Position, in.Office, in.Kind, in.Level, in.What, in.MadeOn, in.Event, in.Place, in.DueOn,
			in.Evidence, in.EvidenceURL, in.RegionCode, in.NextFollowUp, in.Published, now, c.ID)
		if err != nil {
			return fmt.Errorf("commitment: update: %w", err)
		}
		c.apply(in)
		c.UpdatedAt = now
		return record(ctx, tx, a, "commitment.update", c)
	})
}

// Delete removes a commitment and its follow-ups.
func (s *Store) Delete(ctx context.Context, a Actor, c *Commitment) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM commitments WHERE id = ?`, c.ID); err != nil {
			return fmt.Errorf("commitment: delete: %w", err)
		}
		return record(ctx, tx, a, "commitment.delete", c)
	})
}

// AddFollowUp records a follow-up of c; c's status becomes its latest
// follow-up's and, when the input names one, its next follow-up day
// changes. Bad input is a validate.Errors.
func (s *Store) AddFollowUp(ctx context.Context, a Actor, c *Commitment, orgRegion string, in FollowUpInput) error {
	if e := in.Check(c, s.Today(orgRegion)); len(e) > 0 {
		return e
	}
	now := db.NowFrom(s.Now)
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO commitment_follow_ups (commitment_id, done_on, action, by_whom, status, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, c.ID, in.DoneOn, in.Action, in.By, in.Status, now); err != nil {
			return fmt.Errorf("commitment: follow-up: %w", err)
		}
		if _, err := tx.Exec(ctx, `UPDATE commitments SET next_follow_up = ? WHERE id = ?`, in.NextFollowUp, c.ID); err != nil {
			return fmt.Errorf("commitment: follow-up: %w", err)
		}
		if err := restatus(ctx, tx, c.ID, now); err != nil {
			return err
		}
		return record(ctx, tx, a, "commitment.follow_up", c)
	})
}

// DeleteFollowUp removes the follow-up id of c; c's status goes back to
// the latest remaining one's.
func (s *Store) DeleteFollowUp(ctx context.Context, a Actor, c *Commitment, id int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `DELETE FROM commitment_follow_ups WHERE id = ? AND commitment_id = ?`, id, c.ID)
		if err != nil {
			return fmt.Errorf("commitment: delete follow-up: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return db.ErrNotFound
		}
		if err := restatus(ctx, tx, c.ID, db.NowFrom(s.Now)); err != nil {
			return err
		}
		return record(ctx, tx, a, "commitment.follow_up_delete", c)
	})
}

// restatus sets the commitment's status to its latest follow-up's.
func restatus(ctx context.Context, tx *db.Tx, id int64, now time.Time) error {
	status := StatusNotYet
	err := tx.QueryRow(ctx, `SELECT status FROM commitment_follow_ups WHERE commitment_id = ?
		ORDER BY done_on DESC, id DESC LIMIT 1`, id).Scan(&status)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("commitment: status: %w", err)
	}
	if _, err := tx.Exec(ctx, `UPDATE commitments SET status = ?, updated_at = ? WHERE id = ?`, status, now, id); err != nil {
		return fmt.Errorf("commitment: status: %w", err)
	}
	return nil
}

// record writes the audit entry of an action on c: no names, the
// commitment's id is enough to find it.
func record(ctx context.Context, q db.Querier, a Actor, action string, c *Commitment) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: action,
		TargetType: "commitment", TargetID: strconv.FormatInt(c.ID, 10), Detail: strconv.FormatInt(c.OrgID, 10)})
}

// Get is the commitment id of the organisation orgID with its
// follow-ups; one of another organisation is db.ErrNotFound.
func (s *Store) Get(ctx context.Context, orgID, id int64) (*Commitment, error) {
	c, err := scan(s.DB.QueryRow(ctx, `SELECT `+columns+` FROM commitments WHERE id = ? AND org_id = ?`, id, orgID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("commitment: get: %w", err)
	}
	list := []*Commitment{c}
	return c, s.fillFollowUps(ctx, list)
}

// List is the organisation's commitments, newest promise first, with
// their follow-ups; publishedOnly leaves out the unpublished ones.
func (s *Store) List(ctx context.Context, orgID int64, publishedOnly bool) ([]*Commitment, error) {
	q := `SELECT ` + columns + ` FROM commitments WHERE org_id = ?`
	if publishedOnly {
		q += ` AND published = TRUE`
	}
	return s.list(ctx, q+` ORDER BY made_on DESC, id DESC`, orgID)
}

// InRegion is the published commitments of visible organisations whose
// own region, or the commitment's region, lies in code or under it,
// newest promise first, with the organisation's slug and name.
func (s *Store) InRegion(ctx context.Context, code string) ([]*Commitment, map[int64]OrgRef, error) {
	inOrg, args := region.WithinSQL("o.region_code", code)
	inC, args2 := region.WithinSQL("c.region_code", code)
	q := `SELECT ` + prefixed("c.") + ` FROM commitments c JOIN organizations o ON o.id = c.org_id
		WHERE c.published = TRUE AND o.status NOT IN ('rejected', 'suspended') AND (` + inOrg + ` OR ` + inC + `)
		ORDER BY c.made_on DESC, c.id DESC`
	list, err := s.list(ctx, q, append(args, args2...)...)
	if err != nil {
		return nil, nil, err
	}
	orgs := map[int64]OrgRef{}
	for _, c := range list {
		if _, ok := orgs[c.OrgID]; ok {
			continue
		}
		var o OrgRef
		if err := s.DB.QueryRow(ctx, `SELECT slug, name FROM organizations WHERE id = ?`, c.OrgID).Scan(&o.Slug, &o.Name); err != nil {
			return nil, nil, fmt.Errorf("commitment: region: %w", err)
		}
		orgs[c.OrgID] = o
	}
	return list, orgs, nil
}

// OrgRef names the organisation of a commitment on region lists.
type OrgRef struct{ Slug, Name string }

// prefixed is the column list with every column prefixed by p ("c.").
func prefixed(p string) string {
	cols := strings.Split(columns, ",")
	for i, c := range cols {
		cols[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ")
}

func (s *Store) list(ctx context.Context, q string, args ...any) ([]*Commitment, error) {
	rows, err := s.DB.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("commitment: list: %w", err)
	}
	defer rows.Close()
	var out []*Commitment
	for rows.Next() {
		c, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("commitment: list: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("commitment: list: %w", err)
	}
	return out, s.fillFollowUps(ctx, out)
}

// fillFollowUps loads the follow-ups of list, oldest first.
func (s *Store) fillFollowUps(ctx context.Context, list []*Commitment) error {
	if len(list) == 0 {
		return nil
	}
	byID := map[int64]*Commitment{}
	ids := make([]any, len(list))
	for i, c := range list {
		byID[c.ID], ids[i] = c, c.ID
	}
	rows, err := s.DB.Query(ctx, `SELECT id, commitment_id, done_on, action, by_whom, status FROM commitment_follow_ups
		WHERE commitment_id IN (`+db.Marks(len(ids))+`) ORDER BY done_on, id`, ids...)
	if err != nil {
		return fmt.Errorf("commitment: follow-ups: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var f FollowUp
		if err := rows.Scan(&f.ID, &f.CommitmentID, &f.DoneOn, &f.Action, &f.By, &f.Status); err != nil {
			return fmt.Errorf("commitment: follow-ups: %w", err)
		}
		c := byID[f.CommitmentID]
		c.FollowUps = append(c.FollowUps, f)
	}
	return rows.Err()
}
