package bankimport_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/bankimport"
	"lokadaya/internal/bankstatement"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/donation"
	"lokadaya/internal/payment"
)

// TestSampleMatchesWaitingTransfers downloads the sample of every format
// of every bank for an account with transfers waiting, imports it, and
// checks that it pays exactly those transfers, shows the bank's pending
// line without matching it, and refuses to be written for another
// organisation's account or a format of another bank.
func TestSampleMatchesWaitingTransfers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		now := march(31, 15)
		f.store.Now = func() time.Time { return now }
		numbers := map[bankstatement.Bank]string{bankstatement.BCA: "1234567890", bankstatement.BRI: "001201000123456",
			bankstatement.Mandiri: "1360012345678", bankstatement.BNI: "0259000111", bankstatement.BSI: "7001234567"}
		for _, bank := range bankstatement.Banks {
			for i, format := range bankstatement.Formats(bank) {
				name := string(bank) + "-" + string(format)
				acct, err := (&payment.Store{DB: d}).AddAccount(ctx, payment.Actor{ID: f.actor.ID}, f.orgID,
					payment.AccountInput{Bank: string(bank), AccountNumber: numbers[bank] + strconv.Itoa(i), AccountName: "Yayasan Contoh"})
				if err != nil {
					t.Fatal(err)
				}
				f.addDonation(t, name+"-a", f.orgID, acct.ID, f.campaignID, 150_123, march(29, 22), donation.StatusPending)
				f.addDonation(t, name+"-b", f.orgID, acct.ID, f.campaignID, 75_321, march(31, 9), donation.StatusPending)
				f.addDonation(t, name+"-old", f.orgID, acct.ID, f.campaignID, 99_999, march(1, 9), donation.StatusExpired)

				data, err := f.store.Sample(ctx, f.orgID, acct, format, now)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				imp, err := f.store.Upload(ctx, f.orgID, acct, "contoh.csv", data, f.actor)
				if err != nil {
					t.Fatalf("%s: %v\n%s", name, err, data)
				}
				p, err := f.store.Preview(ctx, imp)
				if err != nil {
					t.Fatal(err)
				}
				wantPending := 0
				if bank == bankstatement.BCA {
					wantPending = 1 // only BCA's exports show lines not yet posted
				}
				if p.Matched != 2 || p.Ambiguous != 0 || p.Unmatched != 1 || p.Pending != wantPending || p.Debits != 1 {
					t.Errorf("%s: matched %d ambiguous %d unmatched %d pending %d debits %d\n%s", name,
						p.Matched, p.Ambiguous, p.Unmatched, p.Pending, p.Debits, data)
				}
				if res, err := f.store.Confirm(ctx, f.orgID, imp.ID, f.actor); err != nil || res.Confirmed != 2 {
					t.Errorf("%s: confirm %v, %v", name, res, err)
				}
				for _, who := range []string{name + "-a", name + "-b"} {
					if s := f.status(t, who); s != donation.StatusConfirmed {
						t.Errorf("%s: %s is %s", name, who, s)
					}
				}
				// Nothing waits any more: the next sample pays nothing.
				again, err := f.store.Sample(ctx, f.orgID, acct, format, now)
				if err != nil || strings.Contains(string(again), "DONATUR") {
					t.Errorf("%s: second sample %v\n%s", name, err, again)
				}
			}
		}
		bca, _ := (&payment.Store{DB: d}).Accounts(ctx, f.orgID)
		if _, err := f.store.Sample(ctx, f.orgID, &bca[0], bankstatement.FormatBRI, now); err == nil {
			t.Error("a BRI sample for a BCA account")
		}
		if _, err := f.store.Sample(ctx, f.orgID+1, &bca[0], bankstatement.FormatKlikBCA, now); err == nil {
			t.Error("a sample of another organisation's account")
		}
	})
}

// TestPendingLineWaitsForSettlement imports a statement whose transfer is
// still pending at the bank (PEND): it is shown but neither matched nor
// recorded; the next statement, with it posted, confirms the donation.
func TestPendingLineWaitsForSettlement(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		head := "No. rekening : 0009876543\nPeriode : 01/03/2025 - 31/03/2025\nKode Mata Uang : Rp\n\nTanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo\n"
		pending := head + "'02/03,BIAYA ADM,'0000,\"10,000.00\",DB,\"990,000.00\"\nPEND,TRSF E-BANKING CR ANI,'0000,\"150,123.00\",CR,\"1,140,123.00\"\n"
		imp, err := f.store.Upload(ctx, f.orgID, f.account, "pend.csv", []byte(pending), f.actor)
		if err != nil {
			t.Fatal(err)
		}
		p, err := f.store.Preview(ctx, imp)
		if err != nil {
			t.Fatal(err)
		}
		if s := states(p); s != "7:"+bankimport.RowPending || p.Matched != 0 || p.Pending != 1 || imp.Credits != 0 {
			t.Fatalf("preview %s, %+v", s, p)
		}
		if _, err := f.store.Confirm(ctx, f.orgID, imp.ID, f.actor); err != nil {
			t.Fatal(err)
		}
		if s := f.status(t, "ani"); s != donation.StatusPending || f.count(t, `SELECT COUNT(*) FROM bank_statement_lines`) != 0 {
			t.Fatalf("a pending line was booked: ani %s", s)
		}
		settled := head + "'03/03,TRSF E-BANKING CR ANI,'0000,\"150,123.00\",CR,\"1,140,123.00\"\n"
		imp, err = f.store.Upload(ctx, f.orgID, f.account, "posted.csv", []byte(settled), f.actor)
		if err != nil {
			t.Fatal(err)
		}
		if p, err = f.store.Preview(ctx, imp); err != nil || states(p) != "6:match=ani" {
			t.Fatalf("posted preview %s, %v", states(p), err)
		}
		if _, err := f.store.Confirm(ctx, f.orgID, imp.ID, f.actor); err != nil {
			t.Fatal(err)
		}
		if s := f.status(t, "ani"); s != donation.StatusConfirmed {
			t.Fatalf("ani is %s after the posted line", s)
		}
	})
}
