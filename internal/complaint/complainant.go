package complaint

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/mail"
	"lokadaya/internal/notify"
	"lokadaya/internal/validate"
)

// What the complainant does with the tracking code: rate the answer and
// reopen once. The code is their only key, so neither needs an account.

// Rate records the complainant's rating of the answer, 1 (very poor) to
// 5 (very good); a later rating replaces the earlier one.
func (s *Store) Rate(ctx context.Context, c *Complaint, rating int) error {
	if rating < MinRating || rating > MaxRating {
		return validate.Errors{"rating": "complaint.error.rating"}
	}
	if !c.CanRate() {
		return ErrCannotRate
	}
	now := s.now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE complaints SET rating = ?, rated_at = ?, updated_at = ?
			WHERE id = ? AND awaiting_answer = FALSE AND answered_at IS NOT NULL`, rating, now, now, c.ID)
		if err := changed(res, err); err != nil {
			return ErrCannotRate
		}
		r := strconv.Itoa(rating)
		_, err = addEvent(ctx, tx, Event{ComplaintID: c.ID, Kind: EventRated, Body: r, PublicBody: r, CreatedAt: now})
		return err
	})
}

// Reopen opens a closed complaint again, once, within the organisation's
// window: an answer is owed again within its deadline, and the members
// are told.
func (s *Store) Reopen(ctx context.Context, c *Complaint, reason string) error {
	reason = strings.TrimSpace(strings.ReplaceAll(reason, "\r\n", "\n"))
	errs := validate.Errors{}
	if errs.Required("reason", reason) {
		errs.MaxLen("reason", reason, MaxReason)
	}
	if len(errs) > 0 {
		return errs
	}
	st, err := s.Settings(ctx, c.OrgID)
	if err != nil {
		return err
	}
	now := s.now()
	if !c.CanReopen(now, st.ReopenWithin()) {
		return ErrCannotReopen
	}
	due := now.Add(st.AnswerWithin())
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE complaints SET status = ?, reopened_at = ?, closed_at = NULL,
			awaiting_answer = TRUE, due_at = ?, reminded_at = NULL, overdue_at = NULL,
			updated_at = ? WHERE id = ? AND reopened_at IS NULL AND status IN (?, ?)`,
			StatusFollowUp, now, due, now, c.ID, StatusResolved, StatusRejected)
		if err := changed(res, err); err != nil {
			return ErrCannotReopen
		}
		public, _ := MaskContacts(reason)
		if _, err := addEvent(ctx, tx, Event{ComplaintID: c.ID, Kind: EventReopened, Body: reason,
			PublicBody: public, CreatedAt: now}); err != nil {
			return err
		}
		return s.notifyMembers(ctx, tx, c, notify.KindComplaint, "complaint.notify.reopened", reason)
	})
}

// notifyMembers tells the members who handle complaints about c.
func (s *Store) notifyMembers(ctx context.Context, q db.Querier, c *Complaint, kind notify.Kind, key, detail string) error {
	if s.Notifier == nil {
		return nil
	}
	var slug string
	if err := q.QueryRow(ctx, `SELECT slug FROM organizations WHERE id = ?`, c.OrgID).Scan(&slug); err != nil {
		return fmt.Errorf("complaint: organisation: %w", err)
	}
	if c.Visibility == VisConfidential {
		detail = ""
	}
	return s.Notifier.Notify(ctx, q, notify.Event{Kind: kind, OrgID: c.OrgID, Path: StaffPath(slug, c.Code),
		Summary: func(l i18n.Lang) string {
			return i18n.T(l, key, c.Code, i18n.T(l, "complaint.category."+c.Category))
		},
		Detail: func(l i18n.Lang) string { return detail }})
}

// mailComplainant e-mails an answer to a complainant who left an e-mail
// address, with the link to their status page.
func (s *Store) mailComplainant(ctx context.Context, q db.Querier, c *Complaint, answer string) error {
	if !strings.Contains(c.Contact, "@") || s.Notifier == nil {
		return nil
	}
	var orgName string
	if err := q.QueryRow(ctx, `SELECT name FROM organizations WHERE id = ?`, c.OrgID).Scan(&orgName); err != nil {
		return fmt.Errorf("complaint: organisation: %w", err)
	}
	l := i18n.Parse(c.Lang)
	var b strings.Builder
	b.WriteString(i18n.T(l, "complaint.mail.answer.intro", orgName, c.Code) + "\n\n")
	b.WriteString(answer + "\n\n")
	b.WriteString(i18n.T(l, "complaint.mail.answer.open", s.Notifier.Link(StatusPath(c.Code))) + "\n")
	return mail.Queue(ctx, q, mail.Message{To: c.Contact,
		Subject: i18n.T(l, "complaint.mail.answer.subject", c.Code, orgName), Text: b.String()})
}
