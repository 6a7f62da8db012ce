package backup

import (
	"context"
	"fmt"
	"os"
	"strings"

	"lokadaya/internal/db"
)

func sqlitePath(dbURL string) string { return strings.TrimPrefix(dbURL, "sqlite:") }

// sqliteTables counts the tables in the SQLite file at path; a missing
// or empty file has none.
func sqliteTables(ctx context.Context, path string) (int, error) {
	if st, err := os.Stat(path); os.IsNotExist(err) || (err == nil && st.Size() == 0) {
		return 0, nil
	} else if err != nil {
		return 0, err
	}
	d, err := db.Open(ctx, "sqlite:"+path)
	if err != nil {
		return 0, err
	}
	defer d.Close()
	var n int
	err = d.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'`).Scan(&n)
	return n, err
}

// restoreSQLite puts a copy of the backup's file at path: copied beside
// it first and renamed into place, so that path is either the empty
// database it was or the whole copy. The empty database's WAL files go;
// they belong to the file being replaced.
func restoreSQLite(copyPath, path string) error {
	tmp := path + ".restoring"
	_ = os.Remove(tmp)
	if _, err := copyFile(copyPath, tmp); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !os.IsNotExist(err) {
			_ = os.Remove(tmp)
			return fmt.Errorf("remove %s: %w", path+suffix, err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return nil
}
