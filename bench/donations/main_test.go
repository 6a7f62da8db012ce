package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"lokadaya/internal/db/dbtest"
)

// TestSmoke runs the load script with a handful of donations: every one
// is confirmed through the gateway and the total is exact, and so are
// the storage path's and the HTTP floor's. Speed is not checked here.
func TestSmoke(t *testing.T) {
	d := dbtest.Open(t)
	opts := options{Donations: 6, Workers: 3, Inserts: 20, Campaigns: 2}
	res, err := run(context.Background(), d, opts, filepath.Join(t.TempDir(), "plain.db"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Donations != 6 || res.Confirmed != res.Expected || res.Expected < 6*10_000 || res.FloorPerSec <= 0 || res.StorePerSec <= 0 {
		t.Errorf("result %+v", res)
	}
	var out bytes.Buffer
	report(&out, opts, res)
	if !strings.Contains(out.String(), "ratio:") {
		t.Errorf("report:\n%s", out.String())
	}
}
