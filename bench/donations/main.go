// Command donations is the donations load script: N concurrent donors give
// to one demo-like campaign over HTTP through the payment gateway, the local
// test gateway confirms every donation with a signed settlement
// notification sent over HTTP, and the confirmed total is then checked to
// the rupiah. It prints donations per second beside a plain loop of
// single-row SQLite inserts on the same machine, and their ratio; and
// the HTTP floor, the same exchanges made with nothing stored (floor.go).
//
//	go run ./bench/donations [-n 200] [-workers 16] [-inserts 5000] [-db sqlite:PATH] [-cpuprofile FILE]
//
// It exits non-zero when a donation fails or the total is not exact; the
// speed is reported, never judged.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/gateway/gatewaytest"
	"lokadaya/internal/httpfront"
	"lokadaya/internal/migrations"
	"lokadaya/internal/web"
)

// benchGatewayKey is the local gateway's server key; a gateway outside
// demo mode needs a key of its own.
const benchGatewayKey = "bench-server-key"

// options are the script's flags.
type options struct {
	Donations int // how many donations
	Workers   int // concurrent donors
	Inserts   int // rows of the plain insert loop
	Campaigns int // campaigns given to, each of its own organisation
}

// result is what a run measured.
type result struct {
	Donations     int
	Campaigns     int
	Elapsed       time.Duration
	Expected      int64 // rupiah given
	Confirmed     int64 // rupiah confirmed by the notifications
	PerSecond     float64
	InsertsPerSec float64
	FloorPerSec   float64 // the same HTTP exchanges with no storage (see floor.go)
	StorePerSec   float64 // the same donations through the store, no HTTP (see storepath.go)
}

// Ratio is donations per second over plain inserts per second.
func (r result) Ratio() float64 {
	if r.InsertsPerSec == 0 {
		return 0
	}
	return r.PerSecond / r.InsertsPerSec
}

func main() {
	opts := options{}
	flag.IntVar(&opts.Donations, "n", 200, "donations to make")
	flag.IntVar(&opts.Workers, "workers", 16, "concurrent donors")
	flag.IntVar(&opts.Inserts, "inserts", 5000, "rows of the plain SQLite insert loop")
	flag.IntVar(&opts.Campaigns, "campaigns", 1, "campaigns given to, round robin, each of its own organisation in its own kabupaten/kota")
	dbURL := flag.String("db", "", "database (sqlite:PATH or postgres://…); default a fresh SQLite file in a temporary directory")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof)")
	flag.Parse()
	if *cpuProfile != "" {
		stop, err := startProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "donations:", err)
			os.Exit(1)
		}
		defer stop()
	}
	if err := mainErr(opts, *dbURL); err != nil {
		fmt.Fprintln(os.Stderr, "donations:", err)
		os.Exit(1)
	}
}

// startProfile profiles the process's CPU into path until stop.
func startProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func mainErr(opts options, dbURL string) error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "lokadaya-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if dbURL == "" {
		dbURL = "sqlite:" + filepath.Join(dir, "bench.db")
	}
	start := time.Now()
	d, err := db.Open(ctx, dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	if _, err := d.Migrate(ctx, migrations.All()); err != nil {
		return err
	}
	fmt.Printf("database ready (%s, migrated) in %s\n", d.Dialect, time.Since(start).Round(time.Millisecond))
	res, err := run(ctx, d, opts, filepath.Join(dir, "plain.db"))
	if res.Donations > 0 {
		report(os.Stdout, opts, res)
	}
	return err
}

