package demo_test

import (
	"testing"

	"lokadaya/internal/demo/demotest"
)

func TestDemoNewsSubscribers(t *testing.T) {
	d := demotest.Open(t)
	if n := count(t, d, `SELECT COUNT(DISTINCT campaign_id) FROM campaign_subscribers WHERE unsubscribed_at IS NULL`); n < 2 {
		t.Errorf("%d demo campaigns with news subscribers, want at least 2", n)
	}
}
