package report_test

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/i18n"
	"lokadaya/internal/ledger"
	"lokadaya/internal/report"
)

// bigBooks is an organisation with n entries on SQLite, a mix of
// donations, expenses with receipts and fees over a year, and the report
// of all of them.
func bigBooks(tb testing.TB, n int) (*report.Report, *report.Meta) {
	tb.Helper()
	d := dbtest.SQLite(tb)
	ctx := context.Background()
	now := db.Now()
	var org, ini, camp int64
	scan := func(id *int64, q string, args ...any) {
		if err := d.QueryRow(ctx, q, args...).Scan(id); err != nil {
			tb.Fatal(err)
		}
	}
	scan(&org, `INSERT INTO organizations (slug, name, legal_form, region_code, status, created_at, updated_at)
		VALUES ('kas-besar', 'Yayasan Kas Besar', 'komunitas', '51.71.01.1001', 'verified', ?, ?) RETURNING id`, now, now)
	scan(&ini, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'kas-besar-a', 'Inisiatif a', 'published', ?, ?) RETURNING id`, org, now, now)
	scan(&camp, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
		VALUES (?, ?, 'kas-besar-a1', 'Kampanye a1', 'active', ?, ?) RETURNING id`, ini, org, now, now)
	start := time.Date(2026, 1, 1, 1, 0, 0, 0, time.UTC)
	const batch = 1000
	for from := 0; from < n; from += batch {
		if err := d.InTx(ctx, func(tx *db.Tx) error {
			for i := from; i < min(from+batch, n); i++ {
				e := ledger.Entry{OrgID: org, CampaignID: camp, Kind: ledger.KindDonation, Amount: int64(10_000 + i%97*1_000),
					Category: ledger.CatProgram, Description: "Donasi transfer", Counterparty: fmt.Sprintf("Donatur %d", i),
					RecordedAt: start.Add(time.Duration(i) * 25 * time.Minute)}
				switch i % 10 {
				case 7:
					e.Kind, e.Amount, e.Counterparty = ledger.KindExpense, -int64(50_000+i%13*1_000), "Toko Bangunan Sumber Rejeki"
					e.Description, e.ReceiptKey = "Semen, pasir dan paku untuk perbaikan atap taman baca", "receipts/1/nota.jpg"
				case 8:
					e.Kind, e.Amount, e.Category, e.Counterparty = ledger.KindFee, -1_000, ledger.CatPlatform, ""
					e.Description = "Biaya gateway"
				}
				if _, err := ledger.Append(ctx, tx, e); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			tb.Fatal(err)
		}
	}
	rep, err := report.Build(ctx, d, report.Scope{OrgID: org}, report.Period{})
	if err != nil {
		tb.Fatal(err)
	}
	m := &report.Meta{Lang: i18n.ID, Title: "Laporan keuangan Yayasan Kas Besar", OrgName: "Yayasan Kas Besar",
		Zone: wita, Generated: time.Date(2027, 1, 10, 2, 0, 0, 0, time.UTC),
		BaseURL: "https://lokadaya.example", OrgSlug: "kas-besar"}
	return rep, m
}

// BenchmarkPDF20k writes the PDF of an organisation with 20,000 entries,
// reading them from SQLite as the download does.
func BenchmarkPDF20k(b *testing.B) {
	rep, m := bigBooks(b, 20_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := report.WritePDF(io.Discard, rep, m); err != nil {
			b.Fatal(err)
		}
	}
}
