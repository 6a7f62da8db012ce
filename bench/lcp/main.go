// Command lcp measures the first view of public pages as a cheap phone on
// a slow mobile network sees it: headless Chromium with its CPU slowed
// fourfold, a 412 px screen, and a throttled network (by default 150 ms
// round trips, 1.6 Mbit/s down, 750 kbit/s up, as Lighthouse's "slow 4G"),
// each page loaded with an empty cache. It prints each page's Largest
// Contentful Paint and the bytes it transferred.
//
//	go run ./bench/lcp -base http://127.0.0.1:8080 [-pages /,/galang-daya] [-goal 1s]
//
// The speed is reported, never judged: bench/run.sh prints it beside the
// goal. It exits non-zero only when a page cannot be measured.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// conditions is the phone and network a page is measured under.
type conditions struct {
	RTT      time.Duration
	DownKbit float64
	UpKbit   float64
	CPU      float64 // slowdown factor
}

// measurement is one page's first view.
type measurement struct {
	Page  string
	LCP   time.Duration
	Bytes int64 // transferred: the page and everything it loaded
}

func main() {
	base := flag.String("base", "http://127.0.0.1:8080", "the running server")
	pages := flag.String("pages", "/,/galang-daya,/organisasi,/inisiatif,/simpul,/wilayah,/peta,/cari?q=air,/data",
		"comma-separated paths")
	goal := flag.Duration("goal", time.Second, "the goal, printed beside each figure")
	c := conditions{}
	flag.DurationVar(&c.RTT, "rtt", 150*time.Millisecond, "network round trip")
	flag.Float64Var(&c.DownKbit, "down", 1600, "download speed, kbit/s")
	flag.Float64Var(&c.UpKbit, "up", 750, "upload speed, kbit/s")
	flag.Float64Var(&c.CPU, "cpu", 4, "CPU slowdown factor")
	flag.Parse()
	if err := run(os.Stdout, *base, strings.Split(*pages, ","), c, *goal); err != nil {
		fmt.Fprintln(os.Stderr, "lcp:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, base string, pages []string, c conditions, goal time.Duration) error {
	chromium, err := findChromium()
	if err != nil {
		return err
	}
	profile, err := os.MkdirTemp("", "lokadaya-lcp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.WindowSize(412, 900))
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	if err := chromedp.Run(browser); err != nil {
		return fmt.Errorf("start chromium: %w", err)
	}
	fmt.Fprintf(w, "first view on a phone: CPU %gx slower, %s round trips, %.0f/%.0f kbit/s, empty cache\n",
		c.CPU, c.RTT, c.DownKbit, c.UpKbit)
	fmt.Fprintf(w, "%-34s %8s %9s %s\n", "page", "LCP ms", "bytes", "goal")
	for _, p := range pages {
		m, err := measure(browser, base, p, c)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		verdict := "met"
		if m.LCP > goal {
			verdict = "MISSED"
		}
		fmt.Fprintf(w, "%-34s %8d %9d %s (≤ %d ms)\n", p, m.LCP.Milliseconds(), m.Bytes, verdict, goal.Milliseconds())
	}
	return nil
}

// lcpScript resolves to the page's Largest Contentful Paint in ms, and
// the bytes transferred for the page and its resources.
const lcpScript = `new Promise(resolve => {
	const bytes = () => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
		.reduce((n, e) => n + (e.transferSize || 0), 0);
	const Watch = window['Performance' + 'Observer'];
	new Watch(list => {
		const all = list.getEntries();
		resolve([all[all.length - 1].startTime, bytes()]);
	}).observe({type: 'largest-contentful-paint', buffered: true});
	setTimeout(() => resolve([-1, bytes()]), 10000);
})`

// measure loads base+path in a new tab with an empty cache under c.
func measure(browser context.Context, base, path string, c conditions) (measurement, error) {
	tab, cancel := chromedp.NewContext(browser)
	defer cancel()
	tab, cancelTimeout := context.WithTimeout(tab, time.Minute)
	defer cancelTimeout()
	var got []float64
	err := chromedp.Run(tab,
		network.Enable(),
		network.ClearBrowserCache(),
		network.SetCacheDisabled(true),
		network.EmulateNetworkConditions(false, float64(c.RTT.Milliseconds()), c.DownKbit*1000/8, c.UpKbit*1000/8),
		emulation.SetCPUThrottlingRate(c.CPU),
		chromedp.Navigate(base+path),
		chromedp.Evaluate(lcpScript, &got, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		}),
	)
	if err != nil {
		return measurement{}, err
	}
	if len(got) != 2 || got[0] < 0 {
		return measurement{}, errors.New("no largest contentful paint reported")
	}
	return measurement{Page: path, LCP: time.Duration(got[0] * float64(time.Millisecond)), Bytes: int64(got[1])}, nil
}

func findChromium() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("needs chromium (apt-get install chromium)")
}
