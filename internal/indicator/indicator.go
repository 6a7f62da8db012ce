// Package indicator keeps an initiative's output and outcome indicators —
// unit, baseline, target, periods, source of verification, disaggregation —
// and their actuals, typed in or computed from what the platform already
// holds (service records, feedback and IKM, Galang Daya), each computed
// actual naming where it came from.
package indicator

import (
	"time"

	"lokadaya/internal/db"
)

// Store keeps indicators and their actuals.
type Store struct {
	DB  *db.DB
	Now func() time.Time
}
