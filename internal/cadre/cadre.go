// Package cadre keeps an organisation's cadre register (kader): the people
// it has trained to lead, where they work down to desa, their skills,
// trainings and what they led. It is personal data: only the
// organisation's people read it, and a cadre can be exported and erased.
package cadre

import (
	"time"

	"lokadaya/internal/db"
)

// Store keeps the cadre register.
type Store struct {
	DB  *db.DB
	Now func() time.Time
}
