package voicesummary

import (
	"context"
	"time"
)

// Pending is how many organisations SendDue would look at, at now.
func (w *Weekly) Pending(ctx context.Context, now time.Time) (int, error) {
	orgs, err := w.orgs(ctx, dueWeeks(now))
	return len(orgs), err
}
