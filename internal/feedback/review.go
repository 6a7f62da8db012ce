package feedback

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/db"
)

const voteColumns = `id, org_id, initiative_id, point_id, colour, service_type, note, note_status, day, status, created_at`

func scanVotes(rows *sql.Rows) ([]*Vote, error) {
	defer rows.Close()
	var out []*Vote
	for rows.Next() {
		v := &Vote{}
		if err := rows.Scan(&v.ID, &v.OrgID, &v.InitiativeID, &v.PointID, &v.Colour, &v.ServiceType, &v.Note,
			&v.NoteStatus, &v.Day, &v.Status, &v.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// WaitingNotes are the initiative's notes staff have not decided on yet,
// oldest first.
func (s *Store) WaitingNotes(ctx context.Context, initiativeID int64) ([]*Vote, error) {
	rows, err := s.DB.Query(ctx, `SELECT `+voteColumns+` FROM feedback_votes
		WHERE initiative_id = ? AND note_status = 'menunggu' ORDER BY created_at, id`, initiativeID)
	if err != nil {
		return nil, fmt.Errorf("feedback: waiting notes: %w", err)
	}
	return scanVotes(rows)
}

// PublicNotes are the latest notes staff showed, of counted votes, at
// most limit of them.
func (s *Store) PublicNotes(ctx context.Context, sc Scope, limit int) ([]*Vote, error) {
	where, arg := sc.where()
	rows, err := s.DB.Query(ctx, `SELECT `+voteColumns+` FROM feedback_votes WHERE `+where+`
		AND note_status = 'tampil' AND status = 'dihitung' ORDER BY created_at DESC, id DESC LIMIT ?`, arg, limit)
	if err != nil {
		return nil, fmt.Errorf("feedback: public notes: %w", err)
	}
	return scanVotes(rows)
}

// Moderate shows or hides the note of a vote of the initiative; a vote
// of another initiative, or without a note, is db.ErrNotFound.
func (s *Store) Moderate(ctx context.Context, a Actor, initiativeID, voteID int64, show bool) error {
	status, action := NoteHidden, "feedback.note.hide"
	if show {
		status, action = NoteShown, "feedback.note.show"
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		var note string
		err := tx.QueryRow(ctx, `SELECT note FROM feedback_votes WHERE id = ? AND initiative_id = ? AND note_status <> ''`,
			voteID, initiativeID).Scan(&note)
		if err != nil {
			return notFound(err)
		}
		if _, err := tx.Exec(ctx, `UPDATE feedback_votes SET note_status = ? WHERE id = ?`, status, voteID); err != nil {
			return err
		}
		return record(ctx, tx, a, action, "feedback_vote", voteID, note)
	})
}

// Burst is the flagged votes of one source at one point on one day.
type Burst struct {
	PointID     int64
	Day         string
	Key         string // the source's key for that day
	Tally              // the flagged votes per colour
	First, Last time.Time
}

// Bursts lists the initiative's bursts waiting for staff, the latest
// day first.
func (s *Store) Bursts(ctx context.Context, initiativeID int64) ([]*Burst, error) {
	rows, err := s.DB.Query(ctx, `SELECT point_id, day, burst_key, colour, created_at FROM feedback_votes
		WHERE initiative_id = ? AND status = 'ditandai' ORDER BY day DESC, point_id, burst_key, created_at`, initiativeID)
	if err != nil {
		return nil, fmt.Errorf("feedback: bursts: %w", err)
	}
	defer rows.Close()
	var out []*Burst
	for rows.Next() {
		var b Burst
		var colour string
		var at time.Time
		if err := rows.Scan(&b.PointID, &b.Day, &b.Key, &colour, &at); err != nil {
			return nil, err
		}
		if k := len(out) - 1; k < 0 || out[k].PointID != b.PointID || out[k].Day != b.Day || out[k].Key != b.Key {
			b.First = at
			out = append(out, &b)
		}
		last := out[len(out)-1]
		last.add(colour, 1)
		last.Last = at
	}
	return out, rows.Err()
}

// DecideBurst counts (accept) or discards the flagged votes of a burst of
// the initiative and returns how many it decided; a burst with nothing
// left to decide is db.ErrNotFound.
func (s *Store) DecideBurst(ctx context.Context, a Actor, initiativeID, pointID int64, day, key string, accept bool) (int64, error) {
	status, action := StatusDiscarded, "feedback.burst.discard"
	if accept {
		status, action = StatusCounted, "feedback.burst.accept"
	}
	var n int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE feedback_votes SET status = ? WHERE initiative_id = ? AND point_id = ? AND day = ?
			AND burst_key = ? AND status = 'ditandai'`, status, initiativeID, pointID, day, key)
		if err != nil {
			return err
		}
		if n, err = res.RowsAffected(); err != nil {
			return err
		}
		if n == 0 {
			return db.ErrNotFound
		}
		return record(ctx, tx, a, action, "service_point", pointID, fmt.Sprintf("%s %s: %d", day, key, n))
	})
	return n, err
}

// Waiting is what waits for staff in an initiative: notes to moderate and
// flagged votes.
type Waiting struct {
	Notes, Flagged int
}

// WaitingFor counts what waits for staff in each initiative of the
// organisation, by initiative id.
func (s *Store) WaitingFor(ctx context.Context, orgID int64) (map[int64]Waiting, error) {
	rows, err := s.DB.Query(ctx, `SELECT initiative_id,
		SUM(CASE WHEN note_status = 'menunggu' THEN 1 ELSE 0 END),
		SUM(CASE WHEN status = 'ditandai' THEN 1 ELSE 0 END)
		FROM feedback_votes WHERE org_id = ? AND (note_status = 'menunggu' OR status = 'ditandai') GROUP BY initiative_id`, orgID)
	if err != nil {
		return nil, fmt.Errorf("feedback: waiting: %w", err)
	}
	defer rows.Close()
	out := map[int64]Waiting{}
	for rows.Next() {
		var id int64
		var w Waiting
		if err := rows.Scan(&id, &w.Notes, &w.Flagged); err != nil {
			return nil, err
		}
		out[id] = w
	}
	return out, rows.Err()
}

// notFound turns "no row" into db.ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return db.ErrNotFound
	}
	return err
}
