package cycle

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/db"
)

// Comment is an accompaniment note on a stage (or one of its questions)
// from a writer of the organisation or a coordinator of its hub.
type Comment struct {
	ID          int64
	CycleID     int64
	Stage       int
	QuestionKey string
	AuthorID    int64
	AuthorName  string
	Body        string
	At          time.Time
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// AddComment adds a comment to stage of the cycle; questionKey may be "".
func (s *Store) AddComment(ctx context.Context, cycleID int64, stage int, questionKey, body string, actor Actor) (*Comment, error) {
	body = strings.TrimSpace(strings.ReplaceAll(body, "\r\n", "\n"))
	if body == "" {
		return nil, ErrEmpty
	}
	if utf8.RuneCountInString(body) > MaxCommentRunes {
		return nil, ErrTooLong
	}
	if stage < FirstStage || stage > LastStage {
		return nil, db.ErrNotFound
	}
	c := &Comment{CycleID: cycleID, Stage: stage, QuestionKey: questionKey, AuthorID: actor.ID,
		AuthorName: actor.Name, Body: body, At: db.Now()}
	err := s.DB.QueryRow(ctx, `INSERT INTO cycle_comments (cycle_id, stage, question_key, author_id, author_name, body, at)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, cycleID, stage, nullString(questionKey), actor.id(), actor.Name, body, c.At).Scan(&c.ID)
	if err != nil {
		return nil, fmt.Errorf("cycle: add comment: %w", err)
	}
	return c, nil
}

// Comments returns the comments on stage of the cycle, oldest first.
func (s *Store) Comments(ctx context.Context, cycleID int64, stage int) ([]Comment, error) {
	rows, err := s.DB.Query(ctx, `SELECT id, cycle_id, stage, question_key, author_id, author_name, body, at
		FROM cycle_comments WHERE cycle_id = ? AND stage = ? ORDER BY at, id`, cycleID, stage)
	if err != nil {
		return nil, fmt.Errorf("cycle: comments: %w", err)
	}
	defer rows.Close()
	var out []Comment
	for rows.Next() {
		var c Comment
		var key sql.NullString
		var author sql.NullInt64
		if err := rows.Scan(&c.ID, &c.CycleID, &c.Stage, &key, &author, &c.AuthorName, &c.Body, &c.At); err != nil {
			return nil, fmt.Errorf("cycle: comments: %w", err)
		}
		c.QuestionKey, c.AuthorID, c.At = key.String, author.Int64, c.At.UTC()
		out = append(out, c)
	}
	return out, rows.Err()
}
