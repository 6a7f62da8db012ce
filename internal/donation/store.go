package donation

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"math/big"
	"time"

	"lokadaya/internal/db"
)

// Errors of the store.
var (
	// ErrNoCode means every unique code for the amount is taken by a
	// pending donation to the account, or the tries ran out.
	ErrNoCode = errors.New("donation: no free unique code")
	// ErrNotPending means the donation was already confirmed or rejected.
	ErrNotPending = errors.New("donation: not pending")
	// ErrGatewayConfirms means a treasurer tried to confirm by hand a
	// donation paid through the payment gateway: only the gateway's
	// signed settlement confirms it, so that a payment the gateway later
	// reports failed or cancelled was never booked.
	ErrGatewayConfirms = errors.New("donation: confirmed by the gateway's settlement only")
)

// Store keeps donations.
type Store struct {
	DB *db.DB
	// Minimum and Maximum bound an amount; DefaultMinimum and
	// DefaultMaximum when 0.
	Minimum, Maximum int64
	// TTL is how long a transfer may take; DefaultTTL when 0.
	TTL time.Duration
	// Now is the clock; db.Now when nil.
	Now func() time.Time
	// OnConfirm runs inside the confirming transaction, e.g. to queue the
	// receipt, so that it happens exactly when the confirmation commits.
	OnConfirm func(ctx context.Context, q db.Querier, d *Donation) error
	// OnCreate runs inside the transaction that stores a new donation,
	// e.g. to subscribe the donor to the campaign's news, so that both
	// land or neither.
	OnCreate func(ctx context.Context, q db.Querier, d *Donation, in Input) error
	// OnProof runs inside the transaction that stores a donation's first
	// proof of transfer, e.g. to tell the treasurers it waits.
	OnProof func(ctx context.Context, q db.Querier, d *Donation) error
	// Observer, when set, hears of each donation created or confirmed
	// once its transaction has committed, e.g. to count it in the metrics.
	Observer Observer
}

// Observer hears of donations created and confirmed. It is told after
// the commit, never inside the money's transaction, and cannot fail it;
// it must be quick, as the donor waits for the answer meanwhile.
type Observer interface {
	DonationCreated(method string)
	DonationConfirmed(method string, waited time.Duration)
}

// ObserveConfirmed tells the Observer, if any, that d was confirmed. A
// caller of ConfirmTx calls it once its own transaction has committed.
func (s *Store) ObserveConfirmed(d *Donation) {
	if s.Observer == nil || d == nil || d.ConfirmedAt == nil {
		return
	}
	s.Observer.DonationConfirmed(d.Method, d.ConfirmedAt.Sub(d.CreatedAt))
}

// created runs the OnCreate hook, if any.
func (s *Store) created(ctx context.Context, q db.Querier, d *Donation, in Input) error {
	if s.OnCreate == nil {
		return nil
	}
	return s.OnCreate(ctx, q, d, in)
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }

// Limits are the minimum and maximum amount in rupiah.
func (s *Store) Limits() (minimum, maximum int64) {
	minimum, maximum = s.Minimum, s.Maximum
	if minimum <= 0 {
		minimum = DefaultMinimum
	}
	if maximum <= 0 {
		maximum = DefaultMaximum
	}
	return minimum, maximum
}

func (s *Store) ttl() time.Duration {
	if s.TTL > 0 {
		return s.TTL
	}
	return DefaultTTL
}

const columns = `id, campaign_id, need_id, org_id, method, bank_account_id, base_amount, unique_code, amount,
	donor_name, anonymous, message, contact_email, contact_phone, status, form_token, created_at, expires_at,
	confirmed_at, confirmed_by, reject_reason`

func scan(sc interface{ Scan(...any) error }) (*Donation, error) {
	d := &Donation{}
	var confirmed sql.NullTime
	if err := sc.Scan(&d.ID, &d.CampaignID, &d.NeedID, &d.OrgID, &d.Method, &d.BankAccountID, &d.BaseAmount,
		&d.UniqueCode, &d.Amount, &d.DonorName, &d.Anonymous, &d.Message, &d.Email, &d.Phone, &d.Status,
		&d.FormToken, &d.CreatedAt, &d.ExpiresAt, &confirmed, &d.ConfirmedBy, &d.RejectReason); err != nil {
		return nil, err
	}
	d.CreatedAt, d.ExpiresAt = d.CreatedAt.UTC(), d.ExpiresAt.UTC()
	if confirmed.Valid {
		t := confirmed.Time.UTC()
		d.ConfirmedAt = &t
	}
	return d, nil
}

