package distribution

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/shortcode"
	"lokadaya/internal/validate"
)

// Store keeps distributions and their recipients.
type Store struct {
	DB *db.DB
	// Now is the clock; db.Now when nil.
	Now func() time.Time
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }

// ErrConfirmed is a second confirmation of the same slip.
var ErrConfirmed = errors.New("distribution: already confirmed")

// origin is where a distribution's goods came from in the open books.
type origin struct {
	campaignID, initiativeID sql.NullInt64
}

// checkSource finds the approved, unreversed expense or the goods receipt
// of the organisation the goods came from.
func checkSource(ctx context.Context, q db.Querier, orgID int64, in *Input) (origin, error) {
	var o origin
	var err error
	if in.ExpenseID != 0 {
		err = q.QueryRow(ctx, `SELECT e.campaign_id, COALESCE(e.initiative_id, c.initiative_id) FROM expenses e
			LEFT JOIN campaigns c ON c.id = e.campaign_id
			WHERE e.id = ? AND e.org_id = ? AND e.status = 'disetujui' AND e.reversal_seq IS NULL`,
			in.ExpenseID, orgID).Scan(&o.campaignID, &o.initiativeID)
	} else {
		err = q.QueryRow(ctx, `SELECT p.campaign_id, c.initiative_id FROM goods_receipts r
			JOIN goods_pledges p ON p.id = r.pledge_id JOIN campaigns c ON c.id = p.campaign_id
			WHERE r.id = ? AND p.org_id = ?`, in.GoodsReceiptID, orgID).Scan(&o.campaignID, &o.initiativeID)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return o, validate.Errors{"source": "distribution.err.source"}
	}
	if err != nil {
		return o, fmt.Errorf("distribution: source: %w", err)
	}
	return o, nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// Create records a distribution and its recipients, each with a fresh
// code, all or nothing. Bad input is a validate.Errors (with the first bad
// recipients line as a *LineError beside it).
func (s *Store) Create(ctx context.Context, a Actor, orgID int64, in Input, today string) (*Distribution, *LineError, error) {
	if e, le := in.Check(today); len(e) > 0 {
		return nil, le, e
	}
	var d *Distribution
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		o, err := checkSource(ctx, tx, orgID, &in)
		if err != nil {
			return err
		}
		var id int64
		if err := tx.QueryRow(ctx, `INSERT INTO distributions (org_id, expense_id, goods_receipt_id, campaign_id,
			initiative_id, item, unit, quantity, place, distributed_on, recorded_by, recorded_name, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			orgID, nullID(in.ExpenseID), nullID(in.GoodsReceiptID), o.campaignID, o.initiativeID, in.Item, in.Unit,
			in.Quantity, in.Place, in.Date, a.ID, a.Name, s.now()).Scan(&id); err != nil {
			return fmt.Errorf("distribution: create: %w", err)
		}
		for _, r := range in.Recipients {
			code, err := shortcode.Free(ctx, tx, "distribution_recipients", "code", CodeLength)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO distribution_recipients (distribution_id, label, kind, quantity, code)
				VALUES (?, ?, ?, ?, ?)`, id, r.Label, r.Kind, r.Quantity, code); err != nil {
				return fmt.Errorf("distribution: recipient: %w", err)
			}
		}
		if d, err = get(ctx, tx, orgID, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: "distribution.create",
			TargetType: "distribution", TargetID: strconv.FormatInt(id, 10),
			Detail: fmt.Sprintf("%d %s %s, %d penerima", in.Quantity, in.Unit, in.Item, len(in.Recipients))})
	})
	if err != nil {
		return nil, nil, err
	}
	return d, nil, nil
}

const columns = `id, org_id, expense_id, goods_receipt_id, campaign_id, initiative_id, item, unit, quantity, place,
	distributed_on, recorded_name, created_at`

func scan(sc interface{ Scan(...any) error }) (*Distribution, error) {
	d := &Distribution{}
	var exp, rec, camp, ini sql.NullInt64
	if err := sc.Scan(&d.ID, &d.OrgID, &exp, &rec, &camp, &ini, &d.Item, &d.Unit, &d.Quantity, &d.Place,
		&d.DistributedOn, &d.RecordedName, &d.CreatedAt); err != nil {
		return nil, err
	}
	d.ExpenseID, d.GoodsReceiptID, d.CampaignID, d.InitiativeID = exp.Int64, rec.Int64, camp.Int64, ini.Int64
	d.CreatedAt = d.CreatedAt.UTC()
	return d, nil
}

func get(ctx context.Context, q db.Querier, orgID, id int64) (*Distribution, error) {
	d, err := scan(q.QueryRow(ctx, `SELECT `+columns+` FROM distributions WHERE id = ? AND org_id = ?`, id, orgID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("distribution: get: %w", err)
	}
	rs, err := recipients(ctx, q, `distribution_id = ?`, id)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		d.Totals.add(r)
	}
	return d, nil
}

// Get returns the organisation's distribution id with its totals, or
// db.ErrNotFound.
func (s *Store) Get(ctx context.Context, orgID, id int64) (*Distribution, error) {
	return get(ctx, s.DB, orgID, id)
}

