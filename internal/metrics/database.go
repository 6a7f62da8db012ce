package metrics

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"lokadaya/internal/db"
)

// scrapeTimeout bounds the queries one scrape runs, so that a slow
// database makes a scrape miss its series rather than hang.
const scrapeTimeout = 5 * time.Second

// queueCollector reads the job queue at scrape time: how many jobs of each
// kind are due and waiting, and how long the oldest of them has waited.
// Every instance shares the queue, so every instance reports the same.
type queueCollector struct{ db *db.DB }

var (
	queueDepth = prometheus.NewDesc("lokadaya_jobs_waiting",
		"Jobs due and not yet done, by kind.", []string{"kind"}, nil)
	queueAge = prometheus.NewDesc("lokadaya_jobs_oldest_waiting_seconds",
		"How long the oldest due job of a kind has waited since it was due.", []string{"kind"}, nil)
	queueUp = prometheus.NewDesc("lokadaya_jobs_scrape_ok",
		"1 when the job queue could be read at this scrape, 0 otherwise.", nil, nil)
)

func (c *queueCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- queueDepth
	ch <- queueAge
	ch <- queueUp
}

func (c *queueCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), scrapeTimeout)
	defer cancel()
	waiting, err := c.read(ctx)
	if err != nil {
		ch <- prometheus.MustNewConstMetric(queueUp, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(queueUp, prometheus.GaugeValue, 1)
	for kind, w := range waiting {
		ch <- prometheus.MustNewConstMetric(queueDepth, prometheus.GaugeValue, float64(w.count), kind)
		ch <- prometheus.MustNewConstMetric(queueAge, prometheus.GaugeValue, w.age.Seconds(), kind)
	}
}

type waitingJobs struct {
	count int64
	age   time.Duration
}

// read counts the due jobs by kind, then finds each kind's oldest: the
// run_at column read as itself, which SQLite's MIN() would turn to text.
func (c *queueCollector) read(ctx context.Context) (map[string]waitingJobs, error) {
	now := db.Now()
	rows, err := c.db.Query(ctx, `SELECT kind, COUNT(*) FROM jobs
		WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= ? GROUP BY kind`, now)
	if err != nil {
		return nil, err
	}
	out := map[string]waitingJobs{}
	for rows.Next() {
		var kind string
		var n int64
		if err := rows.Scan(&kind, &n); err != nil {
			rows.Close()
			return nil, err
		}
		out[kind] = waitingJobs{count: n}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for kind, w := range out {
		var oldest time.Time
		if err := c.db.QueryRow(ctx, `SELECT run_at FROM jobs WHERE kind = ? AND done_at IS NULL
			AND failed_at IS NULL AND run_at <= ? ORDER BY run_at LIMIT 1`, kind, now).Scan(&oldest); err != nil {
			return nil, err
		}
		w.age = max(now.Sub(oldest), 0)
		out[kind] = w
	}
	return out, nil
}

// complaintCollector reads the complaints' deadlines at scrape time.
type complaintCollector struct{ db *db.DB }

var (
	complaintsOverdue = prometheus.NewDesc("lokadaya_complaints_overdue",
		"Complaints still owed an answer past their current deadline.", nil, nil)
	complaintsFirstMissed = prometheus.NewDesc("lokadaya_complaints_first_deadline_missed",
		"Complaints whose first answer came after their first deadline, or has not come and the deadline passed.", nil, nil)
)

func (c *complaintCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- complaintsOverdue
	ch <- complaintsFirstMissed
}

func (c *complaintCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), scrapeTimeout)
	defer cancel()
	now := db.Now()
	var overdue, missed int64
	if err := c.db.QueryRow(ctx, `SELECT
		COALESCE(SUM(CASE WHEN awaiting_answer = TRUE AND due_at < ? THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN (first_answer_at IS NULL AND first_due_at < ?) OR first_answer_at > first_due_at THEN 1 ELSE 0 END), 0)
		FROM complaints`, now, now).Scan(&overdue, &missed); err != nil {
		return // the series are missing from this scrape; queue's scrape_ok tells the database is unreadable
	}
	ch <- prometheus.MustNewConstMetric(complaintsOverdue, prometheus.GaugeValue, float64(overdue))
	ch <- prometheus.MustNewConstMetric(complaintsFirstMissed, prometheus.GaugeValue, float64(missed))
}
