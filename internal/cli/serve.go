package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"time"

	"lokadaya/internal/demo"
	"lokadaya/internal/feedback"
	"lokadaya/internal/httpfront"
	"lokadaya/internal/metrics"
	"lokadaya/internal/search"
	"lokadaya/internal/web"
)

func serve(ctx context.Context, args []string, stdout io.Writer, log *slog.Logger) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", env("LOKADAYA_ADDR", "127.0.0.1:8080"), "listen address (LOKADAYA_ADDR)")
	dbURL := dbFlag(fs)
	demoData := fs.Bool("demo", envBool("LOKADAYA_DEMO"), "load demo data into an empty database and show development helpers (LOKADAYA_DEMO)")
	baseURL := fs.String("base-url", env("LOKADAYA_BASE_URL", ""), "public address for links in e-mails (LOKADAYA_BASE_URL); default http://ADDR")
	trustProxy := fs.Bool("trust-proxy", envBool("LOKADAYA_TRUST_PROXY"), "trust X-Forwarded-For/-Proto from a reverse proxy (LOKADAYA_TRUST_PROXY)")
	uploadsDir := fs.String("uploads-dir", env("LOKADAYA_UPLOADS_DIR", "data/uploads"), "directory for uploaded logos and files (LOKADAYA_UPLOADS_DIR)")
	blobsURL := blobsFlag(fs)
	gatewayURL := fs.String("gateway-url", env("LOKADAYA_GATEWAY_URL", ""), "payment gateway (Snap API) address; empty: none, or with --demo the sandbox under /sandbox/ (LOKADAYA_GATEWAY_URL)")
	gatewayKey := os.Getenv("LOKADAYA_GATEWAY_SERVER_KEY") // a secret: no flag, so it stays out of ps
	metricsToken := os.Getenv("LOKADAYA_METRICS_TOKEN")    // a secret too
	receiptAbove := fs.Int64("receipt-required-above", envInt("LOKADAYA_RECEIPT_REQUIRED_ABOVE", 100_000), "an expense above this many rupiah needs a receipt (LOKADAYA_RECEIPT_REQUIRED_ABOVE)")
	opCap := fs.Int64("operational-cap-percent", envInt("LOKADAYA_OPERATIONAL_CAP_PERCENT", 10), "a campaign's operational costs at most this percent of the money it raised, PP 29/1980 (LOKADAYA_OPERATIONAL_CAP_PERCENT)")
	disasterCap := fs.Int64("disaster-operational-cap-percent", envInt("LOKADAYA_DISASTER_OPERATIONAL_CAP_PERCENT", 10), "the same cap for a disaster appeal (LOKADAYA_DISASTER_OPERATIONAL_CAP_PERCENT)")
	feedbackDevice := fs.Int64("feedback-device-per-day", envInt("LOKADAYA_FEEDBACK_DEVICE_PER_DAY", int64(feedback.DefaultLimits.DevicePerDay)), "red/yellow/green votes one device may cast at a service point in a day before the rest are flagged for staff (LOKADAYA_FEEDBACK_DEVICE_PER_DAY)")
	feedbackAddress := fs.Int64("feedback-address-per-day", envInt("LOKADAYA_FEEDBACK_ADDRESS_PER_DAY", int64(feedback.DefaultLimits.AddressPerDay)), "the same for one network address, which many phones may share (LOKADAYA_FEEDBACK_ADDRESS_PER_DAY)")
	metricsAddr := fs.String("metrics-addr", env("LOKADAYA_METRICS_ADDR", ""), "serve Prometheus metrics at /metrics on this internal address, and not on --addr; empty: /metrics on --addr for this machine or LOKADAYA_METRICS_TOKEN (LOKADAYA_METRICS_ADDR)")
	debugAddr := fs.String("debug-addr", env("LOKADAYA_DEBUG_ADDR", ""), "serve Go's profiles (/debug/pprof/) on this address, for the operator only; empty: off (LOKADAYA_DEBUG_ADDR)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	setup := publicSetup{Demo: *demoData, Addr: *addr, BaseURL: *baseURL, SMTPURL: os.Getenv("LOKADAYA_SMTP_URL")}
	if err := setup.check(); err != nil {
		return err
	}
	stopDebug, err := serveDebug(*debugAddr, log)
	if err != nil {
		return err
	}
	defer stopDebug()
	blobs, err := openBlobs(ctx, *blobsURL, *uploadsDir)
	if err != nil {
		return err
	}
	d, n, err := openMigrated(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	log.Info("database ready", "dialect", d.Dialect, "migrations_applied", n)
	reg := metrics.New(d)
	stopMetrics, err := serveMetrics(*metricsAddr, reg, log)
	if err != nil {
		return err
	}
	defer stopMetrics()
	if *demoData {
		demo.Receipts = blobs
		if err := loadDemoIfEmpty(ctx, d, stdout); err != nil {
			return err
		}
	}
	if rebuilt, err := search.New(d, nil).EnsureBuilt(ctx); err != nil {
		return err
	} else if rebuilt {
		log.Info("search index built")
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	if *baseURL == "" {
		*baseURL = "http://" + displayAddr(ln.Addr().String())
	}
	srv, err := web.New(web.Config{BaseURL: *baseURL, Demo: *demoData, TrustProxy: *trustProxy,
		UploadsDir: *uploadsDir, Blobs: blobs, GatewayURL: *gatewayURL, GatewayServerKey: gatewayKey, MetricsToken: metricsToken,
		Metrics: reg, MetricsElsewhere: *metricsAddr != "",
		ReceiptRequiredAbove: *receiptAbove, OperationalCapPercent: int(min(max(*opCap, 0), 100)),
		DisasterOperationalCapPercent: int(min(max(*disasterCap, 0), 100)),
		FeedbackLimits: feedback.Limits{DevicePerDay: int(min(max(*feedbackDevice, 1), 10_000)),
			AddressPerDay: int(min(max(*feedbackAddress, 1), 100_000))}}, d, log)
	if err != nil {
		ln.Close()
		return err
	}
	workers, err := startWorkers(ctx, d, log, *baseURL, reg)
	if err != nil {
		return err
	}
	workers.Go(func() { srv.CountVisits(ctx) })
	httpServer := httpfront.New(srv.Handler(), srv, log)
	errc := make(chan error, 1)
	go func() { errc <- httpServer.Serve(ln) }()
	// Start-up's garbage (the translations parsed, templates, the demo
	// load) goes back to the system now rather than whenever the
	// scavenger gets to it: a small VPS has the memory from the start.
	debug.FreeOSMemory()
	fmt.Fprintf(stdout, "Lokadaya berjalan di %s (Ctrl+C untuk berhenti)\n", *baseURL)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Finish in-flight requests before closing the database.
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err = httpServer.Shutdown(shutdownCtx)
	workers.Wait()
	if ferr := srv.FlushVisits(shutdownCtx); ferr != nil {
		log.Warn("campaign visits lost at shutdown", "err", ferr)
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// displayAddr turns a listen address into one a browser can open.
func displayAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if host == "127.0.0.1" || host == "::" || host == "0.0.0.0" || host == "" || host == "::1" {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
