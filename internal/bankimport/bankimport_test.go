package bankimport_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/bankimport"
	"lokadaya/internal/bankstatement"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/payment"
)

// fixture is an organisation with an active campaign and a BCA account
// whose number is the sample statement's, a second organisation, and
// donations waiting for the sample's credits.
type fixture struct {
	d        *db.DB
	store    *bankimport.Store
	receipts *atomic.Int64 // OnConfirm calls
	orgID    int64
	account  *payment.BankAccount
	actor    bankimport.Actor
	ids      map[string]int64 // donations by name
	// campaignID is the organisation's campaign the donations are for.
	campaignID int64
}

// addDonation records a transfer donation to an account, holding its
// amount's unique code while it waits.
func (f *fixture) addDonation(t *testing.T, name string, orgID, accountID, campaignID, amount int64, created time.Time, status string) {
	t.Helper()
	ctx := context.Background()
	var id int64
	if err := f.d.QueryRow(ctx, `INSERT INTO donations (campaign_id, org_id, method, bank_account_id, base_amount,
		unique_code, amount, donor_name, status, form_token, created_at, expires_at)
		VALUES (?, ?, 'transfer', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, campaignID, orgID, accountID,
		amount-amount%1000, amount%1000, amount, "Donatur "+name, status, "token-"+name+"-0123456789abcdef",
		created, created.Add(24*time.Hour)).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if status == donation.StatusPending {
		if _, err := f.d.Exec(ctx, `INSERT INTO donation_codes (bank_account_id, amount, donation_id) VALUES (?, ?, ?)`,
			accountID, amount, id); err != nil {
			t.Fatal(err)
		}
	}
	f.ids[name] = id
}

// march is a moment on March day, 2025, at hour WIB.
func march(day, hour int) time.Time {
	return time.Date(2025, time.March, day, hour, 0, 0, 0, i18n.WIB).UTC()
}

func setup(t *testing.T, d *db.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	u, err := (&account.Store{DB: d}).Create(ctx, "bendahara@example.org", "Bendahara", "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{d: d, receipts: &atomic.Int64{}, actor: bankimport.Actor{ID: u.ID, Name: u.Name}, ids: map[string]int64{}}
	f.store = &bankimport.Store{DB: d, Donations: &donation.Store{DB: d,
		OnConfirm: func(context.Context, db.Querier, *donation.Donation) error { f.receipts.Add(1); return nil }}}
	var other struct{ org, account, campaign int64 }
	var campaignID int64
	for i, slug := range []string{"taman-baca", "lain"} {
		o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "OMS " + slug, Slug: slug,
			LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
		if err != nil {
			t.Fatal(err)
		}
		acct, err := (&payment.Store{DB: d}).AddAccount(ctx, payment.Actor{ID: u.ID}, o.ID,
			payment.AccountInput{Bank: "bca", AccountNumber: "0009876543", AccountName: "Yayasan Contoh"})
		if err != nil {
			t.Fatal(err)
		}
		now := db.Now()
		var initID, cid int64
		if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
			VALUES (?, ?, 'Pojok', 'published', ?, ?) RETURNING id`, o.ID, "pojok-"+slug, now, now).Scan(&initID); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(ctx, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
			VALUES (?, ?, ?, 'Buku', 'active', ?, ?) RETURNING id`, initID, o.ID, "buku-"+slug, now, now).Scan(&cid); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			f.orgID, f.account, campaignID = o.ID, acct, cid
		} else {
			other.org, other.account, other.campaign = o.ID, acct.ID, cid
		}
	}
	f.campaignID = campaignID
	add := func(name string, orgID, accountID, campaignID, amount int64, created time.Time, status string) {
		f.addDonation(t, name, orgID, accountID, campaignID, amount, created, status)
	}
	// The sample's credits: 150,123 (3/3), 287,490 (5/3), 1,000,250 (14/3),
	// 100,777 twice (20/3), 1,523 (31/3).
	add("ani", f.orgID, f.account.ID, campaignID, 150_123, march(2, 10), donation.StatusPending)
	add("budi", f.orgID, f.account.ID, campaignID, 287_490, march(4, 20), donation.StatusPending)
	add("citra", f.orgID, f.account.ID, campaignID, 100_777, march(19, 9), donation.StatusPending)
	add("dodi", f.orgID, f.account.ID, campaignID, 555_555, march(19, 9), donation.StatusPending)
	add("eko", f.orgID, f.account.ID, campaignID, 1_000_250, march(13, 8), donation.StatusExpired) // paid late
	add("lain", other.org, other.account, other.campaign, 1_000_250, march(13, 8), donation.StatusPending)
	return f
}

// sample is the bank's synthetic statement under ../bankstatement/testdata.
func sample(t *testing.T, bank string) []byte {
	t.Helper()
	if bank == "bca" {
		bank = "klikbca"
	}
	b, err := os.ReadFile("../bankstatement/testdata/" + bank + ".csv")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// snapshot is the state an import may change.
func (f *fixture) snapshot(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	rows, err := f.d.Query(context.Background(), `SELECT id, status FROM donations ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var st string
		if err := rows.Scan(&id, &st); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%d:%s ", id, st)
	}
	for _, q := range []string{`SELECT COUNT(*) FROM bank_statement_lines`, `SELECT COUNT(*) FROM donation_codes`,
		`SELECT COUNT(*) FROM audit_log WHERE action LIKE 'donation.%' OR action LIKE 'bankimport.%'`} {
		fmt.Fprintf(&b, "| %d ", f.count(t, q))
	}
	return b.String()
}