// Scope narrows List: an organisation, and within it an initiative or a
// campaign when set.
type Scope struct {
	OrgID        int64
	InitiativeID int64
	CampaignID   int64
}

// List returns the scope's distributions with their totals, newest first.
func (s *Store) List(ctx context.Context, sc Scope) ([]*Distribution, error) {
	return List(ctx, s.DB, sc)
}

// List is Store.List on any querier, for reports built in a transaction.
func List(ctx context.Context, q db.Querier, sc Scope) ([]*Distribution, error) {
	where, args := `org_id = ?`, []any{sc.OrgID}
	if sc.InitiativeID != 0 {
		where += ` AND initiative_id = ?`
		args = append(args, sc.InitiativeID)
	}
	if sc.CampaignID != 0 {
		where += ` AND campaign_id = ?`
		args = append(args, sc.CampaignID)
	}
	rows, err := q.Query(ctx, `SELECT `+columns+` FROM distributions WHERE `+where+
		` ORDER BY distributed_on DESC, id DESC LIMIT 500`, args...)
	if err != nil {
		return nil, fmt.Errorf("distribution: list: %w", err)
	}
	var out []*Distribution
	byID := map[int64]*Distribution{}
	for rows.Next() {
		d, err := scan(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("distribution: list: %w", err)
		}
		out = append(out, d)
		byID[d.ID] = d
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	rs, err := recipients(ctx, q, `distribution_id IN (SELECT id FROM distributions WHERE `+where+`)`, args...)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		if d := byID[r.DistributionID]; d != nil {
			d.Totals.add(r)
		}
	}
	return out, nil
}

const recipientColumns = `id, distribution_id, label, kind, quantity, code, confirmed_at, confirmed_via, confirmer,
	received, note`

func scanRecipient(sc interface{ Scan(...any) error }) (*Recipient, error) {
	r := &Recipient{}
	var at sql.NullTime
	var received sql.NullInt64
	if err := sc.Scan(&r.ID, &r.DistributionID, &r.Label, &r.Kind, &r.Quantity, &r.Code, &at, &r.ConfirmedVia,
		&r.Confirmer, &received, &r.Note); err != nil {
		return nil, err
	}
	if at.Valid {
		t := at.Time.UTC()
		r.ConfirmedAt = &t
	}
	r.Received = received.Int64
	return r, nil
}

func recipients(ctx context.Context, q db.Querier, where string, args ...any) ([]*Recipient, error) {
	rows, err := q.Query(ctx, `SELECT `+recipientColumns+` FROM distribution_recipients WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("distribution: recipients: %w", err)
	}
	defer rows.Close()
	var out []*Recipient
	for rows.Next() {
		r, err := scanRecipient(rows)
		if err != nil {
			return nil, fmt.Errorf("distribution: recipients: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Recipients lists a distribution's recipients in the order recorded.
func (s *Store) Recipients(ctx context.Context, distributionID int64) ([]*Recipient, error) {
	return recipients(ctx, s.DB, `distribution_id = ?`, distributionID)
}

// RecipientByCode returns the recipient whose slip has the code (as typed;
// it is normalised) and its distribution, or db.ErrNotFound.
func (s *Store) RecipientByCode(ctx context.Context, code string) (*Recipient, *Distribution, error) {
	code = shortcode.Normalize(code)
	if !shortcode.Valid(code, CodeLength) {
		return nil, nil, db.ErrNotFound
	}
	rs, err := recipients(ctx, s.DB, `code = ?`, code)
	if err != nil {
		return nil, nil, err
	}
	if len(rs) == 0 {
		return nil, nil, db.ErrNotFound
	}
	var orgID int64
	if err := s.DB.QueryRow(ctx, `SELECT org_id FROM distributions WHERE id = ?`, rs[0].DistributionID).Scan(&orgID); err != nil {
		return nil, nil, fmt.Errorf("distribution: by code: %w", err)
	}
	d, err := get(ctx, s.DB, orgID, rs[0].DistributionID)
	if err != nil {
		return nil, nil, err
	}
	return rs[0], d, nil
}

// Confirm records the recipient's confirmation, once: a second one is
// ErrConfirmed and changes nothing. Bad input is a validate.Errors.
func (s *Store) Confirm(ctx context.Context, r *Recipient, in ConfirmInput) error {
	if r.Confirmed() {
		return ErrConfirmed
	}
	if e := in.Check(r); len(e) > 0 {
		return e
	}
	now := s.now()
	res, err := s.DB.Exec(ctx, `UPDATE distribution_recipients SET confirmed_at = ?, confirmed_via = ?, confirmer = ?,
		received = ?, note = ? WHERE id = ? AND confirmed_at IS NULL`,
		now, in.Via, in.Confirmer, in.Received, in.Note, r.ID)
	if err != nil {
		return fmt.Errorf("distribution: confirm: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrConfirmed
	}
	r.ConfirmedAt, r.ConfirmedVia, r.Confirmer, r.Received, r.Note = &now, in.Via, in.Confirmer, in.Received, in.Note
	return nil
}
