package cli

import (
	"context"
	"log/slog"
	"sync"

	"lokadaya/internal/db"
)

// startWorkers runs the background workers until ctx ends.
func startWorkers(ctx context.Context, d *db.DB, log *slog.Logger) *sync.WaitGroup {
	var wg sync.WaitGroup
	_ = ctx
	_ = d
	_ = log
	return &wg
}
