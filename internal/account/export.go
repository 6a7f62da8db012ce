package account

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"lokadaya/internal/cadre"
	"lokadaya/internal/db"
	"lokadaya/internal/supporter"
)

// Export is everything Lokadaya holds about a person, for the right of
// access and portability (UU 27/2022). Secrets (password hash, session and
// token values) are left out.
type Export struct {
	ExportedAt  time.Time          `json:"exported_at"`
	Profile     ExportProfile      `json:"profile"`
	Memberships []ExportMembership `json:"memberships"`
	Sessions    []ExportSession    `json:"sessions"`
	Tokens      []ExportToken      `json:"tokens"`
	Audit       []ExportAudit      `json:"audit_entries"`
	Mail        []ExportMail       `json:"mail"`
	// Notifications are the person's e-mail notification choices.
	Notifications []ExportNotification `json:"notification_choices"`
	// Support is what the person gave or asked for on campaign pages
	// with the account's e-mail, signed in or not; only once the e-mail
	// is verified, so that nobody sees another person's records.
	Support *supporter.Records `json:"supporter_records"`
	// Cadres are the organisations' cadre records that carry the account's
	// verified e-mail, with their trainings and what they led.
	Cadres []ExportCadre `json:"cadre_records,omitempty"`
	// Proposals are the issues and proposals (usulan) the person made,
	// ProposalSupports those they supported.
	Proposals        []ExportProposal        `json:"proposals"`
	ProposalSupports []ExportProposalSupport `json:"proposal_supports"`
}

// ExportProfile is the account itself.
type ExportProfile struct {
	ID               int64      `json:"id"`
	Email            string     `json:"email"`
	Name             string     `json:"name"`
	Phone            string     `json:"phone"`
	Locale           string     `json:"locale"`
	IsAdmin          bool       `json:"is_admin"`
	EmailVerifiedAt  *time.Time `json:"email_verified_at"`
	PrivacyConsentAt *time.Time `json:"privacy_consent_at"`
	CreatedAt        time.Time  `json:"created_at"`
}

// ExportMembership is a role in an organisation.
type ExportMembership struct {
	OrgID   int64     `json:"org_id"`
	OrgSlug string    `json:"org_slug"`
	OrgName string    `json:"org_name"`
	Role    string    `json:"role"`
	Since   time.Time `json:"since"`
}

// ExportNotification is how the person chose to hear of one kind of
// event in one organisation.
type ExportNotification struct {
	OrgID     int64     `json:"org_id"`
	Kind      string    `json:"kind"`
	Mode      string    `json:"mode"`
	UpdatedAt time.Time `json:"updated_at"`
}

