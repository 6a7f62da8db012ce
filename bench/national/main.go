// Command national is the load client of the national-scale benchmark
// (bench/national/run.sh): against a running `lokadaya serve` whose
// database `lokadaya generate` filled, it asks each public page and API
// list in turn, from several concurrent clients for a fixed time, and
// prints the latency percentiles (p50, p95, p99) and requests per second
// of each, beside the goal (p95 ≤ 50 ms).
//
//	go run ./bench/national -base http://127.0.0.1:18100 -db sqlite:PATH [-c 8] [-d 10s]
//
// It reads the database only to choose what to ask for: the campaign with
// the most donations, the organisation with the most campaigns and a
// search word from a real campaign title. A page that answers 404 (not
// built yet) is reported as absent; any other answer than 200 counts as
// an error. The figures are reported, never judged: the exit status says
// only whether the run worked.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"lokadaya/internal/db"
)

// target is one page or API call to measure.
type target struct {
	Name, Path string
}

// stats is what one target measured.
type stats struct {
	Target        target
	Absent        bool
	Requests      int
	Errors        int
	P50, P95, P99 time.Duration
	PerSecond     float64
	Bytes         int64 // size of one answer
	Failed        string
}

func main() {
	base := flag.String("base", "http://127.0.0.1:18100", "the server to load")
	dbURL := flag.String("db", "", "the server's database, read to choose a campaign, an organisation and a search word")
	conc := flag.Int("c", 8, "concurrent clients")
	dur := flag.Duration("d", 10*time.Second, "how long to load each target")
	only := flag.String("only", "", "measure only the targets whose name contains this")
	flag.BoolVar(&cached, "cached", false, "let the server answer from its page cache (default: every answer rendered afresh)")
	flag.Parse()
	ctx := context.Background()
	picks, err := choose(ctx, *dbURL)
	if err != nil {
		fmt.Fprintln(os.Stderr, "national:", err)
		os.Exit(1)
	}
	client := &http.Client{Timeout: 2 * time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: *conc * 2}}
	var all []stats
	failed := false
	for _, t := range targets(picks) {
		if *only != "" && !strings.Contains(t.Name, *only) {
			continue
		}
		s, err := measure(ctx, client, *base, t, *conc, *dur)
		if err != nil {
			// Reported as missed; the other targets still run.
			s.Failed = err.Error()
			failed = true
		}
		all = append(all, s)
		fmt.Fprintf(os.Stderr, "  %s done\n", t.Name)
	}
	report(os.Stdout, all, *conc, *dur)
	if failed {
		os.Exit(1)
	}
}

// picks are the concrete things the targets ask for.
type picks struct {
	Campaign, Org, Word string
}

// choose reads the database for the busiest campaign, the organisation
// with the most campaigns and a word to search for.
func choose(ctx context.Context, dbURL string) (picks, error) {
	var p picks
	if dbURL == "" {
		return p, fmt.Errorf("-db is required")
	}
	d, err := db.Open(ctx, dbURL)
	if err != nil {
		return p, err
	}
	defer d.Close()
	var title string
	if err := d.QueryRow(ctx, `SELECT c.slug, c.title FROM campaigns c WHERE c.id = (SELECT campaign_id FROM donations
		GROUP BY campaign_id ORDER BY COUNT(*) DESC LIMIT 1)`).Scan(&p.Campaign, &title); err != nil {
		return p, fmt.Errorf("busiest campaign: %w", err)
	}
	if err := d.QueryRow(ctx, `SELECT o.slug FROM organizations o WHERE o.id = (SELECT org_id FROM campaigns
		GROUP BY org_id ORDER BY COUNT(*) DESC LIMIT 1)`).Scan(&p.Org); err != nil {
		return p, fmt.Errorf("busiest organisation: %w", err)
	}
	p.Word = "sekolah"
	if f := strings.Fields(title); len(f) > 0 {
		p.Word = strings.ToLower(f[len(f)-1])
	}
	return p, nil
}

