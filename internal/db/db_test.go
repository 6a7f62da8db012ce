package db_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/migrations"
)

func TestMigrateIsIdempotent(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		n, err := d.Migrate(ctx, migrations.All())
		if err != nil || n != 0 {
			t.Fatalf("second migrate applied %d, err %v; want 0, nil", n, err)
		}
		v, err := d.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		all := migrations.All()
		if want := all[len(all)-1].Version; v != want {
			t.Errorf("version %d, want %d", v, want)
		}
	})
}

func TestConcurrentMigrators(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		extra := append(migrations.All(), db.Migration{Version: 9999, Name: "probe",
			SQL: `CREATE TABLE probe (id BIGSERIAL PRIMARY KEY, v TEXT NOT NULL)`})
		var wg sync.WaitGroup
		total := make(chan int, 4)
		for range 4 {
			wg.Go(func() {
				n, err := d.Migrate(ctx, extra)
				if err != nil {
					t.Error(err)
				}
				total <- n
			})
		}
		wg.Wait()
		close(total)
		sum := 0
		for n := range total {
			sum += n
		}
		if sum != 1 {
			t.Errorf("applied %d times in all, want 1", sum)
		}
	})
}

func TestPortableSQL(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		now := db.Now()
		var id int64
		err := d.QueryRow(ctx, `INSERT INTO users (email, name, password_hash, created_at)
			VALUES (?, ?, ?, ?) RETURNING id`, "a@example.org", "A ? literal", "x", now).Scan(&id)
		if err != nil {
			t.Fatal(err)
		}
		var got time.Time
		var admin bool
		var name string
		err = d.QueryRow(ctx, `SELECT created_at, is_admin, name FROM users WHERE id = ? AND name <> '?'`, id).Scan(&got, &admin, &name)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Equal(now) || admin || name != "A ? literal" {
			t.Errorf("read back %v %v %q; want %v false", got, admin, name, now)
		}
		_, err = d.Exec(ctx, `INSERT INTO users (email, name, password_hash, created_at) VALUES (?, ?, ?, ?)`,
			"a@example.org", "B", "x", now)
		if !db.IsUniqueViolation(err) {
			t.Errorf("duplicate e-mail: err %v, want unique violation", err)
		}
		err = d.QueryRow(ctx, `SELECT name FROM users WHERE id = ?`, id+100).Scan(&name)
		if !errors.Is(err, sql.ErrNoRows) {
			t.Errorf("missing row: %v", err)
		}
	})
}

func TestRegionCounts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		want := map[string]int{"provinsi": 38, "kabupaten": 416, "kota": 98, "kecamatan": 7285}
		rows, err := d.Query(context.Background(), `SELECT level, COUNT(*) FROM regions GROUP BY level`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		got := map[string]int{}
		for rows.Next() {
			var level string
			var n int
			if err := rows.Scan(&level, &n); err != nil {
				t.Fatal(err)
			}
			got[level] = n
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		for level, n := range want {
			if got[level] != n {
				t.Errorf("%s: %d, want %d", level, got[level], n)
			}
		}
		if villages := got["desa"] + got["kelurahan"]; villages != 83762 {
			t.Errorf("desa+kelurahan: %d, want 83762", villages)
		}
	})
}

func TestFreeSlug(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		for _, slug := range []string{"hub", "hub-2", "hub-3", "hub-x", "lain"} {
			if _, err := d.Exec(ctx, `INSERT INTO hubs (slug, name, created_at) VALUES (?, ?, ?)`, slug, slug, db.Now()); err != nil {
				t.Fatal(err)
			}
		}
		for base, want := range map[string]string{"hub": "hub-4", "lain": "lain-2", "baru": "baru", "hu": "hu"} {
			got, err := db.FreeSlug(ctx, d, "hubs", base)
			if err != nil || got != want {
				t.Errorf("FreeSlug(%q) = %q, %v; want %q", base, got, err, want)
			}
		}
	})
}

// TestOpenPathWithURICharacters: a file whose path holds what a URI reads
// as syntax ('#', '?', '%') is opened where it is, not somewhere cut short.
func TestOpenPathWithURICharacters(t *testing.T) {
	for _, dir := range []string{"a#01", "b?x=1", "c%20d", "plain"} {
		t.Run(dir, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), dir, "lokadaya.db")
			ctx := context.Background()
			d, err := db.Open(ctx, "sqlite:"+path)
			if err != nil {
				t.Fatal(err)
			}
			_, err = d.ExecContext(ctx, `CREATE TABLE here (n INTEGER)`)
			d.Close()
			if err != nil {
				t.Fatal(err)
			}
			if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
				t.Fatalf("%s was not written: %v", path, err)
			}
		})
	}
}
