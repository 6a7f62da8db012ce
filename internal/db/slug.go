package db

import (
	"context"
	"fmt"
	"strconv"
)

// FreeSlug returns base, or base-N with the smallest N ≥ 2 that no row of
// table has as its slug column. table is always a constant of the caller,
// never user input; slugs hold only [a-z0-9-], so LIKE needs no escaping.
func FreeSlug(ctx context.Context, q Querier, table, base string) (string, error) {
	rows, err := q.Query(ctx, `SELECT slug FROM `+table+` WHERE slug = ? OR slug LIKE ?`, base, base+"-%")
	if err != nil {
		return "", fmt.Errorf("db: %s slugs: %w", table, err)
	}
	defer rows.Close()
	taken := map[string]bool{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return "", fmt.Errorf("db: %s slugs: %w", table, err)
		}
		taken[s] = true
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("db: %s slugs: %w", table, err)
	}
	c := base
	for n := 2; taken[c]; n++ {
		c = base + "-" + strconv.Itoa(n)
	}
	return c, nil
}
