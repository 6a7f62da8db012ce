package audit_test

import (
	"context"
	"fmt"
	"testing"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
)

func TestRecordAndList(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		var uid int64
		if err := d.QueryRow(ctx, `INSERT INTO users (email, name, password_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id`,
			"a@example.org", "Ani", "x", db.Now()).Scan(&uid); err != nil {
			t.Fatal(err)
		}
		// Written inside a transaction, as callers do; a rolled-back one leaves nothing.
		err := d.InTx(ctx, func(tx *db.Tx) error {
			for i := range 5 {
				action := "org.verified"
				if i%2 == 1 {
					action = "hub.created"
				}
				if err := audit.Record(ctx, tx, audit.Entry{ActorID: uid, ActorName: "Ani", Action: action,
					TargetType: "organization", TargetID: fmt.Sprint(i), Detail: "ok"}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		_ = d.InTx(ctx, func(tx *db.Tx) error {
			if err := audit.Record(ctx, tx, audit.Entry{Action: "x", TargetType: "y"}); err != nil {
				t.Fatal(err)
			}
			return fmt.Errorf("roll back")
		})
		if err := audit.Record(ctx, d, audit.Entry{Action: "", TargetType: "y"}); err == nil {
			t.Error("an entry without action was accepted")
		}
		if err := audit.Record(ctx, d, audit.Entry{Action: "system.note", TargetType: "system", TargetID: "-"}); err != nil {
			t.Fatal(err)
		}

		for _, tc := range []struct {
			name string
			f    audit.Filter
			want int
		}{
			{"all", audit.Filter{}, 6},
			{"action", audit.Filter{Action: "org.verified"}, 3},
			{"target", audit.Filter{TargetType: "organization", TargetID: "3"}, 1},
			{"actor", audit.Filter{ActorID: uid}, 5},
			{"none", audit.Filter{Action: "nope"}, 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				p, err := audit.List(ctx, d, tc.f)
				if err != nil {
					t.Fatal(err)
				}
				if len(p.Entries) != tc.want || p.Next != 0 {
					t.Errorf("got %d entries (next %d), want %d", len(p.Entries), p.Next, tc.want)
				}
			})
		}

		// Pagination walks every entry once, newest first.
		var seen []int64
		f := audit.Filter{Limit: 4}
		for {
			p, err := audit.List(ctx, d, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range p.Entries {
				seen = append(seen, e.ID)
			}
			if p.Next == 0 {
				break
			}
			f.Before = p.Next
		}
		if len(seen) != 6 {
			t.Fatalf("paged through %d entries, want 6", len(seen))
		}
		for i := 1; i < len(seen); i++ {
			if seen[i] >= seen[i-1] {
				t.Errorf("not newest first: %v", seen)
			}
		}
		p, _ := audit.List(ctx, d, audit.Filter{Action: "system.note"})
		if len(p.Entries) != 1 || p.Entries[0].ActorID != 0 || p.Entries[0].At.IsZero() {
			t.Errorf("system entry = %+v", p.Entries)
		}
		acts, err := audit.Actions(ctx, d)
		if err != nil || len(acts) != 3 {
			t.Errorf("Actions = %v, %v", acts, err)
		}
	})
}
