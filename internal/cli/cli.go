// Package cli is the lokadaya command line: it reads flags (each with an
// environment variable), wires the parts together and runs a subcommand.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"lokadaya/internal/db"
	"lokadaya/internal/logbuf"
	"lokadaya/internal/migrations"
)

const usage = `Lokadaya — platform galang daya untuk OMS lokal.

Usage:
  lokadaya serve   [--addr 127.0.0.1:8080] [--db sqlite:PATH|postgres://…] [--demo] [--blobs s3://…]
  lokadaya migrate [--db …]
  lokadaya demo    [--db …]
  lokadaya admin create --email EMAIL [--name NAME] [--password PW] [--db …]
  lokadaya ledger verify [--org SLUG] [--db …]
  lokadaya generate [--db …] --orgs N --campaigns N --contributions N [--seed S]
  lokadaya backup  --to DIR [--without-uploads] [--db …] [--uploads-dir DIR]
  lokadaya restore --from DIR [--force] [--db …] [--uploads-dir DIR]
  lokadaya blob migrate --from DIR --to s3://BUCKET[/PREFIX]?endpoint=…

Every flag can also be set by its environment variable (see docs/configuration.md).
`

// DefaultDB is the embedded default database.
const DefaultDB = "sqlite:data/lokadaya.db"

// Run executes the command line args and returns the process exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// Log lines are written in batches (see logbuf); warnings and errors
	// at once, and whatever waits when the command ends.
	logOut := logbuf.New(stderr)
	defer logOut.Flush()
	log := slog.New(logbuf.Handler(slog.NewJSONHandler(logOut, &slog.HandlerOptions{Level: logLevel()}), logOut, slog.LevelWarn))
	var err error
	switch args[0] {
	case "serve":
		err = serve(ctx, args[1:], stdout, log)
	case "migrate":
		err = migrate(ctx, args[1:], stdout)
	case "demo":
		err = demoCmd(ctx, args[1:], stdout)
	case "admin":
		err = admin(ctx, args[1:], stdout)
	case "ledger":
		err = ledgerCmd(ctx, args[1:], stdout)
	case "generate":
		err = generateCmd(ctx, args[1:], stdout)
	case "backup":
		err = backupCmd(ctx, args[1:], stdout)
	case "restore":
		err = restoreCmd(ctx, args[1:], stdout)
	case "blob":
		err = blobCmd(ctx, args[1:], stdout)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "lokadaya: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		_ = logOut.Flush() // the log before the error that ended it
		fmt.Fprintf(stderr, "lokadaya: %v\n", err)
		return 1
	}
	return 0
}

func logLevel() slog.Level {
	var l slog.Level
	if err := l.UnmarshalText([]byte(os.Getenv("LOKADAYA_LOG_LEVEL"))); err != nil {
		return slog.LevelInfo
	}
	return l
}

// env returns the environment variable name, or def when it is unset.
func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

// envBool reads a boolean environment variable ("1", "true", "yes").
func envBool(name string) bool {
	switch os.Getenv(name) {
	case "1", "true", "TRUE", "yes":
		return true
	}
	return false
}

// dbFlag adds the --db flag shared by every command.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", env("LOKADAYA_DB", DefaultDB), "database: sqlite:PATH or postgres://… (LOKADAYA_DB)")
}

// openMigrated opens the database and brings its schema up to date.
func openMigrated(ctx context.Context, url string) (*db.DB, int, error) {
	d, err := db.Open(ctx, url)
	if err != nil {
		return nil, 0, err
	}
	n, err := d.Migrate(ctx, migrations.All())
	if err != nil {
		d.Close()
		return nil, 0, err
	}
	return d, n, nil
}

func migrate(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	dbURL := dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	d, n, err := openMigrated(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	v, err := d.Version(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "applied %d migration(s); schema version %d\n", n, v)
	return nil
}
