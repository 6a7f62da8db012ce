package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"lokadaya/internal/generate"
)

// generateCmd fills an empty database with generated data at a chosen
// size, for benchmarks (see bench/national).
func generateCmd(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	dbURL := dbFlag(fs)
	orgs := fs.Int("orgs", 1000, "organisations (OMS) to generate")
	campaigns := fs.Int("campaigns", 3000, "campaigns to generate")
	contributions := fs.Int("contributions", 100000, "contributions to generate: donations, goods pledges, volunteer sign-ups, offers")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same data")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("generate: unexpected argument %q", fs.Arg(0))
	}
	d, _, err := openMigrated(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	fmt.Fprintf(stdout, "generating %d organisations, %d campaigns, %d contributions (seed %d) into %s\n",
		*orgs, *campaigns, *contributions, *seed, d.Dialect)
	r, err := generate.Run(ctx, d, generate.Options{Orgs: *orgs, Campaigns: *campaigns,
		Contributions: *contributions, Seed: *seed, Progress: stdout})
	if errors.Is(err, generate.ErrNotEmpty) {
		return errors.New("generate: the database already holds organisations, accounts, hubs or campaigns; " +
			"generate into a new, empty database")
	}
	if err != nil {
		return err
	}
	sec := r.Elapsed.Seconds()
	fmt.Fprintf(stdout, "done in %.1fs: %d rows (%.0f rows/s, %.0f contributions/s)\n", sec, r.Rows,
		float64(r.Rows)/sec, float64(r.Contributions())/sec)
	fmt.Fprintf(stdout, "  %d organisations, %d accounts, %d initiatives, %d campaigns, %d needs\n",
		r.Orgs, r.Users, r.Initiatives, r.Campaigns, r.Needs)
	fmt.Fprintf(stdout, "  %d donations (%d confirmed, %d pending), %d goods pledges, %d volunteer sign-ups, %d offers\n",
		r.Donations, r.Confirmed, r.Pending, r.Pledges, r.Signups, r.Offers)
	fmt.Fprintf(stdout, "  %d ledger entries, Rp%d confirmed\n", r.LedgerEntries, r.ConfirmedMoney)
	return nil
}
