package web

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/mail"
	"lokadaya/internal/region"
)

// onDonationCreated runs in the transaction that stores a new donation:
// the donor is subscribed to the campaign's news when they asked, and
// told by e-mail how to finish paying.
func (s *Server) onDonationCreated(ctx context.Context, q db.Querier, d *donation.Donation, in donation.Input) error {
	if err := subscribeDonor(ctx, q, d, in); err != nil {
		return err
	}
	return s.queueInstructions(ctx, q, d, in)
}

// queueInstructions e-mails a donor who left an address what to pay,
// where and by when, for money they send themselves (transfer, QRIS):
// the exact amount with its unique code, the account, the deadline and
// the donation's private page, where the proof goes. A donor who closed
// the page still knows how to finish. A gateway payment has the
// gateway's own page and messages.
func (s *Server) queueInstructions(ctx context.Context, q db.Querier, d *donation.Donation, in donation.Input) error {
	if d.Email == "" || (d.Method != donation.MethodTransfer && d.Method != donation.MethodQRIS) {
		return nil
	}
	var title, regionCode string
	err := q.QueryRow(ctx, `SELECT c.title, o.region_code FROM campaigns c JOIN organizations o ON o.id = c.org_id
		WHERE c.id = ?`, d.CampaignID).Scan(&title, &regionCode)
	if err != nil {
		return fmt.Errorf("web: instructions: %w", err)
	}
	l := i18n.Parse(in.Lang)
	name := d.DonorName
	if name == "" {
		name = i18n.T(l, "donation.wall.anonymous")
	}
	page := strings.TrimRight(s.cfg.BaseURL, "/") + donationURL(d)
	due := i18n.DateTime(l, d.ExpiresAt, region.Zone(regionCode))
	var text string
	if d.Method == donation.MethodQRIS {
		text = i18n.T(l, "donation.instructions.qris", name, title, i18n.Rupiah(d.Amount), due, page)
	} else {
		bank, number, holder, err := transferAccount(ctx, q, d)
		if err != nil {
			return err
		}
		text = i18n.T(l, "donation.instructions.transfer", name, title, i18n.Rupiah(d.Amount),
			i18n.Rupiah(d.UniqueCode), i18n.T(l, "payment.bank."+bank), number, holder, due, page)
	}
	return mail.Queue(ctx, q, mail.Message{To: d.Email, Subject: i18n.T(l, "donation.instructions.subject", title), Text: text})
}

// transferAccount is the account a transfer donation is to be paid into.
func transferAccount(ctx context.Context, q db.Querier, d *donation.Donation) (bank, number, holder string, err error) {
	if d.BankAccountID == nil {
		return "", "", "", errors.New("web: instructions: a transfer donation without an account")
	}
	err = q.QueryRow(ctx, `SELECT bank, account_number, account_name FROM org_bank_accounts WHERE id = ?`,
		*d.BankAccountID).Scan(&bank, &number, &holder)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", "", db.ErrNotFound
	}
	if err != nil {
		return "", "", "", fmt.Errorf("web: instructions: %w", err)
	}
	return bank, number, holder, nil
}
