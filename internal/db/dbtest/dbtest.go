// Package dbtest gives tests a fresh, fully migrated database of each kind:
// a real SQLite file always, and a real PostgreSQL database when
// LOKADAYA_TEST_POSTGRES_URL names a server.
//
// Migrating (which loads ~92,000 regions) happens once per test binary for
// SQLite and once per migration set for PostgreSQL; each test then gets a
// copy: a copied file, or CREATE DATABASE … TEMPLATE.
package dbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/migrations"
)

// PostgresEnv names the variable holding the PostgreSQL server URL.
const PostgresEnv = "LOKADAYA_TEST_POSTGRES_URL"

// Each runs fn as a subtest on SQLite and, when configured, on PostgreSQL.
func Each(t *testing.T, fn func(t *testing.T, d *db.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	if os.Getenv(PostgresEnv) == "" {
		return
	}
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}

// Open returns a fresh database of the kind LOKADAYA_TEST_DB asks for
// ("postgres"), SQLite otherwise. Handler tests use it to stay fast while CI
// runs them once more against PostgreSQL.
func Open(t testing.TB) *db.DB {
	t.Helper()
	if os.Getenv("LOKADAYA_TEST_DB") == "postgres" && os.Getenv(PostgresEnv) != "" {
		return Postgres(t)
	}
	return SQLite(t)
}

var sqliteTemplate struct {
	once sync.Once
	path string
	err  error
}

// SQLite returns a migrated SQLite database in a temporary file.
func SQLite(t testing.TB) *db.DB {
	t.Helper()
	return sqliteCopy(t, migratedSQLite(t))
}

// migratedSQLite is the path of the migrated template file, built once.
func migratedSQLite(t testing.TB) string {
	t.Helper()
	sqliteTemplate.once.Do(func() {
		dir, err := os.MkdirTemp("", "lokadaya-tmpl-")
		if err != nil {
			sqliteTemplate.err = err
			return
		}
		sqliteTemplate.path = filepath.Join(dir, "template.db")
		sqliteTemplate.err = buildSQLiteTemplate(sqliteTemplate.path)
	})
	if sqliteTemplate.err != nil {
		t.Fatalf("dbtest: sqlite template: %v", sqliteTemplate.err)
	}
	return sqliteTemplate.path
}

// sqliteCopy opens a copy of the template file, removed when the test ends.
func sqliteCopy(t testing.TB, template string) *db.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lokadaya.db")
	if err := copyFile(template, path); err != nil {
		t.Fatal(err)
	}
	d, err := db.Open(context.Background(), "sqlite:"+path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func buildSQLiteTemplate(path string) error {
	ctx := context.Background()
	d, err := db.Open(ctx, "sqlite:"+path)
	if err != nil {
		return err
	}
	defer d.Close()
	if _, err := d.Migrate(ctx, migrations.All()); err != nil {
		return err
	}
	// Fold the WAL into the main file so that copying one file is enough.
	_, err = d.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

var pgTemplate struct {
	once sync.Once
	name string
	err  error
}

// Postgres returns a migrated database on the configured server, dropped
// when the test ends. It skips the test when no server is configured.
func Postgres(t testing.TB) *db.DB {
	t.Helper()
	server, tmpl := migratedPostgres(t)
	return postgresCopy(t, server, tmpl)
}

// migratedPostgres is the server and the migrated template database's
// name, built once; it skips the test when no server is configured.
func migratedPostgres(t testing.TB) (server, template string) {
	t.Helper()
	server = os.Getenv(PostgresEnv)
	if server == "" {
		t.Skip("dbtest: " + PostgresEnv + " not set")
	}
	pgTemplate.once.Do(func() {
		pgTemplate.name, pgTemplate.err = ensurePostgresTemplate(context.Background(), server)
	})
	if pgTemplate.err != nil {
		t.Fatalf("dbtest: postgres template: %v", pgTemplate.err)
	}
	return server, pgTemplate.name
}

// postgresCopy creates a database from template, dropped when the test ends.
func postgresCopy(t testing.TB, server, template string) *db.DB {
	t.Helper()
	ctx := context.Background()
	admin, err := db.Open(ctx, server)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := "lokadaya_t_" + randomHex(6)
	if err := withAdvisoryLock(ctx, admin, func() error {
		_, err := admin.ExecContext(ctx, fmt.Sprintf(`CREATE DATABASE %s TEMPLATE %s`, name, template))
		return err
	}); err != nil {
		t.Fatalf("dbtest: create database: %v", err)
	}
	d, err := db.Open(ctx, withDatabase(server, name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		d.Close()
		if admin, err := db.Open(ctx, server); err == nil {
			_, _ = admin.ExecContext(ctx, fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, name))
			admin.Close()
		}
	})
	return d
}

// ensurePostgresTemplate builds the template database for this migration
// set unless another test binary already did. Concurrent binaries take turns
// on an advisory lock.
func ensurePostgresTemplate(ctx context.Context, server string) (string, error) {
	name := "lokadaya_tmpl_" + migrations.Fingerprint()
	admin, err := db.Open(ctx, server)
	if err != nil {
		return "", err
	}
	defer admin.Close()
	err = withAdvisoryLock(ctx, admin, func() error {
		var n int
		if err := admin.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_database WHERE datname = $1`, name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		building := name + "_b"
		_, _ = admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+building+` WITH (FORCE)`)
		if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+building); err != nil {
			return err
		}
		d, err := db.Open(ctx, withDatabase(server, building))
		if err != nil {
			return err
		}
		_, err = d.Migrate(ctx, migrations.All())
		d.Close()
		if err != nil {
			return err
		}
		_, err = admin.ExecContext(ctx, `ALTER DATABASE `+building+` RENAME TO `+name)
		return err
	})
	return name, err
}

// withAdvisoryLock runs fn while holding a server-wide lock, on one
// connection so that the lock and its release meet.
func withAdvisoryLock(ctx context.Context, admin *db.DB, fn func() error) error {
	conn, err := admin.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	const key = 0x4c4b5454 // "LKTT"
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		return err
	}
	defer conn.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, key) //nolint:errcheck
	return fn()
}

func withDatabase(server, name string) string {
	u, err := url.Parse(server)
	if err != nil {
		return server
	}
	u.Path = "/" + name
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
