// Package demotest gives tests a database holding the demo world. The demo
// data is loaded once per test binary and kind of database; each test gets
// its own copy.
package demotest

import (
	"context"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/demo"
)

// Open is dbtest.Open holding the demo world.
func Open(t testing.TB) *db.DB {
	t.Helper()
	return dbtest.Seeded(t, "demo", load)
}

// Each is dbtest.Each holding the demo world.
func Each(t *testing.T, fn func(t *testing.T, d *db.DB)) {
	t.Helper()
	dbtest.EachSeeded(t, "demo", load, fn)
}

func load(ctx context.Context, d *db.DB) error {
	_, err := demo.Load(ctx, d)
	return err
}