// targets are the measured pages: those of the goal first, then
// the API lists. Pages still being built answer 404 and are reported
// absent.
func targets(p picks) []target {
	w := url.QueryEscape(p.Word)
	return []target{
		{"home", "/"},
		{"search", "/cari?q=" + w},
		{"explore: campaigns in Jawa Barat needing goods", "/galang-daya?wilayah=32&jenis=barang"},
		{"explore: campaigns", "/galang-daya"},
		{"region page: Jawa Barat (32)", "/wilayah/32"},
		{"campaign page (busiest)", "/galang-daya/" + p.Campaign},
		{"organisation page (most campaigns)", "/organisasi/" + p.Org},
		{"organisations", "/organisasi"},
		{"organisations in Jawa Barat", "/organisasi?wilayah=32"},
		{"country page (/wilayah)", "/wilayah"},
		{"campaigns behind Jawa Barat's figure", "/galang-daya?wilayah=32&asal=oms"},
		{"map", "/peta"},
		{"map of kabupaten/kota", "/peta?tingkat=kabupaten"},
		{"map drawing", "/peta.svg"},
		{"API search", "/api/v1/search?q=" + w},
		{"API campaigns", "/api/v1/campaigns"},
		{"API campaigns in Jawa Barat", "/api/v1/campaigns?region=32"},
		{"API organisations", "/api/v1/organizations"},
		{"API organisations in Jawa Barat", "/api/v1/organizations?region=32"},
		{"API region summary: Jawa Barat", "/api/v1/regions/32/summary"},
		{"API campaign (busiest)", "/api/v1/campaigns/" + p.Campaign},
		{"explore: campaigns in Kota Bandung (by name)", "/galang-daya?wilayah=kota+bandung"},
		{"explore: campaigns in a kecamatan", "/galang-daya?wilayah=32.73.01"},
		{"organisations in Kota Bandung, verified", "/organisasi?wilayah=32.73&terverifikasi=1"},
		{"organisations named like a word", "/organisasi?q=" + w},
		{"initiatives", "/inisiatif"},
		{"initiatives in Jawa Barat, education", "/inisiatif?wilayah=32&kategori=pendidikan"},
		{"organisation page: campaigns tab", "/organisasi/" + p.Org + "/laporan"},
		{"API campaigns ended", "/api/v1/campaigns?status=ended"},
		{"API campaigns in a kecamatan", "/api/v1/campaigns?region=32.73.01"},
		{"API organisations in Kota Bandung, verified", "/api/v1/organizations?region=32.73&verified=true"},
		{"API initiatives", "/api/v1/initiatives"},
		{"API initiatives in Jawa Barat", "/api/v1/initiatives?region=32&category=pendidikan"},
		{"open data catalogue", "/data"},
		{"CKAN package_search", "/api/3/action/package_search"},
		{"CKAN package_show: campaigns", "/api/3/action/package_show?id=lokadaya-kampanye"},
		// The search with its filters and sorts: a typed word, half-typed
		// words, regions by code and by name at every level.
		{"search: half-typed word", "/cari?q=" + url.QueryEscape(half(p.Word))},
		{"search: word in Jawa Barat, newest", "/cari?q=" + w + "&wilayah=32&sort=newest"},
		{"search: word in Kota Bandung (by name), campaigns needing goods", "/cari?q=" + w + "&wilayah=kota+bandung&type=campaign&kind=barang"},
		{"search: word in a kecamatan, most needed", "/cari?q=" + w + "&wilayah=32.73.01&sort=needed"},
		{"search: education in Jawa Barat, ending soon", "/cari?wilayah=32&issue=pendidikan&status=active&sort=ending"},
		{"search: browse most needed", "/cari?sort=needed"},
		{"API search: word, transactional, running, ending soon", "/api/v1/search?q=" + w + "&scheme=transaksional&status=active&sort=ending"},
		{"API search: word and issue in a province, ended", "/api/v1/search?q=" + w + "&wilayah=32&issue=pendidikan&status=ended"},
		{"API search: volunteers wanted in Kota Bandung", "/api/v1/search?wilayah=32.73&kind=relawan&type=campaign"},
	}
}

