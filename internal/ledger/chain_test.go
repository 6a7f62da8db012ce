package ledger_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/ledger"
)

// TestConcurrentAppends: goroutines append to one busy organisation and to
// a few quiet ones, some of their transactions roll back, some race to book
// the same source or reverse the same entry. Every chain must come out
// gapless, unforked and verified, with exactly the committed entries.
func TestConcurrentAppends(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		orgs := []books{newBooks(t, d, "ramai"), newBooks(t, d, "sepi"), newBooks(t, d, "sedang")}
		// Entry 1 of the busy organisation is what everybody tries to reverse.
		add(t, d, ledger.Entry{OrgID: orgs[0].org, Kind: ledger.KindDonation, Amount: 1_000, Category: ledger.CatProgram})
		committed := make([]atomic.Int64, len(orgs))
		committed[0].Add(1)
		var booked, reversed, unexpected atomic.Int64
		const workers, rounds, sources = 8, 10, 5
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range rounds {
					o := 0 // two thirds of the appends go to the busy organisation
					if (w+i)%3 == 2 {
						o = 1 + (w+i)%2
					}
					rollback := i%5 == 4
					e := ledger.Entry{OrgID: orgs[o].org, Kind: ledger.KindDonation, Amount: int64(1000 + w*100 + i),
						Category: ledger.CatProgram, CampaignID: orgs[o].campaign, Description: fmt.Sprintf("w%d r%d", w, i)}
					if i < sources && o == 0 {
						// Every worker tries to book the same sources.
						e.SourceType, e.SourceID = "donation", int64(i+1)
					}
					err := d.InTx(ctx, func(tx *db.Tx) error {
						if _, err := ledger.Append(ctx, tx, e); err != nil {
							return err
						}
						if rollback {
							return errRollback
						}
						return nil
					})
					switch {
					case err == nil:
						committed[o].Add(1)
						if e.SourceType != "" {
							booked.Add(1)
						}
					case errors.Is(err, errRollback), errors.Is(err, ledger.ErrDuplicate):
					default:
						unexpected.Add(1)
						t.Errorf("append: %v", err)
					}
					if i == rounds/2 {
						_, err := reverse(d, orgs[0].org, 1, "race")
						switch {
						case err == nil:
							reversed.Add(1)
							committed[0].Add(1)
						case errors.Is(err, ledger.ErrAlreadyReversed):
						default:
							unexpected.Add(1)
							t.Errorf("reverse: %v", err)
						}
					}
				}
			}()
		}
		wg.Wait()
		if unexpected.Load() > 0 {
			t.FailNow()
		}
		if reversed.Load() != 1 {
			t.Errorf("entry 1 reversed %d times", reversed.Load())
		}
		var wantBooked int64
		for i := range sources {
			// Sources are tried in rounds 0–4 by the workers whose round goes
			// to the busy organisation; round 4 always rolls back.
			if i != 4 {
				wantBooked++
			}
		}
		if booked.Load() != wantBooked {
			t.Errorf("%d sources booked, want %d", booked.Load(), wantBooked)
		}
		for i, o := range orgs {
			res, err := ledger.Verify(ctx, d, o.org)
			if err != nil || !res.OK || res.Entries != committed[i].Load() {
				t.Errorf("org %d: %+v (%v), want %d entries", i, res, err, committed[i].Load())
			}
			var n, maxSeq int64
			if err := d.QueryRow(ctx, `SELECT COUNT(*), MAX(seq) FROM ledger_entries WHERE org_id = ?`, o.org).Scan(&n, &maxSeq); err != nil {
				t.Fatal(err)
			}
			if n != maxSeq {
				t.Errorf("org %d: %d entries up to seq %d", i, n, maxSeq)
			}
		}
	})
}

var errRollback = errors.New("rolled back on purpose")

