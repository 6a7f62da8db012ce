package payment

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/qris"
	"lokadaya/internal/validate"
)

// MaxQRISPayload bounds a pasted payload; real static codes are a few
// hundred characters.
const MaxQRISPayload = 1024

// ErrQRISChanged is returned by ConfirmQRIS when the stored code is not
// the one the person looked at: someone replaced it in between.
var ErrQRISChanged = errors.New("payment: qris changed since it was shown")

// CheckQRIS parses payload and accepts it only as a static QRIS (point of
// initiation 11). Problems are validate.Errors on field "payload".
func CheckQRIS(payload string) (*qris.Payload, error) {
	payload = strings.TrimSpace(payload)
	if len(payload) > MaxQRISPayload {
		return nil, validate.Errors{"payload": "payment.err.qris_too_long"}
	}
	p, err := qris.Parse(payload)
	if err != nil {
		var qe *qris.Error
		if errors.As(err, &qe) {
			return nil, validate.Errors{"payload": qe.Key()}
		}
		return nil, validate.Errors{"payload": "qris.err.format"}
	}
	if p.PointOfInitiation() != qris.PointStatic {
		return nil, validate.Errors{"payload": "payment.err.qris_not_static"}
	}
	return p, nil
}

// QRIS returns an organisation's static QRIS, or db.ErrNotFound.
func (s *Store) QRIS(ctx context.Context, orgID int64) (*QRIS, error) {
	return loadQRIS(ctx, s.DB, orgID)
}

func loadQRIS(ctx context.Context, q db.Querier, orgID int64) (*QRIS, error) {
	out := &QRIS{}
	var at sql.NullTime
	var by sql.NullInt64
	err := q.QueryRow(ctx, `SELECT org_id, payload, merchant_name, nmid, confirmed_at, confirmed_by, updated_at
		FROM org_qris WHERE org_id = ?`, orgID).Scan(&out.OrgID, &out.Payload, &out.MerchantName, &out.NMID, &at, &by, &out.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("payment: qris: %w", err)
	}
	out.UpdatedAt = out.UpdatedAt.UTC()
	if at.Valid {
		t := at.Time.UTC()
		out.ConfirmedAt = &t
	}
	if by.Valid {
		out.ConfirmedBy = &by.Int64
	}
	return out, nil
}

// SetQRIS stores payload as the organisation's static QRIS. A new payload
// is unconfirmed until ConfirmQRIS, even when it replaces a confirmed one;
// saving the same payload again changes nothing. An unreadable or
// non-static payload is reported as validate.Errors.
func (s *Store) SetQRIS(ctx context.Context, actor Actor, orgID int64, payload string) (*QRIS, error) {
	p, err := CheckQRIS(payload)
	if err != nil {
		return nil, err
	}
	var out *QRIS
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		old, err := loadQRIS(ctx, tx, orgID)
		if err != nil && !errors.Is(err, db.ErrNotFound) {
			return err
		}
		if old != nil && old.Payload == p.String() {
			out = old
			return nil
		}
		out = &QRIS{OrgID: orgID, Payload: p.String(), MerchantName: p.MerchantName(), NMID: p.NMID(), UpdatedAt: db.Now()}
		// The upsert rather than a plain insert keeps two first saves
		// racing each other from failing.
		if _, err := tx.Exec(ctx, `INSERT INTO org_qris (org_id, payload, merchant_name, nmid, confirmed_at, confirmed_by, updated_at)
			VALUES (?, ?, ?, ?, NULL, NULL, ?)
			ON CONFLICT (org_id) DO UPDATE SET payload = excluded.payload, merchant_name = excluded.merchant_name,
			nmid = excluded.nmid, confirmed_at = NULL, confirmed_by = NULL, updated_at = excluded.updated_at`,
			orgID, out.Payload, out.MerchantName, out.NMID, out.UpdatedAt); err != nil {
			return fmt.Errorf("payment: set qris: %w", err)
		}
		action := "payment.qris.saved"
		if old != nil {
			action = "payment.qris.replaced"
		}
		return record(ctx, tx, actor, action, orgID, fmt.Sprintf("%s (NMID %s)", out.MerchantName, out.NMID))
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ConfirmQRIS records that a money manager has checked the merchant name
// of the stored code, which must still be payload (what they were shown):
// otherwise ErrQRISChanged. It returns db.ErrNotFound when there is no
// code; confirming a confirmed code changes nothing.
func (s *Store) ConfirmQRIS(ctx context.Context, actor Actor, orgID int64, payload string) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		cur, err := loadQRIS(ctx, tx, orgID)
		if err != nil {
			return err
		}
		if cur.Payload != strings.TrimSpace(payload) {
			return ErrQRISChanged
		}
		if cur.Confirmed() {
			return nil
		}
		var by any
		if actor.ID != 0 {
			by = actor.ID
		}
		res, err := tx.Exec(ctx, `UPDATE org_qris SET confirmed_at = ?, confirmed_by = ?
			WHERE org_id = ? AND payload = ? AND confirmed_at IS NULL`, db.Now(), by, orgID, cur.Payload)
		if err != nil {
			return fmt.Errorf("payment: confirm qris: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("payment: confirm qris: %w", err)
		} else if n == 0 {
			// Another request confirmed or replaced it after we read it.
			return ErrQRISChanged
		}
		return record(ctx, tx, actor, "payment.qris.confirmed", orgID, fmt.Sprintf("%s (NMID %s)", cur.MerchantName, cur.NMID))
	})
}
