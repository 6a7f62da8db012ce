package report_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/figures"
	"lokadaya/internal/i18n"
	"lokadaya/internal/ledger"
	"lokadaya/internal/report"
)

// moreBooks adds to newBooks' entries (1–14) transfers, reversals of a
// transfer, of goods and of zakat, a refund, entries with no campaign
// and entries sharing their recorded time, around both UTC and WITA
// midnights.
func moreBooks(t *testing.T, d *db.DB, b books) {
	t.Helper()
	at := func(s string) time.Time { return instant(t, s) }
	for _, e := range []ledger.Entry{
		/* 15 */ {Kind: ledger.KindTransfer, Amount: -150_000, Category: ledger.CatProgram, InitiativeID: b.iniA,
			Description: "Pindah ke B", RecordedAt: at("2026-02-14T15:59:59Z")},
		/* 16 */ {Kind: ledger.KindTransfer, Amount: 150_000, Category: ledger.CatProgram, InitiativeID: b.iniB,
			Description: "Pindah dari A", RecordedAt: at("2026-02-14T15:59:59Z")},
		/* 17 */ {Kind: ledger.KindReversal, Amount: -150_000, Category: ledger.CatProgram, InitiativeID: b.iniB,
			Description: "Salah inisiatif", ReversesSeq: 16, RecordedAt: at("2026-02-15T16:00:00Z")},
		/* 18 */ {Kind: ledger.KindGoods, Amount: 120_000, Category: ledger.CatProgram, CampaignID: b.campB1,
			InitiativeID: b.iniB, Description: "Semen", RecordedAt: at("2026-02-15T23:59:59.999999Z")},
		/* 19 */ {Kind: ledger.KindReversal, Amount: -120_000, Category: ledger.CatProgram, CampaignID: b.campB1,
			InitiativeID: b.iniB, Description: "Barang kembali", ReversesSeq: 18, RecordedAt: at("2026-02-16T00:00:00Z")},
		/* 20 */ {Kind: ledger.KindDonation, Amount: 90_000, Category: ledger.CatZakatInfak, CampaignID: b.campA1,
			InitiativeID: b.iniA, Description: "Zakat", RecordedAt: at("2026-02-16T00:00:00Z")},
		/* 21 */ {Kind: ledger.KindReversal, Amount: -90_000, Category: ledger.CatZakatInfak, CampaignID: b.campA1,
			InitiativeID: b.iniA, Description: "Zakat ganda", ReversesSeq: 20, RecordedAt: at("2026-02-17T08:00:00Z")},
		/* 22 */ {Kind: ledger.KindFee, Amount: -2_500, Category: ledger.CatPlatform, CampaignID: b.campB1,
			Description: "Biaya gateway", RecordedAt: at("2026-02-17T08:00:00Z")},
		/* 23 */ {Kind: ledger.KindRefund, Amount: -50_000, Category: ledger.CatProgram, CampaignID: b.campA1,
			Description: "Dikembalikan", RecordedAt: at("2026-02-18T16:30:00Z")},
		/* 24 */ {Kind: ledger.KindExpense, Amount: -10_000, Category: ledger.CatCadangan,
			Description: "Dana cadangan", RecordedAt: at("2026-02-18T16:30:00Z")},
		/* 25 */ {Kind: ledger.KindDonation, Amount: 60_000, Category: ledger.CatProgram,
			Description: "Donasi umum", RecordedAt: at("2026-02-18T17:00:00Z")},
	} {
		e.OrgID = b.org
		if err := d.InTx(context.Background(), func(tx *db.Tx) error {
			_, err := ledger.Append(context.Background(), tx, e)
			return err
		}); err != nil {
			t.Fatalf("append %+v: %v", e, err)
		}
	}
}

// stored is an entry as read back from the table.
type stored struct {
	seq, campaign, initiative, reverses int64
	at                                  time.Time
	kind                                ledger.Kind
	category                            ledger.Category
	amount                              int64
}

