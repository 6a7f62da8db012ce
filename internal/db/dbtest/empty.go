package dbtest

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"lokadaya/internal/db"
)

// EmptyURL returns the URL of a new database of the dialect with no
// tables at all (not even migrated), removed when the test ends: a
// target for restoring a backup. PostgreSQL skips the test when no
// server is configured.
func EmptyURL(t testing.TB, dialect db.Dialect) string {
	t.Helper()
	if dialect != db.Postgres {
		return "sqlite:" + filepath.Join(t.TempDir(), "empty.db")
	}
	server, _ := migratedPostgres(t)
	ctx := context.Background()
	admin, err := db.Open(ctx, server)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := "lokadaya_e_" + randomHex(6)
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatalf("dbtest: create empty database: %v", err)
	}
	t.Cleanup(func() {
		if admin, err := db.Open(ctx, server); err == nil {
			_, _ = admin.ExecContext(ctx, fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, name))
			admin.Close()
		}
	})
	return withDatabase(server, name)
}
