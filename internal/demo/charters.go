package demo

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"lokadaya/internal/charter"
	"lokadaya/internal/db"
	"lokadaya/internal/region"
	"lokadaya/internal/service"
)

// signCharters gives every demo service point a service charter signed
// by its organisation's owner. The first point of the showcase
// organisation has a history: a first version, the signed revision the
// public sees, and a newer draft waiting for its signature.
func signCharters(ctx context.Context, d *db.DB) error {
	rows, err := d.Query(ctx, `SELECT p.code, o.name, o.phone, o.region_code, i.name, u.id, u.name
		FROM service_points p JOIN organizations o ON o.id = p.org_id JOIN initiatives i ON i.id = p.initiative_id
		JOIN memberships m ON m.org_id = o.id AND m.role = 'owner' JOIN users u ON u.id = m.user_id
		ORDER BY CASE WHEN o.slug = ? THEN 0 ELSE 1 END, p.id`, showcaseSlug)
	if err != nil {
		return fmt.Errorf("demo: charters: %w", err)
	}
	var list []demoCharterPoint
	for rows.Next() {
		var p demoCharterPoint
		if err := rows.Scan(&p.code, &p.org, &p.phone, &p.region, &p.initiative, &p.ownerID, &p.owner); err != nil {
			rows.Close()
			return fmt.Errorf("demo: charters: %w", err)
		}
		list = append(list, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("demo: charters: %w", err)
	}
	points, charters := &service.Store{DB: d}, &charter.Store{DB: d}
	for i, p := range list {
		pt, err := points.PointByCode(ctx, p.code)
		if err != nil {
			return fmt.Errorf("demo: charter of %s: %w", p.code, err)
		}
		actor := charter.Actor{ID: p.ownerID, Name: p.owner}
		zone := region.Zone(p.region)
		today := charters.Today(zone)
		versions := []url.Values{p.form(pt.Name, today.AddDate(0, 0, -30).Format(charter.DateLayout), i%3 == 2)}
		if i == 0 {
			first := p.form(pt.Name, today.AddDate(0, -5, 0).Format(charter.DateLayout), false)
			first.Set("time_to_serve", "Paling lama 45 menit sejak mendaftar")
			draft := p.form(pt.Name, "", false)
			draft.Set("time_to_serve", "Paling lama 20 menit sejak mendaftar")
			versions = []url.Values{first, versions[0], draft}
		}
		for _, f := range versions {
			if _, err := charters.Save(ctx, actor, pt, zone, charter.FromForm(f)); err != nil {
				return fmt.Errorf("demo: charter of %s: %w", p.code, err)
			}
		}
	}
	return nil
}

// showcaseSlug is the organisation whose demo accounts cover every role.
const showcaseSlug = "terang-kampung"

// demoCharterPoint is what a demo charter is written from.
type demoCharterPoint struct {
	code, org, phone, region, initiative string
	ownerID                              int64
	owner                                string
}

// form is the point's charter, signed on the given day ("" for a draft);
// paid ones ask a small contribution to materials.
func (p demoCharterPoint) form(point, signedOn string, paid bool) url.Values {
	f := url.Values{
		"service": {p.initiative + " di " + point},
		"requirements": {"Tidak ada syarat khusus. Datang pada jam layanan; bila pernah dilayani, " +
			"sebutkan nomor kartu layanan Anda."},
		"procedure": {strings.Join([]string{
			"1. Datang ke " + point + " pada jam layanan dan sampaikan keperluan Anda kepada petugas.",
			"2. Petugas mencatat layanan tanpa menulis nama Anda.",
			"3. Anda dilayani sesuai urutan kedatangan; lansia, ibu hamil dan penyandang disabilitas didahulukan.",
			"4. Beri penilaian merah, kuning atau hijau lewat kode QR di poster ini.",
		}, "\n")},
		"time_to_serve": {"Paling lama 30 menit sejak mendaftar"},
		"cost_kind":     {charter.CostFree},
		"complaint_channels": {"Kotak saran di pintu masuk; WhatsApp " + p.phone + "; atau halaman pengaduan " +
			p.org + " di Lokadaya. Pengaduan dijawab paling lama 2×24 jam."},
		"rights": {"Dilayani dengan ramah, adil dan tanpa pungutan di luar maklumat ini; mendapat penjelasan yang jelas; " +
			"menyampaikan pengaduan tanpa takut."},
		"obligations": {"Mengikuti urutan layanan, menjaga kebersihan dan ketertiban tempat layanan, " +
			"memberi keterangan yang benar."},
	}
	if paid {
		f.Set("cost_kind", charter.CostPaid)
		f.Set("cost", "2000")
	}
	if signedOn != "" {
		f.Set("signer_name", p.owner)
		f.Set("signer_role", "Ketua "+p.org)
		f.Set("signed_on", signedOn)
	}
	return f
}
