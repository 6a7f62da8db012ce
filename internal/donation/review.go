package donation

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

// MaxReason is the longest reject reason, in runes.
const MaxReason = 300

// Confirm marks a pending (or already expired: the money may arrive late)
// donation of the organisation confirmed, frees its code and writes the
// audit log, all in one transaction. The conditional UPDATE makes a double
// click or two treasurers at once confirm it once: the loser gets
// ErrNotPending. Another organisation's donation is db.ErrNotFound.
func (s *Store) Confirm(ctx context.Context, orgID, id int64, actor Actor) (*Donation, error) {
	var d *Donation
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		var err error
		d, err = s.ConfirmTx(ctx, tx, orgID, id, actor)
		return err
	})
	if err != nil {
		return nil, err
	}
	s.ObserveConfirmed(d)
	return d, nil
}

// ConfirmTx is Confirm inside the caller's transaction (a statement
// import confirms many donations with the lines that paid them). It books
// the donation in the organisation's ledger (see LedgerEntry); when that
// fails, so does the confirmation. An ErrNotPending leaves tx usable.
// The caller calls ObserveConfirmed once tx has committed.
func (s *Store) ConfirmTx(ctx context.Context, tx *db.Tx, orgID, id int64, actor Actor) (*Donation, error) {
	now := s.now()
	res, err := tx.Exec(ctx, `UPDATE donations SET status = 'confirmed', confirmed_at = ?, confirmed_by = ?
		WHERE id = ? AND org_id = ? AND status IN ('pending', 'expired') AND method <> ?`,
		now, actorID(actor), id, orgID, MethodGateway)
	if err := changed(ctx, tx, res, err, orgID, id); err != nil {
		if errors.Is(err, ErrNotPending) && awaitsGateway(ctx, tx, id) {
			return nil, ErrGatewayConfirms
		}
		return nil, err
	}
	d, err := s.get(ctx, tx, `id = ?`, id)
	if err != nil {
		return nil, err
	}
	if err := free(ctx, tx, id); err != nil {
		return nil, err
	}
	if err := record(ctx, tx, actor, "donation.confirm", d, strconv.FormatInt(d.Amount, 10)); err != nil {
		return nil, err
	}
	if err := book(ctx, tx, d); err != nil {
		return nil, err
	}
	if s.OnConfirm != nil {
		if err := s.OnConfirm(ctx, tx, d); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// Reject marks a pending donation rejected with a reason (no money came,
// or it was not this donation's) and frees its code.
func (s *Store) Reject(ctx context.Context, orgID, id int64, reason string, actor Actor) error {
	reason = strings.Join(strings.Fields(reason), " ")
	e := validate.Errors{}
	if e.Required("reason", reason) && utf8.ValidString(reason) {
		e.MaxLen("reason", reason, MaxReason)
	} else if reason != "" {
		e.Add("reason", "donation.err.text")
	}
	if len(e) > 0 {
		return e
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE donations SET status = 'rejected', reject_reason = ?
			WHERE id = ? AND org_id = ? AND status IN ('pending', 'expired')`, reason, id, orgID)
		if err := changed(ctx, tx, res, err, orgID, id); err != nil {
			return err
		}
		d, err := s.get(ctx, tx, `id = ?`, id)
		if err != nil {
			return err
		}
		if err := free(ctx, tx, id); err != nil {
			return err
		}
		return record(ctx, tx, actor, "donation.reject", d, reason)
	})
}

// ExpireDue marks pending donations past their deadline expired and frees
// their codes; it returns how many expired. Every instance may run it.
func (s *Store) ExpireDue(ctx context.Context) (int64, error) {
	var n int64
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE donations SET status = 'expired' WHERE status = 'pending' AND expires_at <= ?`, s.now())
		if err != nil {
			return err
		}
		if n, err = res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		_, err = tx.Exec(ctx, `DELETE FROM donation_codes WHERE donation_id IN
			(SELECT id FROM donations WHERE status <> 'pending')`)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("donation: expire: %w", err)
	}
	return n, nil
}

// RunExpireDue calls ExpireDue every interval until ctx ends.
func (s *Store) RunExpireDue(ctx context.Context, every time.Duration, log interface {
	Error(string, ...any)
	Info(string, ...any)
}) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := s.ExpireDue(ctx); err != nil && ctx.Err() == nil {
			log.Error("donations not expired", "err", err)
		} else if n > 0 {
			log.Info("donations expired", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// changed turns a conditional UPDATE's result into nil, db.ErrNotFound
// (no such donation of the organisation) or ErrNotPending.
func changed(ctx context.Context, q db.Querier, res interface{ RowsAffected() (int64, error) }, err error, orgID, id int64) error {
	if err != nil {
		return fmt.Errorf("donation: update: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("donation: update: %w", err)
	}
	if n == 1 {
		return nil
	}
	var one int
	err = q.QueryRow(ctx, `SELECT 1 FROM donations WHERE id = ? AND org_id = ?`, id, orgID).Scan(&one)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return db.ErrNotFound
		}
		return fmt.Errorf("donation: update: %w", err)
	}
	return ErrNotPending
}

// awaitsGateway tells whether donation id is a gateway payment not yet
// settled, which no one but the gateway may confirm.
func awaitsGateway(ctx context.Context, q db.Querier, id int64) bool {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM donations WHERE id = ? AND method = ? AND status IN ('pending', 'expired')`,
		id, MethodGateway).Scan(&n)
	return err == nil && n == 1
}

// free deletes the donation's claim on its amount.
func free(ctx context.Context, q db.Querier, id int64) error {
	if _, err := q.Exec(ctx, `DELETE FROM donation_codes WHERE donation_id = ?`, id); err != nil {
		return fmt.Errorf("donation: free code: %w", err)
	}
	return nil
}

func actorID(a Actor) any {
	if a.ID == 0 {
		return nil
	}
	return a.ID
}

func record(ctx context.Context, q db.Querier, a Actor, action string, d *Donation, detail string) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: action,
		TargetType: "organization", TargetID: strconv.FormatInt(d.OrgID, 10),
		Detail: "#" + strconv.FormatInt(d.ID, 10) + " " + detail})
}
