package notify

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/mail"
	"lokadaya/internal/org"
)

// Notifier sends notifications. BaseURL roots the links in its e-mails.
type Notifier struct {
	DB      *db.DB
	BaseURL string
}

// Event is something that happened in an organisation and needs members.
type Event struct {
	Kind  Kind
	OrgID int64
	// Path is the page that needs the member, e.g. /organisasi/x/donasi.
	Path string
	// Summary is the event in one line, in the given language.
	Summary func(l i18n.Lang) string
	// Detail, optional, is more text for the e-mail sent at once (a
	// decision's reason, an offer's words).
	Detail func(l i18n.Lang) string
}

// Member is a member told of an event.
type Member struct {
	UserID      int64
	Email, Name string
	Lang        i18n.Lang
	Role        org.Role
	Mode        Mode
}

// orgInfo is what the e-mails say about the organisation.
type orgInfo struct {
	ID               int64
	Name, Slug, Zone string
}

// Notify tells the members who handle ev, each as they chose: it queues
// an e-mail, adds the event to their next digest, or does nothing. Pass
// the transaction of the change as q, so that nothing is sent for a
// change that does not commit.
func (n *Notifier) Notify(ctx context.Context, q db.Querier, ev Event) error {
	if _, ok := rules[ev.Kind]; !ok {
		return fmt.Errorf("notify: unknown kind %q", ev.Kind)
	}
	o, err := loadOrg(ctx, q, ev.OrgID)
	if err != nil {
		return err
	}
	members, err := Recipients(ctx, q, ev.OrgID, ev.Kind)
	if err != nil {
		return err
	}
	for _, m := range members {
		switch m.Mode {
		case ModeNow:
			err = n.queueNow(ctx, q, o, m, ev)
		case ModeDigest:
			err = addDigestItem(ctx, q, m, ev)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Recipients are the organisation's members who handle kind, with how
// each wants to hear of it (ModeOff included).
func Recipients(ctx context.Context, q db.Querier, orgID int64, kind Kind) ([]Member, error) {
	roles := roleList(kind)
	in := db.Marks(len(roles))
	args := append([]any{string(kind), orgID}, roles...)
	rows, err := q.Query(ctx, `SELECT u.id, u.email, u.name, u.locale, m.role, COALESCE(p.mode, '')
		FROM memberships m JOIN users u ON u.id = m.user_id
		LEFT JOIN notify_prefs p ON p.user_id = m.user_id AND p.org_id = m.org_id AND p.kind = ?
		WHERE m.org_id = ? AND m.role IN (`+in+`) ORDER BY u.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("notify: recipients: %w", err)
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		var m Member
		var locale, mode string
		if err := rows.Scan(&m.UserID, &m.Email, &m.Name, &locale, &m.Role, &mode); err != nil {
			return nil, fmt.Errorf("notify: recipients: %w", err)
		}
		m.Lang, m.Mode = i18n.Parse(locale), Mode(mode)
		if !m.Mode.Valid() {
			m.Mode = Default(kind)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func loadOrg(ctx context.Context, q db.Querier, id int64) (*orgInfo, error) {
	o := &orgInfo{ID: id}
	err := q.QueryRow(ctx, `SELECT name, slug, region_code FROM organizations WHERE id = ?`, id).Scan(&o.Name, &o.Slug, &o.Zone)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("notify: organisation: %w", err)
	}
	return o, nil
}

// queueNow queues the e-mail of one event to one member.
func (n *Notifier) queueNow(ctx context.Context, q db.Querier, o *orgInfo, m Member, ev Event) error {
	token, err := LinkToken(ctx, q, m.UserID, o.ID)
	if err != nil {
		return err
	}
	l := m.Lang
	var b strings.Builder
	b.WriteString(i18n.T(l, "notify.mail.hello", m.Name) + "\n\n")
	b.WriteString(ev.Summary(l) + "\n\n")
	if ev.Detail != nil {
		if d := strings.TrimSpace(ev.Detail(l)); d != "" {
			b.WriteString(d + "\n\n")
		}
	}
	b.WriteString(i18n.T(l, "notify.mail.open", n.Link(ev.Path)) + "\n")
	n.writeFooter(&b, l, o, m, token)
	return mail.Queue(ctx, q, mail.Message{To: m.Email,
		Subject: i18n.T(l, "notify.mail.subject."+string(ev.Kind), o.Name),
		Text:    b.String(), Headers: n.listHeaders(token)})
}

// writeFooter says why the member gets the e-mail and how to change it.
func (n *Notifier) writeFooter(b *strings.Builder, l i18n.Lang, o *orgInfo, m Member, token string) {
	b.WriteString("\n-- \n")
	b.WriteString(i18n.T(l, "notify.mail.why", i18n.T(l, "org.role."+string(m.Role)), o.Name) + "\n")
	b.WriteString(i18n.T(l, "notify.mail.change", n.Link(PrefsPath(token))) + "\n")
}

// listHeaders point mail programs at the preferences page.
func (n *Notifier) listHeaders(token string) map[string]string {
	return map[string]string{"List-Unsubscribe": "<" + n.Link(PrefsPath(token)) + ">"}
}

// PrefsPath is the one-click page of a member's preferences.
func PrefsPath(token string) string { return "/notifikasi/" + token }

// Link is path on the configured public address.
func (n *Notifier) Link(path string) string { return strings.TrimRight(n.BaseURL, "/") + path }
