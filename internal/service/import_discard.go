package service

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
)

// StaleAfter is how long an import may wait for its confirmation: older
// pending imports are discarded with their file, so a forgotten preview
// does not linger with the field team's sheet in it.
const StaleAfter = 7 * 24 * time.Hour

// DiscardImport throws away a pending import of the initiative and its
// file, for a writer who uploaded the wrong sheet. A confirmed import
// stays (ErrConfirmed): its records are on the books.
func (s *Store) DiscardImport(ctx context.Context, actor Actor, initiativeID int64, id string) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		imp, err := s.getImport(ctx, tx, initiativeID, id)
		if err != nil {
			return err
		}
		if !imp.Pending() {
			return ErrConfirmed
		}
		res, err := tx.Exec(ctx, `DELETE FROM service_imports WHERE id = ? AND status = ?`, id, ImportPending)
		if err != nil {
			return fmt.Errorf("service: discard import: %w", err)
		}
		if n, err := res.RowsAffected(); err == nil && n == 0 {
			return ErrConfirmed // confirmed meanwhile
		}
		return audit.Record(ctx, tx, audit.Entry{ActorID: actor.ID, ActorName: actor.Name, Action: "service.import.discard",
			TargetType: "service_import", TargetID: imp.ID, Detail: imp.FileName})
	})
}

// PurgeStale discards the pending imports uploaded more than StaleAfter
// ago and reports how many there were.
func (s *Store) PurgeStale(ctx context.Context) (int64, error) {
	res, err := s.DB.Exec(ctx, `DELETE FROM service_imports WHERE status = ? AND created_at < ?`,
		ImportPending, s.now().Add(-StaleAfter))
	if err != nil {
		return 0, fmt.Errorf("service: purge stale imports: %w", err)
	}
	return res.RowsAffected()
}

// RunPurgeStale calls PurgeStale every interval until ctx ends.
func (s *Store) RunPurgeStale(ctx context.Context, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := s.PurgeStale(ctx); err != nil && ctx.Err() == nil {
			log.Error("stale service record imports not discarded", "err", err)
		} else if n > 0 {
			log.Info("stale service record imports discarded", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
