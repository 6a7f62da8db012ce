package forum

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

const forumColumns = `f.id, f.title, f.issue, f.proposal_id, f.region_code, f.held_on, f.place, f.org_id,
	COALESCE(o.name, ''), COALESCE(o.slug, ''), f.convener_id, f.n_pemerintah, f.n_oms, f.n_warga, f.n_akademisi,
	f.n_bisnis, f.n_media, f.causes, f.implications, f.initiatives, f.data_needs, f.published, f.created_at, f.updated_at`

const forumFrom = ` FROM forums f LEFT JOIN organizations o ON o.id = f.org_id`

func scanForum(sc interface{ Scan(...any) error }) (*Forum, error) {
	f := &Forum{Counts: map[string]int{}}
	var proposal, orgID, convener sql.NullInt64
	n := make([]int, len(Groups))
	if err := sc.Scan(&f.ID, &f.Title, &f.Issue, &proposal, &f.RegionCode, &f.HeldOn, &f.Place, &orgID,
		&f.OrgName, &f.OrgSlug, &convener, &n[0], &n[1], &n[2], &n[3], &n[4], &n[5],
		&f.Causes, &f.Implications, &f.Initiatives, &f.DataNeeds, &f.Published, &f.CreatedAt, &f.UpdatedAt); err != nil {
		return nil, err
	}
	for i, g := range Groups {
		if n[i] > 0 {
			f.Counts[g] = n[i]
		}
	}
	f.ProposalID, f.OrgID, f.ConvenerID = proposal.Int64, orgID.Int64, convener.Int64
	return f, nil
}

func nullID(id int64) any {
	if id <= 0 {
		return nil
	}
	return id
}

// coordinates reports whether userID coordinates a hub covering code.
func coordinates(ctx context.Context, q db.Querier, userID int64, code string) (bool, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM hub_coordinators hc JOIN hub_regions hr ON hr.hub_id = hc.hub_id
		WHERE hc.user_id = ? AND (hr.region_code = ? OR ? LIKE (hr.region_code || '.%'))`, userID, code, code).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("forum: coordinator check: %w", err)
	}
	return n > 0, nil
}

// edits reports whether userID is an owner, admin or editor of orgID.
func edits(ctx context.Context, q db.Querier, userID, orgID int64) (bool, error) {
	if orgID <= 0 || userID <= 0 {
		return false, nil
	}
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM memberships WHERE org_id = ? AND user_id = ? AND role IN ('owner', 'admin', 'editor')`,
		orgID, userID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("forum: member check: %w", err)
	}
	return n > 0, nil
}

// mayConvene checks that actor may convene a forum for in: on behalf of a
// verified organisation they edit for, or as a hub coordinator covering
// the region or a platform admin. ErrNotAllowed otherwise.
func mayConvene(ctx context.Context, q db.Querier, actor Actor, in *ForumInput) error {
	if actor.ID <= 0 {
		return ErrNotAllowed
	}
	if in.OrgID > 0 {
		var status string
		err := q.QueryRow(ctx, `SELECT status FROM organizations WHERE id = ?`, in.OrgID).Scan(&status)
		if errors.Is(err, sql.ErrNoRows) {
			return validate.Errors{"org": "forum.err.org"}
		}
		if err != nil {
			return fmt.Errorf("forum: convener: %w", err)
		}
		if actor.Admin {
			return nil
		}
		ok, err := edits(ctx, q, actor.ID, in.OrgID)
		if err != nil {
			return err
		}
		if !ok {
			return ErrNotAllowed
		}
		if status != "verified" {
			return validate.Errors{"org": "forum.err.org_unverified"}
		}
		return nil
	}
	if actor.Admin {
		return nil
	}
	ok, err := coordinates(ctx, q, actor.ID, in.RegionCode)
	if err != nil {
		return err
	}
	if !ok {
		return validate.Errors{"org": "forum.err.org_required"}
	}
	return nil
}

// CanManage reports whether actor manages forum f (and its teams): a
// platform admin, who convened it, an owner/admin/editor of its
// organisation, or a coordinator of a hub covering its region.
func (s *Store) CanManage(ctx context.Context, actor Actor, f *Forum) (bool, error) {
	return canManage(ctx, s.DB, actor, f)
}

func canManage(ctx context.Context, q db.Querier, actor Actor, f *Forum) (bool, error) {
	if actor.Admin {
		return true, nil
	}
	if actor.ID <= 0 {
		return false, nil
	}
	if f.ConvenerID == actor.ID {
		return true, nil
	}
	if ok, err := edits(ctx, q, actor.ID, f.OrgID); err != nil || ok {
		return ok, err
	}
	return coordinates(ctx, q, actor.ID, f.RegionCode)
}

// validated checks the input in whole: its shape, the region, the
// proposal it is on.
func (s *Store) validated(ctx context.Context, q db.Querier, in *ForumInput) error {
	e := in.check()
	if in.RegionCode == "" {
		e.Add("region", "region.required")
	} else if n, err := count(ctx, q, `SELECT COUNT(*) FROM regions WHERE code = ?`, in.RegionCode); err != nil {
		return err
	} else if n == 0 {
		e.Add("region", "region.required")
	}
	if in.ProposalID > 0 {
		if n, err := count(ctx, q, `SELECT COUNT(*) FROM proposals WHERE id = ?`, in.ProposalID); err != nil {
			return err
		} else if n == 0 {
			e.Add("proposal", "forum.err.proposal")
		}
	}
	return e.Err()
}

