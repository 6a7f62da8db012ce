package web

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/mail"
	"lokadaya/internal/org"
	"lokadaya/internal/ratelimit"
)

// donationStore is the donation store; a confirmation queues the
// donor's receipt in the same transaction, and a new donation subscribes
// the donor to the campaign's news when they asked and e-mails them how
// to pay.
func (s *Server) donationStore() *donation.Store {
	return &donation.Store{DB: s.db, OnConfirm: s.queueReceipt, OnCreate: s.onDonationCreated, OnProof: s.proofUploaded,
		Observer: s.metrics}
}

// giveLimit bounds donation forms per client address: enough for a
// family sharing one connection, too few to exhaust an account's codes.
func (s *Server) giveLimit() *ratelimit.Limiter {
	return &ratelimit.Limiter{DB: s.db, Max: 20, Window: time.Hour}
}

// giveForm is the donation form on a campaign page, or why there is none.
type giveForm struct {
	Closed  string // an i18n key saying why money cannot be given now; "" when open
	Action  string
	Token   string // one-time token of this render
	Presets []int64
	Minimum int64
	Methods []string // ways to pay offered, transfer first
}

// Choice reports whether the donor chooses among several ways to pay.
func (g *giveForm) Choice() bool { return len(g.Methods) > 1 }

// SubmitKey is the catalog key of the submit button: it names where the
// donor goes next, so a form that only pays online never promises
// transfer instructions.
func (g *giveForm) SubmitKey() string {
	if g.Choice() || len(g.Methods) == 0 {
		return "donation.give.submit_choice"
	}
	return "donation.give.submit_" + g.Methods[0]
}

// newFormToken is a fresh one-time form token.
func newFormToken() string {
	b := make([]byte, 18)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

// newGiveForm is the form for c, with a fresh token unless one is given
// (a re-render after a mistake keeps the token, which is still unused).
func (s *Server) newGiveForm(ctx context.Context, c *campaign.Campaign, o *org.Organization, token string) (*giveForm, error) {
	_, methods, closed, err := s.giveMethods(ctx, c, o)
	if err != nil {
		return nil, err
	}
	if token == "" {
		token = newFormToken()
	}
	minimum, _ := s.donationStore().Limits()
	return &giveForm{Closed: closed, Action: campaignPublicURL(c) + "/donasi", Token: token,
		Presets: donation.Presets, Minimum: minimum, Methods: methods}, nil
}

// donationURL is a donation's instructions page.
func donationURL(d *donation.Donation) string { return "/donasi/" + d.FormToken }

// queueReceipt queues the donor's receipt when they left an e-mail. The
// donor's language is unknown, so the receipt is in both.
func (s *Server) queueReceipt(ctx context.Context, q db.Querier, d *donation.Donation) error {
	if d.Email == "" {
		return nil
	}
	var title, slug string
	err := q.QueryRow(ctx, `SELECT title, slug FROM campaigns WHERE id = ?`, d.CampaignID).Scan(&title, &slug)
	if errors.Is(err, sql.ErrNoRows) {
		return db.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("web: receipt: %w", err)
	}
	link := strings.TrimRight(s.cfg.BaseURL, "/") + "/galang-daya/" + slug
	var b strings.Builder
	for _, l := range []i18n.Lang{i18n.ID, i18n.EN} {
		name := d.DonorName
		if name == "" {
			name = i18n.T(l, "donation.wall.anonymous")
		}
		b.WriteString(i18n.T(l, "donation.receipt.body", name, i18n.Rupiah(d.Amount), title, d.ID,
			i18n.DateTime(l, *d.ConfirmedAt, nil), link))
		b.WriteString("\n" + i18n.T(l, "kuitansi.mail", strings.TrimRight(s.cfg.BaseURL, "/")+donationReceiptPath(d)))
		b.WriteString("\n\n")
	}
	return mail.Queue(ctx, q, mail.Message{To: d.Email, Subject: i18n.T(i18n.ID, "donation.receipt.subject", title),
		Text: b.String()})
}

// wallSize is how many donations the supporters' wall shows.
const wallSize = 50

// giveSection is the donation form and supporters' wall of a campaign
// page.
func (s *Server) giveSection(ctx context.Context, c *campaign.Campaign, o *org.Organization) (*giveForm, []*donation.Donation, error) {
	g, err := s.newGiveForm(ctx, c, o, "")
	if err != nil {
		return nil, nil, err
	}
	wall, err := s.donationStore().Wall(ctx, c.ID, wallSize)
	return g, wall, err
}
