package complaint

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/blob"
	"lokadaya/internal/db"
	"lokadaya/internal/notify"
)

// Errors of the store.
var (
	// ErrTransition means the status change is not allowed from the
	// complaint's status, or the complaint moved meanwhile.
	ErrTransition = errors.New("complaint: status change not allowed")
	// ErrNotMember means the assignee is not a member who may handle
	// complaints.
	ErrNotMember = errors.New("complaint: not a member who handles complaints")
	// ErrCannotRate means there is no answer to rate now.
	ErrCannotRate = errors.New("complaint: nothing to rate")
	// ErrCannotReopen means the complaint is open, was reopened already,
	// or the window has passed.
	ErrCannotReopen = errors.New("complaint: cannot reopen")
	// ErrNoAnswer means a complaint cannot be closed as done before it was
	// answered.
	ErrNoAnswer = errors.New("complaint: not answered yet")
)

// Store keeps complaints, their logs and the organisations' settings.
type Store struct {
	DB *db.DB
	// Now is the clock; db.Now when nil. Tests move it to pass deadlines.
	Now func() time.Time
	// Notifier tells members of new complaints and deadlines; nobody is
	// told when nil. Its BaseURL also roots the links in the escalation
	// e-mails to hub coordinators and in answers e-mailed to complainants.
	Notifier *notify.Notifier
	// Blobs keeps photo evidence.
	Blobs blob.Store
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }

const columns = `c.id, c.code, c.org_id, c.initiative_id, c.category, c.body, c.public_body, c.visibility,
	c.contact_name, c.contact, c.channel, c.lang, c.status, c.reject_reason, c.assignee_id, COALESCE(u.name, ''),
	c.photo_key, c.logged_by, c.received_at, c.first_due_at, c.due_at, c.awaiting_answer, c.first_answer_at,
	c.answered_at, c.closed_at, c.reminded_at, c.overdue_at, c.escalated_at, c.rating, c.rated_at, c.reopened_at,
	c.created_at, c.updated_at`

const from = ` FROM complaints c LEFT JOIN users u ON u.id = c.assignee_id`

func scan(sc interface{ Scan(...any) error }) (*Complaint, error) {
	c := &Complaint{}
	var firstAnswer, answered, closed, reminded, overdue, escalated, rated, reopened sql.NullTime
	if err := sc.Scan(&c.ID, &c.Code, &c.OrgID, &c.InitiativeID, &c.Category, &c.Body, &c.PublicBody, &c.Visibility,
		&c.ContactName, &c.Contact, &c.Channel, &c.Lang, &c.Status, &c.RejectReason, &c.AssigneeID, &c.AssigneeName,
		&c.PhotoKey, &c.LoggedBy, &c.ReceivedAt, &c.FirstDueAt, &c.DueAt, &c.AwaitingAnswer, &firstAnswer,
		&answered, &closed, &reminded, &overdue, &escalated, &c.Rating, &rated, &reopened,
		&c.CreatedAt, &c.UpdatedAt); err != nil {
		return nil, err
	}
	for _, t := range []*time.Time{&c.ReceivedAt, &c.FirstDueAt, &c.DueAt, &c.CreatedAt, &c.UpdatedAt} {
		*t = t.UTC()
	}
	c.FirstAnswerAt, c.AnsweredAt, c.ClosedAt = timePtr(firstAnswer), timePtr(answered), timePtr(closed)
	c.RemindedAt, c.OverdueAt, c.EscalatedAt = timePtr(reminded), timePtr(overdue), timePtr(escalated)
	c.RatedAt, c.ReopenedAt = timePtr(rated), timePtr(reopened)
	return c, nil
}

func timePtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	u := t.Time.UTC()
	return &u
}

