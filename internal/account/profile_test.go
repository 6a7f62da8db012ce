package account_test

import (
	"context"
	"errors"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/jobs"
)

// addOrg stores an organisation with the given members (user id → role).
func addOrg(t *testing.T, d *db.DB, slug string, members map[int64]string) int64 {
	t.Helper()
	ctx := context.Background()
	var region string
	if err := d.QueryRow(ctx, `SELECT code FROM regions ORDER BY code LIMIT 1`).Scan(&region); err != nil {
		t.Fatal(err)
	}
	now := db.Now()
	var id int64
	if err := d.QueryRow(ctx, `INSERT INTO organizations (slug, name, legal_form, region_code, created_at, updated_at)
		VALUES (?, ?, 'yayasan', ?, ?, ?) RETURNING id`, slug, "Yayasan "+slug, region, now, now).Scan(&id); err != nil {
		t.Fatal(err)
	}
	for uid, role := range members {
		if _, err := d.Exec(ctx, `INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (?, ?, ?, ?)`,
			id, uid, role, now); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

func TestProfileAndDelete(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &account.Store{DB: d}
		a, _ := s.Create(ctx, "a@example.org", "Ani", "", "rahasia-panjang-1")
		b, _ := s.Create(ctx, "b@example.org", "Bayu", "", "rahasia-panjang-1")
		if err := s.UpdateProfile(ctx, a.ID, " Ani Lestari ", "+628123456789", "en"); err != nil {
			t.Fatal(err)
		}
		if err := s.UpdateProfile(ctx, a.ID, "Ani", "", "fr"); err == nil {
			t.Error("unknown locale accepted")
		}
		if err := s.UpdateProfile(ctx, 9999, "X", "", "id"); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("missing user: %v", err)
		}
		if err := s.RecordConsent(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		got, _ := s.ByID(ctx, a.ID)
		if got.Name != "Ani Lestari" || got.Phone != "+628123456789" || got.Locale != "en" || got.PrivacyConsentAt == nil {
			t.Errorf("after update: %+v", got)
		}

		addOrg(t, d, "sendiri", map[int64]string{a.ID: "owner", b.ID: "editor"})
		addOrg(t, d, "berdua", map[int64]string{a.ID: "owner", b.ID: "owner"})
		orgs, err := s.Delete(ctx, a.ID)
		if !errors.Is(err, account.ErrSoleOwner) || len(orgs) != 1 || orgs[0] != "Yayasan sendiri" {
			t.Fatalf("Delete sole owner = %v, %v", orgs, err)
		}
		if _, err := s.Delete(ctx, b.ID); err != nil {
			t.Fatalf("Delete co-owner: %v", err)
		}
		if _, err := s.ByID(ctx, b.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("deleted user still there: %v", err)
		}
		if _, err := s.Delete(ctx, b.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("Delete twice: %v", err)
		}
	})
}

func TestExport(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &account.Store{DB: d}
		u, _ := s.Create(ctx, "ekspor@example.org", "Eka", "+628111111111", "rahasia-panjang-1")
		orgID := addOrg(t, d, "eka", map[int64]string{u.ID: "treasurer"})
		if _, err := d.Exec(ctx, `INSERT INTO notify_prefs (user_id, org_id, kind, mode, updated_at) VALUES (?, ?, 'proof', 'digest', ?)`,
			u.ID, orgID, db.Now()); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateSession(ctx, u.ID, "Firefox"); err != nil {
			t.Fatal(err)
		}
		if _, err := account.IssueToken(ctx, d, u.ID, account.PurposeVerify, account.VerifyTTL); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `INSERT INTO audit_log (at, actor_id, actor_name, action, target_type, target_id)
			VALUES (?, ?, 'Eka', 'org.update', 'org', '1')`, db.Now(), u.ID); err != nil {
			t.Fatal(err)
		}
		for _, to := range []string{"ekspor@example.org", "lain-ekspor@example.org"} {
			if _, err := jobs.Enqueue(ctx, d, "mail", map[string]string{"to": to, "subject": "Halo " + to}, db.Now()); err != nil {
				t.Fatal(err)
			}
		}
		e, err := s.Export(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if e.Profile.Email != u.Email || e.Profile.Phone != "+628111111111" {
			t.Errorf("profile %+v", e.Profile)
		}
		if len(e.Memberships) != 1 || e.Memberships[0].OrgName != "Yayasan eka" || e.Memberships[0].Role != "treasurer" {
			t.Errorf("memberships %+v", e.Memberships)
		}
		if len(e.Sessions) != 1 || e.Sessions[0].UserAgent != "Firefox" {
			t.Errorf("sessions %+v", e.Sessions)
		}
		if len(e.Tokens) != 1 || e.Tokens[0].Purpose != account.PurposeVerify {
			t.Errorf("tokens %+v", e.Tokens)
		}
		if len(e.Audit) != 1 || e.Audit[0].Action != "org.update" {
			t.Errorf("audit %+v", e.Audit)
		}
		if len(e.Mail) != 1 || e.Mail[0].Subject != "Halo ekspor@example.org" {
			t.Errorf("mail %+v", e.Mail)
		}
		if len(e.Notifications) != 1 || e.Notifications[0].OrgID != orgID || e.Notifications[0].Mode != "digest" {
			t.Errorf("notification choices %+v", e.Notifications)
		}
	})
}
