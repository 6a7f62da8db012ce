package complaint

import (
	"context"
	"fmt"
	"strings"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/jobs"
	"lokadaya/internal/mail"
	"lokadaya/internal/notify"
	"lokadaya/internal/region"
)

// SweepResult counts what one deadline check did.
type SweepResult struct {
	Reminded, Overdue, Escalated int
}

// Sweep checks the deadlines of the complaints owing an answer: members
// are reminded RemindAhead before the deadline; past it they are told it
// is overdue and the coordinators of the hubs covering the organisation
// get an escalation e-mail. Each happens once per deadline, claimed by a
// conditional UPDATE, so several instances may sweep at once.
func (s *Store) Sweep(ctx context.Context) (SweepResult, error) {
	var res SweepResult
	now := s.now()
	soon, err := list(ctx, s.DB, `c.awaiting_answer = TRUE AND c.reminded_at IS NULL AND c.overdue_at IS NULL
		AND c.due_at > ? AND c.due_at <= ? ORDER BY c.due_at, c.id`, now, now.Add(RemindAhead))
	if err != nil {
		return res, err
	}
	for _, c := range soon {
		ok, err := s.remind(ctx, c, now)
		if err != nil {
			return res, err
		}
		if ok {
			res.Reminded++
		}
	}
	late, err := list(ctx, s.DB, `c.awaiting_answer = TRUE AND c.overdue_at IS NULL AND c.due_at < ?
		ORDER BY c.due_at, c.id`, now)
	if err != nil {
		return res, err
	}
	for _, c := range late {
		hubs, ok, err := s.escalate(ctx, c, now)
		if err != nil {
			return res, err
		}
		if ok {
			res.Overdue++
			res.Escalated += hubs
		}
	}
	return res, nil
}

// claim sets column to now if it is still empty and the answer still
// owed; it reports whether this caller won.
func claim(ctx context.Context, q db.Querier, id int64, column string, now time.Time) (bool, error) {
	res, err := q.Exec(ctx, `UPDATE complaints SET `+column+` = ? WHERE id = ? AND `+column+` IS NULL
		AND awaiting_answer = TRUE`, now, id)
	if err != nil {
		return false, fmt.Errorf("complaint: claim %s: %w", column, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

func (s *Store) remind(ctx context.Context, c *Complaint, now time.Time) (bool, error) {
	won := false
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		ok, err := claim(ctx, tx, c.ID, "reminded_at", now)
		if err != nil || !ok {
			return err
		}
		won = true
		if _, err := addEvent(ctx, tx, Event{ComplaintID: c.ID, Kind: EventReminder, Internal: true, CreatedAt: now}); err != nil {
			return err
		}
		return s.notifyMembers(ctx, tx, c, notify.KindComplaintDeadline, "complaint.notify.due_soon", "")
	})
	return won, err
}

// coordinator is one person an escalation e-mail goes to.
type coordinator struct {
	email, name, locale string
	hubSlug, hubName    string
}

// escalate marks the complaint overdue, tells the members, and e-mails the
// coordinators of every hub covering the organisation (the platform
// admins when no hub does). It returns how many hubs were told.
func (s *Store) escalate(ctx context.Context, c *Complaint, now time.Time) (int, bool, error) {
	hubs, won := 0, false
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		ok, err := claim(ctx, tx, c.ID, "overdue_at", now)
		if err != nil || !ok {
			return err
		}
		won = true
		if _, err := tx.Exec(ctx, `UPDATE complaints SET escalated_at = ? WHERE id = ?`, now, c.ID); err != nil {
			return fmt.Errorf("complaint: escalate: %w", err)
		}
		if _, err := addEvent(ctx, tx, Event{ComplaintID: c.ID, Kind: EventOverdue, CreatedAt: now}); err != nil {
			return err
		}
		if err := s.notifyMembers(ctx, tx, c, notify.KindComplaintDeadline, "complaint.notify.overdue", ""); err != nil {
			return err
		}
		var to []coordinator
		hubs, to, err = s.recordEscalation(ctx, tx, c, now)
		if err != nil {
			return err
		}
		if _, err := addEvent(ctx, tx, Event{ComplaintID: c.ID, Kind: EventEscalate, CreatedAt: now}); err != nil {
			return err
		}
		return s.mailEscalation(ctx, tx, c, to)
	})
	return hubs, won, err
}

