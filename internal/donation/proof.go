package donation

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/db"
)

// MaxProofBytes is the largest proof of transfer accepted: a phone's
// screenshot or a bank's PDF receipt is far smaller.
const MaxProofBytes = 5 << 20

// ErrProofClosed means the donation no longer takes a proof: it is not a
// pending bank transfer.
var ErrProofClosed = errors.New("donation: proof only for pending transfers")

// Proof is the donor's proof of transfer, kept privately.
type Proof struct {
	DonationID  int64
	BlobKey     string
	ContentType string
	Size        int64
	UploadedAt  time.Time
}

// TakesProof reports whether the donor may attach a proof of transfer:
// only while a bank transfer is pending.
func (d *Donation) TakesProof() bool { return d.Pending() && d.Method == MethodTransfer }

// SetProof records p as the donation's proof, replacing any earlier one,
// and returns the blob key of the replaced file ("" when none) for the
// caller to delete. A donation that no longer takes a proof is
// ErrProofClosed.
func (s *Store) SetProof(ctx context.Context, p Proof) (oldKey string, err error) {
	oldKey, err = s.setProof(ctx, p)
	if db.IsUniqueViolation(err) { // two first uploads at once: the second replaces
		oldKey, err = s.setProof(ctx, p)
	}
	return oldKey, err
}

func (s *Store) setProof(ctx context.Context, p Proof) (oldKey string, err error) {
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		d, err := s.get(ctx, tx, `id = ?`, p.DonationID)
		if err != nil {
			return err
		}
		if !d.TakesProof() {
			return ErrProofClosed
		}
		err = tx.QueryRow(ctx, `SELECT blob_key FROM donation_proofs WHERE donation_id = ?`, p.DonationID).Scan(&oldKey)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			oldKey = ""
			_, err = tx.Exec(ctx, `INSERT INTO donation_proofs (donation_id, blob_key, content_type, size, uploaded_at)
				VALUES (?, ?, ?, ?, ?)`, p.DonationID, p.BlobKey, p.ContentType, p.Size, s.now())
			if err == nil && s.OnProof != nil {
				err = s.OnProof(ctx, tx, d)
			}
		case err == nil:
			_, err = tx.Exec(ctx, `UPDATE donation_proofs SET blob_key = ?, content_type = ?, size = ?, uploaded_at = ?
				WHERE donation_id = ?`, p.BlobKey, p.ContentType, p.Size, s.now(), p.DonationID)
		}
		return err
	})
	if err != nil {
		if errors.Is(err, ErrProofClosed) || errors.Is(err, db.ErrNotFound) || db.IsUniqueViolation(err) {
			return "", err
		}
		return "", fmt.Errorf("donation: set proof: %w", err)
	}
	return oldKey, nil
}

// ProofOf returns the proof of the organisation's donation id;
// db.ErrNotFound when there is none or the donation is another
// organisation's.
func (s *Store) ProofOf(ctx context.Context, orgID, id int64) (*Proof, error) {
	p := &Proof{}
	err := s.DB.QueryRow(ctx, `SELECT p.donation_id, p.blob_key, p.content_type, p.size, p.uploaded_at
		FROM donation_proofs p JOIN donations d ON d.id = p.donation_id WHERE p.donation_id = ? AND d.org_id = ?`,
		id, orgID).Scan(&p.DonationID, &p.BlobKey, &p.ContentType, &p.Size, &p.UploadedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("donation: proof: %w", err)
	}
	p.UploadedAt = p.UploadedAt.UTC()
	return p, nil
}

// HasProof reports whether the donation has a proof attached.
func (s *Store) HasProof(ctx context.Context, id int64) (bool, error) {
	var n int
	if err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM donation_proofs WHERE donation_id = ?`, id).Scan(&n); err != nil {
		return false, fmt.Errorf("donation: proof: %w", err)
	}
	return n > 0, nil
}

// WithProof returns the ids of the organisation's donations that have a
// proof attached, for the treasurer's list.
func (s *Store) WithProof(ctx context.Context, orgID int64) (map[int64]bool, error) {
	rows, err := s.DB.Query(ctx, `SELECT p.donation_id FROM donation_proofs p JOIN donations d ON d.id = p.donation_id
		WHERE d.org_id = ?`, orgID)
	if err != nil {
		return nil, fmt.Errorf("donation: proofs: %w", err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("donation: proofs: %w", err)
		}
		out[id] = true
	}
	return out, rows.Err()
}
