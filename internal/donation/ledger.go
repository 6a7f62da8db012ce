package donation

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"lokadaya/internal/db"
	"lokadaya/internal/ledger"
)

// Every confirmed donation is one entry of its organisation's ledger,
// appended in the transaction that confirms it: the confirmation and its
// entry land together or not at all, so a campaign's confirmed money (the
// sum of its confirmed donations' Amount, what MoneyProgress shows) always
// equals its donation entries net of their reversals. The entry books
// Amount — what the donor actually paid, the unique code included — in
// category program, or zakat_infak when the campaign collects zakat and
// infak; its counterparty is the donor's public name (empty when
// anonymous); its time is the confirmation time. A confirmed donation that
// stops counting (a gateway refund) has its entry reversed in the same
// transaction.

// SourceDonation is a donation's source type in the ledger.
const SourceDonation = "donation"

// methodText names a payment method in an entry's description.
var methodText = map[string]string{
	MethodTransfer: "transfer bank",
	MethodQRIS:     "QRIS",
	MethodGateway:  "gerbang pembayaran",
}

// LedgerEntry is the entry that books the confirmed donation d.
func LedgerEntry(ctx context.Context, tx *db.Tx, d *Donation) (ledger.Entry, error) {
	cat, err := ledger.CampaignCategory(ctx, tx, d.CampaignID)
	if err != nil {
		return ledger.Entry{}, err
	}
	how := methodText[d.Method]
	if how == "" {
		how = d.Method
	}
	e := ledger.Entry{OrgID: d.OrgID, Kind: ledger.KindDonation, Amount: d.Amount, Category: cat,
		CampaignID:   d.CampaignID,
		Description:  "Donasi #" + strconv.FormatInt(d.ID, 10) + " lewat " + how,
		Counterparty: d.PublicName(), SourceType: SourceDonation, SourceID: d.ID}
	if d.ConfirmedAt != nil {
		e.RecordedAt = *d.ConfirmedAt
	}
	if d.ConfirmedBy != nil {
		e.RecordedBy = *d.ConfirmedBy
	}
	return e, nil
}

// book appends the entry of d, just confirmed in tx.
func book(ctx context.Context, tx *db.Tx, d *Donation) error {
	e, err := LedgerEntry(ctx, tx, d)
	if err != nil {
		return fmt.Errorf("donation: book #%d: %w", d.ID, err)
	}
	if _, err := ledger.Append(ctx, tx, e); err != nil {
		return fmt.Errorf("donation: book #%d: %w", d.ID, err)
	}
	return nil
}

// unbook reverses the entry of donation d, which stopped counting in tx,
// with the reason. A donation never booked (it was not confirmed) or
// already reversed leaves the ledger as it is.
func unbook(ctx context.Context, tx *db.Tx, d *Donation, reason string, actor int64) error {
	e, err := ledger.BySource(ctx, tx, SourceDonation, d.ID, ledger.KindDonation)
	if errors.Is(err, db.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if by, err := ledger.ReversedBy(ctx, tx, e.OrgID, e.Seq); err != nil || by != 0 {
		return err
	}
	if _, err := ledger.Reverse(ctx, tx, e.OrgID, e.Seq, "Donasi #"+strconv.FormatInt(d.ID, 10)+": "+reason, actor); err != nil {
		return fmt.Errorf("donation: reverse #%d: %w", d.ID, err)
	}
	return nil
}

// Backfill books every confirmed donation that has no entry yet, oldest
// confirmation first, each at its confirmation time, and returns how many
// it booked. It runs once as a migration, for donations confirmed before
// confirmations were booked; running it again books nothing.
func Backfill(ctx context.Context, tx *db.Tx) (int, error) {
	// Only the columns the entry needs, so that later changes to the
	// donations table do not break this step.
	rows, err := tx.Query(ctx, `SELECT d.id, d.campaign_id, d.org_id, d.method, d.amount, d.donor_name, d.anonymous,
		d.confirmed_at, d.confirmed_by FROM donations d
		WHERE d.status = 'confirmed' AND NOT EXISTS (SELECT 1 FROM ledger_entries e
			WHERE e.source_type = 'donation' AND e.source_id = d.id AND e.kind = 'donation')
		ORDER BY d.confirmed_at, d.id`)
	if err != nil {
		return 0, fmt.Errorf("donation: backfill: %w", err)
	}
	var todo []*Donation
	for rows.Next() {
		d := &Donation{Status: StatusConfirmed}
		var at sql.NullTime
		if err := rows.Scan(&d.ID, &d.CampaignID, &d.OrgID, &d.Method, &d.Amount, &d.DonorName, &d.Anonymous,
			&at, &d.ConfirmedBy); err != nil {
			rows.Close()
			return 0, fmt.Errorf("donation: backfill: %w", err)
		}
		if at.Valid {
			t := at.Time.UTC()
			d.ConfirmedAt = &t
		}
		todo = append(todo, d)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return 0, fmt.Errorf("donation: backfill: %w", err)
	}
	rows.Close()
	n := 0
	for _, d := range todo {
		err := book(ctx, tx, d)
		if errors.Is(err, ledger.ErrDuplicate) {
			continue
		}
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
