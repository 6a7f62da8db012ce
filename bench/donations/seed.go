package main

import (
	"context"
	"fmt"
	"strings"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/org"
)

// benchCampaign is a campaign the donors give to.
type benchCampaign struct {
	Slug string
	ID   int64
}

// seed adds n campaigns like the demo's, each of its own organisation
// with a published initiative, raising Rp500.000.000: the first in Kota
// Bandung, the others each in another kabupaten/kota, as a national
// network's would be.
func seed(ctx context.Context, d *db.DB, n int) ([]benchCampaign, error) {
	places, err := villages(ctx, d, n)
	if err != nil {
		return nil, err
	}
	out := make([]benchCampaign, 0, n)
	for i, place := range places {
		c, err := seedCampaign(ctx, d, i, place)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// villages is n villages, the first in Kota Bandung, each of the others in
// another kabupaten/kota.
func villages(ctx context.Context, d *db.DB, n int) ([]string, error) {
	out := []string{"32.73.01.1001"}
	if n <= 1 {
		return out, nil
	}
	rows, err := d.Query(ctx, `SELECT MIN(code) FROM regions WHERE level = 'desa' AND code NOT LIKE '32.73.%'
		GROUP BY substr(code, 1, 5) ORDER BY MIN(code) LIMIT ?`, n-1)
	if err != nil {
		return nil, fmt.Errorf("seed: villages: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var code string
		if err := rows.Scan(&code); err != nil {
			return nil, err
		}
		out = append(out, code)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) < n {
		return nil, fmt.Errorf("seed: only %d kabupaten/kota for %d campaigns", len(out), n)
	}
	return out, nil
}

// seedCampaign adds the i-th campaign, its organisation in village.
func seedCampaign(ctx context.Context, d *db.DB, i int, village string) (benchCampaign, error) {
	suffix := ""
	if i > 0 {
		suffix = fmt.Sprintf("-%d", i)
	}
	u, err := (&account.Store{DB: d}).Create(ctx, "bendahara"+suffix+"@bench.example", "Bendahara Bench", "", "kata-sandi-panjang-bench")
	if err != nil {
		return benchCampaign{}, fmt.Errorf("seed: user: %w", err)
	}
	o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: strings.TrimSpace("Taman Baca Bench " + strings.TrimPrefix(suffix, "-")),
		Slug: "taman-baca-bench" + suffix, LegalForm: "komunitas", RegionCode: village, FocusIssues: []string{"pendidikan"}})
	if err != nil {
		return benchCampaign{}, fmt.Errorf("seed: organisation: %w", err)
	}
	now := db.Now()
	c := benchCampaign{Slug: "buku-untuk-anak-bench" + suffix}
	var initID int64
	if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, ?, 'Pojok Baca Warga', 'published', ?, ?) RETURNING id`, o.ID, "pojok-baca-bench"+suffix, now, now).Scan(&initID); err != nil {
		return c, fmt.Errorf("seed: initiative: %w", err)
	}
	if err := d.QueryRow(ctx, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
		VALUES (?, ?, ?, 'Buku untuk Anak', 'active', ?, ?) RETURNING id`, initID, o.ID, c.Slug, now, now).Scan(&c.ID); err != nil {
		return c, fmt.Errorf("seed: campaign: %w", err)
	}
	if _, err := d.Exec(ctx, `INSERT INTO campaign_needs (campaign_id, kind, title, target) VALUES (?, 'dana', 'Rak dan buku', 500000000)`,
		c.ID); err != nil {
		return c, fmt.Errorf("seed: need: %w", err)
	}
	return c, nil
}
