package complaint

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

// Who may do what, by the member's role in the organisation. The web
// layer checks these on every handler.

// MayHandle: see the inbox, log complaints from paper or the phone,
// change status and answer.
func MayHandle(r org.Role) bool {
	return r == org.RoleOwner || r == org.RoleAdmin || r == org.RoleEditor
}

// MayManage: assign, redact and change the organisation's settings.
func MayManage(r org.Role) bool { return r == org.RoleOwner || r == org.RoleAdmin }

// MaySeePrivate: read a confidential complaint's text and answers and any
// complaint's contact — those who manage, and the member it is assigned to.
func MaySeePrivate(r org.Role, userID int64, c *Complaint) bool {
	return MayManage(r) || (MayHandle(r) && c.AssigneeID != nil && *c.AssigneeID == userID)
}

// changed turns a conditional UPDATE's result into nil or ErrTransition.
func changed(res interface{ RowsAffected() (int64, error) }, err error) error {
	if err != nil {
		return fmt.Errorf("complaint: update: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("complaint: update: %w", err)
	} else if n != 1 {
		return ErrTransition
	}
	return nil
}

func (s *Store) record(ctx context.Context, q db.Querier, actor Actor, c *Complaint, action, detail string) error {
	return audit.Record(ctx, q, audit.Entry{At: s.now(), ActorID: actor.ID, ActorName: actor.Name,
		Action: "complaint." + action, TargetType: "complaint", TargetID: c.Code, Detail: detail})
}

// Assign gives the complaint to a member who handles complaints; userID 0
// takes the assignment back.
func (s *Store) Assign(ctx context.Context, actor Actor, c *Complaint, userID int64) error {
	var name string
	if userID != 0 {
		var role org.Role
		err := s.DB.QueryRow(ctx, `SELECT m.role, u.name FROM memberships m JOIN users u ON u.id = m.user_id
			WHERE m.org_id = ? AND m.user_id = ?`, c.OrgID, userID).Scan(&role, &name)
		if err != nil || !MayHandle(role) {
			return ErrNotMember
		}
	}
	now := s.now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		var assignee any
		if userID != 0 {
			assignee = userID
		}
		if _, err := tx.Exec(ctx, `UPDATE complaints SET assignee_id = ?, updated_at = ? WHERE id = ?`,
			assignee, now, c.ID); err != nil {
			return fmt.Errorf("complaint: assign: %w", err)
		}
		if _, err := addEvent(ctx, tx, Event{ComplaintID: c.ID, Kind: EventAssign, ActorID: actorID(actor),
			ActorName: actor.Name, Body: name, Internal: true, CreatedAt: now}); err != nil {
			return err
		}
		return s.record(ctx, tx, actor, c, "assigned", name)
	})
}

