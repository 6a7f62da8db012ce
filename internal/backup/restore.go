package backup

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/ledger"
	"lokadaya/internal/migrations"
)

// ErrNotEmpty means the restore target already holds data; a restore
// never mixes a backup with what is there.
var ErrNotEmpty = errors.New("backup: the target is not empty")

// ErrIncompatible means the backup cannot go into this target: another
// kind of database, or a schema newer than this program knows.
var ErrIncompatible = errors.New("backup: the backup does not fit the target")

// ErrRestoredBad means the restored data does not check out: a row
// count differs from the manifest or a ledger chain does not verify.
var ErrRestoredBad = errors.New("backup: the restored data does not check out")

// Report is what a restore brought back and what the checks found.
type Report struct {
	Manifest  *Manifest
	RowCounts map[string]int64 // counted in the restored database
	Chains    []ledger.Result  // one per organisation with books
	Uploads   int              // files copied back
}

// BadChains counts the ledger chains that did not verify.
func (r *Report) BadChains() int {
	n := 0
	for _, c := range r.Chains {
		if !c.OK {
			n++
		}
	}
	return n
}

// RestoreOptions change what a restore accepts.
type RestoreOptions struct {
	// Force replaces what the target holds: the database's tables are
	// dropped (the SQLite file is replaced) and uploaded files of the same
	// name are overwritten. Other files in the uploads directory stay;
	// nothing the restored database names is missing or stale.
	Force bool
}

// Restore brings the backup in from back into the empty database at
// dbURL and the empty (or missing) uploadsDir, then counts the key tables
// and verifies every organisation's ledger chain. Everything is checked
// before anything is written: the manifest's checksums, the database's
// kind and schema version, and (unless opt.Force) that both targets are
// empty. The server must not be running against the target meanwhile.
func Restore(ctx context.Context, from, dbURL, uploadsDir string, opt RestoreOptions) (*Report, error) {
	m, err := Verify(from)
	if err != nil {
		return nil, err
	}
	if err := checkTarget(ctx, m, dbURL, uploadsDir, opt.Force); err != nil {
		return nil, err
	}
	switch m.Dialect {
	case db.SQLite:
		// The restored file replaces the old one in a rename: forced or
		// not, the target is never half old, half new.
		err = restoreSQLite(filepath.Join(from, m.Database.Path), sqlitePath(dbURL))
	case db.Postgres:
		if opt.Force {
			err = dropPostgresTables(ctx, dbURL)
		}
		if err == nil {
			err = restorePostgres(ctx, filepath.Join(from, m.Database.Path), dbURL)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("backup: restore: %w", err)
	}
	rep := &Report{Manifest: m}
	for _, p := range m.Uploads {
		rel := strings.TrimPrefix(p.Path, UploadsSubdir+"/")
		to := filepath.Join(uploadsDir, filepath.FromSlash(rel))
		if opt.Force {
			if err := os.Remove(to); err != nil && !os.IsNotExist(err) {
				return rep, fmt.Errorf("backup: restore uploads: %w", err)
			}
		}
		if _, err := copyFile(filepath.Join(from, p.Path), to); err != nil {
			return rep, fmt.Errorf("backup: restore uploads: %w", err)
		}
		rep.Uploads++
	}
	return rep, check(ctx, dbURL, rep)
}

// checkTarget refuses a restore that could not finish or would mix data.
func checkTarget(ctx context.Context, m *Manifest, dbURL, uploadsDir string, force bool) error {
	dialect := db.SQLite
	if strings.HasPrefix(dbURL, "postgres://") || strings.HasPrefix(dbURL, "postgresql://") {
		dialect = db.Postgres
	}
	if dialect != m.Dialect {
		return fmt.Errorf("%w: this is a %s backup; it restores only into a %s database", ErrIncompatible, m.Dialect, m.Dialect)
	}
	if known := latestMigration(); m.SchemaVersion > known {
		return fmt.Errorf("%w: its schema version %d is newer than this program's %d; restore with a newer lokadaya", ErrIncompatible, m.SchemaVersion, known)
	}
	if force {
		return nil
	}
	var tables int
	var err error
	if dialect == db.Postgres {
		tables, err = postgresTables(ctx, dbURL)
	} else {
		tables, err = sqliteTables(ctx, sqlitePath(dbURL))
	}
	if err != nil {
		return fmt.Errorf("backup: target database: %w", err)
	}
	if tables > 0 {
		return fmt.Errorf("%w: the database already has %d table(s); restore into a new, empty database or replace it with --force", ErrNotEmpty, tables)
	}
	if len(m.Uploads) > 0 {
		if empty, err := isEmptyDir(uploadsDir); err != nil {
			return fmt.Errorf("backup: uploads directory: %w", err)
		} else if !empty {
			return fmt.Errorf("%w: the uploads directory %s already holds files; restore into an empty one or overwrite with --force", ErrNotEmpty, uploadsDir)
		}
	}
	return nil
}

// check counts the restored rows against the manifest and verifies every
// ledger chain.
func check(ctx context.Context, dbURL string, rep *Report) error {
	d, err := db.Open(ctx, dbURL)
	if err != nil {
		return fmt.Errorf("backup: open restored database: %w", err)
	}
	defer d.Close()
	if rep.RowCounts, err = countRows(ctx, d); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	var problems []string
	for _, t := range KeyTables {
		if want, got := rep.Manifest.RowCounts[t], rep.RowCounts[t]; want != got {
			problems = append(problems, fmt.Sprintf("%s has %d rows, the backup had %d", t, got, want))
		}
	}
	orgs, err := ledger.Orgs(ctx, d)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	for _, id := range orgs {
		res, err := ledger.Verify(ctx, d, id)
		if err != nil {
			return fmt.Errorf("backup: ledger verify: %w", err)
		}
		rep.Chains = append(rep.Chains, res)
		if !res.OK {
			problems = append(problems, fmt.Sprintf("ledger of organisation %d: %s at entry %d", id, res.Problem, *res.FirstBad))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s", ErrRestoredBad, strings.Join(problems, "; "))
	}
	return nil
}

func latestMigration() int {
	v := 0
	for _, m := range migrations.All() {
		v = max(v, m.Version)
	}
	return v
}