// ExportSession is a login, without its secret.
type ExportSession struct {
	CreatedAt  time.Time `json:"created_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
	ExpiresAt  time.Time `json:"expires_at"`
	UserAgent  string    `json:"user_agent"`
}

// ExportToken describes an e-mailed link, without its secret.
type ExportToken struct {
	Purpose   string     `json:"purpose"`
	CreatedAt time.Time  `json:"created_at"`
	ExpiresAt time.Time  `json:"expires_at"`
	UsedAt    *time.Time `json:"used_at"`
}

// ExportAudit is a privileged action the person took.
type ExportAudit struct {
	At         time.Time `json:"at"`
	Action     string    `json:"action"`
	TargetType string    `json:"target_type"`
	TargetID   string    `json:"target_id"`
	Detail     string    `json:"detail"`
}

// ExportMail is an e-mail sent (or queued) to the person; the body is left
// out because it may hold a live link.
type ExportMail struct {
	Subject  string    `json:"subject"`
	QueuedAt time.Time `json:"queued_at"`
}

// Export gathers the person's data.
func (s *Store) Export(ctx context.Context, id int64) (*Export, error) {
	u, err := s.ByID(ctx, id)
	if err != nil {
		return nil, err
	}
	e := &Export{ExportedAt: time.Now().UTC(), Profile: ExportProfile{ID: u.ID, Email: u.Email, Name: u.Name,
		Phone: u.Phone, Locale: u.Locale, IsAdmin: u.IsAdmin, EmailVerifiedAt: u.EmailVerifiedAt,
		PrivacyConsentAt: u.PrivacyConsentAt, CreatedAt: u.CreatedAt},
		Memberships: []ExportMembership{}, Sessions: []ExportSession{}, Tokens: []ExportToken{},
		Audit: []ExportAudit{}, Mail: []ExportMail{}, Notifications: []ExportNotification{},
		Proposals: []ExportProposal{}, ProposalSupports: []ExportProposalSupport{}}
	steps := []func(context.Context, *Export) error{s.exportMemberships, s.exportSessions, s.exportTokens,
		s.exportAudit, s.exportMail, s.exportNotifications, s.exportProposals}
	for _, step := range steps {
		if err := step(ctx, e); err != nil {
			return nil, fmt.Errorf("account: export: %w", err)
		}
	}
	if u.EmailVerifiedAt != nil {
		if e.Support, err = supporter.Find(ctx, s.DB, u.Email); err != nil {
			return nil, fmt.Errorf("account: export: %w", err)
		}
		if e.Cadres, err = cadreRecords(ctx, s.DB, u.Email); err != nil {
			return nil, fmt.Errorf("account: export: %w", err)
		}
	}
	return e, nil
}

// each runs q and calls scan for every row.
func (s *Store) each(ctx context.Context, q string, args []any, scan func(*sql.Rows) error) error {
	rows, err := s.DB.Query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (s *Store) exportMemberships(ctx context.Context, e *Export) error {
	return s.each(ctx, `SELECT o.id, o.slug, o.name, m.role, m.created_at FROM memberships m
		JOIN organizations o ON o.id = m.org_id WHERE m.user_id = ? ORDER BY o.name`, []any{e.Profile.ID},
		func(r *sql.Rows) error {
			var m ExportMembership
			if err := r.Scan(&m.OrgID, &m.OrgSlug, &m.OrgName, &m.Role, &m.Since); err != nil {
				return err
			}
			m.Since = m.Since.UTC()
			e.Memberships = append(e.Memberships, m)
			return nil
		})
}

func (s *Store) exportSessions(ctx context.Context, e *Export) error {
	return s.each(ctx, `SELECT created_at, last_seen_at, expires_at, user_agent FROM sessions
		WHERE user_id = ? ORDER BY created_at`, []any{e.Profile.ID}, func(r *sql.Rows) error {
		var x ExportSession
		if err := r.Scan(&x.CreatedAt, &x.LastSeenAt, &x.ExpiresAt, &x.UserAgent); err != nil {
			return err
		}
		x.CreatedAt, x.LastSeenAt, x.ExpiresAt = x.CreatedAt.UTC(), x.LastSeenAt.UTC(), x.ExpiresAt.UTC()
		e.Sessions = append(e.Sessions, x)
		return nil
	})
}

func (s *Store) exportTokens(ctx context.Context, e *Export) error {
	return s.each(ctx, `SELECT purpose, created_at, expires_at, used_at FROM user_tokens
		WHERE user_id = ? ORDER BY created_at`, []any{e.Profile.ID}, func(r *sql.Rows) error {
		var x ExportToken
		var used sql.NullTime
		if err := r.Scan(&x.Purpose, &x.CreatedAt, &x.ExpiresAt, &used); err != nil {
			return err
		}
		x.CreatedAt, x.ExpiresAt = x.CreatedAt.UTC(), x.ExpiresAt.UTC()
		if used.Valid {
			t := used.Time.UTC()
			x.UsedAt = &t
		}
		e.Tokens = append(e.Tokens, x)
		return nil
	})
}

func (s *Store) exportAudit(ctx context.Context, e *Export) error {
	return s.each(ctx, `SELECT at, action, target_type, target_id, detail FROM audit_log
		WHERE actor_id = ? ORDER BY id`, []any{e.Profile.ID}, func(r *sql.Rows) error {
		var x ExportAudit
		if err := r.Scan(&x.At, &x.Action, &x.TargetType, &x.TargetID, &x.Detail); err != nil {
			return err
		}
		x.At = x.At.UTC()
		e.Audit = append(e.Audit, x)
		return nil
	})
}

// exportMail finds queued mail to the person. The LIKE narrows the scan;
// decoding the payload makes the match exact.
func (s *Store) exportMail(ctx context.Context, e *Export) error {
	return s.each(ctx, `SELECT payload, created_at FROM jobs WHERE kind = 'mail' AND payload LIKE ? ORDER BY id`,
		[]any{"%" + e.Profile.Email + "%"}, func(r *sql.Rows) error {
			var payload string
			var at time.Time
			if err := r.Scan(&payload, &at); err != nil {
				return err
			}
			var m struct{ To, Subject string }
			if json.Unmarshal([]byte(payload), &m) != nil || NormalizeEmail(m.To) != e.Profile.Email {
				return nil
			}
			e.Mail = append(e.Mail, ExportMail{Subject: m.Subject, QueuedAt: at.UTC()})
			return nil
		})
}

func (s *Store) exportNotifications(ctx context.Context, e *Export) error {
	return s.each(ctx, `SELECT org_id, kind, mode, updated_at FROM notify_prefs WHERE user_id = ? ORDER BY org_id, kind`,
		[]any{e.Profile.ID}, func(r *sql.Rows) error {
			var n ExportNotification
			if err := r.Scan(&n.OrgID, &n.Kind, &n.Mode, &n.UpdatedAt); err != nil {
				return err
			}
			n.UpdatedAt = n.UpdatedAt.UTC()
			e.Notifications = append(e.Notifications, n)
			return nil
		})
}

// ExportCadre is a cadre record of an organisation's register.
type ExportCadre struct {
	Organization string `json:"organization"`
	cadre.Cadre
}

// cadreRecords are the cadre records with the e-mail, with their
// trainings and activities and the organisation that keeps them.
func cadreRecords(ctx context.Context, d *db.DB, email string) ([]ExportCadre, error) {
	found, err := cadre.FindByEmail(ctx, d, email)
	if err != nil || len(found) == 0 {
		return nil, err
	}
	store := &cadre.Store{DB: d}
	out := make([]ExportCadre, 0, len(found))
	for _, c := range found {
		full, err := store.Get(ctx, c.OrgID, c.ID)
		if err != nil {
			return nil, err
		}
		x := ExportCadre{Cadre: *full}
		if err := d.QueryRow(ctx, `SELECT slug FROM organizations WHERE id = ?`, c.OrgID).Scan(&x.Organization); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, nil
}