func (f *fixture) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := f.d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (f *fixture) status(t *testing.T, name string) string {
	t.Helper()
	var s string
	if err := f.d.QueryRow(context.Background(), `SELECT status FROM donations WHERE id = ?`, f.ids[name]).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// states renders a preview's rows as "line:state[=donor]".
func states(p *bankimport.Preview) string {
	var out []string
	for _, r := range p.Rows {
		s := fmt.Sprintf("%d:%s", r.Number, r.State)
		if r.Donation != nil {
			s += "=" + strings.TrimPrefix(r.Donation.DonorName, "Donatur ")
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func TestPreviewChangesNothingThenConfirmOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		before := f.snapshot(t)
		imp, err := f.store.Upload(ctx, f.orgID, f.account, "C:\\unduhan\\mutasi maret.csv", sample(t, "bca"), f.actor)
		if err != nil {
			t.Fatal(err)
		}
		if imp.Lines != 9 || imp.Credits != 6 || imp.Matched != 4 || imp.FileName != "mutasi maret.csv" || !imp.Pending() {
			t.Fatalf("upload: %+v", imp)
		}
		got, err := f.store.Get(ctx, f.orgID, imp.ID)
		if err != nil {
			t.Fatal(err)
		}
		p, err := f.store.Preview(ctx, got)
		if err != nil {
			t.Fatal(err)
		}
		want := "7:match=ani 8:match=budi 11:match=eko 12:match=citra 13:unmatched 14:unmatched"
		if s := states(p); s != want {
			t.Errorf("preview %s\nwant    %s", s, want)
		}
		if p.Matched != 4 || p.Unmatched != 2 || p.Already != 0 || p.Debits != 3 {
			t.Errorf("counts %+v", p)
		}
		if after := f.snapshot(t); after != before {
			t.Fatalf("upload and preview changed %s into %s", before, after)
		}
		if _, err := f.store.Get(ctx, f.orgID+1, imp.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another organisation reads the import: %v", err)
		}
		if _, err := f.store.Confirm(ctx, f.orgID+1, imp.ID, f.actor); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another organisation confirms the import: %v", err)
		}

		res, err := f.store.Confirm(ctx, f.orgID, imp.ID, f.actor)
		if err != nil {
			t.Fatal(err)
		}
		if res.String() != "new=6 matched=4 confirmed=4" {
			t.Errorf("confirm: %s", res)
		}
		for name, want := range map[string]string{"ani": "confirmed", "budi": "confirmed", "citra": "confirmed",
			"eko": "confirmed", "dodi": "pending", "lain": "pending"} {
			if got := f.status(t, name); got != want {
				t.Errorf("%s: %s, want %s", name, got, want)
			}
		}
		if n := f.receipts.Load(); n != 4 {
			t.Errorf("%d receipts", n)
		}
		if n := f.count(t, `SELECT COUNT(*) FROM audit_log WHERE action = 'donation.confirm'`); n != 4 {
			t.Errorf("%d confirmations audited", n)
		}
		if n := f.count(t, `SELECT COUNT(*) FROM audit_log WHERE action = 'bankimport.confirm'`); n != 1 {
			t.Errorf("%d imports audited", n)
		}
		if _, err := f.store.Confirm(ctx, f.orgID, imp.ID, f.actor); !errors.Is(err, bankimport.ErrConfirmed) {
			t.Errorf("second confirm: %v", err)
		}
		done, err := f.store.Get(ctx, f.orgID, imp.ID)
		if err != nil {
			t.Fatal(err)
		}
		if done.Pending() || done.New != 6 || done.Confirmed != 4 || done.ConfirmedByName != "Bendahara" || done.ConfirmedAt == nil {
			t.Errorf("confirmed import %+v", done)
		}
		p, err = f.store.Preview(ctx, done)
		if err != nil {
			t.Fatal(err)
		}
		if s := states(p); s != "7:recorded=ani 8:recorded=budi 11:recorded=eko 12:recorded=citra 13:recorded 14:recorded" {
			t.Errorf("confirmed preview %s", s)
		}

		// The same file again: every line was imported, nothing changes.
		settled := f.snapshot(t)
		again, err := f.store.Upload(ctx, f.orgID, f.account, "mutasi.csv", sample(t, "bca"), f.actor)
		if err != nil {
			t.Fatal(err)
		}
		p, err = f.store.Preview(ctx, again)
		if err != nil {
			t.Fatal(err)
		}
		if p.Already != 6 || p.Matched != 0 || again.Matched != 0 ||
			states(p) != "7:imported 8:imported 11:imported 12:imported 13:imported 14:imported" {
			t.Errorf("second preview %s %+v", states(p), p)
		}
		res, err = f.store.Confirm(ctx, f.orgID, again.ID, f.actor)
		if err != nil || res.New != 0 || res.Confirmed != 0 {
			t.Fatalf("second import: %v %v", res, err)
		}
		if after := f.snapshot(t); strings.Split(after, "|")[0] != strings.Split(settled, "|")[0] ||
			f.count(t, `SELECT COUNT(*) FROM bank_statement_lines`) != 6 {
			t.Errorf("second import changed %s into %s", settled, after)
		}
		hist, err := f.store.History(ctx, f.orgID, 10)
		if err != nil || len(hist) != 2 || hist[0].ID != again.ID || hist[1].Confirmed != 4 || hist[0].CreatedByName != "Bendahara" {
			t.Errorf("history %v %v", hist, err)
		}
	})
}

