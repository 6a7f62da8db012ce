package dbtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"lokadaya/internal/db"
)

// Seed fills a freshly migrated database, e.g. with the demo data.
type Seed func(ctx context.Context, d *db.DB) error

// Seeded is Open with the database already holding what seed writes. The
// seed runs once per test binary, name and kind of database, into a
// template each test then copies: loading the demo data takes seconds
// (tens under -race), copying it milliseconds. Seeds must not depend on
// anything but the database, since every test shares their result.
func Seeded(t testing.TB, name string, seed Seed) *db.DB {
	t.Helper()
	if os.Getenv("LOKADAYA_TEST_DB") == "postgres" && os.Getenv(PostgresEnv) != "" {
		return PostgresSeeded(t, name, seed)
	}
	return SQLiteSeeded(t, name, seed)
}

// EachSeeded is Each with seeded databases.
func EachSeeded(t *testing.T, name string, seed Seed, fn func(t *testing.T, d *db.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLiteSeeded(t, name, seed)) })
	if os.Getenv(PostgresEnv) == "" {
		return
	}
	t.Run("postgres", func(t *testing.T) { fn(t, PostgresSeeded(t, name, seed)) })
}

// seedTemplate is one seeded template: a file path or a database name.
type seedTemplate struct {
	once sync.Once
	ref  string
	err  error
}

var seeds struct {
	mu sync.Mutex
	m  map[string]*seedTemplate
}

// seedFor returns the template of key, building it with build the first
// time it is asked for.
func seedFor(key string, build func() (string, error)) (string, error) {
	seeds.mu.Lock()
	if seeds.m == nil {
		seeds.m = map[string]*seedTemplate{}
	}
	st := seeds.m[key]
	if st == nil {
		st = &seedTemplate{}
		seeds.m[key] = st
	}
	seeds.mu.Unlock()
	st.once.Do(func() { st.ref, st.err = build() })
	return st.ref, st.err
}

// SQLiteSeeded is SQLite with the seed's data.
func SQLiteSeeded(t testing.TB, name string, seed Seed) *db.DB {
	t.Helper()
	migrated := migratedSQLite(t)
	path, err := seedFor("sqlite/"+name, func() (string, error) {
		dir, err := os.MkdirTemp("", "lokadaya-seed-")
		if err != nil {
			return "", err
		}
		path := filepath.Join(dir, name+".db")
		if err := copyFile(migrated, path); err != nil {
			return "", err
		}
		return path, seedSQLite(path, seed)
	})
	if err != nil {
		t.Fatalf("dbtest: seed %s: %v", name, err)
	}
	return sqliteCopy(t, path)
}

func seedSQLite(path string, seed Seed) error {
	ctx := context.Background()
	d, err := db.Open(ctx, "sqlite:"+path)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := seed(ctx, d); err != nil {
		return err
	}
	// Fold the WAL into the main file so that copying one file is enough.
	_, err = d.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}

// seedPrefix names seeded PostgreSQL templates; the Unix time that follows
// lets a later binary drop the ones left behind (a test binary has no hook
// that runs when it ends).
const seedPrefix = "lokadaya_seed_"

// seedMaxAge is how old a seeded template is when a later binary drops it:
// longer than any test binary runs.
const seedMaxAge = 3 * time.Hour

// PostgresSeeded is Postgres with the seed's data.
func PostgresSeeded(t testing.TB, name string, seed Seed) *db.DB {
	t.Helper()
	server, migrated := migratedPostgres(t)
	tmpl, err := seedFor("postgres/"+name, func() (string, error) {
		return seedPostgres(server, migrated, seed)
	})
	if err != nil {
		t.Fatalf("dbtest: seed %s: %v", name, err)
	}
	return postgresCopy(t, server, tmpl)
}

func seedPostgres(server, migrated string, seed Seed) (string, error) {
	ctx := context.Background()
	admin, err := db.Open(ctx, server)
	if err != nil {
		return "", err
	}
	defer admin.Close()
	dropStaleSeeds(ctx, admin)
	tmpl := seedPrefix + strconv.FormatInt(time.Now().Unix(), 10) + "_" + randomHex(4)
	if err := withAdvisoryLock(ctx, admin, func() error {
		_, err := admin.ExecContext(ctx, fmt.Sprintf(`CREATE DATABASE %s TEMPLATE %s`, tmpl, migrated))
		return err
	}); err != nil {
		return "", err
	}
	d, err := db.Open(ctx, withDatabase(server, tmpl))
	if err != nil {
		return "", err
	}
	err = seed(ctx, d)
	d.Close() // a template must have no connections when it is copied
	return tmpl, err
}

// dropStaleSeeds drops the seeded templates older than seedMaxAge.
func dropStaleSeeds(ctx context.Context, admin *db.DB) {
	rows, err := admin.QueryContext(ctx, `SELECT datname FROM pg_database WHERE datname LIKE $1`, seedPrefix+"%")
	if err != nil {
		return
	}
	var stale []string
	for rows.Next() {
		var name string
		if rows.Scan(&name) != nil {
			continue
		}
		stamp, _, _ := strings.Cut(strings.TrimPrefix(name, seedPrefix), "_")
		if at, err := strconv.ParseInt(stamp, 10, 64); err == nil && time.Since(time.Unix(at, 0)) > seedMaxAge {
			stale = append(stale, name)
		}
	}
	rows.Close()
	for _, name := range stale {
		_, _ = admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
	}
}
