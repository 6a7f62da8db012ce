package web_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/web"
)

// countingDriver counts the statements run through its connections: it
// offers only Prepare, so database/sql prepares every query and every
// exec through it, once each.
type countingDriver struct {
	driver.Driver
	n *atomic.Int64
}

func (c countingDriver) Open(name string) (driver.Conn, error) {
	conn, err := c.Driver.Open(name)
	if err != nil {
		return nil, err
	}
	return countingConn{conn, c.n}, nil
}

type countingConn struct {
	driver.Conn
	n *atomic.Int64
}

func (c countingConn) Prepare(q string) (driver.Stmt, error) {
	c.n.Add(1)
	return c.Conn.Prepare(q)
}

type countingConnector struct {
	d   countingDriver
	dsn string
}

func (c countingConnector) Connect(context.Context) (driver.Conn, error) { return c.d.Open(c.dsn) }
func (c countingConnector) Driver() driver.Driver                        { return c.d }

// countingDB opens d's database a second time through countingDriver.
func countingDB(t *testing.T, d *db.DB, n *atomic.Int64) *db.DB {
	t.Helper()
	dsn := d.URL
	if d.Dialect == db.SQLite {
		dsn = "file:" + strings.TrimPrefix(d.URL, "sqlite:") + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
			"&_pragma=foreign_keys(1)&_txlock=immediate&_time_format=sqlite"
	}
	pool := sql.OpenDB(countingConnector{countingDriver{d.Driver(), n}, dsn})
	pool.SetMaxOpenConns(4)
	t.Cleanup(func() { pool.Close() })
	return &db.DB{DB: pool, Dialect: d.Dialect, URL: d.URL}
}

// TestCampaignPageQueriesDoNotGrowWithDonations: a campaign page runs
// the same number of queries for one donation as for hundreds; its
// totals come from running totals, its wall is one page.
func TestCampaignPageQueriesDoNotGrowWithDonations(t *testing.T) {
	w := newCampaignWorld(t)
	ctx := context.Background()
	c := w.add(t, "Rak Buku untuk Semua", true)
	var n atomic.Int64
	srv, err := web.New(web.Config{BaseURL: "http://lokadaya.test"}, countingDB(t, w.d, &n), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	next := 0
	give := func(count int) {
		t.Helper()
		for range count {
			next++
			now := db.Now()
			if _, err := w.d.Exec(ctx, `INSERT INTO donations (campaign_id, need_id, org_id, method, base_amount, amount,
				donor_name, contact_email, status, form_token, created_at, expires_at, confirmed_at)
				VALUES (?, ?, ?, 'qris', 10000, 10000, 'Donatur', ?, 'confirmed', ?, ?, ?, ?)`,
				c.ID, c.Needs[0].ID, c.OrgID, fmt.Sprintf("d%d@example.org", next%70), fmt.Sprintf("uji-%d", next),
				now, now.Add(24*60*60*1e9), now); err != nil {
				t.Fatal(err)
			}
		}
	}
	page := func() int64 {
		t.Helper()
		return countQueries(t, &n, ts.URL+"/galang-daya/"+c.Slug)
	}
	give(1)
	one := page()
	give(300)
	many := page()
	if one == 0 || many != one {
		t.Errorf("the campaign page ran %d queries with one donation and %d with 301", one, many)
	}
	money, err := w.store.MoneyProgress(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if money.Confirmed != 301*10000 || money.Donors != 70 {
		t.Errorf("money %+v, want 301 donations of Rp10.000 from 70 donors", money)
	}
}

// countQueries gets url rendered afresh (not answered from the page
// cache), requires a 200 and returns how many statements n counted.
func countQueries(t *testing.T, n *atomic.Int64, url string) int64 {
	t.Helper()
	n.Store(0)
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Cache-Control", "no-cache")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", url, res.StatusCode)
	}
	return n.Load()
}
