package web_test

import (
	"context"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath finds Debian's chromium. Browser tests are skipped without
// it on a developer's machine but fail in CI, where .ci/run installs it.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("browser tests need chromium (apt-get install chromium)")
	}
	t.Skip("chromium not installed; browser test skipped")
	return ""
}

// newBrowser starts a fresh headless Chromium with an empty profile and
// returns a tab context that ends with the test.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	// The profile is removed by hand: Chromium's helpers may still be
	// writing to it for a moment after the browser is told to quit, which
	// makes t.TempDir's strict clean-up fail.
	profile, err := os.MkdirTemp("", "lokadaya-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(412, 900), // a common Android phone
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() {
		cancelTimeout()
		cancelTab()
		cancelAlloc()
		for range 20 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// verifiedUser creates an account whose e-mail is already confirmed, for
// the people a browser test needs before it starts.
func verifiedUser(t *testing.T, d *db.DB, email, name, password string) *account.User {
	t.Helper()
	accounts := &account.Store{DB: d}
	u, err := accounts.Create(context.Background(), email, name, "", password)
	if err != nil {
		t.Fatal(err)
	}
	if err := accounts.MarkVerified(context.Background(), u.ID); err != nil {
		t.Fatal(err)
	}
	return u
}
