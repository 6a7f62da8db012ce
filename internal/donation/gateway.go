package donation

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/gateway"
)

// A donation by payment gateway is stored first, with a payment in state
// PaymentNew; its id then becomes the order id of the transaction created
// at the gateway, whose payment page is stored with it (PaymentStarted).
// When the gateway cannot be reached the donation is rejected at once
// (PaymentFailed), so it never counts, not even as pending money; a retry
// of the same form or Idempotency-Key tries the same order id again.
//
// Notifications from the gateway then move the payment through the states
// of package gateway, only as gateway.MayMove allows, each move with its
// donation in one transaction (ApplyNotification).

// ProviderSandbox names the configured gateway in stored payments and in
// the notification address /api/v1/payments/sandbox/notify.
const ProviderSandbox = "sandbox"

// PaymentNew is the state of a payment before the gateway knows it.
const PaymentNew = "new"

// Reasons stored in reject_reason when the gateway, not a treasurer,
// decided. The donation page shows a translated text by payment state.
const (
	ReasonGatewayDown     = "Gerbang pembayaran tidak dapat dihubungi."
	ReasonGatewayFailed   = "Pembayaran ditolak atau dibatalkan di gerbang pembayaran."
	ReasonGatewayRefunded = "Dana dikembalikan kepada donatur melalui gerbang pembayaran."
)

// ReasonKey is the message key of a reason the platform stored itself, so
// pages show it in the reader's language; "" for a treasurer's own words.
func ReasonKey(stored string) string {
	return map[string]string{
		ReasonGatewayDown:     "donation.reason.gateway_down",
		ReasonGatewayFailed:   "donation.reason.gateway_failed",
		ReasonGatewayRefunded: "donation.reason.gateway_refunded",
	}[stored]
}

// Outcomes of a notification, as stored in payment_notifications.
const (
	OutcomeApplied = "applied" // the payment moved
	OutcomeIgnored = "ignored" // a repeat or a late, out-of-order message
	OutcomeRefused = "refused" // the amount does not match the donation
)

// ErrAmountMismatch is a notification whose gross amount is not the
// donation's amount; nothing changes.
var ErrAmountMismatch = errors.New("donation: notification amount does not match")

// GatewayActor is who the audit log names for changes the gateway made.
var GatewayActor = Actor{Name: "gateway:" + ProviderSandbox}

