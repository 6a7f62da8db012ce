package complaint

import (
	"context"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/notify"
	"lokadaya/internal/validate"
)

// Create files a complaint, or returns the one the same form token
// already filed (created is then false). Invalid input is reported as
// validate.Errors. The members who handle complaints are told.
func (s *Store) Create(ctx context.Context, in Input) (c *Complaint, created bool, err error) {
	now := s.now()
	if errs := in.Check(now); len(errs) > 0 {
		return nil, false, errs
	}
	if in.Token != "" {
		if c, err := get(ctx, s.DB, `c.form_token = ?`, in.Token); err == nil {
			return c, false, nil
		} else if !errors.Is(err, db.ErrNotFound) {
			return nil, false, err
		}
	}
	code, err := freshCode(ctx, s.DB)
	if err != nil {
		return nil, false, err
	}
	var photoKey string
	if in.Photo != nil {
		if photoKey, err = s.putPhoto(ctx, code, in.Photo); err != nil {
			return nil, false, err
		}
	}
	var id int64
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		id, err = s.insert(ctx, tx, in, code, photoKey, now)
		return err
	})
	if err != nil && photoKey != "" {
		_ = s.Blobs.Delete(ctx, photoKey)
	}
	if db.IsUniqueViolation(err) && in.Token != "" {
		// A double submit raced itself: the other one won.
		if c, err := get(ctx, s.DB, `c.form_token = ?`, in.Token); err == nil {
			return c, false, nil
		}
	}
	if err != nil {
		return nil, false, err
	}
	c, err = s.ByID(ctx, id)
	return c, err == nil, err
}

// insert writes a checked complaint, its first log entry and any automatic
// masking, and tells the members, all in tx. It returns the new id.
func (s *Store) insert(ctx context.Context, tx *db.Tx, in Input, code, photoKey string, now time.Time) (int64, error) {
	if err := checkInitiative(ctx, tx, in); err != nil {
		return 0, err
	}
	st, err := settingsOf(ctx, tx, in.OrgID)
	if err != nil {
		return 0, err
	}
	received := now
	if !in.ReceivedAt.IsZero() {
		received = in.ReceivedAt.UTC().Truncate(time.Microsecond)
	}
	due := received.Add(st.AnswerWithin())
	public, masked := MaskContacts(in.Text)
	var token, loggedBy any
	if in.Token != "" {
		token = in.Token
	}
	if in.LoggedBy.ID != 0 {
		loggedBy = in.LoggedBy.ID
	}
	var id int64
	if err := tx.QueryRow(ctx, `INSERT INTO complaints (code, org_id, initiative_id, category, body, public_body,
		visibility, contact_name, contact, channel, lang, photo_key, form_token, logged_by, received_at, first_due_at,
		due_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		code, in.OrgID, in.InitiativeID, in.Category, in.Text, public, in.Visibility, in.ContactName, in.Contact,
		in.Channel, in.Lang, photoKey, token, loggedBy, received, due, due, now, now).Scan(&id); err != nil {
		return 0, fmt.Errorf("complaint: create: %w", err)
	}
	if _, err := addEvent(ctx, tx, Event{ComplaintID: id, Kind: StatusReceived, ActorID: actorID(in.LoggedBy),
		ActorName: in.LoggedBy.Name, Body: in.Channel, PublicBody: in.Channel, CreatedAt: now}); err != nil {
		return 0, err
	}
	if masked {
		if _, err := tx.Exec(ctx, `INSERT INTO complaint_redactions (complaint_id, automatic, reason, created_at)
			VALUES (?, TRUE, 'contact', ?)`, id, now); err != nil {
			return 0, fmt.Errorf("complaint: mask: %w", err)
		}
	}
	if in.LoggedBy.ID != 0 {
		if err := audit.Record(ctx, tx, audit.Entry{At: now, ActorID: in.LoggedBy.ID, ActorName: in.LoggedBy.Name,
			Action: "complaint.logged", TargetType: "complaint", TargetID: code, Detail: in.Channel}); err != nil {
			return 0, err
		}
	}
	return id, s.notifyNew(ctx, tx, id, code, in)
}

func checkInitiative(ctx context.Context, q db.Querier, in Input) error {
	if in.InitiativeID == nil {
		return nil
	}
	var orgID int64
	err := q.QueryRow(ctx, `SELECT org_id FROM initiatives WHERE id = ?`, *in.InitiativeID).Scan(&orgID)
	if err != nil || orgID != in.OrgID {
		return validate.Errors{"initiative": "complaint.error.initiative"}
	}
	return nil
}

// freshCode draws tracking codes until one is unused; with 40 random bits
// the first nearly always is, and the column's uniqueness catches the
// rest.
func freshCode(ctx context.Context, q db.Querier) (string, error) {
	for range 8 {
		code := NewCode()
		var n int
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM complaints WHERE code = ?`, code).Scan(&n); err != nil {
			return "", fmt.Errorf("complaint: code: %w", err)
		}
		if n == 0 {
			return code, nil
		}
	}
	return "", errors.New("complaint: no free tracking code")
}

// notifyNew tells the members who handle complaints of a new one.
func (s *Store) notifyNew(ctx context.Context, q db.Querier, id int64, code string, in Input) error {
	if s.Notifier == nil {
		return nil
	}
	var slug string
	if err := q.QueryRow(ctx, `SELECT slug FROM organizations WHERE id = ?`, in.OrgID).Scan(&slug); err != nil {
		return fmt.Errorf("complaint: organisation: %w", err)
	}
	text := in.Text
	if in.Visibility == VisConfidential {
		text = "" // a confidential text stays on the platform
	}
	return s.Notifier.Notify(ctx, q, notify.Event{Kind: notify.KindComplaint, OrgID: in.OrgID,
		Path: StaffPath(slug, code),
		Summary: func(l i18n.Lang) string {
			return i18n.T(l, "complaint.notify.new", code, i18n.T(l, "complaint.category."+in.Category),
				i18n.T(l, "complaint.channel."+in.Channel))
		},
		Detail: func(l i18n.Lang) string { return text }})
}
