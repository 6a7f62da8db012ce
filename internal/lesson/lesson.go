// Package lesson keeps the lessons library: lessons from reflection
// sessions and from any stage of the cycle, tagged by stage, issue and
// region, with the initiative they came from, what they led to and the
// evidence they rest on; published ones are public and searchable across
// organisations.
package lesson

import (
	"time"

	"lokadaya/internal/db"
)

// Store keeps lessons.
type Store struct {
	DB  *db.DB
	Now func() time.Time
}