// Payment is a gateway donation's payment.
type Payment struct {
	DonationID    int64
	Provider      string
	State         string // PaymentNew or a gateway.State
	Token         string
	URL           string // the payment page; "" until the gateway answered
	TransactionID string
	PaymentType   string
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Started reports whether the payer has a payment page.
func (p *Payment) Started() bool { return p.URL != "" }

// Payable reports whether the payer should still go to the payment page.
func (p *Payment) Payable() bool {
	return p.URL != "" && (p.State == string(gateway.StatePending) || p.State == PaymentNew)
}

// gatewayState is the state MayMove reasons about: a payment the gateway
// does not know yet is pending for it.
func (p *Payment) gatewayState() gateway.State {
	if p.State == PaymentNew {
		return gateway.StatePending
	}
	return gateway.State(p.State)
}

// createGateway stores a pending gateway donation (no unique code: the
// gateway tells payments apart by order id) and its new payment.
func (s *Store) createGateway(ctx context.Context, t Target, in Input) (*Donation, bool, error) {
	now := s.now()
	d := &Donation{CampaignID: t.CampaignID, OrgID: t.OrgID, Method: MethodGateway, BaseAmount: in.Amount,
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
		if _, err := tx.Exec(ctx, `INSERT INTO donation_payments (donation_id, provider, state, created_at, updated_at)
			VALUES (?, ?, 'new', ?, ?)`, d.ID, ProviderSandbox, now, now); err != nil {
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
		return nil, false, fmt.Errorf("donation: create gateway: %w", err)
	}
	return d, true, nil
}

const paymentColumns = `donation_id, provider, state, token, payment_url, transaction_id, payment_type, created_at, updated_at`

func scanPayment(sc interface{ Scan(...any) error }) (*Payment, error) {
	p := &Payment{}
	err := sc.Scan(&p.DonationID, &p.Provider, &p.State, &p.Token, &p.URL, &p.TransactionID, &p.PaymentType,
		&p.CreatedAt, &p.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("donation: payment: %w", err)
	}
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	return p, nil
}

// Payment returns a gateway donation's payment; db.ErrNotFound for any
// other donation.
func (s *Store) Payment(ctx context.Context, donationID int64) (*Payment, error) {
	return scanPayment(s.DB.QueryRow(ctx, `SELECT `+paymentColumns+` FROM donation_payments WHERE donation_id = ?`, donationID))
}

// Transaction is what to ask the gateway for d: order id d.ID, exactly
// d.Amount, the donor as payer unless they gave no name.
func Transaction(d *Donation) gateway.Transaction {
	t := gateway.Transaction{OrderID: strconv.FormatInt(d.ID, 10), GrossAmount: d.Amount,
		Customer: gateway.Customer{Email: d.Email, Phone: d.Phone}}
	if !d.Anonymous {
		t.Customer.Name = d.DonorName
	}
	return t
}

// PaymentStarted stores the payment page the gateway created for the
// donation and returns the payment. A donation rejected because an
// earlier attempt could not reach the gateway is pending again.
func (s *Store) PaymentStarted(ctx context.Context, donationID int64, token, url string) (*Payment, error) {
	var p *Payment
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		// Only while the payment is still new: the statement checks that
		// itself, so nothing is read first and a fresh donation (pending)
		// changes nothing here.
		if _, err := tx.Exec(ctx, `UPDATE donations SET status = 'pending', reject_reason = ''
			WHERE id = ? AND status = 'rejected' AND reject_reason = ?
			AND EXISTS (SELECT 1 FROM donation_payments WHERE donation_id = ? AND state = 'new')`,
			donationID, ReasonGatewayDown, donationID); err != nil {
			return fmt.Errorf("donation: payment started: %w", err)
		}
		var err error
		p, err = scanPayment(tx.QueryRow(ctx, `UPDATE donation_payments SET token = ?, payment_url = ?,
			state = CASE WHEN state = 'new' THEN 'pending' ELSE state END, updated_at = ? WHERE donation_id = ?
			RETURNING `+paymentColumns, token, url, s.now(), donationID))
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// PaymentFailed records that the gateway could not create the donation's
// transaction: the pending donation is rejected, so it never counts.
// With final false the payment stays new and a retry may still start it;
// final marks it cancelled (the gateway took the order id but its answer
// was lost, so no payment page can ever be shown).
func (s *Store) PaymentFailed(ctx context.Context, donationID int64, final bool) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		// Only a payment still without a page: one that another request
		// started meanwhile keeps its donation pending.
		if _, err := tx.Exec(ctx, `UPDATE donations SET status = 'rejected', reject_reason = ?
			WHERE id = ? AND status = 'pending' AND EXISTS (SELECT 1 FROM donation_payments
				WHERE donation_id = ? AND state = 'new' AND payment_url = '')`,
			ReasonGatewayDown, donationID, donationID); err != nil {
			return fmt.Errorf("donation: payment failed: %w", err)
		}
		if !final {
			return nil
		}
		_, err := tx.Exec(ctx, `UPDATE donation_payments SET state = 'cancelled', updated_at = ?
			WHERE donation_id = ? AND state = 'new'`, s.now(), donationID)
		if err != nil {
			return fmt.Errorf("donation: payment failed: %w", err)
		}
		return nil
	})
}

