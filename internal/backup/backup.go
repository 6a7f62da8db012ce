package backup

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"lokadaya/internal/db"
)

// Options say what goes into a backup besides the database.
type Options struct {
	// UploadsDir is the directory of uploaded files.
	UploadsDir string
	// WithoutUploads leaves the files out; the manifest then names
	// UploadsDir so that whoever restores knows what to bring back.
	WithoutUploads bool
	// Now stamps the manifest; time.Now when nil.
	Now func() time.Time
}

// Backup writes a consistent copy of d, and the uploads, into the new
// directory to (which must not exist, or be empty) while writers go on.
// Everything committed before Backup was called is in the copy. The
// manifest is written last: a directory without one is not a backup.
func Backup(ctx context.Context, d *db.DB, to string, opt Options) (*Manifest, error) {
	if empty, err := isEmptyDir(to); err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	} else if !empty {
		return nil, fmt.Errorf("backup: %s is not empty; choose a new directory", to)
	}
	if err := os.MkdirAll(to, 0o750); err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	m, err := write(ctx, d, to, opt)
	if err != nil {
		// Leave nothing that could be taken for a backup.
		_ = os.RemoveAll(to)
		return nil, err
	}
	return m, nil
}

func write(ctx context.Context, d *db.DB, to string, opt Options) (*Manifest, error) {
	now := time.Now
	if opt.Now != nil {
		now = opt.Now
	}
	m := &Manifest{FormatVersion: FormatVersion, Dialect: d.Dialect, CreatedAt: now().UTC()}
	var err error
	switch d.Dialect {
	case db.SQLite:
		err = backupSQLite(ctx, d, to, m)
	case db.Postgres:
		err = backupPostgres(ctx, d, to, m)
	default:
		err = fmt.Errorf("unknown dialect %q", d.Dialect)
	}
	if err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	// The files after the database: an upload is written before the row
	// that names it, so every file the copy names is here (and perhaps
	// a few newer ones, which do no harm).
	if opt.WithoutUploads {
		m.UploadsDir = opt.UploadsDir
	} else if opt.UploadsDir != "" {
		m.UploadsIncluded = true
		m.Uploads, err = copyTree(opt.UploadsDir, filepath.Join(to, UploadsSubdir), UploadsSubdir)
		if err != nil {
			return nil, fmt.Errorf("backup: uploads: %w", err)
		}
	}
	if err := writeManifest(to, m); err != nil {
		return nil, fmt.Errorf("backup: manifest: %w", err)
	}
	return m, nil
}

// backupSQLite copies the database with VACUUM INTO, which reads it in
// one transaction: a consistent copy while others write (WAL mode lets
// them), compacted, with no WAL of its own.
func backupSQLite(ctx context.Context, d *db.DB, to string, m *Manifest) error {
	path := filepath.Join(to, SQLiteFile)
	if _, err := d.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("sqlite copy: %w", err)
	}
	// Count on the copy, not on the live database, which has moved on.
	cp, err := db.Open(ctx, "sqlite:"+path)
	if err != nil {
		return err
	}
	err = describe(ctx, cp, m)
	if cerr := cp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	p, err := hashFile(path)
	if err != nil {
		return err
	}
	p.Path = SQLiteFile
	m.Database = p
	return nil
}

// describe records the schema version and the key tables' row counts.
func describe(ctx context.Context, q querier, m *Manifest) error {
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&m.SchemaVersion); err != nil {
		return fmt.Errorf("schema version: %w", err)
	}
	counts, err := countRows(ctx, q)
	m.RowCounts = counts
	return err
}

// querier is what describe and countRows read through: a pool or the
// transaction holding a PostgreSQL snapshot.
type querier interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func countRows(ctx context.Context, q querier) (map[string]int64, error) {
	counts := make(map[string]int64, len(KeyTables))
	for _, t := range KeyTables {
		var n int64
		// Table names come from KeyTables, never from input.
		if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+t).Scan(&n); err != nil {
			return nil, fmt.Errorf("count %s: %w", t, err)
		}
		counts[t] = n
	}
	return counts, nil
}

// errTool explains a missing PostgreSQL client program.
func errTool(name string, err error) error {
	if errors.Is(err, os.ErrNotExist) || strings.Contains(err.Error(), "executable file not found") {
		return fmt.Errorf("%s not found on PATH: install the PostgreSQL client tools of the server's major version (e.g. apt install postgresql-client)", name)
	}
	return err
}
