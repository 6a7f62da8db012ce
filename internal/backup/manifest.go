// Package backup copies Lokadaya's database and uploads into a backup
// directory while the server keeps running, and restores such a directory
// into an empty database.
//
// A backup is a directory:
//
//	manifest.json      what is in it, with a sha256 of every part
//	database.sqlite    SQLite: a VACUUM INTO copy, or
//	database.pgdump    PostgreSQL: pg_dump --format=custom
//	uploads/…          the uploads directory, unless left out
//
// A directory rather than one archive file: every part can be checked,
// copied elsewhere (rsync, object storage) and read with ordinary tools.
package backup

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"lokadaya/internal/db"
)

// FormatVersion is the layout of a backup directory this package writes
// and reads.
const FormatVersion = 1

// Names inside a backup directory.
const (
	ManifestFile  = "manifest.json"
	SQLiteFile    = "database.sqlite"
	PostgresFile  = "database.pgdump"
	UploadsSubdir = "uploads"
)

// KeyTables are counted into the manifest and counted again after a
// restore: the two must agree.
var KeyTables = []string{"users", "organizations", "campaigns", "donations", "ledger_entries", "expenses"}

// Manifest describes one backup.
type Manifest struct {
	FormatVersion int        `json:"format_version"`
	Dialect       db.Dialect `json:"dialect"`
	CreatedAt     time.Time  `json:"created_at"`
	// SchemaVersion is the highest migration applied to the copied database.
	SchemaVersion int `json:"schema_version"`
	// Database is the database part; Uploads the copied upload files.
	Database Part   `json:"database"`
	Uploads  []Part `json:"uploads"`
	// UploadsIncluded is false for a backup made without uploads;
	// UploadsDir then names where they live, to be saved another way.
	UploadsIncluded bool             `json:"uploads_included"`
	UploadsDir      string           `json:"uploads_dir,omitempty"`
	RowCounts       map[string]int64 `json:"row_counts"`
}

// Part is one file of a backup, its path relative to the backup directory.
type Part struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// ErrChecksum means a part of the backup differs from what the manifest
// recorded: it was changed or damaged after the backup was made.
var ErrChecksum = errors.New("backup: checksum mismatch")

func writeManifest(dir string, m *Manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return writeFileSynced(filepath.Join(dir, ManifestFile), append(b, '\n'))
}

// ReadManifest reads and checks the manifest of the backup in dir.
func ReadManifest(dir string) (*Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return nil, fmt.Errorf("backup: %s is not a backup: %w", dir, err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("backup: manifest: %w", err)
	}
	if m.FormatVersion != FormatVersion {
		return nil, fmt.Errorf("backup: format version %d is not known (this program reads %d)", m.FormatVersion, FormatVersion)
	}
	if m.Dialect != db.SQLite && m.Dialect != db.Postgres {
		return nil, fmt.Errorf("backup: unknown dialect %q", m.Dialect)
	}
	for _, p := range append([]Part{m.Database}, m.Uploads...) {
		if !filepath.IsLocal(p.Path) {
			return nil, fmt.Errorf("backup: manifest names a path outside the backup: %q", p.Path)
		}
	}
	for _, p := range m.Uploads {
		if !strings.HasPrefix(p.Path, UploadsSubdir+"/") {
			return nil, fmt.Errorf("backup: manifest names an upload outside %s/: %q", UploadsSubdir, p.Path)
		}
	}
	return &m, nil
}

// Verify checks every part of the backup in dir against its manifest.
func Verify(dir string) (*Manifest, error) {
	m, err := ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	for _, p := range append([]Part{m.Database}, m.Uploads...) {
		got, err := hashFile(filepath.Join(dir, p.Path))
		if err != nil {
			return nil, fmt.Errorf("backup: %s: %w", p.Path, err)
		}
		if got.Size != p.Size || got.SHA256 != p.SHA256 {
			return nil, fmt.Errorf("%w: %s", ErrChecksum, p.Path)
		}
	}
	return m, nil
}
