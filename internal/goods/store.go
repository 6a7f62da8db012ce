package goods

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/validate"
)

// Errors of the store.
var (
	// ErrNotOpen means the pledge was already received in full or
	// cancelled.
	ErrNotOpen = errors.New("goods: pledge not open")
	// ErrTooMany means the receipt would take the pledge past what was
	// pledged.
	ErrTooMany = errors.New("goods: more than pledged")
)

// Store keeps pledges and their receipts.
type Store struct {
	DB *db.DB
	// Now is the clock; db.Now when nil.
	Now func() time.Time
	// Subscribe records a pledger's wish for the campaign's news, inside
	// the transaction that records the pledge (campaign.Subscribe).
	Subscribe func(ctx context.Context, q db.Querier, campaignID int64, email, name, lang string) error
	// OnCreate runs inside the pledging transaction, e.g. to queue the
	// acknowledgement, so it happens exactly when the pledge commits.
	OnCreate func(ctx context.Context, q db.Querier, p *Pledge) error
	// OnReceive runs inside the transaction that records a receipt.
	OnReceive func(ctx context.Context, q db.Querier, p *Pledge, r *Receipt) error
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }

const columns = `id, campaign_id, need_id, org_id, item, unit, quantity, received, delivery, expected_on,
	delivery_note, pledger_name, anonymous, message, contact_email, contact_phone, lang, status, form_token,
	created_at, updated_at, cancelled_at, cancelled_by, cancel_reason`

func scan(sc interface{ Scan(...any) error }) (*Pledge, error) {
	p := &Pledge{}
	var cancelled sql.NullTime
	if err := sc.Scan(&p.ID, &p.CampaignID, &p.NeedID, &p.OrgID, &p.Item, &p.Unit, &p.Quantity, &p.Received,
		&p.Delivery, &p.ExpectedOn, &p.DeliveryNote, &p.Name, &p.Anonymous, &p.Message, &p.Email, &p.Phone,
		&p.Lang, &p.Status, &p.FormToken, &p.CreatedAt, &p.UpdatedAt, &cancelled, &p.CancelledBy,
		&p.CancelReason); err != nil {
		return nil, err
	}
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	if cancelled.Valid {
		t := cancelled.Time.UTC()
		p.CancelledAt = &t
	}
	return p, nil
}

func get(ctx context.Context, q db.Querier, where string, args ...any) (*Pledge, error) {
	p, err := scan(q.QueryRow(ctx, `SELECT `+columns+` FROM goods_pledges WHERE `+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("goods: get: %w", err)
	}
	return p, nil
}

// ByToken returns the pledge its form token created; db.ErrNotFound when
// none.
func (s *Store) ByToken(ctx context.Context, token string) (*Pledge, error) {
	return get(ctx, s.DB, `form_token = ?`, token)
}

// ByID returns a pledge of the organisation; db.ErrNotFound when none.
func (s *Store) ByID(ctx context.Context, orgID, id int64) (*Pledge, error) {
	return get(ctx, s.DB, `id = ? AND org_id = ?`, id, orgID)
}

// Create stores a pledge to the need t names, or returns the pledge the
// same form token already created (created is then false). Invalid input
// is reported as validate.Errors, and so is a quantity above what the need
// still lacks. The need's row is locked while the pledges are summed, so
// concurrent pledgers cannot together pass the target. db.ErrNotFound
// means the need is not a barang need of the campaign.
func (s *Store) Create(ctx context.Context, t Target, in Input, today time.Time) (p *Pledge, created bool, err error) {
	if errs := in.Check(today); len(errs) > 0 {
		return nil, false, errs
	}
	if p, err := s.ByToken(ctx, in.Token); err == nil {
		return p, false, nil
	} else if !errors.Is(err, db.ErrNotFound) {
		return nil, false, err
	}
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := lockNeed(ctx, tx, t); err != nil {
			return err
		}
		// After the lock, a pledge the same token made meanwhile is
		// visible: a double submit lands on it.
		if p, err = get(ctx, tx, `form_token = ?`, in.Token); err == nil {
			return nil
		} else if !errors.Is(err, db.ErrNotFound) {
			return err
		}
		tally, err := NeedTally(ctx, tx, t.NeedID)
		if err != nil {
			return err
		}
		if in.Quantity > tally.Remaining {
			if tally.Remaining == 0 {
				return validate.Errors{"quantity": "goods.err.full"}
			}
			return validate.Errors{"quantity": "goods.err.over"}
		}
		now := s.now()
		p = &Pledge{CampaignID: t.CampaignID, NeedID: &t.NeedID, OrgID: t.OrgID, Item: t.Item, Unit: t.Unit,
			Quantity: in.Quantity, Delivery: in.Delivery, ExpectedOn: in.ExpectedOn, DeliveryNote: in.DeliveryNote,
			Name: in.Name, Anonymous: in.Anonymous, Message: in.Message, Email: in.Email, Phone: in.Phone,
			Lang: in.Lang, Status: StatusPledged, FormToken: in.Token, CreatedAt: now, UpdatedAt: now}
		if err := tx.QueryRow(ctx, `INSERT INTO goods_pledges (campaign_id, need_id, org_id, item, unit, quantity,
			delivery, expected_on, delivery_note, pledger_name, anonymous, message, contact_email, contact_phone, lang,
			status, form_token, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pledged', ?, ?, ?)
			RETURNING id`, p.CampaignID, t.NeedID, p.OrgID, p.Item, p.Unit, p.Quantity, p.Delivery, p.ExpectedOn,
			p.DeliveryNote, p.Name, p.Anonymous, p.Message, p.Email, p.Phone, p.Lang, p.FormToken, p.CreatedAt,
			p.UpdatedAt).Scan(&p.ID); err != nil {
			return err
		}
		created = true
		if in.Kabar && p.Email != "" && s.Subscribe != nil {
			if err := s.Subscribe(ctx, tx, p.CampaignID, p.Email, p.Name, p.Lang); err != nil {
				return err
			}
		}
		if s.OnCreate != nil {
			return s.OnCreate(ctx, tx, p)
		}
		return nil
	})
	if err != nil {
		var errs validate.Errors
		if errors.As(err, &errs) || errors.Is(err, db.ErrNotFound) {
			return nil, false, err
		}
		if db.IsUniqueViolation(err) {
			if p, err := s.ByToken(ctx, in.Token); err == nil {
				return p, false, nil
			}
		}
		return nil, false, fmt.Errorf("goods: create: %w", err)
	}
	return p, created, nil
}