// ClaimStalledStart takes over the start of a pending donation's payment
// that has had no page for longer than after: the request that was
// starting it died (the process was killed between storing the donation
// and storing the gateway's answer), as a live one gives up on the
// gateway well before. The claim moves updated_at to now, so that of
// concurrent retries exactly one gets true and calls the gateway.
func (s *Store) ClaimStalledStart(ctx context.Context, donationID int64, after time.Duration) (bool, error) {
	now := s.now()
	res, err := s.DB.Exec(ctx, `UPDATE donation_payments SET updated_at = ?
		WHERE donation_id = ? AND state = 'new' AND payment_url = '' AND updated_at < ?
		AND EXISTS (SELECT 1 FROM donations WHERE id = ? AND status = 'pending')`,
		now, donationID, now.Add(-after), donationID)
	if err != nil {
		return false, fmt.Errorf("donation: claim stalled start: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("donation: claim stalled start: %w", err)
	}
	return n == 1, nil
}

// errMoved is a payment moved by a concurrent notification between our
// read and our update; the notification is applied again from the new
// state.
var errMoved = errors.New("donation: payment moved meanwhile")

// ApplyNotification applies a verified notification to the donation
// whose id is its order id: when gateway.MayMove allows the move from the
// stored state, the payment and the donation change in one transaction
// (paid confirms and counts the money once, books it in the ledger,
// queues the receipt through OnConfirm and writes the audit log; failed
// and cancelled reject; expired expires; refunded takes confirmed money
// back out and reverses its ledger entry). A repeat or
// a late message changes nothing and is OutcomeIgnored. An unknown order
// id, or one that is not a gateway donation, is db.ErrNotFound; a gross
// amount other than the donation's is ErrAmountMismatch.
func (s *Store) ApplyNotification(ctx context.Context, provider string, n *gateway.Notification) (string, *Donation, error) {
	id, err := strconv.ParseInt(n.OrderID, 10, 64)
	if err != nil || id <= 0 || strconv.FormatInt(id, 10) != n.OrderID {
		return "", nil, db.ErrNotFound
	}
	for range 10 {
		outcome, d, err := s.applyOnce(ctx, provider, id, n)
		// A deadlock PostgreSQL broke by rolling this one back (another
		// transaction took the same rows in another order) is tried
		// again at once rather than left to the gateway's next retry.
		if errors.Is(err, errMoved) || db.IsDeadlock(err) {
			continue
		}
		if errors.Is(err, ErrAmountMismatch) {
			if rerr := s.recordNotification(ctx, s.DB, provider, id, n, OutcomeRefused); rerr != nil {
				return "", nil, rerr
			}
		}
		return outcome, d, err
	}
	return "", nil, fmt.Errorf("donation: notification for %d: %w", id, errMoved)
}

func (s *Store) applyOnce(ctx context.Context, provider string, id int64, n *gateway.Notification) (string, *Donation, error) {
	var outcome string
	var d *Donation
	var wasConfirmed bool
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		// The donation and its payment's state in one read.
		var state sql.NullString
		var err error
		d, err = scan(scanAlso{tx.QueryRow(ctx, `SELECT `+columns+`, (SELECT state FROM donation_payments
			WHERE donation_id = donations.id AND provider = ?) FROM donations WHERE id = ?`, provider, id), []any{&state}})
		if errors.Is(err, sql.ErrNoRows) {
			return db.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("donation: notification: %w", err)
		}
		if !state.Valid || d.Method != MethodGateway {
			return db.ErrNotFound
		}
		wasConfirmed = d.Status == StatusConfirmed
		p := &Payment{DonationID: id, Provider: provider, State: state.String}
		if n.GrossAmount != d.Amount {
			return ErrAmountMismatch
		}
		outcome = OutcomeIgnored
		// A payment the gateway did not know yet may also take its
		// first pending.
		if gateway.MayMove(p.gatewayState(), n.State) || (p.State == PaymentNew && n.State == gateway.StatePending) {
			outcome = OutcomeApplied
			if err := s.move(ctx, tx, d, p, n); err != nil {
				return err
			}
		}
		return s.recordNotification(ctx, tx, provider, id, n, outcome)
	})
	if err != nil {
		return "", nil, err
	}
	if !wasConfirmed && d.Status == StatusConfirmed {
		s.ObserveConfirmed(d)
	}
	return outcome, d, nil
}

// scanAlso scans a row into a scan function's destinations and then
// into more, for a read that adds columns to a known list.
type scanAlso struct {
	row  *sql.Row
	more []any
}