// Two treasurers confirm the same import, and two imports of the same
// file, at once: every donation is confirmed once and every line recorded
// once.
func TestConcurrentConfirmsCountOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		var ids []string
		for range 3 {
			imp, err := f.store.Upload(ctx, f.orgID, f.account, "mutasi.csv", sample(t, "bca"), f.actor)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, imp.ID)
		}
		ids = append(ids, ids[0], ids[0], ids[1])
		var wg sync.WaitGroup
		var confirmed, lines, already atomic.Int64
		for _, id := range ids {
			wg.Go(func() {
				res, err := f.store.Confirm(ctx, f.orgID, id, f.actor)
				switch {
				case errors.Is(err, bankimport.ErrConfirmed):
					already.Add(1)
				case err != nil:
					t.Error(err)
				default:
					confirmed.Add(int64(res.Confirmed))
					lines.Add(int64(res.New))
				}
			})
		}
		wg.Wait()
		if confirmed.Load() != 4 || lines.Load() != 6 || already.Load() != 3 {
			t.Errorf("confirmed %d, lines %d, already %d", confirmed.Load(), lines.Load(), already.Load())
		}
		if n := f.receipts.Load(); n != 4 {
			t.Errorf("%d receipts", n)
		}
		if n := f.count(t, `SELECT COUNT(*) FROM donations WHERE status = 'confirmed'`); n != 4 {
			t.Errorf("%d confirmed donations", n)
		}
		if n := f.count(t, `SELECT COUNT(*) FROM bank_statement_lines`); n != 6 {
			t.Errorf("%d lines", n)
		}
		var total int64
		if err := d.QueryRow(ctx, `SELECT COALESCE(SUM(amount), 0) FROM donations WHERE status = 'confirmed'`).Scan(&total); err != nil {
			t.Fatal(err)
		}
		if total != 150_123+287_490+100_777+1_000_250 {
			t.Errorf("confirmed total %d", total)
		}
	})
}

