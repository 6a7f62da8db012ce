package survey

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

const responseColumns = `id, round_id, source, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education,
	occupation, suggestion, paper_ref, entered_name, created_at`

func scanResponse(sc interface{ Scan(...any) error }) (*Response, error) {
	p := &Response{}
	s := &p.Scores
	if err := sc.Scan(&p.ID, &p.RoundID, &p.Source, &s[0], &s[1], &s[2], &s[3], &s[4], &s[5], &s[6], &s[7], &s[8],
		&p.Profile.Sex, &p.Profile.AgeBand, &p.Profile.Education, &p.Profile.Occupation, &p.Suggestion,
		&p.PaperRef, &p.EnteredName, &p.CreatedAt); err != nil {
		return nil, err
	}
	p.CreatedAt = p.CreatedAt.UTC()
	return p, nil
}

// RespondOnline records an answer from the round's public page. A
// repeated submit of the same form returns the response it already made.
// Bad input is a validate.Errors; a closed round is ErrClosed.
func (s *Store) RespondOnline(ctx context.Context, r *Round, in ResponseInput) (*Response, error) {
	if !r.Open {
		return nil, ErrClosed
	}
	return s.respond(ctx, r, in, SourceWeb, Actor{})
}

// EnterPaper records a paper questionnaire typed in by staff. The same
// sheet number is refused a second time in the round.
func (s *Store) EnterPaper(ctx context.Context, a Actor, r *Round, in ResponseInput) (*Response, error) {
	return s.respond(ctx, r, in, SourcePaper, a)
}

func (s *Store) respond(ctx context.Context, r *Round, in ResponseInput, source string, a Actor) (*Response, error) {
	if e := in.Check(source); len(e) > 0 {
		return nil, e
	}
	if prev, err := s.byToken(ctx, in.Token); err == nil {
		if prev.RoundID != r.ID {
			return nil, validate.Errors{"token": "survey.err.token"}
		}
		return prev, nil
	} else if !errors.Is(err, db.ErrNotFound) {
		return nil, err
	}
	var out *Response
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		sc := in.Scores
		var entered any
		if a.ID != 0 {
			entered = a.ID
		}
		var id int64
		err := tx.QueryRow(ctx, `INSERT INTO survey_responses (round_id, source, u1, u2, u3, u4, u5, u6, u7, u8, u9,
			sex, age_band, education, occupation, suggestion, paper_ref, form_token, entered_by, entered_name, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			r.ID, source, sc[0], sc[1], sc[2], sc[3], sc[4], sc[5], sc[6], sc[7], sc[8],
			in.Profile.Sex, in.Profile.AgeBand, in.Profile.Education, in.Profile.Occupation, in.Suggestion,
			in.PaperRef, in.Token, entered, a.Name, s.now()).Scan(&id)
		if db.IsUniqueViolation(err) {
			return errDuplicate
		}
		if err != nil {
			return fmt.Errorf("survey: respond: %w", err)
		}
		if out, err = scanResponse(tx.QueryRow(ctx, `SELECT `+responseColumns+` FROM survey_responses WHERE id = ?`, id)); err != nil {
			return fmt.Errorf("survey: respond: %w", err)
		}
		if source != SourcePaper {
			return nil
		}
		return audit.Record(ctx, tx, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: "survey.paper.enter",
			TargetType: "survey_round", TargetID: strconv.FormatInt(r.ID, 10), Detail: in.PaperRef})
	})
	if errors.Is(err, errDuplicate) {
		// The same form arrived twice at once (the other one was written),
		// or the sheet number is taken. Asked after the transaction:
		// PostgreSQL reads nothing more in a failed one.
		if prev, perr := s.byToken(ctx, in.Token); perr == nil && prev.RoundID == r.ID {
			return prev, nil
		}
		if source == SourcePaper && s.paperTaken(ctx, r.ID, in.PaperRef) {
			return nil, validate.Errors{"paper_ref": "survey.err.paper_twice"}
		}
		return nil, validate.Errors{"token": "survey.err.token"}
	}
	return out, err
}

var errDuplicate = errors.New("survey: unique value taken")

func (s *Store) paperTaken(ctx context.Context, roundID int64, ref string) bool {
	var n int
	err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM survey_responses WHERE round_id = ? AND paper_ref = ?`, roundID, ref).Scan(&n)
	return err == nil && n > 0
}

func (s *Store) byToken(ctx context.Context, token string) (*Response, error) {
	p, err := scanResponse(s.DB.QueryRow(ctx, `SELECT `+responseColumns+` FROM survey_responses WHERE form_token = ?`, token))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("survey: response: %w", err)
	}
	return p, nil
}

// Responses lists a round's responses, newest first, at most limit (200
// when 0 or more).
func (s *Store) Responses(ctx context.Context, roundID int64, limit int) ([]*Response, error) {
	if limit <= 0 || limit > 200 {
		limit = 200
	}
	return s.responses(ctx, `WHERE round_id = ? ORDER BY id DESC LIMIT `+strconv.Itoa(limit), roundID)
}

// AllResponses lists every response of a round, oldest first, for an
// export.
func (s *Store) AllResponses(ctx context.Context, roundID int64) ([]*Response, error) {
	return s.responses(ctx, `WHERE round_id = ? ORDER BY id`, roundID)
}

func (s *Store) responses(ctx context.Context, tail string, args ...any) ([]*Response, error) {
	rows, err := s.DB.Query(ctx, `SELECT `+responseColumns+` FROM survey_responses `+tail, args...)
	if err != nil {
		return nil, fmt.Errorf("survey: responses: %w", err)
	}
	defer rows.Close()
	var out []*Response
	for rows.Next() {
		p, err := scanResponse(rows)
		if err != nil {
			return nil, fmt.Errorf("survey: responses: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// DeleteResponse removes a response typed in by mistake; the audit log
// keeps who removed which and why.
func (s *Store) DeleteResponse(ctx context.Context, a Actor, r *Round, responseID int64, reason string) error {
	e := validate.Errors{}
	if e.Required("reason", reason) {
		e.MaxLen("reason", reason, 500)
	}
	if len(e) > 0 {
		return e
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `DELETE FROM survey_responses WHERE id = ? AND round_id = ?`, responseID, r.ID)
		if err != nil {
			return fmt.Errorf("survey: delete response: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return db.ErrNotFound
		}
		return audit.Record(ctx, tx, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: "survey.response.delete",
			TargetType: "survey_round", TargetID: strconv.FormatInt(r.ID, 10),
			Detail: strconv.FormatInt(responseID, 10) + ": " + reason})
	})
}
