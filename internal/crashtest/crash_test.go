package crashtest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/gateway/gatewaytest"
	"lokadaya/internal/ledger"
	"lokadaya/internal/org"
)

// Sizes of one run, per database: enough donations for several kills to
// land in the middle of writes, small enough for a 2-core machine.
const (
	crashDonations = 240
	crashDonors    = 8
	crashKills     = 4
	crashKey       = "crash-test-server-key"
)

// gift is one donation as its donor knows it.
type gift struct {
	i      int
	key    string // Idempotency-Key
	amount int64
	id     int64 // the server's id, once acknowledged
	payURL string
	paid   bool // the donor paid at the gateway
}

// TestCrashSafeMoney gives through the gateway from several donors while
// the server is killed with SIGKILL several times and restarted; donors
// retry what failed with the same Idempotency-Key. At the end the gateway
// sends every notification again, and the database must hold each
// acknowledged donation once, each paid one confirmed and booked once,
// the same total in donations and in the ledger, and verified chains.
func TestCrashSafeMoney(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the real server")
	}
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	dbtest.Each(t, func(t *testing.T, d *db.DB) { crashRun(t, d, bin) })
}

func crashRun(t *testing.T, d *db.DB, bin string) {
	ctx := context.Background()
	slug, campaignID := seed(t, d)

	gw := gatewaytest.NewServer(crashKey)
	t.Cleanup(gw.Close)
	// A notification that finds the server down is left to the replay at
	// the end, as a gateway retries later: one attempt each meanwhile.
	gw.Attempts = 1
	gw.HTTP = &http.Client{Timeout: 10 * time.Second}

	dir := t.TempDir()
	addr := freeAddr(t)
	base := "http://" + addr
	srv := &server{bin: bin, log: filepath.Join(dir, "serve.log"),
		args: []string{"serve", "--addr", addr, "--base-url", base, "--db", d.URL, "--trust-proxy",
			"--uploads-dir", filepath.Join(dir, "uploads"), "--gateway-url", gw.BaseURL},
		env: []string{"LOKADAYA_GATEWAY_SERVER_KEY=" + crashKey}}
	t.Cleanup(srv.kill)
	if err := srv.start(base); err != nil {
		t.Fatal(err)
	}

	gifts := make([]*gift, crashDonations)
	for i := range gifts {
		gifts[i] = &gift{i: i, key: fmt.Sprintf("crash-%s-%06d", d.Dialect, i), amount: int64(10_000 + 1_000*(i%40) + i%7)}
	}
	// The kills happen once this many donations were acknowledged, a few
	// milliseconds later, so that they fall on requests in flight.
	var acked atomic.Int64
	killAt := make([]int64, crashKills)
	for k := range killAt {
		killAt[k] = int64(crashDonations/10 + rand.IntN(crashDonations*8/10))
	}
	slices.Sort(killAt)
	givingDone := make(chan struct{})
	killerErr := make(chan error, 1)
	go func() {
		defer close(killerErr)
		for _, at := range killAt {
			for acked.Load() < at {
				select {
				case <-givingDone: // donors gave up: no more kills
					return
				case <-time.After(2 * time.Millisecond):
				}
			}
			time.Sleep(time.Duration(rand.IntN(40)) * time.Millisecond)
			srv.kill()
			if err := srv.start(base); err != nil {
				killerErr <- err
				return
			}
		}
	}()

	client := &http.Client{Timeout: 15 * time.Second}
	jobs := make(chan *gift)
	errs := make(chan error, crashDonations)
	var wg sync.WaitGroup
	for range crashDonors {
		wg.Go(func() {
			for g := range jobs {
				if err := give(client, gw, base, slug, g); err != nil {
					errs <- err
					continue
				}
				acked.Add(1)
			}
		})
	}
	for _, g := range gifts {
		jobs <- g
	}
	close(jobs)
	wg.Wait()
	close(givingDone)
	if err := <-killerErr; err != nil {
		t.Fatal(err)
	}
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if t.Failed() {
		t.FailNow()
	}

	// The gateway sends every notification again, as gateways do.
	replayed, undelivered := 0, 0
	for _, dv := range gw.Deliveries() {
		if dv.Err != nil {
			undelivered++
		}
		res, err := http.Post(dv.URL, "application/json", bytes.NewReader(dv.Body))
		if err != nil {
			t.Fatalf("replay of order %s: %v", dv.OrderID, err)
		}
		raw, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("replay of order %s: HTTP %d: %s", dv.OrderID, res.StatusCode, raw)
		}
		replayed++
	}
	srv.kill()

	c := check(ctx, t, d, campaignID, gifts, gw)
	pageless := 0
	for _, g := range gifts {
		if g.payURL == "" {
			pageless++
		}
	}
	t.Logf("%s: %d kills; %d acknowledged (%d without a payment page), %d stored, %d paid at the gateway, "+
		"%d confirmed, %d booked; %d notifications (%d found the server down) replayed; lost = %d, doubled = %d; "+
		"Rp%d confirmed = Rp%d in the ledger; %d chain(s) verified",
		d.Dialect, srv.starts-1, acked.Load(), pageless, c.stored, c.paid, c.confirmed, c.booked, replayed, undelivered,
		c.lost, c.doubled, c.confirmedSum, c.ledgerSum, c.chains)
}