// TestTamperDetected changes the stored books directly, as somebody with
// database access could, and expects Verify to name the first bad entry.
func TestTamperDetected(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		exec := func(t *testing.T, q string, args ...any) {
			t.Helper()
			if _, err := d.Exec(ctx, q, args...); err != nil {
				t.Fatal(err)
			}
		}
		for _, tc := range []struct {
			name    string
			tamper  func(t *testing.T, org int64)
			bad     int64
			problem string
		}{
			{"amount", func(t *testing.T, org int64) {
				exec(t, `UPDATE ledger_entries SET amount = amount * 10 WHERE org_id = ? AND seq = 3`, org)
			}, 3, ledger.ProblemHash},
			{"description", func(t *testing.T, org int64) {
				exec(t, `UPDATE ledger_entries SET description = 'Donasi besar' WHERE org_id = ? AND seq = 2`, org)
			}, 2, ledger.ProblemHash},
			{"counterparty", func(t *testing.T, org int64) {
				exec(t, `UPDATE ledger_entries SET counterparty = '' WHERE org_id = ? AND seq = 1`, org)
			}, 1, ledger.ProblemHash},
			{"category", func(t *testing.T, org int64) {
				exec(t, `UPDATE ledger_entries SET category = 'program' WHERE org_id = ? AND seq = 4`, org)
			}, 4, ledger.ProblemHash},
			{"time", func(t *testing.T, org int64) {
				exec(t, `UPDATE ledger_entries SET recorded_at = ? WHERE org_id = ? AND seq = 4`,
					time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), org)
			}, 4, ledger.ProblemHash},
			{"campaign removed", func(t *testing.T, org int64) {
				exec(t, `UPDATE ledger_entries SET campaign_id = NULL WHERE org_id = ? AND seq = 1`, org)
			}, 1, ledger.ProblemHash},
			{"source changed", func(t *testing.T, org int64) {
				exec(t, `UPDATE ledger_entries SET source_id = 77 WHERE org_id = ? AND seq = 2`, org)
			}, 2, ledger.ProblemHash},
			{"receipt swapped", func(t *testing.T, org int64) {
				exec(t, `UPDATE ledger_entries SET receipt_key = 'receipts/lain.jpg' WHERE org_id = ? AND seq = 4`, org)
			}, 4, ledger.ProblemHash},
			{"deleted in the middle", func(t *testing.T, org int64) {
				exec(t, `DELETE FROM ledger_entries WHERE org_id = ? AND seq = 3`, org)
			}, 3, ledger.ProblemMissing},
			{"deleted at the end", func(t *testing.T, org int64) {
				exec(t, `DELETE FROM ledger_entries WHERE org_id = ? AND seq = 6`, org)
			}, 6, ledger.ProblemHeadSeq},
			{"prev hashes swapped", func(t *testing.T, org int64) {
				var p2, p3 string
				if err := d.QueryRow(ctx, `SELECT prev_hash FROM ledger_entries WHERE org_id = ? AND seq = 2`, org).Scan(&p2); err != nil {
					t.Fatal(err)
				}
				if err := d.QueryRow(ctx, `SELECT prev_hash FROM ledger_entries WHERE org_id = ? AND seq = 3`, org).Scan(&p3); err != nil {
					t.Fatal(err)
				}
				exec(t, `UPDATE ledger_entries SET prev_hash = ? WHERE org_id = ? AND seq = 2`, p3, org)
				exec(t, `UPDATE ledger_entries SET prev_hash = ? WHERE org_id = ? AND seq = 3`, p2, org)
			}, 2, ledger.ProblemLink},
			{"one entry rewritten and rehashed", func(t *testing.T, org int64) {
				e, err := ledger.Get(ctx, d, org, 3)
				if err != nil {
					t.Fatal(err)
				}
				e.Amount = 30_000
				exec(t, `UPDATE ledger_entries SET amount = ?, hash = ? WHERE org_id = ? AND seq = 3`, e.Amount, ledger.ComputeHash(e), org)
			}, 4, ledger.ProblemLink},
			{"renumbered to hide a deletion", func(t *testing.T, org int64) {
				exec(t, `DELETE FROM ledger_entries WHERE org_id = ? AND seq = 3`, org)
				for seq := 4; seq <= 6; seq++ {
					exec(t, `UPDATE ledger_entries SET seq = ? WHERE org_id = ? AND seq = ?`, seq-1, org, seq)
				}
				exec(t, `UPDATE ledger_heads SET seq = 5 WHERE org_id = ?`, org)
			}, 3, ledger.ProblemLink},
			{"forged entry appended", func(t *testing.T, org int64) {
				exec(t, `INSERT INTO ledger_entries (org_id, seq, recorded_at, kind, amount, category, prev_hash, hash)
					VALUES (?, 7, ?, 'expense', -1000000, 'operasional', ?, ?)`, org, db.Now(), ledger.Genesis, ledger.Genesis)
			}, 7, ledger.ProblemLink},
			{"head changed", func(t *testing.T, org int64) {
				exec(t, `UPDATE ledger_heads SET hash = ? WHERE org_id = ?`, ledger.Genesis, org)
			}, 6, ledger.ProblemHeadHash},
		} {
			t.Run(tc.name, func(t *testing.T) {
				b := newBooks(t, d, "palsu")
				for _, e := range sample(b) {
					add(t, d, e)
				}
				if res, err := ledger.Verify(ctx, d, b.org); err != nil || !res.OK {
					t.Fatalf("before tampering: %+v %v", res, err)
				}
				tc.tamper(t, b.org)
				res, err := ledger.Verify(ctx, d, b.org)
				if err != nil {
					t.Fatal(err)
				}
				if res.OK || res.FirstBad == nil || *res.FirstBad != tc.bad || res.Problem != tc.problem {
					got := int64(-1)
					if res.FirstBad != nil {
						got = *res.FirstBad
					}
					t.Errorf("verify: ok=%v first bad %d (%s), want %d (%s)", res.OK, got, res.Problem, tc.bad, tc.problem)
				}
			})
		}
	})
}

