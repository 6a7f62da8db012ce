package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/gateway"
	"lokadaya/internal/mail"
)

// The storage path alone: the same donors make the same donations by
// calling the donation store as the site's handlers do (created, given
// its payment page, confirmed by the gateway's settlement with its
// receipt queued) with no HTTP at all. Beside plain inserts it is what a
// donation's writes alone cost: totals, the ledger's chained entry, the
// audit line, the receipt and the notification's log all included.

// storagePath makes opts.Donations such donations to campaigns, donor i
// to campaign i modulo their number, and returns how many it made per
// second; the confirmed total must grow by exactly what was given.
func storagePath(ctx context.Context, d *db.DB, opts options, campaigns []benchCampaign) (float64, error) {
	targets := make([]donation.Target, len(campaigns))
	for i, c := range campaigns {
		t := &targets[i]
		if err := d.QueryRow(ctx, `SELECT c.org_id, n.id FROM campaigns c JOIN campaign_needs n ON n.campaign_id = c.id
			WHERE c.id = ? ORDER BY n.id LIMIT 1`, c.ID).Scan(&t.OrgID, &t.NeedID); err != nil {
			return 0, fmt.Errorf("storage path: campaign: %w", err)
		}
		t.CampaignID, t.Method = c.ID, donation.MethodGateway
	}
	store := &donation.Store{DB: d, OnConfirm: queueReceipt}
	base, err := confirmedMoney(ctx, d, campaigns)
	if err != nil {
		return 0, err
	}
	given, elapsed, err := give(opts, func(i int, amount int64) error {
		return storeDonation(ctx, store, targets[i%len(targets)], i, amount)
	})
	if err != nil {
		return 0, err
	}
	total, err := confirmedMoney(ctx, d, campaigns)
	if err != nil {
		return 0, err
	}
	if total-base != given {
		return 0, fmt.Errorf("storage path: confirmed Rp%d, but Rp%d was given", total-base, given)
	}
	return float64(opts.Donations) / elapsed.Seconds(), nil
}

// storeDonation is donor i's donation through the store alone.
func storeDonation(ctx context.Context, store *donation.Store, t donation.Target, i int, amount int64) error {
	in := donation.Input{Amount: amount, Name: "Donatur Simpan " + strconv.Itoa(i),
		Email: fmt.Sprintf("simpan%d@example.org", i), Token: fmt.Sprintf("bench-store-%012d", i), Lang: "id"}
	d, _, err := store.Create(ctx, t, in)
	if err != nil {
		return fmt.Errorf("storage path %d: create: %w", i, err)
	}
	order := strconv.FormatInt(d.ID, 10)
	if _, err := store.PaymentStarted(ctx, d.ID, "token-"+order, "https://gateway.example/bayar/"+order); err != nil {
		return fmt.Errorf("storage path %d: payment page: %w", i, err)
	}
	n := &gateway.Notification{OrderID: order, StatusCode: "200", GrossAmount: amount,
		GrossAmountRaw: strconv.FormatInt(amount, 10) + ".00", TransactionStatus: "settlement", PaymentType: "qris",
		TransactionID: "trx-" + order, TransactionTime: time.Now().UTC(), State: gateway.StatePaid}
	outcome, _, err := store.ApplyNotification(ctx, donation.ProviderSandbox, n)
	if err != nil {
		return fmt.Errorf("storage path %d: notification: %w", i, err)
	}
	if outcome != donation.OutcomeApplied {
		return fmt.Errorf("storage path %d: notification %s", i, outcome)
	}
	return nil
}

// queueReceipt queues the donor's receipt in the confirming transaction,
// as the site does: the campaign's title read, one mail job written.
func queueReceipt(ctx context.Context, q db.Querier, d *donation.Donation) error {
	var title string
	err := q.QueryRow(ctx, `SELECT title FROM campaigns WHERE id = ?`, d.CampaignID).Scan(&title)
	if errors.Is(err, sql.ErrNoRows) {
		return db.ErrNotFound
	}
	if err != nil {
		return err
	}
	return mail.Queue(ctx, q, mail.Message{To: d.Email, Subject: "Terima kasih: " + title,
		Text: fmt.Sprintf("Donasi #%d sebesar Rp%d untuk %s telah kami terima.", d.ID, d.Amount, title)})
}
