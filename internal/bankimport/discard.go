package bankimport

import (
	"context"
	"fmt"
	"time"

	"lokadaya/internal/db"
)

// StaleAfter is how long an import may wait for its confirmation: older
// pending imports are discarded with their file, which holds other
// people's transactions and should not be kept without a use.
const StaleAfter = 7 * 24 * time.Hour

// Discard throws away a pending import and its file, for a money manager
// who uploaded the wrong statement or does not want to confirm it. A
// confirmed import stays (ErrConfirmed): its lines are on record.
func (s *Store) Discard(ctx context.Context, orgID int64, id string, actor Actor) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		imp, err := s.get(ctx, tx, orgID, id)
		if err != nil {
			return err
		}
		if !imp.Pending() {
			return ErrConfirmed
		}
		res, err := tx.Exec(ctx, `DELETE FROM bank_statement_imports WHERE id = ? AND org_id = ? AND status = ?`,
			id, orgID, StatusPending)
		if err != nil {
			return fmt.Errorf("bankimport: discard: %w", err)
		}
		if n, err := res.RowsAffected(); err == nil && n == 0 {
			return ErrConfirmed // confirmed meanwhile
		}
		return record(ctx, tx, actor, "bankimport.discard", imp, fmt.Sprintf("file=%q", imp.FileName))
	})
}

// PurgeStale discards the pending imports uploaded more than StaleAfter
// ago and reports how many there were.
func (s *Store) PurgeStale(ctx context.Context) (int64, error) {
	res, err := s.DB.Exec(ctx, `DELETE FROM bank_statement_imports WHERE status = ? AND created_at < ?`,
		StatusPending, s.now().Add(-StaleAfter))
	if err != nil {
		return 0, fmt.Errorf("bankimport: purge stale: %w", err)
	}
	return res.RowsAffected()
}

// RunPurgeStale calls PurgeStale every interval until ctx ends.
func (s *Store) RunPurgeStale(ctx context.Context, every time.Duration, log interface {
	Error(string, ...any)
	Info(string, ...any)
}) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := s.PurgeStale(ctx); err != nil && ctx.Err() == nil {
			log.Error("stale statement imports not discarded", "err", err)
		} else if n > 0 {
			log.Info("stale statement imports discarded", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
