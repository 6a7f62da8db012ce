// Package reflection keeps an organisation's participatory reflection and
// learning sessions (CoRel): the period and initiatives under review, the
// participant groups sitting apart and together, each group's inputs, the
// structured outcome (new initiatives, fundamental changes, lessons,
// impact, sustainability, recommendations), the self-assessment of
// competence, and the action plan that follows from the findings.
package reflection

import (
	"time"

	"lokadaya/internal/db"
)

// Store keeps reflection sessions, their findings and actions.
type Store struct {
	DB  *db.DB
	Now func() time.Time
}