func (s *Store) get(ctx context.Context, q db.Querier, where string, arg any) (*Donation, error) {
	d, err := scan(q.QueryRow(ctx, `SELECT `+columns+` FROM donations WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("donation: get: %w", err)
	}
	return d, nil
}

// ByID returns a donation; db.ErrNotFound when none.
func (s *Store) ByID(ctx context.Context, id int64) (*Donation, error) {
	return s.get(ctx, s.DB, `id = ?`, id)
}

// ByToken returns the donation its form token created; db.ErrNotFound
// when none.
func (s *Store) ByToken(ctx context.Context, token string) (*Donation, error) {
	return s.get(ctx, s.DB, `form_token = ?`, token)
}

// Create stores a pending bank-transfer donation with a unique code (a
// QRIS or gateway donation when t.Method says so, with none; see
// gateway.go for what follows a gateway donation), or
// returns the donation the same form token already created (created is
// then false). Invalid input is reported as validate.Errors.
func (s *Store) Create(ctx context.Context, t Target, in Input) (d *Donation, created bool, err error) {
	d, created, err = s.create(ctx, t, in)
	if err == nil && created && s.Observer != nil {
		s.Observer.DonationCreated(d.Method)
	}
	return d, created, err
}

func (s *Store) create(ctx context.Context, t Target, in Input) (d *Donation, created bool, err error) {
	minimum, maximum := s.Limits()
	if errs := in.Check(minimum, maximum); len(errs) > 0 {
		return nil, false, errs
	}
	if d, err := s.ByToken(ctx, in.Token); err == nil {
		return d, false, nil
	} else if !errors.Is(err, db.ErrNotFound) {
		return nil, false, err
	}
	if t.Method == MethodQRIS {
		return s.createQRIS(ctx, t, in)
	}
	if t.Method == MethodGateway {
		return s.createGateway(ctx, t, in)
	}
	for range codeTries {
		d, err := s.tryCreate(ctx, t, in)
		if err == nil {
			return d, true, nil
		}
		if !db.IsUniqueViolation(err) {
			return nil, false, err
		}
		// Either the token was used meanwhile (a double submit racing
		// itself) or another donor took the code: find out which.
		if d, err := s.ByToken(ctx, in.Token); err == nil {
			return d, false, nil
		}
	}
	return nil, false, ErrNoCode
}

// tryCreate inserts the donation and claims its amount in one
// transaction; a unique violation means try again.
func (s *Store) tryCreate(ctx context.Context, t Target, in Input) (*Donation, error) {
	now := s.now()
	d := &Donation{CampaignID: t.CampaignID, OrgID: t.OrgID, Method: MethodTransfer, BankAccountID: &t.BankAccountID,
		BaseAmount: in.Amount, DonorName: in.Name, Anonymous: in.Anonymous, Message: in.Message, Email: in.Email,
		Phone: in.Phone, Status: StatusPending, FormToken: in.Token, CreatedAt: now, ExpiresAt: now.Add(s.ttl())}
	if t.NeedID != 0 {
		d.NeedID = &t.NeedID
	}
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		code, err := freeCode(ctx, tx, t.BankAccountID, in.Amount)
		if err != nil {
			return err
		}
		d.UniqueCode, d.Amount = code, in.Amount+code
		if err := tx.QueryRow(ctx, `INSERT INTO donations (campaign_id, need_id, org_id, method, bank_account_id,
			base_amount, unique_code, amount, donor_name, anonymous, message, contact_email, contact_phone, status,
			form_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?) RETURNING id`,
			d.CampaignID, d.NeedID, d.OrgID, d.Method, t.BankAccountID, d.BaseAmount, d.UniqueCode, d.Amount,
			d.DonorName, d.Anonymous, d.Message, d.Email, d.Phone, d.FormToken, d.CreatedAt, d.ExpiresAt).Scan(&d.ID); err != nil {
			return err
		}
		if _, err = tx.Exec(ctx, `INSERT INTO donation_codes (bank_account_id, amount, donation_id) VALUES (?, ?, ?)`,
			t.BankAccountID, d.Amount, d.ID); err != nil {
			return err
		}
		return s.created(ctx, tx, d, in)
	})
	if err != nil {
		if db.IsUniqueViolation(err) || errors.Is(err, ErrNoCode) {
			return nil, err
		}
		return nil, fmt.Errorf("donation: create: %w", err)
	}
	return d, nil
}

// freeCode picks a random code in 1..MaxCode whose amount no pending
// donation to the account holds. The pick is only a good guess: the
// donation_codes primary key decides, and a loser retries.
func freeCode(ctx context.Context, q db.Querier, accountID, base int64) (int64, error) {
	rows, err := q.Query(ctx, `SELECT amount FROM donation_codes WHERE bank_account_id = ? AND amount > ? AND amount <= ?`,
		accountID, base, base+MaxCode)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	taken := map[int64]bool{}
	for rows.Next() {
		var a int64
		if err := rows.Scan(&a); err != nil {
			return 0, err
		}
		taken[a-base] = true
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	free := make([]int64, 0, MaxCode-len(taken))
	for c := int64(1); c <= MaxCode; c++ {
		if !taken[c] {
			free = append(free, c)
		}
	}
	if len(free) == 0 {
		return 0, ErrNoCode
	}
	i, err := rand.Int(rand.Reader, big.NewInt(int64(len(free))))
	if err != nil {
		return 0, err
	}
	return free[i.Int64()], nil
}
