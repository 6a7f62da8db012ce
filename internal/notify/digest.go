package notify

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/mail"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
)

// DigestHour is the hour of the organisation's day from which the
// digest of the day before goes out.
const DigestHour = 6

// addDigestItem keeps ev for the member's next digest.
func addDigestItem(ctx context.Context, q db.Querier, m Member, ev Event) error {
	if _, err := q.Exec(ctx, `INSERT INTO notify_digest_items (user_id, org_id, kind, path, summary, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, m.UserID, ev.OrgID, string(ev.Kind), ev.Path, ev.Summary(m.Lang), db.Now()); err != nil {
		return fmt.Errorf("notify: digest item: %w", err)
	}
	return nil
}

// digestCutoff is the end of the last whole day in zone whose digest is
// due at now: today's midnight from DigestHour on, yesterday's before.
func digestCutoff(now time.Time, zone *time.Location) time.Time {
	local := now.In(zone)
	midnight := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, zone)
	if local.Hour() < DigestHour {
		midnight = midnight.AddDate(0, 0, -1)
	}
	return midnight.UTC()
}

// pendingGroup is a member in an organisation with digest items waiting.
type pendingGroup struct {
	userID, orgID int64
	region        string
}

// SendDigests queues, for every member with events of past days waiting
// (days counted in the organisation's zone), one e-mail listing them. It
// returns how many e-mails it queued. Several instances may run it at
// once: each item is claimed by one digest only.
func (n *Notifier) SendDigests(ctx context.Context, now time.Time) (int, error) {
	groups, err := n.pendingGroups(ctx)
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, g := range groups {
		ok, err := n.sendDigest(ctx, g, digestCutoff(now, region.Zone(g.region)))
		if err != nil {
			return sent, err
		}
		if ok {
			sent++
		}
	}
	return sent, nil
}

func (n *Notifier) pendingGroups(ctx context.Context) ([]pendingGroup, error) {
	rows, err := n.DB.Query(ctx, `SELECT DISTINCT i.user_id, i.org_id, o.region_code FROM notify_digest_items i
		JOIN organizations o ON o.id = i.org_id WHERE i.batch IS NULL ORDER BY i.user_id, i.org_id`)
	if err != nil {
		return nil, fmt.Errorf("notify: pending digests: %w", err)
	}
	defer rows.Close()
	var out []pendingGroup
	for rows.Next() {
		var g pendingGroup
		if err := rows.Scan(&g.userID, &g.orgID, &g.region); err != nil {
			return nil, fmt.Errorf("notify: pending digests: %w", err)
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// digestItem is one line of a digest.
type digestItem struct {
	Kind      Kind
	Path      string
	Summary   string
	CreatedAt time.Time
}

// sendDigest claims the group's items older than cutoff and queues their
// e-mail in the same transaction. The claim only takes items no batch has
// taken, so a second instance finds nothing left.
func (n *Notifier) sendDigest(ctx context.Context, g pendingGroup, cutoff time.Time) (bool, error) {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	batch := hex.EncodeToString(b)
	sent := false
	err := n.DB.InTx(ctx, func(tx *db.Tx) error {
		now := db.Now()
		res, err := tx.Exec(ctx, `UPDATE notify_digest_items SET batch = ?, sent_at = ?
			WHERE user_id = ? AND org_id = ? AND batch IS NULL AND created_at < ?`, batch, now, g.userID, g.orgID, cutoff)
		if err != nil {
			return fmt.Errorf("notify: claim digest: %w", err)
		}
		if claimed, err := res.RowsAffected(); err != nil || claimed == 0 {
			return err
		}
		items, err := batchItems(ctx, tx, batch)
		if err != nil {
			return err
		}
		m, err := member(ctx, tx, g.userID, g.orgID)
		if err != nil || m.Role == "" {
			return err // one who left the organisation hears no more of it
		}
		o, err := loadOrg(ctx, tx, g.orgID)
		if err != nil {
			return err
		}
		sent = true
		return n.queueDigest(ctx, tx, o, m, items)
	})
	return sent, err
}

func batchItems(ctx context.Context, q db.Querier, batch string) ([]digestItem, error) {
	rows, err := q.Query(ctx, `SELECT kind, path, summary, created_at FROM notify_digest_items WHERE batch = ? ORDER BY created_at, id`, batch)
	if err != nil {
		return nil, fmt.Errorf("notify: digest items: %w", err)
	}
	defer rows.Close()
	var out []digestItem
	for rows.Next() {
		var it digestItem
		if err := rows.Scan(&it.Kind, &it.Path, &it.Summary, &it.CreatedAt); err != nil {
			return nil, fmt.Errorf("notify: digest items: %w", err)
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// member reads the person a digest goes to; Role is "" when they left
// the organisation.
func member(ctx context.Context, q db.Querier, userID, orgID int64) (Member, error) {
	m := Member{UserID: userID}
	var locale, role string
	err := q.QueryRow(ctx, `SELECT u.email, u.name, u.locale, COALESCE(m.role, '') FROM users u
		LEFT JOIN memberships m ON m.user_id = u.id AND m.org_id = ? WHERE u.id = ?`, orgID, userID).
		Scan(&m.Email, &m.Name, &locale, &role)
	if err != nil {
		return m, fmt.Errorf("notify: digest member: %w", err)
	}
	m.Lang, m.Role = i18n.Parse(locale), org.Role(role)
	return m, nil
}

// queueDigest writes the digest e-mail: one line per event, oldest first,
// each with its time in the organisation's zone and its link.
func (n *Notifier) queueDigest(ctx context.Context, q db.Querier, o *orgInfo, m Member, items []digestItem) error {
	token, err := LinkToken(ctx, q, m.UserID, o.ID)
	if err != nil {
		return err
	}
	l, zone := m.Lang, region.Zone(o.Zone)
	var b strings.Builder
	b.WriteString(i18n.T(l, "notify.mail.hello", m.Name) + "\n\n")
	b.WriteString(i18n.T(l, "notify.digest.intro", len(items), o.Name) + "\n\n")
	for _, it := range items {
		fmt.Fprintf(&b, "- %s · %s\n  %s\n  %s\n\n", i18n.DateTime(l, it.CreatedAt, zone),
			i18n.T(l, "notify.kind."+string(it.Kind)), it.Summary, n.Link(it.Path))
	}
	n.writeFooter(&b, l, o, m, token)
	return mail.Queue(ctx, q, mail.Message{To: m.Email, Subject: i18n.T(l, "notify.digest.subject", o.Name, len(items)),
		Text: b.String(), Headers: n.listHeaders(token)})
}

// RunDigests sends due digests every interval until ctx ends.
func (n *Notifier) RunDigests(ctx context.Context, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := n.SendDigests(ctx, db.Now()); err != nil && ctx.Err() == nil {
			log.Error("notify: digests", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
