package db_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

// PostgreSQL plans each statement for its own arguments unless the URL
// chooses otherwise: a generic plan, made after five runs of a prepared
// statement, read whole indexes for common words and big regions.
func TestPostgresPlansForEachStatementsArguments(t *testing.T) {
	base := os.Getenv(dbtest.PostgresEnv)
	if base == "" {
		t.Skip(dbtest.PostgresEnv + " not set")
	}
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	ctx := context.Background()
	for _, c := range []struct{ url, want string }{
		{base, "force_custom_plan"},
		{base + sep + "plan_cache_mode=auto", "auto"},
	} {
		d, err := db.Open(ctx, c.url)
		if err != nil {
			t.Fatal(err)
		}
		var mode string
		err = d.QueryRow(ctx, `SHOW plan_cache_mode`).Scan(&mode)
		d.Close()
		if err != nil {
			t.Fatal(err)
		}
		if mode != c.want {
			t.Errorf("%s: plan_cache_mode %s, want %s", c.url, mode, c.want)
		}
	}
}
