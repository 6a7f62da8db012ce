// Package commitment keeps the promises stakeholders made to an
// organisation at events and audiences — who, what, by when, where, the
// evidence — and their follow-up, so the organisation can collect on them
// (menagih janji).
package commitment

import (
	"time"

	"lokadaya/internal/db"
)

// Store keeps commitments and their follow-ups.
type Store struct {
	DB  *db.DB
	Now func() time.Time
}
