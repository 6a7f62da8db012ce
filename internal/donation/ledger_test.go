package donation_test

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/donation"
	"lokadaya/internal/ledger"
)

// entryOf returns the donation's entry, failing when there is none.
func entryOf(t *testing.T, d *db.DB, id int64) *ledger.Entry {
	t.Helper()
	e, err := ledger.BySource(context.Background(), d, donation.SourceDonation, id, ledger.KindDonation)
	if err != nil {
		t.Fatalf("entry of donation %d: %v", id, err)
	}
	return e
}

// verified fails unless the organisation's chain checks out.
func verified(t *testing.T, d *db.DB, orgID int64) ledger.Result {
	t.Helper()
	res, err := ledger.Verify(context.Background(), d, orgID)
	if err != nil || !res.OK {
		t.Fatalf("verify: %+v, %v", res, err)
	}
	return res
}

// mismatches returns the campaigns of the organisation whose confirmed
// donations differ from their donation entries net of reversals, read in
// one statement (one snapshot) so that a check never straddles a commit.
func mismatches(ctx context.Context, q db.Querier, orgID int64) ([]int64, error) {
	rows, err := q.Query(ctx, `SELECT c.id,
		(SELECT COALESCE(SUM(x.amount), 0) FROM donations x WHERE x.campaign_id = c.id AND x.status = 'confirmed'),
		(SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e
			LEFT JOIN ledger_entries o ON o.org_id = e.org_id AND o.seq = e.reverses_seq
			WHERE e.campaign_id = c.id AND (e.kind = 'donation' OR o.kind = 'donation'))
		FROM campaigns c WHERE c.org_id = ?`, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var bad []int64
	for rows.Next() {
		var id, money, booked int64
		if err := rows.Scan(&id, &money, &booked); err != nil {
			return nil, err
		}
		if money != booked {
			bad = append(bad, id)
		}
	}
	return bad, rows.Err()
}

func TestConfirmBooksTheDonationOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		s := &donation.Store{DB: d}
		named, _, err := s.Create(ctx, f.target, input(100_000, 1))
		if err != nil {
			t.Fatal(err)
		}
		anon := input(50_000, 2)
		anon.Anonymous = true
		hidden, _, err := s.Create(ctx, f.target, anon)
		if err != nil {
			t.Fatal(err)
		}
		if named.UniqueCode == 0 || named.Amount == named.BaseAmount {
			t.Fatalf("transfer without a unique code: %+v", named)
		}
		for _, x := range []*donation.Donation{named, hidden} {
			if _, err := ledger.BySource(ctx, d, donation.SourceDonation, x.ID, ledger.KindDonation); !errors.Is(err, db.ErrNotFound) {
				t.Fatalf("pending donation booked: %v", err)
			}
			got, err := s.Confirm(ctx, f.target.OrgID, x.ID, f.actor)
			if err != nil {
				t.Fatal(err)
			}
			e := entryOf(t, d, x.ID)
			want := "Siti"
			if x.Anonymous {
				want = ""
			}
			// What was paid, the unique code included: the figure the
			// campaign's money sums.
			if e.Amount != x.Amount || e.Category != ledger.CatProgram || e.CampaignID != f.target.CampaignID ||
				e.InitiativeID == 0 || e.Counterparty != want || e.RecordedBy != f.actor.ID ||
				e.Description != "Donasi #"+itoa(x.ID)+" lewat transfer bank" || !e.RecordedAt.Equal(*got.ConfirmedAt) {
				t.Errorf("entry %+v for donation %+v", e, got)
			}
			if _, err := s.Confirm(ctx, f.target.OrgID, x.ID, f.actor); !errors.Is(err, donation.ErrNotPending) {
				t.Errorf("second confirm: %v", err)
			}
		}
		if res := verified(t, d, f.target.OrgID); res.Entries != 2 {
			t.Errorf("%d entries, want 2", res.Entries)
		}
		sum, err := ledger.Totals(ctx, d, ledger.Filter{CampaignID: f.target.CampaignID})
		if err != nil {
			t.Fatal(err)
		}
		if m := confirmed(t, s, f); sum.In != m || m != named.Amount+hidden.Amount {
			t.Errorf("ledger in %d, confirmed %d", sum.In, m)
		}
	})
}