// half is the first half of a word (at least two letters), as typed so far.
func half(word string) string {
	r := []rune(word)
	return string(r[:min(len(r), max(2, len(r)/2))])
}

// cached lets the server answer from its page cache.
var cached bool

// get asks once and returns the status, the body's size and the time.
func get(ctx context.Context, client *http.Client, u string) (int, int64, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, 0, 0, err
	}
	req.Header.Set("Accept-Encoding", "gzip")
	if !cached {
		// Every answer rendered afresh: the figures are those of the
		// queries at this size, not of the page cache.
		req.Header.Set("Cache-Control", "no-cache")
	}
	start := time.Now()
	res, err := client.Do(req)
	if err != nil {
		return 0, 0, 0, err
	}
	n, err := io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode, n, time.Since(start), err
}

// measure warms the target up, then loads it from conc clients for dur.
func measure(ctx context.Context, client *http.Client, base string, t target, conc int, dur time.Duration) (stats, error) {
	s := stats{Target: t}
	u := strings.TrimSuffix(base, "/") + t.Path
	code, size, _, err := get(ctx, client, u)
	if err != nil {
		return s, fmt.Errorf("%s: %w", t.Path, err)
	}
	if code == http.StatusNotFound {
		s.Absent = true
		return s, nil
	}
	if code != http.StatusOK {
		return s, fmt.Errorf("%s: status %d", t.Path, code)
	}
	s.Bytes = size
	for range 3 {
		if _, _, _, err := get(ctx, client, u); err != nil {
			return s, fmt.Errorf("%s: %w", t.Path, err)
		}
	}
	var mu sync.Mutex
	var lat []time.Duration
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(dur)
	for range conc {
		wg.Go(func() {
			var mine []time.Duration
			errs := 0
			for time.Now().Before(deadline) {
				code, _, d, err := get(ctx, client, u)
				if err != nil || code != http.StatusOK {
					errs++
				}
				mine = append(mine, d)
			}
			mu.Lock()
			lat = append(lat, mine...)
			s.Errors += errs
			mu.Unlock()
		})
	}
	wg.Wait()
	el := time.Since(start)
	s.Requests = len(lat)
	s.PerSecond = float64(len(lat)) / el.Seconds()
	s.P50, s.P95, s.P99 = percentile(lat, 50), percentile(lat, 95), percentile(lat, 99)
	return s, nil
}

// percentile is the nearest-rank p-th percentile of the latencies.
func percentile(lat []time.Duration, p float64) time.Duration {
	if len(lat) == 0 {
		return 0
	}
	sorted := slices.Clone(lat)
	slices.Sort(sorted)
	rank := int(p/100*float64(len(sorted))+0.999999) - 1
	rank = max(0, min(rank, len(sorted)-1))
	return sorted[rank]
}

// goal is the p95 every page should meet on the 2-core reference machine.
const goal = 50 * time.Millisecond

func report(w io.Writer, all []stats, conc int, dur time.Duration) {
	fmt.Fprintf(w, "%d concurrent clients, %s per target; goal p95 ≤ %s\n", conc, dur, goal)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "target\tp50 ms\tp95 ms\tp99 ms\treq/s\terrors\tKB\tgoal\t")
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond)) }
	for _, s := range all {
		if s.Absent {
			fmt.Fprintf(tw, "%s\t-\t-\t-\t-\t-\t-\tabsent (404)\t\n", s.Target.Name)
			continue
		}
		if s.Failed != "" {
			fmt.Fprintf(tw, "%s\t-\t-\t-\t-\t-\t-\tMISSED: %s\t\n", s.Target.Name, s.Failed)
			continue
		}
		verdict := "met"
		if s.P95 > goal {
			verdict = "MISSED"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%.0f\t%d\t%.1f\t%s\t\n", s.Target.Name, ms(s.P50), ms(s.P95), ms(s.P99),
			s.PerSecond, s.Errors, float64(s.Bytes)/1024, verdict)
	}
	tw.Flush()
}
