package expense_test

import (
	"context"
	"errors"
	"net/url"
	"sync"
	"testing"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/expense"
	"lokadaya/internal/ledger"
	"lokadaya/internal/validate"
)

func TestCheck(t *testing.T) {
	valid := url.Values{"amount": {"1.500.000"}, "category": {"program"}, "campaign": {"7"},
		"description": {"Beli buku"}, "payee": {"  Toko   Buku  "}, "spent_on": {"2025-06-15"}}
	with := func(k, v string) url.Values {
		f := url.Values{}
		for key, vs := range valid {
			f[key] = vs
		}
		f.Set(k, v)
		return f
	}
	for _, tc := range []struct {
		name    string
		form    url.Values
		receipt bool
		field   string // "" when valid
		key     string
	}{
		{"valid", valid, true, "", ""},
		{"small without receipt", with("amount", "100.000"), false, "", ""},
		{"above threshold without receipt", with("amount", "100.001"), false, "receipt", "expense.err.receipt_required"},
		{"amount missing", with("amount", ""), true, "amount", "form.required"},
		{"amount words", with("amount", "sejuta"), true, "amount", "expense.err.amount"},
		{"amount decimal", with("amount", "1.500,50"), true, "amount", "expense.err.amount"},
		{"amount zero", with("amount", "0"), true, "amount", "expense.err.amount"},
		{"amount negative", with("amount", "-5000"), true, "amount", "tools.err.amount_negative"},
		{"amount negative, minus sign", with("amount", "−50.000"), true, "amount", "tools.err.amount_negative"},
		{"amount huge", with("amount", "9.000.000.000.000"), true, "amount", "expense.err.amount_max"},
		{"category unknown", with("category", "gaji"), true, "category", "expense.err.category"},
		{"category surplus", with("category", "alokasi_surplus"), true, "category", "expense.err.category"},
		{"category missing", with("category", ""), true, "category", "expense.err.category"},
		{"campaign junk", with("campaign", "abc"), true, "campaign", "expense.err.campaign"},
		{"both campaign and initiative", with("initiative", "3"), true, "initiative", "expense.err.both"},
		{"description missing", with("description", " "), true, "description", "form.required"},
		{"payee missing", with("payee", ""), true, "payee", "form.required"},
		{"payee invalid", with("payee", "a\xffb"), true, "payee", "expense.err.text"},
		{"date missing", with("spent_on", ""), true, "spent_on", "form.required"},
		{"date junk", with("spent_on", "15/06/2025"), true, "spent_on", "expense.err.date"},
		{"date tomorrow", with("spent_on", "2025-06-16"), true, "spent_on", "expense.err.date_future"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := expense.FromForm(tc.form)
			in.HasReceipt = tc.receipt
			errs := in.Check(today, 100_000)
			if tc.field == "" {
				if len(errs) > 0 {
					t.Fatalf("refused: %v", errs)
				}
				return
			}
			if errs[tc.field] != tc.key {
				t.Fatalf("errors %v, want %s: %s", errs, tc.field, tc.key)
			}
		})
	}
	in := expense.FromForm(valid)
	if in.Amount != 1_500_000 || in.Payee != "Toko Buku" || in.CampaignID != 7 {
		t.Fatalf("read %+v", in)
	}
}

func FuzzFromForm(f *testing.F) {
	f.Add("1.500.000", "program", "7", "", "Beli buku", "Toko", "2025-06-15")
	f.Add("Rp 100.000", "operasional", "", "3", "", "", "2025-13-40")
	f.Add("-1", "zakat_infak", "0", "x", "\xff", "\x00", "")
	f.Fuzz(func(t *testing.T, amount, category, campaign, initiative, description, payee, spentOn string) {
		in := expense.FromForm(url.Values{"amount": {amount}, "category": {category}, "campaign": {campaign},
			"initiative": {initiative}, "description": {description}, "payee": {payee}, "spent_on": {spentOn}})
		errs := in.Check(today, 100_000)
		if len(errs) == 0 {
			if in.Amount <= 0 || in.Amount > expense.MaxAmount || !expense.ValidCategory(in.Category) ||
				in.CampaignID < 0 || in.InitiativeID < 0 || in.SpentOn > today || in.Description == "" || in.Payee == "" {
				t.Fatalf("accepted %+v", in)
			}
		}
	})
}

