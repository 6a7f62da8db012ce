package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"lokadaya/internal/backup"
	"lokadaya/internal/db"
)

// uploadsFlag adds --uploads-dir, the same directory serve uses.
func uploadsFlag(fs *flag.FlagSet) *string {
	return fs.String("uploads-dir", env("LOKADAYA_UPLOADS_DIR", "data/uploads"), "directory of uploaded files (LOKADAYA_UPLOADS_DIR)")
}

// backupCmd runs "backup --to DIR": a consistent copy of the database and
// the uploads while the server keeps running (see internal/backup).
func backupCmd(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	dbURL := dbFlag(fs)
	uploadsDir := uploadsFlag(fs)
	to := fs.String("to", "", "new directory to write the backup into (required)")
	without := fs.Bool("without-uploads", false, "leave the uploaded files out; the manifest names their directory")
	blobsURL := blobsFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *to == "" || fs.NArg() > 0 {
		return errors.New("usage: lokadaya backup --to DIR [--without-uploads] [--db …] [--uploads-dir DIR]")
	}
	// The uploads directory of a server on a bucket is stale or empty: a
	// backup that copied it would look complete and not be.
	if strings.HasPrefix(*blobsURL, "s3://") && !*without {
		return errors.New("uploads are kept in the bucket (--blobs / LOKADAYA_BLOBS): protect them with the bucket's versioning or replication and run backup --without-uploads")
	}
	// Opened as it is: a backup copies the schema it finds, never changes it.
	d, err := db.Open(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	m, err := backup.Backup(ctx, d, *to, backup.Options{UploadsDir: *uploadsDir, WithoutUploads: *without})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup written to %s: %s database, schema version %d, %d byte(s), sha256 %s\n",
		*to, m.Dialect, m.SchemaVersion, m.Database.Size, m.Database.SHA256)
	printCounts(stdout, m.RowCounts)
	if m.UploadsIncluded {
		fmt.Fprintf(stdout, "uploads: %d file(s)\n", len(m.Uploads))
	} else {
		fmt.Fprintf(stdout, "uploads: NOT included; save %s separately\n", m.UploadsDir)
	}
	return nil
}

// restoreCmd runs "restore --from DIR" into an empty database and uploads
// directory, then checks what it restored.
func restoreCmd(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	dbURL := dbFlag(fs)
	uploadsDir := uploadsFlag(fs)
	from := fs.String("from", "", "backup directory to restore (required)")
	force := fs.Bool("force", false, "replace what the database and uploads directory hold")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *from == "" || fs.NArg() > 0 {
		return errors.New("usage: lokadaya restore --from DIR [--force] [--db …] [--uploads-dir DIR]")
	}
	rep, err := backup.Restore(ctx, *from, *dbURL, *uploadsDir, backup.RestoreOptions{Force: *force})
	if rep != nil {
		m := rep.Manifest
		fmt.Fprintf(stdout, "restored the %s backup of %s (schema version %d)\n",
			m.Dialect, m.CreatedAt.Format("2006-01-02 15:04:05 MST"), m.SchemaVersion)
		printCounts(stdout, rep.RowCounts)
		fmt.Fprintf(stdout, "uploads: %d file(s) restored\n", rep.Uploads)
		if !m.UploadsIncluded && m.UploadsDir != "" {
			fmt.Fprintf(stdout, "uploads were not in the backup: bring back %s from where it was saved\n", m.UploadsDir)
		}
		for _, c := range rep.Chains {
			state := "OK  "
			if !c.OK {
				state = "BAD "
			}
			fmt.Fprintf(stdout, "ledger %s org=%d entries=%d head=%s\n", state, c.OrgID, c.Entries, c.Head)
		}
	}
	return err
}

func printCounts(w io.Writer, counts map[string]int64) {
	for _, t := range backup.KeyTables {
		fmt.Fprintf(w, "  %-16s %d\n", t, counts[t])
	}
}
