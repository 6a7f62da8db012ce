package hub

import (
	"context"
	"errors"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
)

// apply must not write over a status that changed after it was read.
func TestApplyRefusesStaleStatus(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		now := db.Now()
		var id int64
		if err := d.QueryRow(ctx, `INSERT INTO organizations (slug, name, legal_form, region_code, status, created_at, updated_at)
			VALUES ('s', 'S', 'yayasan', '14', 'verified', ?, ?) RETURNING id`, now, now).Scan(&id); err != nil {
			t.Fatal(err)
		}
		stale := &org.Organization{ID: id, Slug: "s", Status: org.StatusPending}
		err := d.InTx(ctx, func(tx *db.Tx) error {
			return apply(ctx, tx, Actor{Name: "sistem"}, stale, DecideReject, org.StatusRejected, "x", nil)
		})
		if !errors.Is(err, ErrConflict) {
			t.Fatalf("err = %v, want ErrConflict", err)
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM org_reviews`).Scan(&n); err != nil || n != 0 {
			t.Errorf("reviews = %d, %v", n, err)
		}
	})
}