func TestMakerChecker(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := setup(t, d)
		w.donate(t, w.general, 5_000_000)
		e, err := w.store.Record(ctx, w.org, in(250_000, "program", w.general), today, receipt, w.maker)
		if err != nil {
			t.Fatal(err)
		}
		if e.Status != expense.StatusPending || e.RecordedBy != w.maker.ID {
			t.Fatalf("recorded %+v", e)
		}
		if _, err := w.store.Approve(ctx, w.org, e.ID, w.maker); !errors.Is(err, expense.ErrSameMaker) {
			t.Fatalf("maker approving: %v", err)
		}
		if err := w.store.Reject(ctx, w.org, e.ID, "salah", w.maker); !errors.Is(err, expense.ErrSameMaker) {
			t.Fatalf("maker rejecting: %v", err)
		}
		if _, err := w.store.Approve(ctx, w.otherOrg, e.ID, w.checker); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("other organisation: %v", err)
		}
		got, err := w.store.Approve(ctx, w.org, e.ID, w.checker)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != expense.StatusApproved || got.DecidedBy != w.checker.ID || got.LedgerSeq != 2 {
			t.Fatalf("approved %+v", got)
		}
		entry, err := ledger.BySource(ctx, d, expense.SourceType, e.ID, ledger.KindExpense)
		if err != nil {
			t.Fatal(err)
		}
		want := ledger.Entry{OrgID: w.org, Seq: 2, Kind: ledger.KindExpense, Amount: -250_000, Category: ledger.CatProgram,
			CampaignID: w.general, InitiativeID: w.initiative, Description: "Sewa tenda", Counterparty: "Toko Maju",
			ReceiptKey: receipt.Key, SourceType: "expense", SourceID: e.ID, RecordedBy: w.checker.ID}
		entry.RecordedAt, entry.PrevHash, entry.Hash = want.RecordedAt, "", ""
		if *entry != want {
			t.Fatalf("entry %+v\nwant  %+v", *entry, want)
		}
		if _, err := w.store.Approve(ctx, w.org, e.ID, w.checker); !errors.Is(err, expense.ErrNotPending) {
			t.Fatalf("second approval: %v", err)
		}
		if err := w.store.Reject(ctx, w.org, e.ID, "terlambat", w.checker); !errors.Is(err, expense.ErrNotPending) {
			t.Fatalf("reject approved: %v", err)
		}
		// A rejection needs a reason and books nothing.
		r, err := w.store.Record(ctx, w.org, in(50_000, "program", 0), today, expense.Receipt{}, w.maker)
		if err != nil {
			t.Fatal(err)
		}
		var ve validate.Errors
		if err := w.store.Reject(ctx, w.org, r.ID, "  ", w.checker); !errors.As(err, &ve) || ve["reason"] != "form.required" {
			t.Fatalf("reject without reason: %v", err)
		}
		if err := w.store.Reject(ctx, w.org, r.ID, "Tidak ada nota", w.checker); err != nil {
			t.Fatal(err)
		}
		if r, _ = w.store.Get(ctx, w.org, r.ID); r.Status != expense.StatusRejected || r.RejectReason != "Tidak ada nota" {
			t.Fatalf("rejected %+v", r)
		}
		if res, err := ledger.Verify(ctx, d, w.org); err != nil || !res.OK || res.Entries != 2 {
			t.Fatalf("ledger %+v %v", res, err)
		}
		page, err := audit.List(ctx, d, audit.Filter{TargetType: "expense"})
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, a := range page.Entries {
			actions = append(actions, a.Action)
		}
		if len(actions) != 4 || actions[0] != "expense.reject" || actions[2] != "expense.approve" || actions[3] != "expense.record" {
			t.Fatalf("audit %v", actions)
		}
	})
}

func TestConcurrentApprovalBooksOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := setup(t, d)
		w.donate(t, w.general, 1_000_000)
		// Two capped expenses of 60.000 each fit the 100.000 cap one at a
		// time; approvals racing for both must not book both.
		a, err := w.store.Record(ctx, w.org, in(60_000, "operasional", w.general), today, expense.Receipt{}, w.maker)
		if err != nil {
			t.Fatal(err)
		}
		// Recorded before the first one, so recording did not see it.
		if _, err := d.Exec(ctx, `INSERT INTO expenses (org_id, amount, category, campaign_id, description, payee,
			spent_on, recorded_by, created_at) VALUES (?, 60000, 'operasional', ?, 'Transport', 'Ojek', ?, ?, ?)`,
			w.org, w.general, today, w.maker.ID, db.Now()); err != nil {
			t.Fatal(err)
		}
		var b int64
		if err := d.QueryRow(ctx, `SELECT MAX(id) FROM expenses`).Scan(&b); err != nil {
			t.Fatal(err)
		}
		const workers = 8
		var wg sync.WaitGroup
		results := make([]error, workers)
		for i := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				id := a.ID
				if i%2 == 1 {
					id = b
				}
				_, results[i] = w.store.Approve(ctx, w.org, id, w.checker)
			}()
		}
		wg.Wait()
		var ok, pending, capped int
		for _, err := range results {
			var ce *expense.CapError
			switch {
			case err == nil:
				ok++
			case errors.Is(err, expense.ErrNotPending):
				pending++
			case errors.As(err, &ce):
				capped++
			default:
				t.Errorf("approve: %v", err)
			}
		}
		if ok != 1 || pending+capped != workers-1 {
			t.Fatalf("%d approved, %d already, %d capped", ok, pending, capped)
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM ledger_entries WHERE org_id = ? AND kind = 'expense'`, w.org).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Fatalf("%d expense entries", n)
		}
		if res, err := ledger.Verify(ctx, d, w.org); err != nil || !res.OK {
			t.Fatalf("ledger %+v %v", res, err)
		}
	})
}

func TestCap(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := setup(t, d)
		w.donate(t, w.general, 1_000_000)
		small := w.donate(t, w.general, 200_000)
		w.donate(t, w.zakat, 9_000_000) // zakat money never raises the cap
		// Raised 1.200.000: the cap is 120.000.
		first, err := w.store.Record(ctx, w.org, in(110_000, "operasional", w.general), today, receipt, w.maker)
		if err != nil {
			t.Fatal(err)
		}
		_, err = w.store.Record(ctx, w.org, in(15_000, "biaya_platform", w.general), today, expense.Receipt{}, w.maker)
		var ce *expense.CapError
		if !errors.As(err, &ce) {
			t.Fatalf("over the cap at recording: %v", err)
		}
		want := expense.CapError{CampaignID: w.general, Appeal: "umum", Percent: 10, Raised: 1_200_000, Cap: 120_000,
			Pending: 110_000, Amount: 15_000}
		if *ce != want || ce.Room() != 10_000 {
			t.Fatalf("cap error %+v room %d", *ce, ce.Room())
		}
		// Program spending is not capped.
		if _, err := w.store.Record(ctx, w.org, in(900_000, "program", w.general), today, receipt, w.maker); err != nil {
			t.Fatal(err)
		}
		// A donation reversed meanwhile: at approval the cap is 100.000.
		if err := d.InTx(ctx, func(tx *db.Tx) error {
			_, err := ledger.Reverse(ctx, tx, w.org, small, "Transfer salah", 0)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		_, err = w.store.Approve(ctx, w.org, first.ID, w.checker)
		if !errors.As(err, &ce) {
			t.Fatalf("over the cap at approval: %v", err)
		}
		want = expense.CapError{CampaignID: w.general, Appeal: "umum", Percent: 10, Raised: 1_000_000, Cap: 100_000,
			Amount: 110_000}
		if *ce != want || ce.Room() != 100_000 {
			t.Fatalf("cap error at approval %+v", *ce)
		}
		if e, _ := w.store.Get(ctx, w.org, first.ID); e.Status != expense.StatusPending || e.DecidedBy != 0 {
			t.Fatalf("refused approval left %+v", e)
		}
		// Not charged to a campaign: not capped.
		if _, err := w.store.Record(ctx, w.org, in(5_000_000, "operasional", 0), today, receipt, w.maker); err != nil {
			t.Fatal(err)
		}
		// The shares: the organisation and the campaigns with figures.
		shares, err := w.store.Shares(ctx, w.org)
		if err != nil {
			t.Fatal(err)
		}
		if len(shares) != 3 || shares[0].Raised != 1_000_000 || shares[0].Pending != 110_000+5_000_000 {
			t.Fatalf("shares %+v", shares)
		}
		for _, sh := range shares[1:] {
			switch sh.CampaignID {
			case w.general:
				if sh.Raised != 1_000_000 || sh.Cap() != 100_000 || sh.Pending != 110_000 || sh.Room() != 0 { // pending costs take the room too
					t.Fatalf("general %+v", sh)
				}
			case w.zakat:
				if !sh.Zakat || sh.Raised != 0 {
					t.Fatalf("zakat %+v", sh)
				}
			default:
				t.Fatalf("unexpected share %+v", sh)
			}
		}
	})
}

func TestDisasterCap(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := setup(t, d) // disaster appeals capped at 20% here
		w.donate(t, w.disaster, 1_000_000)
		w.donate(t, w.general, 1_000_000)
		e, err := w.store.Record(ctx, w.org, in(150_000, "operasional", w.disaster), today, receipt, w.maker)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.store.Approve(ctx, w.org, e.ID, w.checker); err != nil {
			t.Fatal(err)
		}
		_, err = w.store.Record(ctx, w.org, in(60_000, "operasional", w.disaster), today, expense.Receipt{}, w.maker)
		var ce *expense.CapError
		if !errors.As(err, &ce) {
			t.Fatalf("over the disaster cap: %v", err)
		}
		want := expense.CapError{CampaignID: w.disaster, Appeal: "bencana", Percent: 20, Raised: 1_000_000, Cap: 200_000,
			Used: 150_000, Amount: 60_000}
		if *ce != want || ce.Room() != 50_000 {
			t.Fatalf("cap error %+v", *ce)
		}
		// The same 150.000 on a general campaign is refused at 10%.
		_, err = w.store.Record(ctx, w.org, in(150_000, "operasional", w.general), today, receipt, w.maker)
		if !errors.As(err, &ce) || ce.Percent != 10 || ce.Cap != 100_000 {
			t.Fatalf("general cap: %v", err)
		}
		if err := expense.SetAppeal(ctx, d, w.general, "bencana"); err != nil {
			t.Fatal(err)
		}
		if _, err := w.store.Record(ctx, w.org, in(150_000, "operasional", w.general), today, receipt, w.maker); err != nil {
			t.Fatalf("after marking a disaster appeal: %v", err)
		}
		var ve validate.Errors
		if err := expense.SetAppeal(ctx, d, w.general, "perang"); !errors.As(err, &ve) {
			t.Fatalf("bad appeal: %v", err)
		}
	})
}

func TestCorrect(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := setup(t, d)
		w.donate(t, w.general, 1_000_000)
		e, err := w.store.Record(ctx, w.org, in(90_000, "biaya_platform", w.general), today, expense.Receipt{}, w.maker)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.store.Correct(ctx, w.org, e.ID, "Salah catat", w.checker); !errors.Is(err, expense.ErrNotCorrectable) {
			t.Fatalf("correcting a pending expense: %v", err)
		}
		if _, err := w.store.Approve(ctx, w.org, e.ID, w.checker); err != nil {
			t.Fatal(err)
		}
		if _, err := ledger.BySource(ctx, d, expense.SourceType, e.ID, ledger.KindFee); err != nil {
			t.Fatalf("platform fee booked as a fee: %v", err)
		}
		var ve validate.Errors
		if _, err := w.store.Correct(ctx, w.org, e.ID, "", w.maker); !errors.As(err, &ve) {
			t.Fatalf("correction without reason: %v", err)
		}
		// The maker may correct too: a correction is itself in the books.
		got, err := w.store.Correct(ctx, w.org, e.ID, "Salah catat: biaya ganda", w.maker)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Corrected() || got.ReversalSeq != 3 || got.Status != expense.StatusApproved {
			t.Fatalf("corrected %+v", got)
		}
		rev, err := ledger.Get(ctx, d, w.org, 3)
		if err != nil || rev.Kind != ledger.KindReversal || rev.Amount != 90_000 || rev.ReversesSeq != 2 ||
			rev.Description != "Salah catat: biaya ganda" {
			t.Fatalf("reversal %+v %v", rev, err)
		}
		if _, err := w.store.Correct(ctx, w.org, e.ID, "lagi", w.checker); !errors.Is(err, expense.ErrNotCorrectable) {
			t.Fatalf("second correction: %v", err)
		}
		if _, err := w.store.Correct(ctx, w.org, 999_999, "lagi", w.checker); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("unknown: %v", err)
		}
		// The reversed fee no longer counts: the whole cap is free again.
		shares, err := w.store.Shares(ctx, w.org)
		if err != nil || shares[1].Used != 0 || shares[1].Room() != 100_000 {
			t.Fatalf("shares %+v %v", shares, err)
		}
		if res, err := ledger.Verify(ctx, d, w.org); err != nil || !res.OK || res.Entries != 3 {
			t.Fatalf("ledger %+v %v", res, err)
		}
	})
}

func TestTargetsAndZakat(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := setup(t, d)
		w.donate(t, w.zakat, 2_000_000)
		for _, tc := range []struct {
			name       string
			input      expense.Input
			field, key string
		}{
			{"zakat from zakat campaign", in(500_000, "zakat_infak", w.zakat), "", ""},
			{"zakat without campaign", in(500_000, "zakat_infak", 0), "category", "expense.err.zakat_only"},
			{"zakat from general campaign", in(500_000, "zakat_infak", w.general), "category", "expense.err.zakat_only"},
			{"program from zakat campaign", in(500_000, "program", w.zakat), "category", "expense.err.zakat_campaign"},
			{"other organisation's campaign", in(500_000, "program", w.otherOrgCampaign), "campaign", "expense.err.campaign"},
			{"unknown campaign", in(500_000, "program", 987_654), "campaign", "expense.err.campaign"},
			{"initiative", func() expense.Input { i := in(500_000, "program", 0); i.InitiativeID = w.initiative; return i }(), "", ""},
			{"unknown initiative", func() expense.Input { i := in(500_000, "program", 0); i.InitiativeID = 987_654; return i }(), "initiative", "expense.err.initiative"},
			{"no receipt above the threshold", in(500_000, "program", 0), "receipt", "expense.err.receipt_required"},
			{"in the future", func() expense.Input { i := in(5_000, "program", 0); i.SpentOn = "2025-06-16"; return i }(), "spent_on", "expense.err.date_future"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := receipt
				if tc.field == "receipt" {
					r = expense.Receipt{}
				}
				e, err := w.store.Record(ctx, w.org, tc.input, today, r, w.maker)
				if tc.field == "" {
					if err != nil {
						t.Fatal(err)
					}
					if e.InitiativeID != tc.input.InitiativeID || e.CampaignID != tc.input.CampaignID {
						t.Fatalf("recorded %+v", e)
					}
					return
				}
				var ve validate.Errors
				if !errors.As(err, &ve) || ve[tc.field] != tc.key {
					t.Fatalf("got %v, want %s: %s", err, tc.field, tc.key)
				}
			})
		}
		// The zakat spending is approved in its own category and stays apart.
		list, err := w.store.List(ctx, w.org, expense.Filter{Category: "zakat_infak"})
		if err != nil || len(list) != 1 {
			t.Fatalf("list %v %v", list, err)
		}
		if _, err := w.store.Approve(ctx, w.org, list[0].ID, w.checker); err != nil {
			t.Fatal(err)
		}
		sum, err := ledger.Totals(ctx, d, ledger.Filter{OrgID: w.org})
		if err != nil || sum.Zakat.In != 2_000_000 || sum.Zakat.Out != 500_000 || sum.Out != 0 {
			t.Fatalf("totals %+v %v", sum, err)
		}
		if all, _ := w.store.List(ctx, w.org, expense.Filter{Status: expense.StatusPending}); len(all) != 1 {
			t.Fatalf("pending %d", len(all))
		}
	})
}
