package voicesummary

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/notify"
	"lokadaya/internal/region"
	"lokadaya/internal/service"
)

// WeeklyHour is the hour of Monday, in the organisation's zone, from which
// the summary of the week before goes out.
const WeeklyHour = 7

// DueWeek is the Monday-to-Sunday week whose summary is due at now in
// zone: the week before this one once Monday's WeeklyHour has come, the
// one before that until then.
func DueWeek(now time.Time, zone *time.Location) service.Period {
	local := now.In(zone).Add(-WeeklyHour * time.Hour)
	sinceMonday := (int(local.Weekday()) + 6) % 7
	monday := time.Date(local.Year(), local.Month(), local.Day()-sinceMonday-7, 0, 0, 0, 0, zone)
	return service.Period{From: monday.Format(time.DateOnly), To: monday.AddDate(0, 0, 6).Format(time.DateOnly)}
}

// Weekly e-mails each organisation's members the summary of last week,
// once a week, through their notification preferences
// (notify.KindVoiceWeekly): at once, in their daily digest, or not at all.
type Weekly struct {
	DB       *db.DB
	Builder  *Builder
	Notifier *notify.Notifier
}

// weeklyOrg is an organisation a weekly summary may go to.
type weeklyOrg struct {
	id         int64
	name, slug string
	zone       *time.Location
}

// SendDue sends the summaries due at now and reports how many went out.
// Every instance may run it at once: each organisation's week is claimed
// by one of them only.
func (w *Weekly) SendDue(ctx context.Context, now time.Time) (int, error) {
	orgs, err := w.orgs(ctx, dueWeeks(now))
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, o := range orgs {
		began := time.Now()
		ok, err := w.send(ctx, o, DueWeek(now, o.zone))
		if err != nil {
			return sent, err
		}
		if ok {
			sent++
		}
		if err := rest(ctx, time.Since(began)); err != nil {
			return sent, err
		}
	}
	return sent, nil
}

// restFactor is how much longer than it worked SendDue rests after each
// organisation: at national scale a week's summaries are a long batch, and
// it must leave the processor to the people using the site.
const restFactor = 3

// rest sleeps restFactor times worked, or until ctx ends.
func rest(ctx context.Context, worked time.Duration) error {
	t := time.NewTimer(restFactor * worked)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// zones are the time zones organisations are in (see region.Zone).
var zones = []*time.Location{i18n.WIB, i18n.WITA, i18n.WIT}

// dueWeeks are the first days of the weeks due at now, one per zone: the
// same day, but for the hours around Monday's WeeklyHour.
func dueWeeks(now time.Time) [3]any {
	var out [3]any
	for i, z := range zones {
		out[i] = DueWeek(now, z).From
	}
	return out
}

// orgs are the organisations the public may see that have an initiative
// and no summary yet of a due week: the check runs in one query, not one
// per organisation every quarter hour.
func (w *Weekly) orgs(ctx context.Context, weeks [3]any) ([]weeklyOrg, error) {
	rows, err := w.DB.Query(ctx, `SELECT o.id, o.name, o.slug, o.region_code FROM organizations o
		WHERE o.status NOT IN ('rejected', 'suspended') AND EXISTS (SELECT 1 FROM initiatives i WHERE i.org_id = o.id)
		AND NOT EXISTS (SELECT 1 FROM voice_weekly_digests d WHERE d.org_id = o.id AND d.week_start IN (?, ?, ?))
		ORDER BY o.id`, weeks[:]...)
	if err != nil {
		return nil, fmt.Errorf("voicesummary: weekly organisations: %w", err)
	}
	defer rows.Close()
	var out []weeklyOrg
	for rows.Next() {
		var o weeklyOrg
		var regionCode string
		if err := rows.Scan(&o.id, &o.name, &o.slug, &regionCode); err != nil {
			return nil, fmt.Errorf("voicesummary: weekly organisations: %w", err)
		}
		o.zone = region.Zone(regionCode)
		out = append(out, o)
	}
	return out, rows.Err()
}

// send claims the organisation's week and, when something happened in it,
// tells the members in the same transaction. It reports whether an e-mail
// was queued.
func (w *Weekly) send(ctx context.Context, o weeklyOrg, week service.Period) (bool, error) {
	var n int
	if err := w.DB.QueryRow(ctx, `SELECT COUNT(*) FROM voice_weekly_digests WHERE org_id = ? AND week_start = ?`,
		o.id, week.From).Scan(&n); err != nil || n > 0 {
		return false, err
	}
	list, err := w.Builder.ForOrg(ctx, o.id, week, o.zone)
	if err != nil {
		return false, err
	}
	var busy []Named
	for _, s := range list {
		if !s.Empty() {
			busy = append(busy, s)
		}
	}
	sent := false
	err = w.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `INSERT INTO voice_weekly_digests (org_id, week_start, sent, created_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (org_id, week_start) DO NOTHING`, o.id, week.From, len(busy) > 0, db.Now())
		if err != nil {
			return fmt.Errorf("voicesummary: claim week: %w", err)
		}
		if claimed, err := res.RowsAffected(); err != nil || claimed == 0 || len(busy) == 0 {
			return err
		}
		sent = true
		return w.Notifier.Notify(ctx, tx, weeklyEvent(o, week, busy))
	})
	return sent, err
}

// RunWeekly sends due summaries every interval until ctx ends.
func (w *Weekly) RunWeekly(ctx context.Context, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := w.SendDue(ctx, db.Now()); err != nil && ctx.Err() == nil {
			log.Error("voicesummary: weekly summaries", "err", err)
		} else if n > 0 {
			log.Info("weekly summaries of the people served queued", "organisations", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
