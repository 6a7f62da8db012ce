package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"lokadaya/internal/db"
	"lokadaya/internal/demo"
)

func demoCmd(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	dbURL := dbFlag(fs)
	uploadsDir := fs.String("uploads-dir", env("LOKADAYA_UPLOADS_DIR", "data/uploads"), "directory for uploaded files, where the demo writes receipts and campaign covers (LOKADAYA_UPLOADS_DIR)")
	blobsURL := blobsFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	blobs, err := openBlobs(ctx, *blobsURL, *uploadsDir)
	if err != nil {
		return err
	}
	demo.Receipts = blobs
	d, _, err := openMigrated(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	return loadDemoIfEmpty(ctx, d, stdout)
}

// loadDemoIfEmpty loads the demo data unless organisations already exist,
// and prints the demo logins either way (they are always the same).
func loadDemoIfEmpty(ctx context.Context, d *db.DB, stdout io.Writer) error {
	present, err := demo.Present(ctx, d)
	if err != nil {
		return err
	}
	if present {
		fmt.Fprintln(stdout, "demo data already present")
	} else {
		fmt.Fprintln(stdout, "loading demo data…")
	}
	logins, err := demo.Load(ctx, d)
	if err != nil {
		return err
	}
	if !present {
		fmt.Fprintln(stdout, "demo data loaded: 3 simpul, 20 OMS, a year of Galang Daya")
	}
	printLogins(stdout, logins)
	return nil
}

// printLogins writes the demo accounts as a small table.
func printLogins(w io.Writer, logins demo.Logins) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PERAN / ROLE\tE-MAIL\tKATA SANDI / PASSWORD")
	for _, l := range logins {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", l.Role, l.Email, l.Password)
	}
	_ = tw.Flush()
}
