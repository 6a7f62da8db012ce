package donation

import (
	"context"
	"errors"
	"fmt"

	"lokadaya/internal/db"
)

// createQRIS stores a pending QRIS donation. The dynamic code carries the
// exact amount, so no unique code is added and no donation_codes row is
// claimed; confirming, rejecting and expiring work as for a transfer
// (freeing a code that does not exist deletes nothing).
func (s *Store) createQRIS(ctx context.Context, t Target, in Input) (*Donation, bool, error) {
	now := s.now()
	d := &Donation{CampaignID: t.CampaignID, OrgID: t.OrgID, Method: MethodQRIS, BaseAmount: in.Amount,
		Amount: in.Amount, DonorName: in.Name, Anonymous: in.Anonymous, Message: in.Message, Email: in.Email,
		Phone: in.Phone, Status: StatusPending, FormToken: in.Token, CreatedAt: now, ExpiresAt: now.Add(s.ttl())}
	if t.NeedID != 0 {
		d.NeedID = &t.NeedID
	}
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := tx.QueryRow(ctx, `INSERT INTO donations (campaign_id, need_id, org_id, method, bank_account_id,
			base_amount, unique_code, amount, donor_name, anonymous, message, contact_email, contact_phone, status,
			form_token, created_at, expires_at) VALUES (?, ?, ?, ?, NULL, ?, 0, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?) RETURNING id`,
			d.CampaignID, d.NeedID, d.OrgID, d.Method, d.BaseAmount, d.Amount, d.DonorName, d.Anonymous, d.Message,
			d.Email, d.Phone, d.FormToken, d.CreatedAt, d.ExpiresAt).Scan(&d.ID); err != nil {
			return err
		}
		return s.created(ctx, tx, d, in)
	})
	if db.IsUniqueViolation(err) {
		// The same form submitted twice at once: the other insert won.
		if d, err := s.ByToken(ctx, in.Token); err == nil {
			return d, false, nil
		} else if !errors.Is(err, db.ErrNotFound) {
			return nil, false, err
		}
	}
	if err != nil {
		return nil, false, fmt.Errorf("donation: create qris: %w", err)
	}
	return d, true, nil
}
