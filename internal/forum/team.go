package forum

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

// CreateTeam forms an action team from forum f, by one who manages the
// forum (ErrNotAllowed).
func (s *Store) CreateTeam(ctx context.Context, actor Actor, f *Forum, in TeamInput) (*Team, error) {
	if e := in.check(); len(e) > 0 {
		return nil, e
	}
	var id int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if ok, err := canManage(ctx, tx, actor, f); err != nil || !ok {
			if err == nil {
				err = ErrNotAllowed
			}
			return err
		}
		if err := tx.QueryRow(ctx, `INSERT INTO action_teams (forum_id, name, purpose, created_at) VALUES (?, ?, ?, ?) RETURNING id`,
			f.ID, in.Name, in.Purpose, s.now()).Scan(&id); err != nil {
			return fmt.Errorf("forum: team: %w", err)
		}
		return record(ctx, tx, actor, "team.create", "action_team", id, in.Name)
	})
	if err != nil {
		return nil, err
	}
	return s.Team(ctx, id)
}

// Team loads a team with its forum, members, plan, reviews and sittings;
// db.ErrNotFound when there is none.
func (s *Store) Team(ctx context.Context, id int64) (*Team, error) {
	t := &Team{ID: id}
	err := s.DB.QueryRow(ctx, `SELECT forum_id, name, purpose, created_at FROM action_teams WHERE id = ?`, id).
		Scan(&t.ForumID, &t.Name, &t.Purpose, &t.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("forum: team: %w", err)
	}
	if t.Forum, err = s.Get(ctx, t.ForumID); err != nil {
		return nil, err
	}
	if t.Members, err = s.members(ctx, id); err != nil {
		return nil, err
	}
	if t.Activities, err = s.activities(ctx, id); err != nil {
		return nil, err
	}
	if t.Reviews, err = s.reviews(ctx, id); err != nil {
		return nil, err
	}
	if t.Sittings, err = s.sittings(ctx, id); err != nil {
		return nil, err
	}
	return t, nil
}

func (s *Store) members(ctx context.Context, teamID int64) ([]Member, error) {
	rows, err := s.DB.Query(ctx, `SELECT m.user_id, u.name, m.side, m.org_id, COALESCE(o.name, m.org_name), COALESCE(o.slug, ''), m.role
		FROM action_team_members m JOIN users u ON u.id = m.user_id LEFT JOIN organizations o ON o.id = m.org_id
		WHERE m.team_id = ? ORDER BY m.side DESC, m.role DESC, u.name, m.user_id`, teamID)
	if err != nil {
		return nil, fmt.Errorf("forum: members: %w", err)
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		var m Member
		var orgID sql.NullInt64
		if err := rows.Scan(&m.UserID, &m.Name, &m.Side, &orgID, &m.OrgName, &m.OrgSlug, &m.Role); err != nil {
			return nil, err
		}
		m.OrgID = orgID.Int64
		out = append(out, m)
	}
	return out, rows.Err()
}

// MemberOf is the team member userID, or nil.
func (t *Team) MemberOf(userID int64) *Member {
	for i := range t.Members {
		if t.Members[i].UserID == userID {
			return &t.Members[i]
		}
	}
	return nil
}

// Side lists the members of one side.
func (t *Team) Side(side string) []Member {
	var out []Member
	for _, m := range t.Members {
		if m.Side == side {
			out = append(out, m)
		}
	}
	return out
}

// Budget is the plan's total budget in rupiah.
func (t *Team) Budget() int64 {
	var n int64
	for _, a := range t.Activities {
		n += a.Budget
	}
	return n
}

// CanManageTeam reports whether actor manages team t: those who manage
// its forum, and the team's ketua.
func (s *Store) CanManageTeam(ctx context.Context, actor Actor, t *Team) (bool, error) {
	return canManageTeam(ctx, s.DB, actor, t.ID, t.Forum)
}

func canManageTeam(ctx context.Context, q db.Querier, actor Actor, teamID int64, f *Forum) (bool, error) {
	if ok, err := canManage(ctx, q, actor, f); err != nil || ok {
		return ok, err
	}
	n, err := count(ctx, q, `SELECT COUNT(*) FROM action_team_members WHERE team_id = ? AND user_id = ? AND role = ?`,
		teamID, actor.ID, RoleLead)
	return n > 0, err
}

// mustManage is canManageTeam as an error.
func mustManage(ctx context.Context, q db.Querier, actor Actor, t *Team) error {
	ok, err := canManageTeam(ctx, q, actor, t.ID, t.Forum)
	if err == nil && !ok {
		err = ErrNotAllowed
	}
	return err
}

// SaveMember adds a person to team t or changes their side, organisation
// and role, by one who manages the team.
func (s *Store) SaveMember(ctx context.Context, actor Actor, t *Team, in MemberInput) error {
	if e := in.check(); len(e) > 0 {
		return e
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := mustManage(ctx, tx, actor, t); err != nil {
			return err
		}
		if n, err := count(ctx, tx, `SELECT COUNT(*) FROM users WHERE id = ?`, in.UserID); err != nil {
			return err
		} else if n == 0 {
			return validate.Errors{"email": "forum.err.no_account"}
		}
		if in.OrgID > 0 {
			if n, err := count(ctx, tx, `SELECT COUNT(*) FROM organizations WHERE id = ?`, in.OrgID); err != nil {
				return err
			} else if n == 0 {
				in.OrgID = 0
			}
		}
		if _, err := tx.Exec(ctx, `DELETE FROM action_team_members WHERE team_id = ? AND user_id = ?`, t.ID, in.UserID); err != nil {
			return fmt.Errorf("forum: member: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO action_team_members (team_id, user_id, side, org_id, org_name, role)
			VALUES (?, ?, ?, ?, ?, ?)`, t.ID, in.UserID, in.Side, nullID(in.OrgID), in.OrgName, in.Role); err != nil {
			return fmt.Errorf("forum: member: %w", err)
		}
		return record(ctx, tx, actor, "team.member", "action_team", t.ID, fmt.Sprintf("user %d %s %s", in.UserID, in.Side, in.Role))
	})
}

// RemoveMember takes a person off team t. A member who owns an activity
// is refused (forum.err.owns_activity): every activity keeps an owner in
// the team.
func (s *Store) RemoveMember(ctx context.Context, actor Actor, t *Team, userID int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := mustManage(ctx, tx, actor, t); err != nil {
			return err
		}
		if n, err := count(ctx, tx, `SELECT COUNT(*) FROM action_team_activities WHERE team_id = ? AND owner_id = ?`, t.ID, userID); err != nil {
			return err
		} else if n > 0 {
			return &Refusal{Key: "forum.err.owns_activity"}
		}
		if _, err := tx.Exec(ctx, `DELETE FROM action_team_members WHERE team_id = ? AND user_id = ?`, t.ID, userID); err != nil {
			return fmt.Errorf("forum: member: %w", err)
		}
		return record(ctx, tx, actor, "team.member_remove", "action_team", t.ID, fmt.Sprintf("user %d", userID))
	})
}

// TeamIDs lists the ids of a forum's teams.
func (s *Store) TeamIDs(ctx context.Context, forumID int64) ([]int64, error) {
	rows, err := s.DB.Query(ctx, `SELECT id FROM action_teams WHERE forum_id = ? ORDER BY id`, forumID)
	if err != nil {
		return nil, fmt.Errorf("forum: teams: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
