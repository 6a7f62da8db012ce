package surplus_test

import (
	"context"
	"reflect"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/demo/demotest"
	"lokadaya/internal/surplus"
)

// TestLineagesMatchLineage: the batch the API lists read gives each
// initiative the parent and children Lineage gives it alone.
func TestLineagesMatchLineage(t *testing.T) {
	demotest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		rows, err := d.Query(ctx, `SELECT id FROM initiatives ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		rows.Close()
		for _, public := range []bool{true, false} {
			all, err := surplus.Lineages(ctx, d, ids, public)
			if err != nil {
				t.Fatal(err)
			}
			related := 0
			for _, id := range ids {
				parent, children, err := surplus.Lineage(ctx, d, id, public)
				if err != nil {
					t.Fatal(err)
				}
				got := all[id]
				if !reflect.DeepEqual(got.Parent, parent) || !reflect.DeepEqual(got.Children, children) {
					t.Errorf("initiative %d (public %v): batch %+v, alone %+v %+v", id, public, got, parent, children)
				}
				if parent != nil || len(children) > 0 {
					related++
				}
			}
			if related == 0 {
				t.Errorf("the demo has no initiative with a parent or children (public %v)", public)
			}
		}
	})
}
