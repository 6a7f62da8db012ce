package metrics

import (
	"context"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/jobs"
)

// The queue's depth and age are read from the jobs table at scrape time:
// due jobs count, jobs scheduled later, done or given up do not.
func TestJobQueueFromDatabase(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		now := db.Now()
		enqueue := func(kind string, runAt time.Time) int64 {
			id, err := jobs.Enqueue(ctx, d, kind, map[string]string{}, runAt)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		enqueue("mail", now.Add(-10*time.Minute))
		enqueue("mail", now.Add(-time.Minute))
		enqueue("mail", now.Add(time.Hour)) // not due yet
		done := enqueue("mail", now.Add(-time.Hour))
		failed := enqueue("mail", now.Add(-time.Hour))
		enqueue("campaign_news", now.Add(-30*time.Second))
		if _, err := d.Exec(ctx, `UPDATE jobs SET done_at = ? WHERE id = ?`, now, done); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `UPDATE jobs SET failed_at = ? WHERE id = ?`, now, failed); err != nil {
			t.Fatal(err)
		}
		waiting, err := (&queueCollector{db: d}).read(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(waiting) != 2 || waiting["mail"].count != 2 || waiting["campaign_news"].count != 1 {
			t.Errorf("waiting = %+v", waiting)
		}
		// At least the ten minutes it was due before the read, and less
		// than the hour of the jobs that are done or given up.
		if age := waiting["mail"].age; age < 10*time.Minute || age >= time.Hour {
			t.Errorf("oldest mail waited %v", age)
		}
		out := scrape(t, New(d))
		for _, want := range []string{
			`lokadaya_jobs_waiting{kind="mail"} 2`,
			`lokadaya_jobs_waiting{kind="campaign_news"} 1`,
			`lokadaya_jobs_oldest_waiting_seconds{kind="mail"} `,
			`lokadaya_jobs_scrape_ok 1`,
			`go_sql_open_connections{db_name="lokadaya"} `,
		} {
			if !strings.Contains(out, want) {
				t.Errorf("missing %q", want)
			}
		}
	})
}

var seriesName = regexp.MustCompile(`\b(?:lokadaya|go|process)_[a-z_]+`)

// Every series the Grafana dashboard queries is one the registry exposes.
func TestDashboardQueriesExistingSeries(t *testing.T) {
	raw, err := os.ReadFile("../../docs/grafana-dashboard.json")
	if err != nil {
		t.Fatal(err)
	}
	var dash struct {
		Panels []struct {
			Title   string
			Targets []struct{ Expr string }
		}
	}
	if err := json.Unmarshal(raw, &dash); err != nil {
		t.Fatal(err)
	}
	d := dbtest.Open(t)
	if _, err := jobs.Enqueue(context.Background(), d, "mail", map[string]string{}, time.Time{}); err != nil {
		t.Fatal(err)
	}
	r := New(d)
	r.Observe("GET", "GET /", 500, time.Millisecond)
	r.DonationCreated("transfer")
	r.DonationConfirmed("transfer", time.Minute)
	r.MailSent()
	r.MailFailed()
	out := scrape(t, r)
	queries := 0
	for _, p := range dash.Panels {
		for _, target := range p.Targets {
			queries++
			for _, name := range seriesName.FindAllString(target.Expr, -1) {
				if !strings.Contains(out, "\n"+name+"{") && !strings.Contains(out, "\n"+name+" ") {
					t.Errorf("panel %q queries %s, which is not exposed", p.Title, name)
				}
			}
		}
	}
	if queries < 10 {
		t.Errorf("only %d queries in the dashboard", queries)
	}
}