// A donation settled by hand between preview and confirmation stays as
// it is; its line is still recorded.
func TestConfirmSkipsDonationSettledMeanwhile(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		imp, err := f.store.Upload(ctx, f.orgID, f.account, "mutasi.csv", sample(t, "bca"), f.actor)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.store.Donations.Reject(ctx, f.orgID, f.ids["ani"], "bukan transfer ini", donation.Actor{}); err != nil {
			t.Fatal(err)
		}
		res, err := f.store.Confirm(ctx, f.orgID, imp.ID, f.actor)
		if err != nil {
			t.Fatal(err)
		}
		if res.New != 6 || res.Confirmed != 3 || f.status(t, "ani") != "rejected" {
			t.Errorf("%s, ani %s", res, f.status(t, "ani"))
		}
	})
}

func TestReadRefusesWrongFiles(t *testing.T) {
	bca := &payment.BankAccount{ID: 1, OrgID: 1, Bank: "bca", AccountNumber: "0009876543"}
	head := "No. rekening : 0009876543\nPeriode : 01/03/2025 - 31/03/2025\n\nTanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo\n"
	big := make([]byte, bankstatement.MaxFileSize+1)
	for i := range big {
		big[i] = 'a'
	}
	tests := []struct {
		name    string
		account *payment.BankAccount
		data    string
		key     string
		args    string
	}{
		{"BRI file for a BCA account", bca, "", bankimport.KeyWrongBank, "[BRI (internet banking, BRImo) BCA]"},
		{"another account", &payment.BankAccount{Bank: "bca", AccountNumber: "1111111111"}, "", bankimport.KeyWrongAccount, "[0009876543 1111111111]"},
		{"an account at another bank", &payment.BankAccount{Bank: "lainnya", AccountNumber: "0009876543"}, "", bankimport.KeyAccountBank, "[]"},
		{"not a statement", bca, "nama,alamat\nSiti,Bandung\n", bankstatement.KeyUnknownFormat, "[BCA KlikBCA Individu; KlikBCA Individual (English); KlikBCA Bisnis]"},
		{"broken row", bca, head + "'03/03,TRANSFER,0000,\"1,000.00\",XX,\"5,000.00\"\n", bankstatement.KeyMarker, "[5]"},
		{"empty", bca, "", bankstatement.KeyUnknownFormat, "[BCA KlikBCA Individu; KlikBCA Individual (English); KlikBCA Bisnis]"},
		{"too large", bca, string(big), bankstatement.KeyTooLarge, "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data)
			switch tt.name {
			case "BRI file for a BCA account":
				data = sample(t, "bri")
			case "another account", "an account at another bank":
				data = sample(t, "bca")
			}
			_, err := bankimport.Read(tt.account, data, march(31, 12))
			var p *bankimport.Problem
			if !errors.As(err, &p) {
				t.Fatalf("error %v is not a Problem", err)
			}
			if p.Key != tt.key || fmt.Sprint(p.Args) != tt.args {
				t.Errorf("key %s args %v, want %s %s", p.Key, p.Args, tt.key, tt.args)
			}
			for _, l := range []i18n.Lang{i18n.ID, i18n.EN} {
				if msg := i18n.T(l, p.Key, p.Args...); !i18n.Has(p.Key) || strings.Contains(msg, "%!") {
					t.Errorf("message %q", msg)
				}
			}
		})
	}
	for _, tc := range []struct{ bank, file, number string }{
		{"bca", "klikbca", "0009876543"}, {"bca", "klikbca_en", "0009876543"}, {"bca", "klikbca_bisnis", "0350000001"},
		{"bri", "bri", "009901000123509"}, {"mandiri", "mandiri", "1230009876543"}, {"mandiri", "mandiri_bisnis", "1230009876543"},
		{"bni", "bni", "0259000111"}, {"bsi", "bsi", "7001234567"}, {"bsi", "mandiri_bisnis", "1230009876543"},
	} {
		st, err := bankimport.Read(&payment.BankAccount{Bank: payment.Bank(tc.bank), AccountNumber: tc.number}, sample(t, tc.file), march(31, 12))
		if err != nil || len(st.Credits()) == 0 || string(st.Bank) != tc.bank {
			t.Errorf("%s file for a %s account: %v", tc.file, tc.bank, err)
		}
	}
}