// Move changes the complaint's status. Turning it down needs a reason,
// which is also its answer; closing it as done needs an answer given.
func (s *Store) Move(ctx context.Context, actor Actor, c *Complaint, to, reason string) error {
	reason = strings.TrimSpace(reason)
	if !CanMove(c.Status, to) {
		return ErrTransition
	}
	if to == StatusRejected {
		errs := validate.Errors{}
		if errs.Required("reason", reason) {
			errs.MaxLen("reason", reason, MaxReason)
		}
		if len(errs) > 0 {
			return errs
		}
	}
	if to == StatusResolved && c.AwaitingAnswer {
		return ErrNoAnswer
	}
	now := s.now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE complaints SET status = ?, reject_reason = ?, updated_at = ?,
			closed_at = CASE WHEN ? THEN ? ELSE closed_at END WHERE id = ? AND status = ?`,
			to, reason, now, to == StatusResolved || to == StatusRejected, now, c.ID, c.Status)
		if err := changed(res, err); err != nil {
			return err
		}
		public, _ := MaskContacts(reason)
		if _, err := addEvent(ctx, tx, Event{ComplaintID: c.ID, Kind: to, ActorID: actorID(actor),
			ActorName: actor.Name, Body: reason, PublicBody: public, CreatedAt: now}); err != nil {
			return err
		}
		if to == StatusRejected && c.AwaitingAnswer {
			// The reason answers the complainant.
			if err := markAnswered(ctx, tx, c.ID, now); err != nil {
				return err
			}
			if err := s.mailComplainant(ctx, tx, c, reason); err != nil {
				return err
			}
		}
		return s.record(ctx, tx, actor, c, "status", c.Status+" -> "+to)
	})
}

// markAnswered records an answer at now: the first one sets the time to
// first answer; none is owed any more.
func markAnswered(ctx context.Context, q db.Querier, id int64, now time.Time) error {
	if _, err := q.Exec(ctx, `UPDATE complaints SET awaiting_answer = FALSE, answered_at = ?,
		first_answer_at = COALESCE(first_answer_at, ?), updated_at = ? WHERE id = ?`, now, now, now, id); err != nil {
		return fmt.Errorf("complaint: answered: %w", err)
	}
	return nil
}

// Answer gives the complainant an answer, kept in the log and shown in
// public unless the complaint is confidential. Contacts in it are masked
// in public, which the log of redactions says.
func (s *Store) Answer(ctx context.Context, actor Actor, c *Complaint, text string) error {
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	errs := validate.Errors{}
	if errs.Required("answer", text) {
		errs.MaxLen("answer", text, MaxAnswer)
	}
	if len(errs) > 0 {
		return errs
	}
	if c.Closed() {
		return ErrTransition
	}
	now := s.now()
	public, masked := MaskContacts(text)
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		id, err := addEvent(ctx, tx, Event{ComplaintID: c.ID, Kind: EventAnswer, ActorID: actorID(actor),
			ActorName: actor.Name, Body: text, PublicBody: public, CreatedAt: now})
		if err != nil {
			return err
		}
		if masked {
			if _, err := tx.Exec(ctx, `INSERT INTO complaint_redactions (complaint_id, event_id, automatic, reason,
				created_at) VALUES (?, ?, TRUE, 'contact', ?)`, c.ID, id, now); err != nil {
				return fmt.Errorf("complaint: mask: %w", err)
			}
		}
		if err := markAnswered(ctx, tx, c.ID, now); err != nil {
			return err
		}
		return s.mailComplainant(ctx, tx, c, text)
	})
}

// Redact removes phrase from the public text of the complaint (eventID
// nil) or of one of its answers, with a reason shown in public. The
// original stays for the staff who may see it.
func (s *Store) Redact(ctx context.Context, actor Actor, c *Complaint, eventID *int64, phrase, reason string) error {
	phrase, reason = strings.TrimSpace(phrase), strings.TrimSpace(reason)
	errs := validate.Errors{}
	if errs.Required("phrase", phrase) {
		errs.MaxLen("phrase", phrase, MaxRedact)
	}
	if errs.Required("reason", reason) {
		errs.MaxLen("reason", reason, MaxReason)
	}
	if len(errs) > 0 {
		return errs
	}
	now := s.now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		current, store, err := redactTarget(ctx, tx, c, eventID, now)
		if err != nil {
			return err
		}
		out, n := Redact(current, phrase)
		if n == 0 {
			return validate.Errors{"phrase": "complaint.error.redact_not_found"}
		}
		if err := store(out); err != nil {
			return fmt.Errorf("complaint: redact: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO complaint_redactions (complaint_id, event_id, reason, actor_id,
			actor_name, created_at) VALUES (?, ?, ?, ?, ?, ?)`, c.ID, eventID, reason, actorID(actor), actor.Name, now); err != nil {
			return fmt.Errorf("complaint: redact: %w", err)
		}
		if _, err := addEvent(ctx, tx, Event{ComplaintID: c.ID, Kind: EventRedacted, ActorID: actorID(actor),
			ActorName: actor.Name, Body: reason, PublicBody: reason, CreatedAt: now}); err != nil {
			return err
		}
		return s.record(ctx, tx, actor, c, "redacted", reason)
	})
}

// redactTarget returns the public text to redact and a function that
// stores its new form.
func redactTarget(ctx context.Context, q db.Querier, c *Complaint, eventID *int64, now time.Time) (string, func(string) error, error) {
	if eventID == nil {
		var text string
		if err := q.QueryRow(ctx, `SELECT public_body FROM complaints WHERE id = ?`, c.ID).Scan(&text); err != nil {
			return "", nil, fmt.Errorf("complaint: redact: %w", err)
		}
		return text, func(out string) error {
			_, err := q.Exec(ctx, `UPDATE complaints SET public_body = ?, updated_at = ? WHERE id = ?`, out, now, c.ID)
			return err
		}, nil
	}
	var text, kind string
	err := q.QueryRow(ctx, `SELECT public_body, kind FROM complaint_events WHERE id = ? AND complaint_id = ?`,
		*eventID, c.ID).Scan(&text, &kind)
	if err != nil || !slices.Contains(RedactableEvents, kind) {
		return "", nil, validate.Errors{"event": "form.invalid"}
	}
	return text, func(out string) error {
		_, err := q.Exec(ctx, `UPDATE complaint_events SET public_body = ? WHERE id = ?`, out, *eventID)
		return err
	}, nil
}

// RedactableEvents are the log entries whose words are public and may be
// redacted: answers, reasons for turning down, reasons for reopening.
var RedactableEvents = []string{EventAnswer, StatusRejected, EventReopened}
