package cycle

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/db"
)

// Answer is one version of the organisation's answer to a guiding question.
type Answer struct {
	ID          int64
	CycleID     int64
	QuestionKey string
	Version     int
	Body        string
	AuthorID    int64
	AuthorName  string
	// CarriedOver marks a version 1 copied from the previous cycle by
	// "Menggeser Titik Tolak"; the author is the one who wrote it there.
	CarriedOver bool
	CreatedAt   time.Time
}

// Answered reports whether the answer counts towards a stage's minimum.
func (a Answer) Answered() bool { return strings.TrimSpace(a.Body) != "" }

// ErrConflict is what a ConflictError wraps.
var ErrConflict = errors.New("cycle: the answer changed since it was loaded")

// ConflictError says someone saved a newer version after the one the
// writer started from. Latest is that version, so both texts can be shown
// side by side; nothing was overwritten.
type ConflictError struct {
	Latest Answer
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%v (now at version %d)", ErrConflict, e.Latest.Version)
}

// Unwrap makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Unwrap() error { return ErrConflict }

const answerColumns = `id, cycle_id, question_key, version, body, author_id, author_name, carried_over, created_at`

func scanAnswer(row interface{ Scan(...any) error }) (Answer, error) {
	var a Answer
	var author sql.NullInt64
	err := row.Scan(&a.ID, &a.CycleID, &a.QuestionKey, &a.Version, &a.Body, &author, &a.AuthorName, &a.CarriedOver, &a.CreatedAt)
	a.AuthorID = author.Int64
	a.CreatedAt = a.CreatedAt.UTC()
	return a, err
}

// SaveAnswer stores body as the next version of the answer to key, on top
// of baseVersion (0 when the writer saw no answer yet). When the latest
// version is no longer baseVersion it stores nothing and returns a
// *ConflictError carrying the latest version.
func (s *Store) SaveAnswer(ctx context.Context, cycleID int64, key, body string, baseVersion int, actor Actor) (*Answer, error) {
	body = strings.ReplaceAll(body, "\r\n", "\n")
	if utf8.RuneCountInString(body) > MaxAnswerRunes {
		return nil, ErrTooLong
	}
	c, err := s.Get(ctx, cycleID)
	if err != nil {
		return nil, err
	}
	if !c.Open() {
		return nil, ErrClosed
	}
	if _, _, ok := c.Framework().Question(key); !ok {
		return nil, ErrUnknownQuestion
	}
	a := Answer{CycleID: cycleID, QuestionKey: key, Version: baseVersion + 1, Body: body,
		AuthorID: actor.ID, AuthorName: actor.Name, CreatedAt: db.Now()}
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		latest, err := latestVersion(ctx, tx, cycleID, key)
		if err != nil {
			return err
		}
		if latest != baseVersion {
			return ErrConflict
		}
		return tx.QueryRow(ctx, `INSERT INTO answer_versions (cycle_id, question_key, version, body, author_id, author_name, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, cycleID, key, a.Version, body, actor.id(), actor.Name, a.CreatedAt).Scan(&a.ID)
	})
	// A concurrent save that read the same base loses on the UNIQUE
	// constraint; it is reported like any other conflict, read afresh
	// outside the failed transaction.
	if errors.Is(err, ErrConflict) || db.IsUniqueViolation(err) {
		latest, lerr := s.LatestAnswer(ctx, cycleID, key)
		if lerr != nil {
			return nil, lerr
		}
		return nil, &ConflictError{Latest: *latest}
	}
	if err != nil {
		return nil, fmt.Errorf("cycle: save answer: %w", err)
	}
	return &a, nil
}

func latestVersion(ctx context.Context, q db.Querier, cycleID int64, key string) (int, error) {
	var v sql.NullInt64
	if err := q.QueryRow(ctx, `SELECT MAX(version) FROM answer_versions WHERE cycle_id = ? AND question_key = ?`,
		cycleID, key).Scan(&v); err != nil {
		return 0, fmt.Errorf("cycle: latest version: %w", err)
	}
	return int(v.Int64), nil
}

// LatestAnswer returns the newest version of the answer to key.
func (s *Store) LatestAnswer(ctx context.Context, cycleID int64, key string) (*Answer, error) {
	a, err := scanAnswer(s.DB.QueryRow(ctx, `SELECT `+answerColumns+` FROM answer_versions
		WHERE cycle_id = ? AND question_key = ? ORDER BY version DESC LIMIT 1`, cycleID, key))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("cycle: latest answer: %w", err)
	}
	return &a, nil
}

// Latest returns the newest version of every answer in the cycle, by question key.
func (s *Store) Latest(ctx context.Context, cycleID int64) (map[string]Answer, error) {
	return latestAnswers(ctx, s.DB, cycleID)
}

func latestAnswers(ctx context.Context, q db.Querier, cycleID int64) (map[string]Answer, error) {
	rows, err := q.Query(ctx, `SELECT `+answerColumns+` FROM answer_versions a
		WHERE cycle_id = ? AND version = (SELECT MAX(version) FROM answer_versions b
			WHERE b.cycle_id = a.cycle_id AND b.question_key = a.question_key)`, cycleID)
	if err != nil {
		return nil, fmt.Errorf("cycle: latest answers: %w", err)
	}
	defer rows.Close()
	out := map[string]Answer{}
	for rows.Next() {
		a, err := scanAnswer(rows)
		if err != nil {
			return nil, fmt.Errorf("cycle: latest answers: %w", err)
		}
		out[a.QuestionKey] = a
	}
	return out, rows.Err()
}

// History returns every version of the answer to key, newest first.
func (s *Store) History(ctx context.Context, cycleID int64, key string) ([]Answer, error) {
	rows, err := s.DB.Query(ctx, `SELECT `+answerColumns+` FROM answer_versions
		WHERE cycle_id = ? AND question_key = ? ORDER BY version DESC`, cycleID, key)
	if err != nil {
		return nil, fmt.Errorf("cycle: history: %w", err)
	}
	defer rows.Close()
	var out []Answer
	for rows.Next() {
		a, err := scanAnswer(rows)
		if err != nil {
			return nil, fmt.Errorf("cycle: history: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