func readEntries(t *testing.T, d *db.DB, org int64) []stored {
	t.Helper()
	rows, err := d.Query(context.Background(), `SELECT seq, COALESCE(campaign_id, 0), COALESCE(initiative_id, 0),
		COALESCE(reverses_seq, 0), recorded_at, kind, category, amount FROM ledger_entries WHERE org_id = ? ORDER BY seq`, org)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []stored
	for rows.Next() {
		var e stored
		var kind, cat string
		if err := rows.Scan(&e.seq, &e.campaign, &e.initiative, &e.reverses, &e.at, &kind, &cat, &e.amount); err != nil {
			t.Fatal(err)
		}
		e.kind, e.category = ledger.Kind(kind), ledger.Category(cat)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// selected are the entries of scope recorded from ≤ t < to (zero open).
func selected(all []stored, s report.Scope, from, to time.Time) []stored {
	var out []stored
	for _, e := range all {
		if (s.CampaignID != 0 && e.campaign != s.CampaignID) || (s.InitiativeID != 0 && e.initiative != s.InitiativeID) ||
			(!from.IsZero() && e.at.Before(from)) || (!to.IsZero() && !e.at.Before(to)) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// recompute adds the entries up one by one, the way the report reads
// them: a reversal counts as the entry it reverses, against it.
func recompute(all, sel []stored) report.Figures {
	kinds := map[int64]ledger.Kind{}
	for _, e := range all {
		kinds[e.seq] = e.kind
	}
	f := report.Figures{Out: map[ledger.Category]int64{}, Share: -1}
	for _, e := range sel {
		kind := e.kind
		if kind == ledger.KindReversal {
			kind = kinds[e.reverses]
		}
		in := (e.amount > 0) != (e.kind == ledger.KindReversal)
		f.Entries++
		if e.category == ledger.CatZakatInfak {
			switch {
			case kind == ledger.KindTransfer && in:
				f.Zakat.TransferIn += e.amount
			case kind == ledger.KindTransfer:
				f.Zakat.TransferOut -= e.amount
			case in:
				f.Zakat.In += e.amount
			default:
				f.Zakat.Out -= e.amount
			}
			continue
		}
		switch kind {
		case ledger.KindDonation:
			f.Donations += e.amount
		case ledger.KindGoods:
			f.Goods += e.amount
		}
		switch {
		case kind == ledger.KindTransfer && in:
			f.TransferIn += e.amount
		case kind == ledger.KindTransfer:
			f.TransferOut -= e.amount
		case in:
			f.In += e.amount
		default:
			f.Out[e.category] -= e.amount
			f.OutTotal -= e.amount
		}
	}
	for c, v := range f.Out {
		if v == 0 {
			delete(f.Out, c)
		}
	}
	f.Balance = f.In - f.OutTotal + f.TransferIn - f.TransferOut
	f.Operational = f.Out[ledger.CatOperasional] + f.Out[ledger.CatPlatform]
	if f.Donations > 0 {
		f.Share = float64(f.Operational) / float64(f.Donations)
	}
	return f
}

func sameFigures(got, want report.Figures) bool {
	return fmt.Sprintf("%+v", got) == fmt.Sprintf("%+v", want)
}

// TestFiguresFromDays: the figures of every scope over periods cut at
// local and UTC midnights, and at any time of day, equal the entries
// added up one by one; and so after the running totals are rebuilt.
func TestFiguresFromDays(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		b := newBooks(t, d)
		moreBooks(t, d, b)
		all := readEntries(t, d, b.org)
		if len(all) != 25 {
			t.Fatalf("%d entries", len(all))
		}
		scopes := map[string]report.Scope{
			"organisation": {OrgID: b.org}, "initiative A": {OrgID: b.org, InitiativeID: b.iniA},
			"initiative B": {OrgID: b.org, InitiativeID: b.iniB}, "campaign A1": {OrgID: b.org, CampaignID: b.campA1},
			"campaign A2": {OrgID: b.org, CampaignID: b.campA2}, "campaign B1": {OrgID: b.org, CampaignID: b.campB1},
		}
		var periods []report.Period
		for _, zone := range []*time.Location{i18n.WIB, i18n.WITA, i18n.WIT, time.UTC} {
			for _, fromTo := range [][2]string{{"", ""}, {"2026-02-01", "2026-02-28"}, {"2026-01-31", "2026-01-31"},
				{"2026-02-14", "2026-02-15"}, {"2026-02-15", "2026-02-16"}, {"2026-02-16", ""}, {"", "2026-02-15"},
				{"2026-02-17", "2026-02-17"}, {"2026-02-18", "2026-02-19"}, {"2026-03-01", "2026-12-31"}} {
				p, err := report.ParsePeriod(fromTo[0], fromTo[1], zone)
				if err != nil {
					t.Fatal(err)
				}
				periods = append(periods, p)
			}
		}
		// Cuts at any time, not only at midnight.
		for _, c := range [][2]string{{"2026-01-10T03:00:00Z", "2026-02-14T15:59:59Z"},
			{"2026-02-14T15:59:59Z", "2026-02-14T15:59:59.000001Z"}, {"2026-02-15T23:59:59.999999Z", "2026-02-17T08:00:00.000001Z"},
			{"2026-01-25T12:34:56Z", "2026-02-28T16:30:00Z"}, {"2026-02-16T00:00:00Z", "2026-02-18T16:30:00Z"}} {
			from, _ := time.Parse(time.RFC3339Nano, c[0])
			to, _ := time.Parse(time.RFC3339Nano, c[1])
			periods = append(periods, report.Period{From: from, To: to})
		}
		check := func(t *testing.T) {
			for name, s := range scopes {
				for _, p := range periods {
					rep, err := report.Build(ctx, d, s, p)
					if err != nil {
						t.Fatal(err)
					}
					want := recompute(all, selected(all, s, p.From, p.To))
					if !sameFigures(rep.Figures, want) {
						t.Errorf("%s %v–%v:\n got %+v\nwant %+v", name, p.From, p.To, rep.Figures, want)
					}
				}
			}
		}
		t.Run("running", check)
		// A sanity check of the check: the period with everything moves.
		if f := recompute(all, all); f.Entries != 25 || f.TransferIn != 0 || f.TransferOut != 150_000 || f.Goods != 300_000 ||
			f.Zakat.In != 250_000 || f.Donations != 2_260_000 {
			t.Fatalf("recomputed %+v", f)
		}
		if err := d.InTx(ctx, func(tx *db.Tx) error { return figures.RebuildLedger(ctx, tx) }); err != nil {
			t.Fatal(err)
		}
		t.Run("rebuilt", check)
	})
}

// TestPagesAndStream: following the pages' cursors lists every entry of
// the scope and period once, newest first, and the stream every one,
// oldest first, whatever the batch.
func TestPagesAndStream(t *testing.T) {
	defer report.SetStreamBatch(report.SetStreamBatch(4))
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		b := newBooks(t, d)
		moreBooks(t, d, b)
		all := readEntries(t, d, b.org)
		for _, tc := range []struct {
			name     string
			scope    report.Scope
			from, to string
		}{
			{"organisation", report.Scope{OrgID: b.org}, "", ""},
			{"organisation in February", report.Scope{OrgID: b.org}, "2026-02-01", "2026-02-28"},
			{"initiative B", report.Scope{OrgID: b.org, InitiativeID: b.iniB}, "", ""},
			{"campaign A1 mid-February", report.Scope{OrgID: b.org, CampaignID: b.campA1}, "2026-02-06", "2026-02-19"},
			{"empty campaign", report.Scope{OrgID: b.org, CampaignID: b.campA2}, "", ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				p := period(t, tc.from, tc.to)
				want := selected(all, tc.scope, p.From, p.To)
				rep, err := report.Build(ctx, d, tc.scope, p)
				if err != nil {
					t.Fatal(err)
				}
				// Oldest first: by time, then seq.
				var oldest []string
				for _, e := range want {
					oldest = append(oldest, fmt.Sprintf("%d@%s", e.seq, e.at.UTC().Format(time.RFC3339Nano)))
				}
				sortEntries(oldest, want)
				var streamed []string
				for _, l := range allLines(t, rep) {
					streamed = append(streamed, fmt.Sprintf("%d@%s", l.Seq, l.RecordedAt.Format(time.RFC3339Nano)))
				}
				if fmt.Sprint(streamed) != fmt.Sprint(oldest) {
					t.Errorf("streamed %v\nwant %v", streamed, oldest)
				}
				// Pages of 3, newest first, each entry once.
				var paged []string
				var after report.Cursor
				for pages := 0; ; pages++ {
					if pages > len(want) {
						t.Fatalf("paging does not end")
					}
					if err := rep.ReadPage(ctx, d, after, 3); err != nil {
						t.Fatal(err)
					}
					if len(rep.Entries) > 3 || (len(rep.Entries) < 3 && !rep.Next.IsZero()) {
						t.Fatalf("page of %d, next %v", len(rep.Entries), rep.Next)
					}
					for _, l := range rep.Entries {
						paged = append(paged, fmt.Sprintf("%d@%s", l.Seq, l.RecordedAt.Format(time.RFC3339Nano)))
					}
					if rep.Next.IsZero() {
						break
					}
					// The cursor survives its trip through a link.
					var ok bool
					if after, ok = report.ParseCursor(rep.Next.String()); !ok || after != rep.Next {
						t.Fatalf("cursor %v reads back as %v", rep.Next, after)
					}
				}
				for i, j := 0, len(paged)-1; i < j; i, j = i+1, j-1 {
					paged[i], paged[j] = paged[j], paged[i]
				}
				if fmt.Sprint(paged) != fmt.Sprint(oldest) {
					t.Errorf("paged (reversed) %v\nwant %v", paged, oldest)
				}
			})
		}
	})
}

// sortEntries orders keys (of want) by recorded time, then seq.
func sortEntries(keys []string, want []stored) {
	for i := 1; i < len(want); i++ {
		for j := i; j > 0; j-- {
			a, b := want[j-1], want[j]
			if a.at.Before(b.at) || (a.at.Equal(b.at) && a.seq < b.seq) {
				break
			}
			want[j-1], want[j] = b, a
			keys[j-1], keys[j] = keys[j], keys[j-1]
		}
	}
}

func TestParseCursor(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"1767225600000000-14", true}, {"0-1", true}, {"", false}, {"14", false}, {"x-1", false}, {"1-x", false},
		{"1-0", false}, {"-1-1", false}, {"1--1", false}, {"1767225600000000-14-2", false},
	} {
		c, ok := report.ParseCursor(tc.in)
		if ok != tc.ok || (ok && c.String() != tc.in) {
			t.Errorf("ParseCursor(%q) = %v %v", tc.in, c, ok)
		}
	}
}