func TestTotals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		b := newBooks(t, d, "saldo")
		for _, e := range sample(b) {
			add(t, d, e)
		}
		at := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
		add(t, d, ledger.Entry{OrgID: b.org, RecordedAt: at, Kind: ledger.KindTransfer, Amount: -40_000,
			Category: ledger.CatProgram, CampaignID: b.campaign, Description: "Ke cadangan"})
		add(t, d, ledger.Entry{OrgID: b.org, RecordedAt: at, Kind: ledger.KindTransfer, Amount: 40_000,
			Category: ledger.CatCadangan, Description: "Dari kampanye"})
		if _, err := reverse(d, b.org, 2, "Transfer tidak masuk"); err != nil {
			t.Fatal(err)
		}
		day := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
		for _, tc := range []struct {
			name    string
			f       ledger.Filter
			in, out int64
			tin     int64
			tout    int64
			balance int64
			zakat   ledger.Flow
			cats    map[ledger.Category]ledger.Flow
			entries int64
		}{
			{"organisation", ledger.Filter{OrgID: b.org}, 550_000, 77_500, 40_000, 40_000, 472_500, ledger.Flow{In: 50_000},
				map[ledger.Category]ledger.Flow{
					ledger.CatProgram:     {In: 550_000, TransferOut: 40_000},
					ledger.CatOperasional: {Out: 75_000},
					ledger.CatPlatform:    {Out: 2_500},
					ledger.CatCadangan:    {TransferIn: 40_000},
				}, 9},
			{"campaign", ledger.Filter{CampaignID: b.campaign}, 250_000, 77_500, 0, 40_000, 132_500, ledger.Flow{},
				map[ledger.Category]ledger.Flow{
					ledger.CatProgram:     {In: 250_000, TransferOut: 40_000},
					ledger.CatOperasional: {Out: 75_000},
					ledger.CatPlatform:    {Out: 2_500},
				}, 6},
			{"initiative", ledger.Filter{OrgID: b.org, InitiativeID: b.initiative}, 550_000, 77_500, 0, 40_000, 432_500, ledger.Flow{},
				nil, 7},
			{"second day", ledger.Filter{OrgID: b.org, From: day.AddDate(0, 0, 1), To: day.AddDate(0, 0, 2)}, 0, 77_500, 0, 0, -77_500,
				ledger.Flow{In: 50_000}, nil, 3},
			{"empty period", ledger.Filter{OrgID: b.org, From: day.AddDate(-1, 0, 0), To: day}, 0, 0, 0, 0, 0, ledger.Flow{},
				map[ledger.Category]ledger.Flow{}, 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				s, err := ledger.Totals(ctx, d, tc.f)
				if err != nil {
					t.Fatal(err)
				}
				if s.In != tc.in || s.Out != tc.out || s.TransferIn != tc.tin || s.TransferOut != tc.tout ||
					s.Balance != tc.balance || s.Zakat != tc.zakat || s.Entries != tc.entries {
					t.Errorf("totals %+v", s)
				}
				if tc.zakat.Balance() != s.Zakat.Balance() {
					t.Errorf("zakat balance %d", s.Zakat.Balance())
				}
				if _, ok := s.ByCategory[ledger.CatZakatInfak]; ok {
					t.Error("zakat_infak mixed into the categories")
				}
				if tc.cats != nil && fmt.Sprint(s.ByCategory) != fmt.Sprint(tc.cats) {
					t.Errorf("by category %v, want %v", s.ByCategory, tc.cats)
				}
			})
		}
		if _, err := ledger.Totals(ctx, d, ledger.Filter{}); err == nil {
			t.Error("an empty filter adds up everything")
		}
	})
}

func TestList(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		b := newBooks(t, d, "daftar")
		start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range 25 {
			e := ledger.Entry{OrgID: b.org, RecordedAt: start.AddDate(0, 0, i), Kind: ledger.KindDonation,
				Amount: int64(1000 * (i + 1)), Category: ledger.CatProgram}
			if i%2 == 0 {
				e.CampaignID = b.campaign
			}
			add(t, d, e)
		}
		var seqs []int64
		after := int64(0)
		for page := 0; ; page++ {
			list, next, err := ledger.List(ctx, d, ledger.ListOptions{OrgID: b.org, After: after, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range list {
				seqs = append(seqs, l.Seq)
				if (l.CampaignID != 0) != (l.CampaignSlug != "") || (l.InitiativeID != 0) != (l.InitiativeSlug != "") {
					t.Errorf("entry %d slugs %q %q", l.Seq, l.CampaignSlug, l.InitiativeSlug)
				}
			}
			if next == 0 {
				break
			}
			after = next
			if page > 5 {
				t.Fatal("pages do not end")
			}
		}
		if len(seqs) != 25 || seqs[0] != 1 || seqs[24] != 25 {
			t.Errorf("paged seqs %v", seqs)
		}
		list, next, err := ledger.List(ctx, d, ledger.ListOptions{OrgID: b.org, From: start.AddDate(0, 0, 3), To: start.AddDate(0, 0, 6)})
		if err != nil || len(list) != 3 || list[0].Seq != 4 || next != 0 {
			t.Errorf("period: %d entries, next %d, %v", len(list), next, err)
		}
		if list, _, _ := ledger.List(ctx, d, ledger.ListOptions{OrgID: b.org, Limit: 25}); len(list) != 25 {
			t.Errorf("exact page: %d", len(list))
		}
	})
}