// lockNeed takes the need's row lock for the rest of the transaction (a
// write that changes nothing: PostgreSQL locks the row, SQLite's
// transactions already write one at a time) and checks it is a barang
// need of the campaign.
func lockNeed(ctx context.Context, tx *db.Tx, t Target) error {
	res, err := tx.Exec(ctx, `UPDATE campaign_needs SET target = target WHERE id = ? AND campaign_id = ? AND kind = 'barang'`,
		t.NeedID, t.CampaignID)
	if err != nil {
		return fmt.Errorf("goods: lock need: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("goods: lock need: %w", err)
	} else if n != 1 {
		return db.ErrNotFound
	}
	return nil
}

// NeedTally sums the pledges to a need.
func NeedTally(ctx context.Context, q db.Querier, needID int64) (Tally, error) {
	var t Tally
	err := q.QueryRow(ctx, `SELECT n.target,
		COALESCE((SELECT SUM(received) FROM goods_pledges WHERE need_id = n.id), 0),
		COALESCE((SELECT SUM(quantity - received) FROM goods_pledges WHERE need_id = n.id AND status IN ('pledged', 'partial')), 0),
		(SELECT COUNT(*) FROM goods_pledges WHERE need_id = n.id AND (status <> 'cancelled' OR received > 0))
		FROM campaign_needs n WHERE n.id = ?`, needID).Scan(&t.Target, &t.Received, &t.Promised, &t.Pledgers)
	if errors.Is(err, sql.ErrNoRows) {
		return Tally{}, db.ErrNotFound
	}
	if err != nil {
		return Tally{}, fmt.Errorf("goods: tally: %w", err)
	}
	t.Remaining = max(t.Target-t.Received-t.Promised, 0)
	return t, nil
}

// NeedReceived is how many items of a need have arrived.
func NeedReceived(ctx context.Context, q db.Querier, needID int64) (int64, error) {
	var n int64
	if err := q.QueryRow(ctx, `SELECT COALESCE(SUM(received), 0) FROM goods_pledges WHERE need_id = ?`, needID).
		Scan(&n); err != nil {
		return 0, fmt.Errorf("goods: received: %w", err)
	}
	return n, nil
}

// Receive records goods arriving for a pledge of the organisation: the
// quantity is added to what was received, the pledge becomes partly or
// fully received, the receipt, its ledger entry (when the need gives an
// item value) and the audit entry are written, all in one transaction. The conditional UPDATE is what keeps the sum within the
// pledge when two people record at once: the loser gets ErrTooMany (or
// ErrNotOpen when the pledge is complete). Another organisation's pledge
// is db.ErrNotFound.
func (s *Store) Receive(ctx context.Context, orgID, id int64, in ReceiptInput, today time.Time, actor Actor) (*Pledge, error) {
	if errs := in.Check(today); len(errs) > 0 {
		return nil, errs
	}
	var p *Pledge
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		now := s.now()
		res, err := tx.Exec(ctx, `UPDATE goods_pledges SET received = received + ?,
			status = CASE WHEN received + ? = quantity THEN 'received' ELSE 'partial' END, updated_at = ?
			WHERE id = ? AND org_id = ? AND status IN ('pledged', 'partial') AND received + ? <= quantity`,
			in.Quantity, in.Quantity, now, id, orgID, in.Quantity)
		if err := s.changed(ctx, tx, res, err, orgID, id, true); err != nil {
			return err
		}
		if p, err = get(ctx, tx, `id = ?`, id); err != nil {
			return err
		}
		r := &Receipt{PledgeID: id, Quantity: in.Quantity, ReceivedOn: in.ReceivedOn, Note: in.Note,
			Recorder: actor.Name, CreatedAt: now}
		if actor.ID != 0 {
			r.RecordedBy = &actor.ID
		}
		if err := tx.QueryRow(ctx, `INSERT INTO goods_receipts (pledge_id, quantity, received_on, note, recorded_by,
			recorder, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, r.PledgeID, r.Quantity, r.ReceivedOn,
			r.Note, r.RecordedBy, r.Recorder, r.CreatedAt).Scan(&r.ID); err != nil {
			return fmt.Errorf("goods: receipt: %w", err)
		}
		detail := fmt.Sprintf("%d %s %s (%d/%d) %s", r.Quantity, p.Unit, p.Item, p.Received, p.Quantity, r.ReceivedOn)
		if err := record(ctx, tx, actor, "goods.receive", p, detail); err != nil {
			return err
		}
		if err := bookReceipt(ctx, tx, p, r); err != nil {
			return err
		}
		if s.OnReceive != nil {
			return s.OnReceive(ctx, tx, p, r)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// Cancel marks an open pledge of the organisation cancelled: what did not
// arrive will not come, and frees its place under the target. What did
// arrive stays counted. The reason may be blank.
func (s *Store) Cancel(ctx context.Context, orgID, id int64, reason string, actor Actor) error {
	reason = strings.Join(strings.Fields(reason), " ")
	e := validate.Errors{}
	if !utf8.ValidString(reason) {
		e.Add("reason", "goods.err.text")
	}
	e.MaxLen("reason", reason, MaxNote)
	if len(e) > 0 {
		return e
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		now := s.now()
		var by any
		if actor.ID != 0 {
			by = actor.ID
		}
		res, err := tx.Exec(ctx, `UPDATE goods_pledges SET status = 'cancelled', cancelled_at = ?, cancelled_by = ?,
			cancel_reason = ?, updated_at = ? WHERE id = ? AND org_id = ? AND status IN ('pledged', 'partial')`,
			now, by, reason, now, id, orgID)
		if err := s.changed(ctx, tx, res, err, orgID, id, false); err != nil {
			return err
		}
		p, err := get(ctx, tx, `id = ?`, id)
		if err != nil {
			return err
		}
		return record(ctx, tx, actor, "goods.cancel", p, reason)
	})
}

// changed turns a conditional UPDATE's result into nil, db.ErrNotFound
// (no such pledge of the organisation), ErrNotOpen, or — for a receipt —
// ErrTooMany.
func (s *Store) changed(ctx context.Context, q db.Querier, res sql.Result, err error, orgID, id int64, receipt bool) error {
	if err != nil {
		return fmt.Errorf("goods: update: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("goods: update: %w", err)
	}
	if n == 1 {
		return nil
	}
	p, err := get(ctx, q, `id = ? AND org_id = ?`, id, orgID)
	if err != nil {
		return err
	}
	if receipt && p.Open() {
		return ErrTooMany
	}
	return ErrNotOpen
}

func record(ctx context.Context, q db.Querier, a Actor, action string, p *Pledge, detail string) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: action,
		TargetType: "organization", TargetID: strconv.FormatInt(p.OrgID, 10),
		Detail: strings.TrimSpace("#" + strconv.FormatInt(p.ID, 10) + " " + detail)})
}
