package region

import (
	"context"
	"fmt"

	"lokadaya/internal/db"
)

// narrowShare: a region holding less than 1/narrowShare of the country's
// organisations is narrow.
const narrowShare = 50

// Narrow reports whether a region holds few of the country's
// organisations, read from the running figures (package figures). A list
// filtered by a narrow region is best found from the region's indexes; a
// list filtered by a broad one by walking the newest rows, a match being
// near.
func Narrow(ctx context.Context, q db.Querier, code string) (bool, error) {
	var here, country int64
	err := q.QueryRow(ctx, `SELECT COALESCE(SUM(CASE WHEN region_code = ? THEN organizations ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN region_code = '' THEN organizations ELSE 0 END), 0)
		FROM region_figures WHERE region_code IN ('', ?)`, code, code).Scan(&here, &country)
	if err != nil {
		return false, fmt.Errorf("region: narrow: %w", err)
	}
	return here*narrowShare < country, nil
}