func TestConfirmRollsBackWhenBookingFails(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		var receipts atomic.Int64
		s := gatewayStore(d, &receipts)
		x, _, err := s.Create(ctx, f.target, input(100_000, 1))
		if err != nil {
			t.Fatal(err)
		}
		// The donation's source is already booked (as a broken import
		// might have): the confirmation cannot book it and must not land.
		if err := d.InTx(ctx, func(tx *db.Tx) error {
			_, err := ledger.Append(ctx, tx, ledger.Entry{OrgID: f.target.OrgID, Kind: ledger.KindDonation, Amount: 1,
				Category: ledger.CatProgram, SourceType: donation.SourceDonation, SourceID: x.ID})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Confirm(ctx, f.target.OrgID, x.ID, f.actor); !errors.Is(err, ledger.ErrDuplicate) {
			t.Fatalf("confirm: %v, want ErrDuplicate", err)
		}
		got, err := s.ByID(ctx, x.ID)
		if err != nil || got.Status != donation.StatusPending || receipts.Load() != 0 {
			t.Errorf("after a failed booking: %+v, %v, %d receipts", got, err, receipts.Load())
		}
		var audits int
		_ = d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'donation.confirm'`).Scan(&audits)
		if audits != 0 {
			t.Errorf("%d audit entries of a rolled back confirmation", audits)
		}
	})
}

func TestGatewaySettlementBooksAndRefundReverses(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		var receipts atomic.Int64
		s := gatewayStore(d, &receipts)
		x := newGatewayDonation(t, s, f, 150_000, 1)
		early := newGatewayDonation(t, s, f, 20_000, 2)
		for _, st := range []string{"pending", "settlement", "settlement"} {
			if _, _, err := s.ApplyNotification(ctx, donation.ProviderSandbox, notification(t, x.ID, 150_000, st)); err != nil {
				t.Fatal(err)
			}
		}
		e := entryOf(t, d, x.ID)
		if e.Amount != 150_000 || e.RecordedBy != 0 || e.Description != "Donasi #"+itoa(x.ID)+" lewat gerbang pembayaran" {
			t.Errorf("entry %+v", e)
		}
		for range 2 { // the refund, then its replay
			if _, _, err := s.ApplyNotification(ctx, donation.ProviderSandbox, notification(t, x.ID, 150_000, "refund")); err != nil {
				t.Fatal(err)
			}
		}
		by, err := ledger.ReversedBy(ctx, d, f.target.OrgID, e.Seq)
		if err != nil || by == 0 {
			t.Fatalf("not reversed: %d, %v", by, err)
		}
		rev, err := ledger.Get(ctx, d, f.target.OrgID, by)
		if err != nil || rev.Amount != -150_000 || rev.Description != "Donasi #"+itoa(x.ID)+": "+donation.ReasonGatewayRefunded {
			t.Errorf("reversal %+v, %v", rev, err)
		}
		// A refund before the settlement: nothing was booked, nothing to
		// reverse.
		if _, _, err := s.ApplyNotification(ctx, donation.ProviderSandbox, notification(t, early.ID, 20_000, "refund")); err != nil {
			t.Fatal(err)
		}
		if res := verified(t, d, f.target.OrgID); res.Entries != 2 {
			t.Errorf("%d entries, want 2", res.Entries)
		}
		sum, err := ledger.Totals(ctx, d, ledger.Filter{CampaignID: f.target.CampaignID})
		if err != nil || sum.In != 0 || confirmed(t, s, f) != 0 {
			t.Errorf("after the refund: %+v, %v", sum, err)
		}
	})
}

func TestZakatCampaignBookedApart(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		if _, err := d.Exec(ctx, `UPDATE campaigns SET fund = 'zakat_infak' WHERE id = ?`, f.target.CampaignID); err != nil {
			t.Fatal(err)
		}
		s := &donation.Store{DB: d}
		x, _, err := s.Create(ctx, f.target, input(250_000, 1))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Confirm(ctx, f.target.OrgID, x.ID, f.actor); err != nil {
			t.Fatal(err)
		}
		if e := entryOf(t, d, x.ID); e.Category != ledger.CatZakatInfak {
			t.Errorf("category %s", e.Category)
		}
		sum, err := ledger.Totals(ctx, d, ledger.Filter{OrgID: f.target.OrgID})
		if err != nil || sum.In != 0 || sum.Balance != 0 || sum.Zakat.In != x.Amount || len(sum.ByCategory) != 0 {
			t.Errorf("totals %+v, %v", sum, err)
		}
	})
}

// TestConfirmedMoneyAlwaysEqualsTheLedger confirms many donations at once —
// each by several treasurers, gateway settlements with replays, and
// refunds — while checkers compare every campaign's confirmed money with
// its donation entries, in one snapshot, again and again.
func TestConfirmedMoneyAlwaysEqualsTheLedger(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		// A second campaign of the same organisation, collecting zakat.
		second := f.target
		if err := d.QueryRow(ctx, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, fund, created_at, updated_at)
			SELECT initiative_id, org_id, 'zakat', 'Zakat', 'active', 'zakat_infak', created_at, updated_at FROM campaigns
			WHERE id = ? RETURNING id`, f.target.CampaignID).Scan(&second.CampaignID); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(ctx, `INSERT INTO campaign_needs (campaign_id, kind, title, target) VALUES (?, 'dana', 'Zakat', 9000000)
			RETURNING id`, second.CampaignID).Scan(&second.NeedID); err != nil {
			t.Fatal(err)
		}
		var receipts atomic.Int64
		s := gatewayStore(d, &receipts)
		const transfers, gateways, copies = 12, 8, 3
		var manual []int64
		type paid struct{ id, amount int64 }
		var online []paid
		for i := range transfers {
			tg := f.target
			if i%2 == 1 {
				tg = second
			}
			x, _, err := s.Create(ctx, tg, input(int64(10_000+1_000*i), i))
			if err != nil {
				t.Fatal(err)
			}
			manual = append(manual, x.ID)
		}
		for i := range gateways {
			tg := f
			if i%2 == 1 {
				tg.target = second
			}
			amount := int64(30_000 + 1_000*i)
			online = append(online, paid{newGatewayDonation(t, s, tg, amount, 100+i).ID, amount})
		}

		var confirmers, checkers sync.WaitGroup
		done := make(chan struct{})
		var checks atomic.Int64
		for range 2 {
			checkers.Go(func() {
				for {
					bad, err := mismatches(ctx, d, f.target.OrgID)
					if err != nil {
						t.Error(err)
						return
					}
					if len(bad) > 0 {
						t.Errorf("campaigns %v: confirmed money differs from the ledger", bad)
						return
					}
					checks.Add(1)
					select {
					case <-done:
						return
					default:
					}
				}
			})
		}
		for _, id := range manual {
			for range copies {
				confirmers.Go(func() {
					if _, err := s.Confirm(ctx, f.target.OrgID, id, f.actor); err != nil && !errors.Is(err, donation.ErrNotPending) {
						t.Error(err)
					}
				})
			}
		}
		for i, p := range online {
			for range copies {
				confirmers.Go(func() {
					states := []string{"settlement"}
					if i%4 == 0 {
						states = append(states, "refund")
					}
					for _, st := range states {
						if _, _, err := s.ApplyNotification(ctx, donation.ProviderSandbox, notification(t, p.id, p.amount, st)); err != nil {
							t.Error(err)
						}
					}
				})
			}
		}
		confirmers.Wait()
		close(done)
		checkers.Wait()
		if checks.Load() == 0 {
			t.Error("no check ran")
		}
		if bad, err := mismatches(ctx, d, f.target.OrgID); err != nil || len(bad) > 0 {
			t.Errorf("after: %v, %v", bad, err)
		}
		res := verified(t, d, f.target.OrgID)
		refunded := (gateways + 3) / 4
		if want := int64(transfers + gateways + refunded); res.Entries != want {
			t.Errorf("%d entries, want %d", res.Entries, want)
		}
		if n := receipts.Load(); n != transfers+gateways {
			t.Errorf("%d receipts, want %d", n, transfers+gateways)
		}
		// The zakat campaign's money is all in zakat_infak.
		sum, err := ledger.Totals(ctx, d, ledger.Filter{CampaignID: second.CampaignID})
		if err != nil {
			t.Fatal(err)
		}
		m, err := s.Money(ctx, second.CampaignID)
		if err != nil || sum.In != 0 || sum.Zakat.In-sum.Zakat.Out != m.Confirmed || m.Confirmed == 0 {
			t.Errorf("zakat campaign: totals %+v, money %+v, %v", sum, m, err)
		}
	})
}

func TestBackfillBooksOldConfirmationsOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		s := &donation.Store{DB: d}
		var ids []int64
		for i := range 3 {
			x, _, err := s.Create(ctx, f.target, input(int64(20_000+i), i))
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, x.ID)
		}
		// Confirmed before confirmations were booked: the status set
		// directly, as the database holds it from then.
		old := db.Now().AddDate(0, -2, 0)
		if _, err := d.Exec(ctx, `UPDATE donations SET status = 'confirmed', confirmed_at = ?, confirmed_by = ?
			WHERE id IN (?, ?)`, old, f.actor.ID, ids[0], ids[1]); err != nil {
			t.Fatal(err)
		}
		for round, wantN := range []int{2, 0} {
			var n int
			if err := d.InTx(ctx, func(tx *db.Tx) error {
				var err error
				n, err = donation.Backfill(ctx, tx)
				return err
			}); err != nil || n != wantN {
				t.Fatalf("round %d: booked %d, %v; want %d", round, n, err, wantN)
			}
		}
		e := entryOf(t, d, ids[0])
		if !e.RecordedAt.Equal(old.UTC().Truncate(time.Microsecond)) || e.RecordedBy != f.actor.ID {
			t.Errorf("backfilled entry %+v, confirmed at %s", e, old)
		}
		// New confirmations book as they happen, after the old ones.
		if _, err := s.Confirm(ctx, f.target.OrgID, ids[2], f.actor); err != nil {
			t.Fatal(err)
		}
		if e := entryOf(t, d, ids[2]); e.Seq != 3 {
			t.Errorf("new entry seq %d", e.Seq)
		}
		verified(t, d, f.target.OrgID)
		if bad, err := mismatches(ctx, d, f.target.OrgID); err != nil || len(bad) > 0 {
			t.Errorf("mismatch %v, %v", bad, err)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