func count(ctx context.Context, q db.Querier, query string, args ...any) (int, error) {
	var n int
	if err := q.QueryRow(ctx, query, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("forum: %w", err)
	}
	return n, nil
}

func record(ctx context.Context, q db.Querier, a Actor, action, target string, id int64, detail string) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: action,
		TargetType: target, TargetID: strconv.FormatInt(id, 10), Detail: detail})
}

// Create adds a forum convened by actor. Bad input is a validate.Errors,
// a convener who may not is ErrNotAllowed; nothing is written then.
func (s *Store) Create(ctx context.Context, actor Actor, in ForumInput) (*Forum, error) {
	if err := s.validated(ctx, s.DB, &in); err != nil {
		return nil, err
	}
	var id int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := mayConvene(ctx, tx, actor, &in); err != nil {
			return err
		}
		now := s.now()
		c := in.Counts
		err := tx.QueryRow(ctx, `INSERT INTO forums (title, issue, proposal_id, region_code, held_on, place, org_id,
			convener_id, n_pemerintah, n_oms, n_warga, n_akademisi, n_bisnis, n_media, causes, implications,
			initiatives, data_needs, published, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			in.Title, in.Issue, nullID(in.ProposalID), in.RegionCode, in.HeldOn, in.Place, nullID(in.OrgID), actor.ID,
			c["pemerintah"], c["oms"], c["warga"], c["akademisi"], c["bisnis"], c["media"],
			in.Causes, in.Implications, in.Initiatives, in.DataNeeds, in.Published, now, now).Scan(&id)
		if err != nil {
			return fmt.Errorf("forum: create: %w", err)
		}
		if err := s.cite(ctx, tx, CiteForum, id, in.Datasets); err != nil {
			return err
		}
		return record(ctx, tx, actor, "forum.create", "forum", id, in.Title)
	})
	if err != nil {
		return nil, err
	}
	return s.Get(ctx, id)
}

// Update changes forum f, by one who manages it (ErrNotAllowed). Its
// convening organisation stays.
func (s *Store) Update(ctx context.Context, actor Actor, f *Forum, in ForumInput) error {
	in.OrgID = f.OrgID
	if err := s.validated(ctx, s.DB, &in); err != nil {
		return err
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if ok, err := canManage(ctx, tx, actor, f); err != nil || !ok {
			if err == nil {
				err = ErrNotAllowed
			}
			return err
		}
		c := in.Counts
		_, err := tx.Exec(ctx, `UPDATE forums SET title = ?, issue = ?, proposal_id = ?, region_code = ?, held_on = ?,
			place = ?, n_pemerintah = ?, n_oms = ?, n_warga = ?, n_akademisi = ?, n_bisnis = ?, n_media = ?, causes = ?,
			implications = ?, initiatives = ?, data_needs = ?, published = ?, updated_at = ? WHERE id = ?`,
			in.Title, in.Issue, nullID(in.ProposalID), in.RegionCode, in.HeldOn, in.Place,
			c["pemerintah"], c["oms"], c["warga"], c["akademisi"], c["bisnis"], c["media"],
			in.Causes, in.Implications, in.Initiatives, in.DataNeeds, in.Published, s.now(), f.ID)
		if err != nil {
			return fmt.Errorf("forum: update: %w", err)
		}
		if err := s.cite(ctx, tx, CiteForum, f.ID, in.Datasets); err != nil {
			return err
		}
		return record(ctx, tx, actor, "forum.update", "forum", f.ID, in.Title)
	})
}

// Get loads a forum with its teams; db.ErrNotFound when there is none.
func (s *Store) Get(ctx context.Context, id int64) (*Forum, error) {
	f, err := scanForum(s.DB.QueryRow(ctx, `SELECT `+forumColumns+forumFrom+` WHERE f.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("forum: get: %w", err)
	}
	rows, err := s.DB.Query(ctx, `SELECT id, name FROM action_teams WHERE forum_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("forum: teams: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		t := &TeamRef{}
		if err := rows.Scan(&t.ID, &t.Name); err != nil {
			return nil, err
		}
		f.Teams = append(f.Teams, t)
	}
	return f, rows.Err()
}

// ListParams choose forums: published ones of Region and below ("" for
// all), of a proposal or of an organisation; Limit 0 means 100.
type ListParams struct {
	Region     string
	ProposalID int64
	OrgID      int64
	// All includes unpublished forums (an organisation's own list).
	All   bool
	Limit int
}

// List returns forums, the latest held first.
func (s *Store) List(ctx context.Context, p ListParams) ([]*Forum, error) {
	where, args := []string{"1 = 1"}, []any{}
	if !p.All {
		where = append(where, "f.published = ?")
		args = append(args, true)
	}
	if p.Region != "" {
		cond, a := region.WithinSQL("f.region_code", p.Region)
		where, args = append(where, cond), append(args, a...)
	}
	if p.ProposalID > 0 {
		where, args = append(where, "f.proposal_id = ?"), append(args, p.ProposalID)
	}
	if p.OrgID > 0 {
		where, args = append(where, "f.org_id = ?"), append(args, p.OrgID)
	}
	if p.Limit <= 0 || p.Limit > 100 {
		p.Limit = 100
	}
	args = append(args, p.Limit)
	rows, err := s.DB.Query(ctx, `SELECT `+forumColumns+forumFrom+` WHERE `+strings.Join(where, " AND ")+
		` ORDER BY f.held_on DESC, f.id DESC LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("forum: list: %w", err)
	}
	defer rows.Close()
	var out []*Forum
	for rows.Next() {
		f, err := scanForum(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