// give makes g's donation, retrying with the same Idempotency-Key until
// the server acknowledges it, and for most donors pays it at the gateway.
func give(client *http.Client, gw *gatewaytest.Server, base, slug string, g *gift) error {
	body, _ := json.Marshal(map[string]any{"amount": g.amount, "name": "Donatur " + strconv.Itoa(g.i),
		"method": "gateway", "email": fmt.Sprintf("donatur%d@example.org", g.i)})
	deadline := time.Now().Add(90 * time.Second)
	var last string
	for time.Now().Before(deadline) {
		req, _ := http.NewRequest("POST", base+"/api/v1/campaigns/"+slug+"/donations", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Idempotency-Key", g.key)
		req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", g.i>>16&255, g.i>>8&255, g.i&255))
		res, err := client.Do(req)
		if err != nil {
			last = err.Error()
			time.Sleep(50 * time.Millisecond)
			continue
		}
		raw, _ := io.ReadAll(res.Body)
		res.Body.Close()
		var out struct {
			ID         int64  `json:"id"`
			PaymentURL string `json:"payment_url"`
		}
		if (res.StatusCode == http.StatusCreated || res.StatusCode == http.StatusOK) && json.Unmarshal(raw, &out) == nil && out.ID > 0 {
			g.id, g.payURL = out.ID, out.PaymentURL
			break
		}
		last = fmt.Sprintf("HTTP %d: %s", res.StatusCode, raw)
		if res.StatusCode < 500 {
			return fmt.Errorf("donation %d: %s", g.i, last)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if g.id == 0 {
		return fmt.Errorf("donation %d never acknowledged: %s", g.i, last)
	}
	// Three donors in four pay; a payer needs the payment page. The
	// notification may find the server down: the replay delivers it.
	if g.i%4 != 3 && g.payURL != "" {
		g.paid = true
		_ = gw.Pay(strconv.FormatInt(g.id, 10), "settlement")
	}
	return nil
}

// figures are what the database holds, compared with what donors know.
type figures struct {
	stored, paid, confirmed, booked, lost, doubled, chains int
	confirmedSum, ledgerSum                                int64
}

// check compares the database with the donors and the gateway, and
// reports every difference.
func check(ctx context.Context, t *testing.T, d *db.DB, campaignID int64, gifts []*gift, gw *gatewaytest.Server) figures {
	t.Helper()
	var f figures
	for _, g := range gifts {
		var n int
		var id int64
		var status string
		if err := d.QueryRow(ctx, `SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(MAX(status), '') FROM donations
			WHERE form_token = ?`, apiToken(campaignID, g.key)).Scan(&n, &id, &status); err != nil {
			t.Fatal(err)
		}
		var byName int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM donations WHERE campaign_id = ? AND donor_name = ?`,
			campaignID, "Donatur "+strconv.Itoa(g.i)).Scan(&byName); err != nil {
			t.Fatal(err)
		}
		switch {
		case n == 0:
			f.lost++
			t.Errorf("donation %d (id %d) acknowledged but not stored", g.i, g.id)
			continue
		case n > 1 || byName > 1:
			f.doubled++
			t.Errorf("donation %d stored %d times (%d by name)", g.i, n, byName)
		case id != g.id:
			t.Errorf("donation %d stored as id %d, acknowledged as %d", g.i, id, g.id)
		}
		f.stored++
		// What the gateway says happened is the truth about money.
		o, _ := gw.Order(strconv.FormatInt(g.id, 10))
		settled := o.Status == "settlement"
		if settled {
			f.paid++
		}
		if settled != g.paid {
			t.Errorf("donation %d: paid by the donor %v, settled at the gateway %v", g.i, g.paid, settled)
		}
		if status == "confirmed" {
			f.confirmed++
		}
		if settled != (status == "confirmed") {
			t.Errorf("donation %d: settled at the gateway %v, but %s", g.i, settled, status)
		}
		var entries int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM ledger_entries WHERE source_type = 'donation' AND source_id = ?
			AND kind = 'donation'`, id).Scan(&entries); err != nil {
			t.Fatal(err)
		}
		if entries == 1 {
			f.booked++
		}
		if want := map[bool]int{true: 1, false: 0}[status == "confirmed"]; entries != want {
			t.Errorf("donation %d (%s) has %d ledger entries, want %d", g.i, status, entries, want)
		}
	}
	var rows int
	if err := d.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = 'confirmed' THEN amount ELSE 0 END), 0)
		FROM donations WHERE campaign_id = ?`, campaignID).Scan(&rows, &f.confirmedSum); err != nil {
		t.Fatal(err)
	}
	if rows != len(gifts) {
		t.Errorf("the campaign has %d donations, %d were made", rows, len(gifts))
	}
	if err := d.QueryRow(ctx, `SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE campaign_id = ? AND kind = 'donation'`,
		campaignID).Scan(&f.ledgerSum); err != nil {
		t.Fatal(err)
	}
	if f.confirmedSum != f.ledgerSum {
		t.Errorf("confirmed donations Rp%d, ledger Rp%d", f.confirmedSum, f.ledgerSum)
	}
	var orgIDs []int64
	rs, err := d.Query(ctx, `SELECT id FROM organizations ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rs.Next() {
		var id int64
		if err := rs.Scan(&id); err != nil {
			t.Fatal(err)
		}
		orgIDs = append(orgIDs, id)
	}
	rs.Close()
	for _, id := range orgIDs {
		res, err := ledger.Verify(ctx, d, id)
		if err != nil {
			t.Fatal(err)
		}
		if !res.OK {
			t.Errorf("organisation %d: chain broken at %v: %s", id, res.FirstBad, res.Problem)
			continue
		}
		f.chains++
	}
	return f
}

