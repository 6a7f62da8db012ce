package ledger_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/ledger"
)

// books is one organisation with an initiative and a campaign.
type books struct {
	org, initiative, campaign int64
}

var fixtureN int

// newBooks creates an organisation (slug prefix-N) with one initiative and
// one campaign.
func newBooks(t *testing.T, d *db.DB, prefix string) books {
	t.Helper()
	ctx := context.Background()
	fixtureN++
	slug := fmt.Sprintf("%s-%d", prefix, fixtureN)
	now := db.Now()
	var b books
	if err := d.QueryRow(ctx, `INSERT INTO organizations (slug, name, legal_form, region_code, status, created_at, updated_at)
		VALUES (?, ?, 'komunitas', '51.71.01.1001', 'verified', ?, ?) RETURNING id`, slug, "Org "+slug, now, now).Scan(&b.org); err != nil {
		t.Fatal(err)
	}
	if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, ?, 'Inisiatif', 'published', ?, ?) RETURNING id`, b.org, slug+"-ini", now, now).Scan(&b.initiative); err != nil {
		t.Fatal(err)
	}
	if err := d.QueryRow(ctx, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
		VALUES (?, ?, ?, 'Kampanye', 'active', ?, ?) RETURNING id`, b.initiative, b.org, slug+"-kampanye", now, now).Scan(&b.campaign); err != nil {
		t.Fatal(err)
	}
	return b
}

// add appends e in its own transaction.
func add(t *testing.T, d *db.DB, e ledger.Entry) *ledger.Entry {
	t.Helper()
	got, err := tryAdd(d, e)
	if err != nil {
		t.Fatalf("append %+v: %v", e, err)
	}
	return got
}

func tryAdd(d *db.DB, e ledger.Entry) (*ledger.Entry, error) {
	var got *ledger.Entry
	err := d.InTx(context.Background(), func(tx *db.Tx) error {
		var err error
		got, err = ledger.Append(context.Background(), tx, e)
		return err
	})
	return got, err
}

func reverse(d *db.DB, orgID, seq int64, reason string) (*ledger.Entry, error) {
	var got *ledger.Entry
	err := d.InTx(context.Background(), func(tx *db.Tx) error {
		var err error
		got, err = ledger.Reverse(context.Background(), tx, orgID, seq, reason, 0)
		return err
	})
	return got, err
}

// sample is a small realistic chain for b: two donations, goods, an
// expense with a receipt, a fee, zakat.
func sample(b books) []ledger.Entry {
	at := time.Date(2025, 3, 1, 2, 0, 0, 0, time.UTC)
	return []ledger.Entry{
		{OrgID: b.org, RecordedAt: at, Kind: ledger.KindDonation, Amount: 250_000, Category: ledger.CatProgram,
			CampaignID: b.campaign, Description: "Donasi transfer", Counterparty: "Budi", SourceType: "donation", SourceID: b.org*100 + 1},
		{OrgID: b.org, RecordedAt: at.Add(time.Hour), Kind: ledger.KindDonation, Amount: 100_123, Category: ledger.CatProgram,
			CampaignID: b.campaign, Description: "Donasi QRIS", SourceType: "donation", SourceID: b.org*100 + 2},
		{OrgID: b.org, RecordedAt: at.Add(2 * time.Hour), Kind: ledger.KindGoods, Amount: 300_000, Category: ledger.CatProgram,
			InitiativeID: b.initiative, Description: "20 kg beras", Counterparty: "Toko Makmur"},
		{OrgID: b.org, RecordedAt: at.Add(24 * time.Hour), Kind: ledger.KindExpense, Amount: -75_000, Category: ledger.CatOperasional,
			CampaignID: b.campaign, Description: "Fotokopi formulir", ReceiptKey: "receipts/ab/cd.jpg", RecordedBy: 3},
		{OrgID: b.org, RecordedAt: at.Add(25 * time.Hour), Kind: ledger.KindFee, Amount: -2_500, Category: ledger.CatPlatform,
			CampaignID: b.campaign, Description: "Biaya gateway"},
		{OrgID: b.org, RecordedAt: at.Add(26 * time.Hour), Kind: ledger.KindDonation, Amount: 50_000, Category: ledger.CatZakatInfak,
			Description: "Infak Jumat"},
	}
}

func wantErr(t *testing.T, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("err = %v, want %v", err, want)
	}
}