func get(ctx context.Context, q db.Querier, where string, args ...any) (*Complaint, error) {
	c, err := scan(q.QueryRow(ctx, `SELECT `+columns+from+` WHERE `+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("complaint: get: %w", err)
	}
	return c, nil
}

func list(ctx context.Context, q db.Querier, where string, args ...any) ([]*Complaint, error) {
	rows, err := q.Query(ctx, `SELECT `+columns+from+` WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("complaint: list: %w", err)
	}
	defer rows.Close()
	var out []*Complaint
	for rows.Next() {
		c, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("complaint: list: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ByID returns a complaint; db.ErrNotFound when none.
func (s *Store) ByID(ctx context.Context, id int64) (*Complaint, error) {
	return get(ctx, s.DB, `c.id = ?`, id)
}

// ByCode returns the complaint with the tracking code as typed;
// db.ErrNotFound when none.
func (s *Store) ByCode(ctx context.Context, code string) (*Complaint, error) {
	code, ok := NormalizeCode(code)
	if !ok {
		return nil, db.ErrNotFound
	}
	return get(ctx, s.DB, `c.code = ?`, code)
}

// OfOrg returns the organisation's complaint with the code; another
// organisation's complaint is db.ErrNotFound.
func (s *Store) OfOrg(ctx context.Context, orgID int64, code string) (*Complaint, error) {
	code, ok := NormalizeCode(code)
	if !ok {
		return nil, db.ErrNotFound
	}
	return get(ctx, s.DB, `c.code = ? AND c.org_id = ?`, code, orgID)
}

// Inbox lists the organisation's complaints for its staff: those owing an
// answer first, the most overdue at the top, then the rest, newest first.
func (s *Store) Inbox(ctx context.Context, orgID int64) ([]*Complaint, error) {
	return list(ctx, s.DB, `c.org_id = ? ORDER BY CASE WHEN c.awaiting_answer THEN 0 ELSE 1 END,
		CASE WHEN c.awaiting_answer THEN c.due_at END, c.received_at DESC, c.id DESC`, orgID)
}

// Events returns the complaint's log, oldest first.
func (s *Store) Events(ctx context.Context, complaintID int64) ([]Event, error) {
	rows, err := s.DB.Query(ctx, `SELECT id, complaint_id, kind, actor_id, actor_name, body, public_body, internal,
		created_at FROM complaint_events WHERE complaint_id = ? ORDER BY id`, complaintID)
	if err != nil {
		return nil, fmt.Errorf("complaint: events: %w", err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.ID, &e.ComplaintID, &e.Kind, &e.ActorID, &e.ActorName, &e.Body, &e.PublicBody,
			&e.Internal, &e.CreatedAt); err != nil {
			return nil, fmt.Errorf("complaint: events: %w", err)
		}
		e.CreatedAt = e.CreatedAt.UTC()
		out = append(out, e)
	}
	return out, rows.Err()
}

// Redactions returns the removals from the complaint's public text and
// answers, oldest first.
func (s *Store) Redactions(ctx context.Context, complaintID int64) ([]Redaction, error) {
	rows, err := s.DB.Query(ctx, `SELECT id, complaint_id, event_id, automatic, reason, actor_name, created_at
		FROM complaint_redactions WHERE complaint_id = ? ORDER BY id`, complaintID)
	if err != nil {
		return nil, fmt.Errorf("complaint: redactions: %w", err)
	}
	defer rows.Close()
	var out []Redaction
	for rows.Next() {
		var r Redaction
		if err := rows.Scan(&r.ID, &r.ComplaintID, &r.EventID, &r.Automatic, &r.Reason, &r.ActorName, &r.CreatedAt); err != nil {
			return nil, fmt.Errorf("complaint: redactions: %w", err)
		}
		r.CreatedAt = r.CreatedAt.UTC()
		out = append(out, r)
	}
	return out, rows.Err()
}

// addEvent writes one log entry.
func addEvent(ctx context.Context, q db.Querier, e Event) (int64, error) {
	var actor any
	if e.ActorID != nil && *e.ActorID != 0 {
		actor = *e.ActorID
	}
	var id int64
	err := q.QueryRow(ctx, `INSERT INTO complaint_events (complaint_id, kind, actor_id, actor_name, body, public_body,
		internal, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, e.ComplaintID, e.Kind, actor, e.ActorName,
		e.Body, e.PublicBody, e.Internal, e.CreatedAt).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("complaint: log %s: %w", e.Kind, err)
	}
	return id, nil
}

// actorID is a for the log: nil for the complainant or the system.
func actorID(a Actor) *int64 {
	if a.ID == 0 {
		return nil
	}
	return &a.ID
}
