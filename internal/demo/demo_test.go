package demo_test

import (
	"context"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/demo"
)

func count(t *testing.T, d *db.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func TestLoad(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		logins, err := demo.Load(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name, query string
			want        int
		}{
			{"hubs", `SELECT COUNT(*) FROM hubs`, 3},
			{"organisations", `SELECT COUNT(*) FROM organizations WHERE kind = 'oms'`, 20},
			{"orgs in a desa or kelurahan", `SELECT COUNT(*) FROM organizations o JOIN regions r ON r.code = o.region_code
				WHERE r.level IN ('desa', 'kelurahan') AND o.kind = 'oms'`, 20},
			{"verified government offices", `SELECT COUNT(*) FROM organizations WHERE kind IN ('desa', 'opd') AND status = 'verified'`, 2},
			{"settled planning rounds", `SELECT COUNT(*) FROM planning_rounds WHERE status = 'ditetapkan'`, 1},
			{"carried-over proposals", `SELECT COUNT(*) FROM proposal_rank_history WHERE event = 'dipindah' AND from_year = 2026 AND to_year = 2027`, 1},
			{"needs changes", `SELECT COUNT(*) FROM organizations WHERE status = 'needs_changes' AND status_reason <> ''`, 1},
			{"unverified accounts", `SELECT COUNT(*) FROM users WHERE email_verified_at IS NULL`, 0},
			{"platform admins", `SELECT COUNT(*) FROM users WHERE is_admin = TRUE`, 1},
			{"roles in use", `SELECT COUNT(DISTINCT role) FROM memberships`, 5},
			{"orgs without owner", `SELECT COUNT(*) FROM organizations o WHERE NOT EXISTS
				(SELECT 1 FROM memberships m WHERE m.org_id = o.id AND m.role = 'owner')`, 0},
			{"hubs without coordinator", `SELECT COUNT(*) FROM hubs h WHERE NOT EXISTS
				(SELECT 1 FROM hub_coordinators c WHERE c.hub_id = h.id)`, 0},
			{"decisions without audit", `SELECT COUNT(*) FROM org_reviews r WHERE NOT EXISTS
				(SELECT 1 FROM audit_log a WHERE a.target_type = 'organization' AND a.action = 'org.' || r.decision)`, 0},
		} {
			if got := count(t, d, tc.query); got != tc.want {
				t.Errorf("%s = %d, want %d", tc.name, got, tc.want)
			}
		}
		provinces := count(t, d, `SELECT COUNT(DISTINCT SUBSTR(region_code, 1, 2)) FROM organizations`)
		verified := count(t, d, `SELECT COUNT(*) FROM organizations WHERE status = 'verified'`)
		pending := count(t, d, `SELECT COUNT(*) FROM organizations WHERE status = 'pending'`)
		if provinces < 10 || verified <= 10 || pending < 2 {
			t.Errorf("provinces %d, verified %d, pending %d", provinces, verified, pending)
		}

		// Every listed login works with the shared password.
		accounts := &account.Store{DB: d}
		if len(logins) < 8 {
			t.Fatalf("only %d logins", len(logins))
		}
		for _, l := range logins {
			if _, err := accounts.Authenticate(ctx, l.Email, l.Password); err != nil {
				t.Errorf("login %s: %v", l.Email, err)
			}
		}

		// A second load changes nothing and gives the same logins.
		users := count(t, d, `SELECT COUNT(*) FROM users`)
		again, err := demo.Load(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if count(t, d, `SELECT COUNT(*) FROM organizations`) != 22 || count(t, d, `SELECT COUNT(*) FROM users`) != users ||
			count(t, d, `SELECT COUNT(*) FROM hubs`) != 3 || len(again) != len(logins) {
			t.Error("second Load was not a no-op")
		}
		if present, err := demo.Present(ctx, d); err != nil || !present {
			t.Errorf("Present = %v, %v", present, err)
		}
	})
}