// FuzzRead feeds any bytes to the upload path: a refusal is always a
// Problem with a known message taking the arguments given, and an
// accepted file has lines.
func FuzzRead(f *testing.F) {
	for _, b := range []string{"klikbca", "klikbca_en", "klikbca_bisnis", "bri", "mandiri", "mandiri_bisnis", "bni", "bsi"} {
		raw, err := os.ReadFile("../bankstatement/testdata/" + b + ".csv")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw, uint8(0))
		f.Add(raw[:len(raw)/3], uint8(1))
	}
	f.Add([]byte("No. rekening : 1\nTanggal,Keterangan,Cabang,Jumlah\n'01/01,A,0,1,CR\n"), uint8(2))
	f.Add([]byte{0xef, 0xbb, 0xbf, '"', ';', '\n'}, uint8(0))
	accounts := []*payment.BankAccount{
		{Bank: "bca", AccountNumber: "0009876543"},
		{Bank: "bri", AccountNumber: "009901000123509"},
		{Bank: "mandiri", AccountNumber: "1230009876543"},
		{Bank: "bni", AccountNumber: "1230009876543"},
		{Bank: "bsi", AccountNumber: "7001234567"},
		{Bank: "lainnya", AccountNumber: "1230009876543"},
	}
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		acct := accounts[int(which)%len(accounts)]
		st, err := bankimport.Read(acct, data, march(31, 12))
		if err != nil {
			var p *bankimport.Problem
			if !errors.As(err, &p) {
				t.Fatalf("error %v is not a Problem", err)
			}
			if !i18n.Has(p.Key) {
				t.Fatalf("unknown key %q", p.Key)
			}
			if msg := i18n.T(i18n.ID, p.Key, p.Args...); strings.Contains(msg, "%!") {
				t.Fatalf("message %q", msg)
			}
			return
		}
		if len(st.Lines) == 0 || string(st.Bank) != string(acct.Bank) {
			t.Fatalf("accepted %+v for %s", st, acct.Bank)
		}
	})
}

// TestConfirmInTwoCampaignsBesideANotification: on PostgreSQL, an
// import confirming donations in two campaigns of one organisation does
// not deadlock with a gateway notification in the second campaign. The
// notification is played by a transaction holding the second campaign's
// totals and then asking for the organisation's, as a confirmation
// does; the import used to hold the organisation's by then (from its
// first confirmation) while waiting for the second campaign's, and
// PostgreSQL aborted it.
func TestConfirmInTwoCampaignsBesideANotification(t *testing.T) {
	d := dbtest.Postgres(t)
	ctx := context.Background()
	f := setup(t, d)
	var second int64
	if err := d.QueryRow(ctx, `INSERT INTO campaigns (initiative_id, org_id, slug, title, status, created_at, updated_at)
		SELECT initiative_id, org_id, 'buku-kedua', 'Buku Kedua', 'active', created_at, updated_at FROM campaigns WHERE id = ?
		RETURNING id`, f.campaignID).Scan(&second); err != nil {
		t.Fatal(err)
	}
	// ani (3 March) is confirmed first, in the first campaign; budi (5
	// March) then, in the second.
	if _, err := d.Exec(ctx, `UPDATE donations SET campaign_id = ? WHERE id = ?`, second, f.ids["budi"]); err != nil {
		t.Fatal(err)
	}
	imp, err := f.store.Upload(ctx, f.orgID, f.account, "mutasi.csv", sample(t, "bca"), f.actor)
	if err != nil {
		t.Fatal(err)
	}

	notice, err := d.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer notice.Rollback()
	// So that the import, should the two deadlock, is the one aborted.
	if _, err := notice.ExecContext(ctx, `SET LOCAL deadlock_timeout = '30s'`); err != nil {
		t.Fatal(err)
	}
	if _, err := notice.ExecContext(ctx, `SELECT 1 FROM campaign_money WHERE campaign_id = $1 FOR UPDATE`, second); err != nil {
		t.Fatal(err)
	}
	type outcome struct {
		res *bankimport.Result
		err error
	}
	confirmed := make(chan outcome, 1)
	go func() {
		res, err := f.store.Confirm(ctx, f.orgID, imp.ID, f.actor)
		confirmed <- outcome{res, err}
	}()
	dbtest.WaitForLockWait(t, d)
	if _, err := notice.ExecContext(ctx, `SELECT 1 FROM org_figures WHERE org_id = $1 FOR UPDATE`, f.orgID); err != nil {
		t.Fatal(err)
	}
	if err := notice.Rollback(); err != nil {
		t.Fatal(err)
	}
	got := <-confirmed
	if got.err != nil {
		t.Fatalf("import: %v", got.err)
	}
	if got.res.Confirmed != 4 || f.status(t, "ani") != donation.StatusConfirmed || f.status(t, "budi") != donation.StatusConfirmed {
		t.Errorf("%s; ani %s, budi %s", got.res, f.status(t, "ani"), f.status(t, "budi"))
	}
}
