package reflection

import (
	"context"
	"fmt"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/validate"
)

// defaultAreas are the message keys of the competence checklist an
// organisation starts from (after the self-assessment of competence used
// in seed 003); it edits them as it sees fit.
var defaultAreas = []string{
	"reflection.default_area.leadership",
	"reflection.default_area.planning",
	"reflection.default_area.finance",
	"reflection.default_area.beneficiaries",
	"reflection.default_area.advocacy",
	"reflection.default_area.networks",
	"reflection.default_area.cadres",
	"reflection.default_area.data",
}

// DefaultAreas is that checklist in Indonesian, the language the
// organisation's own records are kept in; once copied it is the
// organisation's text.
func DefaultAreas() []string {
	out := make([]string, len(defaultAreas))
	for i, key := range defaultAreas {
		out[i] = i18n.T(i18n.ID, key)
	}
	return out
}

// Areas lists the organisation's competence checklist; an organisation
// without one gets DefaultAreas on first use.
func (s *Store) Areas(ctx context.Context, orgID int64, withArchived bool) ([]Area, error) {
	list, err := s.areas(ctx, s.DB, orgID, true)
	if err != nil || len(list) > 0 {
		return filterArchived(list, withArchived), err
	}
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM competence_areas WHERE org_id = ?`, orgID).Scan(&n); err != nil || n > 0 {
			return err
		}
		for i, name := range DefaultAreas() {
			if _, err := tx.Exec(ctx, `INSERT INTO competence_areas (org_id, name, position) VALUES (?, ?, ?)`, orgID, name, i); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	list, err = s.areas(ctx, s.DB, orgID, true)
	return filterArchived(list, withArchived), err
}

func filterArchived(list []Area, keep bool) []Area {
	if keep {
		return list
	}
	out := list[:0:0]
	for _, a := range list {
		if !a.Archived {
			out = append(out, a)
		}
	}
	return out
}

func (s *Store) areas(ctx context.Context, q db.Querier, orgID int64, all bool) ([]Area, error) {
	rows, err := q.Query(ctx, `SELECT id, org_id, name, position, archived FROM competence_areas WHERE org_id = ?
		ORDER BY position, id`, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Area
	for rows.Next() {
		var a Area
		if err := rows.Scan(&a.ID, &a.OrgID, &a.Name, &a.Position, &a.Archived); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// AddArea adds an item to the organisation's checklist.
func (s *Store) AddArea(ctx context.Context, orgID int64, name string) error {
	name = strings.TrimSpace(name)
	e := validate.Errors{}
	checkText(e, "area", name, MaxName)
	if len(e) > 0 {
		return e
	}
	_, err := s.DB.Exec(ctx, `INSERT INTO competence_areas (org_id, name, position)
		VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM competence_areas WHERE org_id = ?))`, orgID, name, orgID)
	return err
}

// ArchiveArea takes an item off the checklist for new sessions; the
// scores it had stay with their sessions.
func (s *Store) ArchiveArea(ctx context.Context, orgID, areaID int64, archived bool) error {
	res, err := s.DB.Exec(ctx, `UPDATE competence_areas SET archived = ? WHERE id = ? AND org_id = ?`, archived, areaID, orgID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return db.ErrNotFound
	}
	return nil
}

// SetScores keeps the session's self-assessment: a score 1–5 and a note
// per area of the organisation's checklist; an area left at 0 is not
// scored. All or nothing.
func (s *Store) SetScores(ctx context.Context, actor Actor, sess *Session, scores []Score) error {
	e := validate.Errors{}
	for _, sc := range scores {
		if sc.Score < 0 || sc.Score > 5 {
			e.Add(fmt.Sprintf("score_%d", sc.AreaID), "reflection.err.score")
		}
		e.MaxLen(fmt.Sprintf("note_%d", sc.AreaID), sc.Note, MaxName*4)
	}
	if len(e) > 0 {
		return e
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		for _, sc := range scores {
			var n int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM competence_areas WHERE id = ? AND org_id = ?`, sc.AreaID, sess.OrgID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return errField(fmt.Sprintf("score_%d", sc.AreaID), "reflection.err.area")
			}
			if _, err := tx.Exec(ctx, `DELETE FROM competence_scores WHERE session_id = ? AND area_id = ?`, sess.ID, sc.AreaID); err != nil {
				return err
			}
			if sc.Score == 0 {
				continue
			}
			if _, err := tx.Exec(ctx, `INSERT INTO competence_scores (session_id, area_id, score, note) VALUES (?, ?, ?, ?)`,
				sess.ID, sc.AreaID, sc.Score, strings.TrimSpace(sc.Note)); err != nil {
				return err
			}
		}
		return record(ctx, tx, actor, "reflection.assessment", sess.ID, "")
	})
}