// report prints the figures.
func report(w io.Writer, opts options, r result) {
	fmt.Fprintf(w, "donations: %d by %d concurrent donors over HTTP to %d campaign(s), each confirmed by a gateway notification, in %s\n",
		r.Donations, opts.Workers, r.Campaigns, r.Elapsed.Round(time.Millisecond))
	fmt.Fprintf(w, "confirmed total: Rp%d of Rp%d given\n", r.Confirmed, r.Expected)
	fmt.Fprintf(w, "donations per second:        %10.1f\n", r.PerSecond)
	fmt.Fprintf(w, "plain SQLite inserts per second: %6.1f\n", r.InsertsPerSec)
	fmt.Fprintf(w, "ratio: %.3f (aim: at least 0.1)\n", r.Ratio())
	if r.StorePerSec > 0 {
		fmt.Fprintf(w, "storage path alone: %.1f donations per second through the donation store, no HTTP (ratio %.3f)\n",
			r.StorePerSec, r.StorePerSec/r.InsertsPerSec)
	}
	if r.FloorPerSec > 0 {
		fmt.Fprintf(w, "HTTP floor: %.1f donations per second making the same HTTP exchanges and storing nothing (ratio %.3f)\n",
			r.FloorPerSec, r.FloorPerSec/r.InsertsPerSec)
	}
}

// run serves the application on a local port with the test gateway, makes
// the donations, checks the total and times the plain insert loop in a
// SQLite file at plainPath. d must be migrated.
func run(ctx context.Context, d *db.DB, opts options, plainPath string) (result, error) {
	var res result
	if opts.Donations <= 0 || opts.Workers <= 0 {
		return res, errors.New("-n and -workers must be positive")
	}
	res.Campaigns = max(opts.Campaigns, 1)
	campaigns, err := seed(ctx, d, res.Campaigns)
	if err != nil {
		return res, err
	}
	base, err := confirmedMoney(ctx, d, campaigns)
	if err != nil {
		return res, err
	}

	gw := newGateway(opts.Workers)
	defer gw.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return res, err
	}
	site := "http://" + ln.Addr().String()
	// Every donor is a client address of its own (X-Forwarded-For), as
	// on the real site; the form rate limit counts per address.
	srv, err := web.New(web.Config{BaseURL: site, TrustProxy: true, GatewayURL: gw.BaseURL,
		GatewayServerKey: benchGatewayKey, UploadsDir: filepath.Join(filepath.Dir(plainPath), "uploads")},
		d, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})))
	if err != nil {
		return res, err
	}
	hs := httpfront.New(srv.Handler(), srv, nil)
	go func() { _ = hs.Serve(ln) }()
	defer hs.Shutdown(context.Background())
	given, elapsed, err := drive(opts, gw, site, campaigns)
	res.Elapsed = elapsed
	res.Donations = opts.Donations
	res.Expected = given
	res.PerSecond = float64(opts.Donations) / elapsed.Seconds()
	if err != nil {
		return res, err
	}
	total, err := confirmedMoney(ctx, d, campaigns)
	if err != nil {
		return res, err
	}
	res.Confirmed = total - base
	if res.InsertsPerSec, err = plainInserts(ctx, plainPath, opts.Inserts); err != nil {
		return res, err
	}
	if res.StorePerSec, err = storagePath(ctx, d, opts, campaigns); err != nil {
		return res, err
	}
	if res.FloorPerSec, err = floor(opts); err != nil {
		return res, err
	}
	if res.Confirmed != res.Expected {
		return res, fmt.Errorf("confirmed Rp%d, but Rp%d was given", res.Confirmed, res.Expected)
	}
	return res, nil
}

// newGateway starts the local test gateway, its notifications sent over
// as many kept connections as there are donors.
func newGateway(workers int) *gatewaytest.Server {
	gw := gatewaytest.NewServer(benchGatewayKey)
	gw.HTTP = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: workers}}
	return gw
}

// drive has opts.Workers donors make opts.Donations donations at site,
// donor i to campaign i modulo their number, each paid at gw, and returns
// the rupiah given and the time it took.
func drive(opts options, gw *gatewaytest.Server, site string, campaigns []benchCampaign) (int64, time.Duration, error) {
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: opts.Workers}}
	return give(opts, func(i int, amount int64) error {
		return donate(client, gw, site, campaigns[i%len(campaigns)].Slug, i, amount)
	})
}