// apiToken is the donation's stored token for an Idempotency-Key, as the
// donations API derives it (internal/web idempotencyToken).
func apiToken(campaignID int64, key string) string {
	sum := sha256.Sum256([]byte(strconv.FormatInt(campaignID, 10) + ":" + key))
	return "api-" + hex.EncodeToString(sum[:20])
}

// seed adds an organisation with a published initiative and an active
// campaign, as bench/donations does, and returns the campaign.
func seed(t *testing.T, d *db.DB) (string, int64) {
	t.Helper()
	ctx := context.Background()
	u, err := (&account.Store{DB: d}).Create(ctx, "bendahara@crash.example", "Bendahara", "", "kata-sandi-panjang-crash")
	if err != nil {
		t.Fatal(err)
	}
	o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "Taman Baca Tahan Banting", Slug: "taman-baca-crash",
		LegalForm: "komunitas", RegionCode: "32.73.01.1001", FocusIssues: []string{"pendidikan"}})
	if err != nil {
		t.Fatal(err)
	}
	now := db.Now()
	var initID, campaignID int64
	if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'pojok-baca-crash', 'Pojok Baca', 'published', ?, ?) RETURNING id`, o.ID, now, now).Scan(&initID); err != nil {
		t.Fatal(err)
	}
	const slug = "buku-untuk-anak-crash"
	if err := d.QueryRow(ctx, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
		VALUES (?, ?, ?, 'Buku untuk Anak', 'active', ?, ?) RETURNING id`, initID, o.ID, slug, now, now).Scan(&campaignID); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Exec(ctx, `INSERT INTO campaign_needs (campaign_id, kind, title, target) VALUES (?, 'dana', 'Rak dan buku', 500000000)`,
		campaignID); err != nil {
		t.Fatal(err)
	}
	return slug, campaignID
}
