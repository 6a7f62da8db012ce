package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// scrapeMetrics reads /metrics as Prometheus does, from this machine, into
// series (name with its labels, as exposed) → value.
func scrapeMetrics(t *testing.T, w interface {
	get(*testing.T, string, string) orgResponse
}) map[string]float64 {
	t.Helper()
	res := w.get(t, "anon", "/metrics")
	if res.status != http.StatusOK {
		t.Fatalf("/metrics: %d", res.status)
	}
	out := map[string]float64{}
	for _, line := range strings.Split(res.body, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("unreadable sample %q", line)
		}
		out[line[:i]] = v
	}
	return out
}

// Donations counted by the metrics are the ones stored: created and
// confirmed by method, with one confirmation latency each; the receipt
// each confirmation queues shows in the job queue.
func TestMetricsCountDonations(t *testing.T) {
	w := newDonationWorld(t)
	ctx := context.Background()
	for _, name := range []string{"Siti", "Budi", "Wati"} {
		w.give(t, url.Values{"amount": {"50000"}, "name": {name}, "email": {strings.ToLower(name) + "@example.org"}})
	}
	for range 2 {
		id := w.pendingID(t)
		if res := w.post(t, "treasurer", "/organisasi/taman-baca/donasi/"+id+"/konfirmasi", nil); res.status != http.StatusSeeOther {
			t.Fatalf("confirm: %d", res.status)
		}
	}
	got := scrapeMetrics(t, w)

	rows, err := w.d.Query(ctx, `SELECT method, COUNT(*), SUM(CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END)
		FROM donations GROUP BY method`)
	if err != nil {
		t.Fatal(err)
	}
	methods := 0
	for rows.Next() {
		var method string
		var created, confirmed float64
		if err := rows.Scan(&method, &created, &confirmed); err != nil {
			t.Fatal(err)
		}
		methods++
		for series, want := range map[string]float64{
			`lokadaya_donations_created_total{method="` + method + `"}`:             created,
			`lokadaya_donations_confirmed_total{method="` + method + `"}`:           confirmed,
			`lokadaya_donation_confirmation_seconds_count{method="` + method + `"}`: confirmed,
		} {
			if got[series] != want {
				t.Errorf("%s = %v, want %v", series, got[series], want)
			}
		}
	}
	rows.Close()
	if methods != 1 || got[`lokadaya_donations_created_total{method="transfer"}`] != 3 ||
		got[`lokadaya_donations_confirmed_total{method="transfer"}`] != 2 {
		t.Errorf("transfers: %v created, %v confirmed, want 3 and 2", got[`lokadaya_donations_created_total{method="transfer"}`],
			got[`lokadaya_donations_confirmed_total{method="transfer"}`])
	}

	var mails float64
	if err := w.d.QueryRow(ctx, `SELECT COUNT(*) FROM jobs WHERE kind = 'mail' AND done_at IS NULL AND failed_at IS NULL`).Scan(&mails); err != nil {
		t.Fatal(err)
	}
	if mails == 0 || got[`lokadaya_jobs_waiting{kind="mail"}`] != mails {
		t.Errorf("mail jobs waiting = %v, want %v", got[`lokadaya_jobs_waiting{kind="mail"}`], mails)
	}
	for _, series := range []string{
		`lokadaya_jobs_oldest_waiting_seconds{kind="mail"}`,
		`lokadaya_jobs_scrape_ok`,
		`lokadaya_complaints_overdue`,
		`lokadaya_complaints_first_deadline_missed`,
		`go_sql_in_use_connections{db_name="lokadaya"}`,
		`go_goroutines`,
	} {
		if _, ok := got[series]; !ok {
			t.Errorf("no series %s", series)
		}
	}
	if got[`lokadaya_jobs_scrape_ok`] != 1 {
		t.Error("the job queue was not read")
	}
}

// Requests are labelled with their route pattern, never the path, so a
// slug or a token adds no series.
func TestMetricsLabelRoutePatterns(t *testing.T) {
	w := newDemoWorld(t)
	for range 2 {
		if res := w.get(t, "anon", "/organisasi/terang-kampung"); res.status != http.StatusOK {
			t.Fatalf("org page: %d", res.status)
		}
	}
	w.get(t, "anon", "/organisasi/tidak-ada-sama-sekali")
	got := scrapeMetrics(t, w)
	if v := got[`lokadaya_http_requests_total{method="GET",route="GET /organisasi/{slug}",status="200"}`]; v != 2 {
		t.Errorf("org page requests = %v, want 2", v)
	}
	if v := got[`lokadaya_http_request_duration_seconds_count{method="GET",route="GET /organisasi/{slug}"}`]; v < 2 {
		t.Errorf("org page latencies = %v, want at least 2", v)
	}
	for series := range got {
		if strings.Contains(series, "terang-kampung") || strings.Contains(series, "tidak-ada") {
			t.Errorf("a path in a label: %s", series)
		}
	}
}