func (s scanAlso) Scan(dest ...any) error { return s.row.Scan(append(dest, s.more...)...) }

// move changes the payment from p.State to n.State, guarded by the state
// read, and the donation with it.
func (s *Store) move(ctx context.Context, tx *db.Tx, d *Donation, p *Payment, n *gateway.Notification) error {
	now := s.now()
	res, err := tx.Exec(ctx, `UPDATE donation_payments SET state = ?, transaction_id = ?, payment_type = ?, updated_at = ?
		WHERE donation_id = ? AND state = ?`, string(n.State), n.TransactionID, n.PaymentType, now, d.ID, p.State)
	if err != nil {
		return fmt.Errorf("donation: move payment: %w", err)
	}
	if k, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("donation: move payment: %w", err)
	} else if k != 1 {
		return errMoved
	}
	var q, action, detail string
	var args []any
	switch n.State {
	case gateway.StatePaid:
		// Money that arrived is counted even when the donation had
		// expired or was rejected meanwhile: it is never lost.
		q = `UPDATE donations SET status = 'confirmed', confirmed_at = ?, confirmed_by = NULL, reject_reason = ''
			WHERE id = ? AND status IN ('pending', 'expired', 'rejected')`
		args, action, detail = []any{now, d.ID}, "donation.confirm", strconv.FormatInt(d.Amount, 10)+" "+n.PaymentType
	case gateway.StateFailed, gateway.StateCancelled:
		q = `UPDATE donations SET status = 'rejected', reject_reason = ? WHERE id = ? AND status = 'pending'`
		args, action, detail = []any{ReasonGatewayFailed, d.ID}, "donation.reject", n.TransactionStatus
	case gateway.StateExpired:
		q, args = `UPDATE donations SET status = 'expired' WHERE id = ? AND status = 'pending'`, []any{d.ID}
	case gateway.StateRefunded:
		// A refund takes money out of every sum of confirmed money;
		// one that arrives before the settlement leaves nothing pending.
		q = `UPDATE donations SET status = 'rejected', reject_reason = ? WHERE id = ? AND status IN ('pending', 'confirmed', 'expired')`
		args, action, detail = []any{ReasonGatewayRefunded, d.ID}, "donation.refund", strconv.FormatInt(d.Amount, 10)
	default: // pending: the payer chose a way to pay
		return nil
	}
	fresh, err := scan(tx.QueryRow(ctx, q+` RETURNING `+columns, args...))
	if errors.Is(err, sql.ErrNoRows) {
		// Already where the notification would put it (a treasurer
		// confirmed by hand, say): the payment moved, the money did not.
		return nil
	}
	if err != nil {
		return fmt.Errorf("donation: apply %s: %w", n.State, err)
	}
	*d = *fresh
	if action == "" {
		return nil
	}
	if err := record(ctx, tx, GatewayActor, action, d, detail); err != nil {
		return err
	}
	switch n.State {
	case gateway.StateRefunded:
		// Confirmed money taken back out: its ledger entry is reversed.
		// Looked up rather than inferred from the status read earlier, as
		// a treasurer may have confirmed it meanwhile.
		return unbook(ctx, tx, d, ReasonGatewayRefunded, 0)
	case gateway.StatePaid:
		if err := book(ctx, tx, d); err != nil {
			return err
		}
		if s.OnConfirm != nil {
			return s.OnConfirm(ctx, tx, d)
		}
	}
	return nil
}

func (s *Store) recordNotification(ctx context.Context, q db.Querier, provider string, id int64, n *gateway.Notification, outcome string) error {
	_, err := q.Exec(ctx, `INSERT INTO payment_notifications (provider, order_id, donation_id, transaction_status,
		status_code, gross_amount, state, outcome, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		provider, n.OrderID, id, n.TransactionStatus, n.StatusCode, n.GrossAmount, string(n.State), outcome, s.now())
	if err != nil {
		return fmt.Errorf("donation: record notification: %w", err)
	}
	return nil
}
