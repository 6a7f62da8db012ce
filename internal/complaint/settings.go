package complaint

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

// Bounds of the settings.
const (
	MinAnswerHours = 1
	MaxAnswerHours = 720 // 30 days
	MinReopenDays  = 1
	MaxReopenDays  = 90
)

// Settings returns the organisation's settings, the defaults when it
// chose none.
func (s *Store) Settings(ctx context.Context, orgID int64) (Settings, error) {
	return settingsOf(ctx, s.DB, orgID)
}

func settingsOf(ctx context.Context, q db.Querier, orgID int64) (Settings, error) {
	st := Settings{OrgID: orgID, AnswerHours: DefaultAnswerHours, ReopenDays: DefaultReopenDays}
	err := q.QueryRow(ctx, `SELECT answer_hours, reopen_days, webhook_secret FROM complaint_settings WHERE org_id = ?`,
		orgID).Scan(&st.AnswerHours, &st.ReopenDays, &st.WebhookSecret)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("complaint: settings: %w", err)
	}
	return st, nil
}

// CheckSettings reports what is wrong with the deadlines, by field:
// answer_hours, reopen_days.
func CheckSettings(st Settings) validate.Errors {
	errs := validate.Errors{}
	if st.AnswerHours < MinAnswerHours || st.AnswerHours > MaxAnswerHours {
		errs.Add("answer_hours", "complaint.error.answer_hours")
	}
	if st.ReopenDays < MinReopenDays || st.ReopenDays > MaxReopenDays {
		errs.Add("reopen_days", "complaint.error.reopen_days")
	}
	return errs
}

// SaveDeadlines stores the organisation's answer deadline and reopening
// window. Complaints already received keep their deadline.
func (s *Store) SaveDeadlines(ctx context.Context, actor Actor, st Settings) error {
	if errs := CheckSettings(st); len(errs) > 0 {
		return errs
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO complaint_settings (org_id, answer_hours, reopen_days, updated_at)
			VALUES (?, ?, ?, ?) ON CONFLICT (org_id) DO UPDATE SET answer_hours = excluded.answer_hours,
			reopen_days = excluded.reopen_days, updated_at = excluded.updated_at`,
			st.OrgID, st.AnswerHours, st.ReopenDays, s.now()); err != nil {
			return fmt.Errorf("complaint: save settings: %w", err)
		}
		return audit.Record(ctx, tx, audit.Entry{ActorID: actor.ID, ActorName: actor.Name,
			Action: "complaint.settings", TargetType: "organization", TargetID: strconv.FormatInt(st.OrgID, 10),
			Detail: fmt.Sprintf("answer_hours=%d reopen_days=%d", st.AnswerHours, st.ReopenDays)})
	})
}

// NewWebhookSecret gives the organisation a fresh secret for its gateway
// webhook, replacing the old one, and returns it.
func (s *Store) NewWebhookSecret(ctx context.Context, actor Actor, orgID int64) (string, error) {
	secret := "whsec_" + rand.Text()
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO complaint_settings (org_id, webhook_secret, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (org_id) DO UPDATE SET webhook_secret = excluded.webhook_secret, updated_at = excluded.updated_at`,
			orgID, secret, s.now()); err != nil {
			return fmt.Errorf("complaint: webhook secret: %w", err)
		}
		return audit.Record(ctx, tx, audit.Entry{ActorID: actor.ID, ActorName: actor.Name,
			Action: "complaint.webhook_secret", TargetType: "organization", TargetID: strconv.FormatInt(orgID, 10)})
	})
	if err != nil {
		return "", err
	}
	return secret, nil
}
