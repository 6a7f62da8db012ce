package demo_test

import (
	"context"
	"testing"

	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/demo"
)

func TestDemoNewsSubscribers(t *testing.T) {
	d := dbtest.SQLite(t)
	if _, err := demo.Load(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if n := count(t, d, `SELECT COUNT(DISTINCT campaign_id) FROM campaign_subscribers WHERE unsubscribed_at IS NULL`); n < 2 {
		t.Errorf("%d demo campaigns with news subscribers, want at least 2", n)
	}
}
