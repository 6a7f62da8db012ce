package cycletool

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"lokadaya/internal/db"
)

// Cycle is what the tools need of a development cycle; the cycle itself
// belongs to the cycle workspace, so it is read here by SQL only.
type Cycle struct {
	ID           int64
	OrgID        int64
	Number       int
	CurrentStage int
	Status       string // open or closed
}

// Open reports whether the cycle still takes changes; closed cycles are
// read-only.
func (c *Cycle) Open() bool { return c.Status == "open" }

// LoadCycle reads cycle number n of an organisation; db.ErrNotFound when
// it does not exist.
func LoadCycle(ctx context.Context, q db.Querier, orgID int64, n int) (*Cycle, error) {
	c := &Cycle{OrgID: orgID, Number: n}
	err := q.QueryRow(ctx, `SELECT id, current_stage, status FROM cycles WHERE org_id = ? AND number = ?`,
		orgID, n).Scan(&c.ID, &c.CurrentStage, &c.Status)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("cycletool: load cycle: %w", err)
	}
	return c, nil
}
