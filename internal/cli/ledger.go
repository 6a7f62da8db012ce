package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"lokadaya/internal/db"
	"lokadaya/internal/ledger"
	"lokadaya/internal/org"
)

const ledgerUsage = "usage: lokadaya ledger verify [--org SLUG] [--db …]"

// ledgerCmd runs "ledger verify": it recomputes the hash chain of one
// organisation (--org) or of every organisation that has books, prints one
// line each and fails when any chain is bad.
func ledgerCmd(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "verify" {
		return errors.New(ledgerUsage)
	}
	fs := flag.NewFlagSet("ledger verify", flag.ContinueOnError)
	dbURL := dbFlag(fs)
	slug := fs.String("org", "", "check only this organisation (its slug)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errors.New(ledgerUsage)
	}
	d, _, err := openMigrated(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	orgs := &org.Store{DB: d}
	var ids []int64
	if *slug != "" {
		o, err := orgs.BySlug(ctx, *slug)
		if errors.Is(err, db.ErrNotFound) {
			return fmt.Errorf("ledger verify: no organisation %q", *slug)
		}
		if err != nil {
			return err
		}
		ids = []int64{o.ID}
	} else if ids, err = ledger.Orgs(ctx, d); err != nil {
		return err
	}
	bad := 0
	for _, id := range ids {
		o, err := orgs.ByID(ctx, id)
		if err != nil {
			return err
		}
		res, err := ledger.Verify(ctx, d, id)
		if err != nil {
			return err
		}
		if res.OK {
			fmt.Fprintf(stdout, "OK   %s entries=%d head=%s\n", o.Slug, res.Entries, res.Head)
			continue
		}
		bad++
		fmt.Fprintf(stdout, "BAD  %s entries=%d head=%s first_bad=%d (%s)\n", o.Slug, res.Entries, res.Head, *res.FirstBad, res.Problem)
	}
	if len(ids) == 0 {
		fmt.Fprintln(stdout, "no books yet")
	}
	if bad > 0 {
		return fmt.Errorf("ledger verify: %d of %d chain(s) bad", bad, len(ids))
	}
	return nil
}