// Assessment is the checklist with each session's scores side by side,
// the oldest session first, so change across sessions shows.
type Assessment struct {
	Sessions []*Session
	Rows     []AssessmentRow
}

// AssessmentRow is one area with its score per session (0: not scored).
type AssessmentRow struct {
	Area   Area
	Scores []int
	Notes  []string
}

// Change is the difference between the last two scores of the row; ok is
// false unless both are scored.
func (r AssessmentRow) Change() (int, bool) {
	n := len(r.Scores)
	if n < 2 || r.Scores[n-1] == 0 || r.Scores[n-2] == 0 {
		return 0, false
	}
	return r.Scores[n-1] - r.Scores[n-2], true
}

// AssessmentOf puts the organisation's sessions up to and including upTo
// (all when nil) side by side; publishedOnly keeps the public's view.
func (s *Store) AssessmentOf(ctx context.Context, orgID int64, upTo *Session, publishedOnly bool) (*Assessment, error) {
	all, err := s.Sessions(ctx, orgID, publishedOnly)
	if err != nil {
		return nil, err
	}
	var sessions []*Session
	for i := len(all) - 1; i >= 0; i-- { // oldest first
		ss := all[i]
		if upTo != nil && (ss.HeldOn > upTo.HeldOn || (ss.HeldOn == upTo.HeldOn && ss.ID > upTo.ID)) {
			continue
		}
		sessions = append(sessions, ss)
	}
	areas, err := s.Areas(ctx, orgID, true)
	if err != nil {
		return nil, err
	}
	col := map[int64]int{}
	for i, ss := range sessions {
		col[ss.ID] = i
	}
	rowOf := map[int64]*AssessmentRow{}
	out := &Assessment{Sessions: sessions}
	for _, a := range areas {
		out.Rows = append(out.Rows, AssessmentRow{Area: a, Scores: make([]int, len(sessions)), Notes: make([]string, len(sessions))})
	}
	for i := range out.Rows {
		rowOf[out.Rows[i].Area.ID] = &out.Rows[i]
	}
	rows, err := s.DB.Query(ctx, `SELECT c.session_id, c.area_id, c.score, c.note FROM competence_scores c
		JOIN reflection_sessions s ON s.id = c.session_id WHERE s.org_id = ?`, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var sid, aid int64
		var score int
		var note string
		if err := rows.Scan(&sid, &aid, &score, &note); err != nil {
			return nil, err
		}
		i, ok := col[sid]
		r := rowOf[aid]
		if !ok || r == nil {
			continue
		}
		r.Scores[i], r.Notes[i] = score, note
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// An archived area without any score shown is left out.
	kept := out.Rows[:0]
	for _, r := range out.Rows {
		if !r.Area.Archived || hasScore(r.Scores) {
			kept = append(kept, r)
		}
	}
	out.Rows = kept
	return out, nil
}

func hasScore(scores []int) bool {
	for _, s := range scores {
		if s != 0 {
			return true
		}
	}
	return false
}

// ChangeText is Change as it reads ("+2", "-1", "0"), or "" when it is
// not known.
func (r AssessmentRow) ChangeText() string {
	ch, ok := r.Change()
	if !ok {
		return ""
	}
	return fmt.Sprintf("%+d", ch)
}