// recordEscalation notes the hubs covering the organisation and returns
// them with whom to e-mail: their coordinators, or the platform admins
// when no hub covers it.
func (s *Store) recordEscalation(ctx context.Context, q db.Querier, c *Complaint, now time.Time) (int, []coordinator, error) {
	rows, err := q.Query(ctx, `SELECT h.id, h.slug, h.name, COALESCE(u.email, ''), COALESCE(u.name, ''), COALESCE(u.locale, '')
		FROM hubs h JOIN organizations o ON o.id = ?
		LEFT JOIN hub_coordinators hc ON hc.hub_id = h.id LEFT JOIN users u ON u.id = hc.user_id
		WHERE h.id IN (SELECT hr.hub_id FROM hub_regions hr
			WHERE o.region_code = hr.region_code OR o.region_code LIKE (hr.region_code || '.%'))
		ORDER BY h.id, u.id`, c.OrgID)
	if err != nil {
		return 0, nil, fmt.Errorf("complaint: hubs: %w", err)
	}
	var to []coordinator
	var hubIDs []int64
	for rows.Next() {
		var id int64
		var k coordinator
		if err := rows.Scan(&id, &k.hubSlug, &k.hubName, &k.email, &k.name, &k.locale); err != nil {
			rows.Close()
			return 0, nil, fmt.Errorf("complaint: hubs: %w", err)
		}
		if len(hubIDs) == 0 || hubIDs[len(hubIDs)-1] != id {
			hubIDs = append(hubIDs, id)
		}
		if k.email != "" {
			to = append(to, k)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, nil, err
	}
	for _, id := range hubIDs {
		if _, err := q.Exec(ctx, `INSERT INTO complaint_escalations (complaint_id, hub_id, escalated_at) VALUES (?, ?, ?)`,
			c.ID, id, now); err != nil {
			return 0, nil, fmt.Errorf("complaint: escalation: %w", err)
		}
	}
	if len(to) == 0 {
		admins, err := platformAdmins(ctx, q)
		return len(hubIDs), admins, err
	}
	return len(hubIDs), to, nil
}

func platformAdmins(ctx context.Context, q db.Querier) ([]coordinator, error) {
	rows, err := q.Query(ctx, `SELECT email, name, locale FROM users WHERE is_admin = TRUE ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("complaint: admins: %w", err)
	}
	defer rows.Close()
	var out []coordinator
	for rows.Next() {
		var k coordinator
		if err := rows.Scan(&k.email, &k.name, &k.locale); err != nil {
			return nil, fmt.Errorf("complaint: admins: %w", err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// mailEscalation queues one e-mail per person (a coordinator of two
// covering hubs gets one). Confidential text is never in it.
func (s *Store) mailEscalation(ctx context.Context, q db.Querier, c *Complaint, to []coordinator) error {
	if s.Notifier == nil {
		return nil
	}
	var orgName, orgSlug, regionCode string
	if err := q.QueryRow(ctx, `SELECT name, slug, region_code FROM organizations WHERE id = ?`, c.OrgID).
		Scan(&orgName, &orgSlug, &regionCode); err != nil {
		return fmt.Errorf("complaint: organisation: %w", err)
	}
	zone := region.Zone(regionCode)
	seen := map[string]bool{}
	for _, k := range to {
		if seen[k.email] {
			continue
		}
		seen[k.email] = true
		l := i18n.Parse(k.locale)
		var b strings.Builder
		b.WriteString(i18n.T(l, "notify.mail.hello", k.name) + "\n\n")
		b.WriteString(i18n.T(l, "complaint.mail.escalate.intro", orgName, c.Ref(),
			i18n.DateTime(l, c.ReceivedAt, zone), i18n.DateTime(l, c.DueAt, zone)) + "\n\n")
		b.WriteString(i18n.T(l, "complaint.mail.escalate.category", i18n.T(l, "complaint.category."+c.Category)) + "\n")
		if c.TextPublic() {
			b.WriteString("\n" + c.PublicBody + "\n")
		}
		if k.hubSlug != "" {
			b.WriteString("\n" + i18n.T(l, "complaint.mail.escalate.hub", k.hubName, s.Notifier.Link(EscalationsPath(k.hubSlug))) + "\n")
		}
		b.WriteString(i18n.T(l, "complaint.mail.escalate.log", s.Notifier.Link(PublicLogPath(orgSlug))) + "\n")
		if err := mail.Queue(ctx, q, mail.Message{To: k.email,
			Subject: i18n.T(l, "complaint.mail.escalate.subject", c.Ref(), orgName), Text: b.String()}); err != nil {
			return err
		}
	}
	return nil
}

// DeadlineJobKind is the queue job that sweeps the deadlines and
// schedules its next run.
const DeadlineJobKind = "complaint.deadlines"

// DeadlineEvery is the pause between two sweeps.
const DeadlineEvery = 5 * time.Minute

// ScheduleDeadlines queues the sweep job unless one is waiting already;
// every instance calls it at start, and the job queue makes sure one runs.
func ScheduleDeadlines(ctx context.Context, d *db.DB) error {
	var n int
	if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM jobs WHERE kind = ? AND done_at IS NULL`, DeadlineJobKind).Scan(&n); err != nil {
		return fmt.Errorf("complaint: schedule: %w", err)
	}
	if n > 0 {
		return nil
	}
	_, err := jobs.Enqueue(ctx, d, DeadlineJobKind, struct{}{}, time.Time{})
	return err
}

// DeadlineHandler sweeps and queues the next sweep, unless another
// instance queued one already (so duplicate chains die out).
func (s *Store) DeadlineHandler(every time.Duration) jobs.Handler {
	return func(ctx context.Context, _ []byte) error {
		if _, err := s.Sweep(ctx); err != nil {
			return err
		}
		var n int
		if err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM jobs WHERE kind = ? AND done_at IS NULL AND run_at > ?`,
			DeadlineJobKind, db.Now()).Scan(&n); err != nil {
			return fmt.Errorf("complaint: schedule: %w", err)
		}
		if n > 0 {
			return nil
		}
		_, err := jobs.Enqueue(ctx, s.DB, DeadlineJobKind, struct{}{}, db.Now().Add(every))
		return err
	}
}