// give has opts.Workers donors make opts.Donations donations with
// donate, donor i giving amountOf(i), and returns the rupiah given by
// those that succeeded, the time it took and the first error.
func give(opts options, donate func(i int, amount int64) error) (int64, time.Duration, error) {
	jobs := make(chan int)
	var given atomic.Int64
	var firstErr error
	var errOnce sync.Once
	var wg sync.WaitGroup
	began := time.Now()
	for range opts.Workers {
		wg.Go(func() {
			for i := range jobs {
				amount := amountOf(i)
				if err := donate(i, amount); err != nil {
					errOnce.Do(func() { firstErr = err })
					continue
				}
				given.Add(amount)
			}
		})
	}
	for i := range opts.Donations {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return given.Load(), time.Since(began), firstErr
}

// amountOf is donor i's gift: varied, and never a round figure only.
func amountOf(i int) int64 { return int64(10_000 + 1_000*(i%50) + i%7) }

// donate gives amount through the API as donor i and has the gateway
// settle it: the gateway POSTs the signed notification to the server.
func donate(client *http.Client, gw *gatewaytest.Server, site, slug string, i int, amount int64) error {
	body, _ := json.Marshal(map[string]any{"amount": amount, "name": "Donatur " + strconv.Itoa(i),
		"method": "gateway", "email": fmt.Sprintf("donatur%d@example.org", i)})
	req, err := http.NewRequest("POST", site+"/api/v1/campaigns/"+slug+"/donations", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", fmt.Sprintf("bench-donation-%012d", i))
	req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255))
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	var out struct {
		ID         int64  `json:"id"`
		PaymentURL string `json:"payment_url"`
	}
	raw, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusCreated || json.Unmarshal(raw, &out) != nil || out.PaymentURL == "" {
		return fmt.Errorf("donation %d: HTTP %d: %s", i, res.StatusCode, raw)
	}
	if err := gw.Pay(strconv.FormatInt(out.ID, 10), "settlement"); err != nil {
		return fmt.Errorf("donation %d: notification: %w", i, err)
	}
	return nil
}

// confirmedMoney is the campaigns' confirmed rupiah, summed in SQL. The
// country's running figure of confirmed money must equal every confirmed
// donation's sum: the totals the triggers keep stayed exact.
func confirmedMoney(ctx context.Context, d *db.DB, campaigns []benchCampaign) (int64, error) {
	var all, country int64
	if err := d.QueryRow(ctx, `SELECT (SELECT COALESCE(SUM(amount), 0) FROM donations WHERE status = 'confirmed'),
		(SELECT money_confirmed FROM region_figures WHERE region_code = '')`).Scan(&all, &country); err != nil {
		return 0, err
	}
	if all != country {
		return 0, fmt.Errorf("the country's figure holds Rp%d confirmed, the donations Rp%d", country, all)
	}
	var total int64
	for _, c := range campaigns {
		var n int64
		if err := d.QueryRow(ctx, `SELECT COALESCE(SUM(amount), 0) FROM donations WHERE campaign_id = ? AND status = 'confirmed'`,
			c.ID).Scan(&n); err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// plainInserts times n single-row inserts, one statement (and so one
// transaction) each, into a fresh SQLite file opened the way the
// application opens its own.
func plainInserts(ctx context.Context, path string, n int) (float64, error) {
	if n <= 0 {
		return 0, nil
	}
	d, err := db.Open(ctx, "sqlite:"+path)
	if err != nil {
		return 0, err
	}
	defer d.Close()
	if _, err := d.Exec(ctx, `CREATE TABLE plain (id INTEGER PRIMARY KEY, amount BIGINT NOT NULL, note TEXT NOT NULL)`); err != nil {
		return 0, err
	}
	began := time.Now()
	for i := range n {
		if _, err := d.Exec(ctx, `INSERT INTO plain (amount, note) VALUES (?, ?)`, 10_000+i, "donatur"); err != nil {
			return 0, err
		}
	}
	return float64(n) / time.Since(began).Seconds(), nil
}
