package main

import (
	"context"
	"fmt"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/org"
)

// seed adds a campaign like the demo's: an organisation in Kota Bandung
// with a published initiative and an active campaign raising
// Rp500.000.000. It returns the campaign's slug and id.
func seed(ctx context.Context, d *db.DB) (string, int64, error) {
	u, err := (&account.Store{DB: d}).Create(ctx, "bendahara@bench.example", "Bendahara Bench", "", "kata-sandi-panjang-bench")
	if err != nil {
		return "", 0, fmt.Errorf("seed: user: %w", err)
	}
	o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "Taman Baca Bench", Slug: "taman-baca-bench",
		LegalForm: "komunitas", RegionCode: "32.73.01.1001", FocusIssues: []string{"pendidikan"}})
	if err != nil {
		return "", 0, fmt.Errorf("seed: organisation: %w", err)
	}
	now := db.Now()
	var initID, campaignID int64
	if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'pojok-baca-bench', 'Pojok Baca Warga', 'published', ?, ?) RETURNING id`, o.ID, now, now).Scan(&initID); err != nil {
		return "", 0, fmt.Errorf("seed: initiative: %w", err)
	}
	const slug = "buku-untuk-anak-bench"
	if err := d.QueryRow(ctx, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
		VALUES (?, ?, ?, 'Buku untuk Anak', 'active', ?, ?) RETURNING id`, initID, o.ID, slug, now, now).Scan(&campaignID); err != nil {
		return "", 0, fmt.Errorf("seed: campaign: %w", err)
	}
	if _, err := d.Exec(ctx, `INSERT INTO campaign_needs (campaign_id, kind, title, target) VALUES (?, 'dana', 'Rak dan buku', 500000000)`,
		campaignID); err != nil {
		return "", 0, fmt.Errorf("seed: need: %w", err)
	}
	return slug, campaignID, nil
}
