package hub_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/hub"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

var errReason = errors.New("reason error")

func TestDecide(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		const riau, jakarta = "14.71.01.1002", "31.74.01.1001"
		for i, tc := range []struct {
			name     string
			who      func() hub.Actor
			region   string
			from     org.Status
			decision hub.Decision
			reason   string
			wantErr  error
			want     org.Status
		}{
			{"coordinator verifies pending", func() hub.Actor { return f.riauCoord }, riau, org.StatusPending, hub.DecideVerify, "", nil, org.StatusVerified},
			{"coordinator asks changes", func() hub.Actor { return f.riauCoord }, riau, org.StatusPending, hub.DecideNeedsChanges, "Lengkapi akta", nil, org.StatusNeedsChanges},
			{"changes need a reason", func() hub.Actor { return f.riauCoord }, riau, org.StatusPending, hub.DecideNeedsChanges, "  ", errReason, ""},
			{"coordinator rejects", func() hub.Actor { return f.riauCoord }, riau, org.StatusPending, hub.DecideReject, "Bukan OMS", nil, org.StatusRejected},
			{"reject needs a reason", func() hub.Actor { return f.riauCoord }, riau, org.StatusPending, hub.DecideReject, "", errReason, ""},
			{"reopen verified", func() hub.Actor { return f.riauCoord }, riau, org.StatusVerified, hub.DecideNeedsChanges, "NPWP salah", nil, org.StatusNeedsChanges},
			{"no verify twice", func() hub.Actor { return f.riauCoord }, riau, org.StatusVerified, hub.DecideVerify, "", hub.ErrNotAllowed, ""},
			{"no reject verified", func() hub.Actor { return f.riauCoord }, riau, org.StatusVerified, hub.DecideReject, "x", hub.ErrNotAllowed, ""},
			{"no verify needs_changes", func() hub.Actor { return f.riauCoord }, riau, org.StatusNeedsChanges, hub.DecideVerify, "", hub.ErrNotAllowed, ""},
			{"no verify rejected", func() hub.Actor { return f.riauCoord }, riau, org.StatusRejected, hub.DecideVerify, "", hub.ErrNotAllowed, ""},
			{"no verify suspended", func() hub.Actor { return f.admin }, riau, org.StatusSuspended, hub.DecideVerify, "", hub.ErrNotAllowed, ""},
			{"other hub's coordinator", func() hub.Actor { return f.nttCoord }, riau, org.StatusPending, hub.DecideVerify, "", hub.ErrForbidden, ""},
			{"uncovered region", func() hub.Actor { return f.riauCoord }, jakarta, org.StatusPending, hub.DecideVerify, "", hub.ErrForbidden, ""},
			{"outsider", func() hub.Actor { return f.outsider }, riau, org.StatusPending, hub.DecideVerify, "", hub.ErrForbidden, ""},
			{"admin verifies anywhere", func() hub.Actor { return f.admin }, jakarta, org.StatusPending, hub.DecideVerify, "", nil, org.StatusVerified},
			{"coordinator cannot suspend", func() hub.Actor { return f.riauCoord }, riau, org.StatusVerified, hub.DecideSuspend, "x", hub.ErrForbidden, ""},
			{"admin suspends", func() hub.Actor { return f.admin }, jakarta, org.StatusVerified, hub.DecideSuspend, "Penipuan", nil, org.StatusSuspended},
			{"suspend needs a reason", func() hub.Actor { return f.admin }, jakarta, org.StatusVerified, hub.DecideSuspend, "", errReason, ""},
			{"no suspend twice", func() hub.Actor { return f.admin }, jakarta, org.StatusSuspended, hub.DecideSuspend, "x", hub.ErrNotAllowed, ""},
			{"unsuspend without history", func() hub.Actor { return f.admin }, jakarta, org.StatusSuspended, hub.DecideUnsuspend, "", nil, org.StatusPending},
			{"no unsuspend active", func() hub.Actor { return f.admin }, jakarta, org.StatusVerified, hub.DecideUnsuspend, "", hub.ErrNotAllowed, ""},
			{"coordinator cannot unsuspend", func() hub.Actor { return f.riauCoord }, riau, org.StatusSuspended, hub.DecideUnsuspend, "", hub.ErrForbidden, ""},
			{"unknown decision", func() hub.Actor { return f.admin }, riau, org.StatusPending, hub.Decision("approve"), "", hub.ErrUnknown, ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				id := newOrg(t, d, fmt.Sprintf("org-%d", i), tc.region, tc.from)
				actor := tc.who()
				got, err := f.store.Decide(ctx, actor, id, tc.decision, tc.reason)
				var st string
				if e := d.QueryRow(ctx, `SELECT status FROM organizations WHERE id = ?`, id).Scan(&st); e != nil {
					t.Fatal(e)
				}
				var reviews, audits int
				_ = d.QueryRow(ctx, `SELECT COUNT(*) FROM org_reviews WHERE org_id = ?`, id).Scan(&reviews)
				_ = d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE target_type = 'organization' AND target_id = ?`, fmt.Sprint(id)).Scan(&audits)
				if tc.wantErr != nil {
					var ve validate.Errors
					if tc.wantErr == errReason {
						if !errors.As(err, &ve) || ve["reason"] == "" {
							t.Fatalf("err = %v, want a reason error", err)
						}
					} else if !errors.Is(err, tc.wantErr) {
						t.Fatalf("err = %v, want %v", err, tc.wantErr)
					}
					if st != string(tc.from) || reviews != 0 || audits != 0 {
						t.Errorf("refused decision left traces: status %s, reviews %d, audits %d", st, reviews, audits)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if got != tc.want || st != string(tc.want) || reviews != 1 || audits != 1 {
					t.Errorf("status %s/%s (want %s), reviews %d, audits %d", got, st, tc.want, reviews, audits)
				}
				var reason, action, actorName string
				if err := d.QueryRow(ctx, `SELECT o.status_reason, a.action, a.actor_name FROM organizations o
					JOIN audit_log a ON a.target_id = ? WHERE o.id = ?`, fmt.Sprint(id), id).Scan(&reason, &action, &actorName); err != nil {
					t.Fatal(err)
				}
				if reason != tc.reason || action != "org."+string(tc.decision) || actorName != actor.Name {
					t.Errorf("reason %q, action %q, actor %q", reason, action, actorName)
				}
			})
		}
	})
}

func TestSuspendRoundTripAndHistory(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		steps := []struct {
			who      hub.Actor
			decision hub.Decision
			reason   string
			want     org.Status
		}{
			{f.riauCoord, hub.DecideVerify, "", org.StatusVerified},
			{f.admin, hub.DecideSuspend, "Laporan penyalahgunaan dana", org.StatusSuspended},
			{f.admin, hub.DecideUnsuspend, "Sudah diklarifikasi", org.StatusVerified},
		}
		for _, s := range steps {
			got, err := f.store.Decide(ctx, s.who, f.orgRiau, s.decision, s.reason)
			if err != nil || got != s.want {
				t.Fatalf("%s: %s, %v; want %s", s.decision, got, err, s.want)
			}
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM organizations WHERE id = ? AND verified_at IS NOT NULL`, f.orgRiau).Scan(&n); err != nil || n != 1 {
			t.Errorf("verified_at lost across the suspension: %d, %v", n, err)
		}
		h, err := f.store.History(ctx, f.orgRiau)
		if err != nil || len(h) != 3 {
			t.Fatalf("history = %v, %v", h, err)
		}
		if h[0].Decision != hub.DecideUnsuspend || h[0].FromStatus != org.StatusSuspended || h[2].ReviewerName != "Koordinator Riau" {
			t.Errorf("history = %+v", h)
		}
		// Re-opening a verified organisation clears the badge's date.
		if _, err := f.store.Decide(ctx, f.riauCoord, f.orgRiau, hub.DecideNeedsChanges, "Perbarui pengurus"); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM organizations WHERE id = ? AND verified_at IS NULL`, f.orgRiau).Scan(&n); err != nil || n != 1 {
			t.Errorf("verified_at kept after re-opening")
		}
		// A stale expectation is refused.
		if _, err := f.store.DecideExpecting(ctx, f.riauCoord, f.orgRiau2, org.StatusVerified, hub.DecideNeedsChanges, "x"); !errors.Is(err, hub.ErrConflict) {
			t.Errorf("stale expectation: err = %v", err)
		}
		if _, err := f.store.Decide(ctx, f.admin, 999999, hub.DecideVerify, ""); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("missing organisation: err = %v", err)
		}
	})
}

// Two coordinators deciding at once on the same pending organisation: one
// decision applies, the other is refused, and one review row exists.
func TestConcurrentDecisions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		second := newUser(t, d, "riau2@example.org", "Koordinator Riau 2", false)
		if _, err := f.store.Update(ctx, f.admin, f.riau.ID, hub.Input{Slug: "simpul-riau", Name: "Simpul Riau",
			Regions: []string{"14"}, Coordinators: []string{"riau@example.org", "riau2@example.org"}}); err != nil {
			t.Fatal(err)
		}
		for round := range 5 {
			id := newOrg(t, d, fmt.Sprintf("race-%d", round), "14.71.01.1002", org.StatusPending)
			var wg sync.WaitGroup
			errs := make([]error, 2)
			for i, a := range []struct {
				who hub.Actor
				d   hub.Decision
			}{{f.riauCoord, hub.DecideVerify}, {second, hub.DecideReject}} {
				wg.Go(func() {
					_, errs[i] = f.store.DecideExpecting(ctx, a.who, id, org.StatusPending, a.d, "alasan")
				})
			}
			wg.Wait()
			ok := 0
			for _, err := range errs {
				switch {
				case err == nil:
					ok++
				case errors.Is(err, hub.ErrConflict), errors.Is(err, hub.ErrNotAllowed):
				default:
					t.Fatalf("unexpected error: %v", err)
				}
			}
			var reviews int
			_ = d.QueryRow(ctx, `SELECT COUNT(*) FROM org_reviews WHERE org_id = ?`, id).Scan(&reviews)
			if ok != 1 || reviews != 1 {
				t.Errorf("round %d: %d decisions applied, %d reviews; want 1 and 1 (%v)", round, ok, reviews, errs)
			}
		}
	})
}
