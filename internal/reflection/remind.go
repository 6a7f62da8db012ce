package reflection

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/mail"
	"lokadaya/internal/region"
)

// RemindEvery is how often an overdue action's owner is reminded while
// it stays open: the day after it fell due, then weekly.
const RemindEvery = 7 * 24 * time.Hour

// RemindOverdue e-mails the owner of every open action past its due day
// that was not reminded within RemindEvery; baseURL roots the link to the
// action plan. Each reminder is claimed by a conditional UPDATE in the
// transaction that queues the e-mail, so several instances may run it at
// once and none is sent twice. It returns how many were queued.
func (s *Store) RemindOverdue(ctx context.Context, baseURL string) (int, error) {
	now := s.now()
	rows, err := s.DB.Query(ctx, `SELECT a.id, a.org_id, a.what, a.due_on, a.reminded_on, u.email, u.name, u.locale,
		o.slug, o.name, o.region_code FROM reflection_actions a JOIN users u ON u.id = a.owner_id
		JOIN organizations o ON o.id = a.org_id
		WHERE a.status IN ('rencana', 'berjalan') AND a.due_on < ? ORDER BY a.id`, now.Format(time.DateOnly))
	if err != nil {
		return 0, err
	}
	type due struct {
		id, orgID                            int64
		what, dueOn, reminded                string
		email, name, locale, slug, org, code string
	}
	var list []due
	for rows.Next() {
		var d due
		if err := rows.Scan(&d.id, &d.orgID, &d.what, &d.dueOn, &d.reminded, &d.email, &d.name, &d.locale,
			&d.slug, &d.org, &d.code); err != nil {
			rows.Close()
			return 0, err
		}
		list = append(list, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	sent := 0
	for _, d := range list {
		today := now.In(region.Zone(d.code)).Format(time.DateOnly)
		if d.dueOn >= today || (d.reminded != "" && d.reminded > now.Add(-RemindEvery).In(region.Zone(d.code)).Format(time.DateOnly)) {
			continue
		}
		won := false
		err := s.DB.InTx(ctx, func(tx *db.Tx) error {
			res, err := tx.Exec(ctx, `UPDATE reflection_actions SET reminded_on = ? WHERE id = ? AND reminded_on = ?`,
				today, d.id, d.reminded)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return nil
			}
			won = true
			l := i18n.Parse(d.locale)
			var b strings.Builder
			b.WriteString(i18n.T(l, "notify.mail.hello", d.name) + "\n\n")
			b.WriteString(i18n.T(l, "action.mail.overdue", d.org, d.what, d.dueOn) + "\n\n")
			b.WriteString(strings.TrimRight(baseURL, "/") + ActionsPath(d.slug) + "\n")
			return mail.Queue(ctx, tx, mail.Message{To: d.email, Subject: i18n.T(l, "action.mail.subject", d.what), Text: b.String()})
		})
		if err != nil {
			return sent, fmt.Errorf("reflection: remind: %w", err)
		}
		if won {
			sent++
		}
	}
	return sent, nil
}

// RunReminders calls RemindOverdue every interval until ctx ends.
func (s *Store) RunReminders(ctx context.Context, every time.Duration, baseURL string, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := s.RemindOverdue(ctx, baseURL); err != nil && ctx.Err() == nil {
			log.Error("overdue actions not reminded", "err", err)
		} else if n > 0 {
			log.Info("overdue actions reminded", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// ActionsPath is the organisation's action plan.
func ActionsPath(orgSlug string) string { return "/organisasi/" + orgSlug + "/rencana-aksi" }

// SessionPath is a session's page.
func SessionPath(orgSlug string, id int64) string {
	return fmt.Sprintf("/organisasi/%s/refleksi/%d", orgSlug, id)
}
