package surplus_test

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/ledger"
	"lokadaya/internal/surplus"
	"lokadaya/internal/validate"
)

var wib = time.FixedZone("WIB", 7*3600)

type fixture struct {
	org, ini, other int64
}

var fixtureN int

func setup(t *testing.T, d *db.DB) fixture {
	t.Helper()
	ctx := context.Background()
	fixtureN++
	slug := fmt.Sprintf("surplus-%d", fixtureN)
	now := db.Now()
	var f fixture
	if err := d.QueryRow(ctx, `INSERT INTO organizations (slug, name, legal_form, region_code, status, created_at, updated_at)
		VALUES (?, ?, 'komunitas', '51.71.01.1001', 'verified', ?, ?) RETURNING id`, slug, "Org "+slug, now, now).Scan(&f.org); err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct {
		id   *int64
		name string
	}{{&f.ini, "Bank Sampah"}, {&f.other, "Kebun Warga"}} {
		if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, category, status, created_at, updated_at)
			VALUES (?, ?, ?, 'lingkungan', 'published', ?, ?) RETURNING id`, f.org, slug+"-"+p.name, p.name, now, now).Scan(p.id); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d.Exec(ctx, `INSERT INTO initiative_regions (initiative_id, region_code) VALUES (?, '51.71.01.1001')`, f.ini); err != nil {
		t.Fatal(err)
	}
	return f
}

func book(t *testing.T, d *db.DB, e ledger.Entry) *ledger.Entry {
	t.Helper()
	var out *ledger.Entry
	if err := d.InTx(context.Background(), func(tx *db.Tx) (err error) {
		out, err = ledger.Append(context.Background(), tx, e)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func day(s string) time.Time {
	t, err := time.ParseInLocation(time.DateOnly, s, wib)
	if err != nil {
		panic(err)
	}
	return t
}

// year2025 books a year of an initiative: in 10.000.000 (one 500.000
// donation reversed), out 6.000.000, zakat 2.000.000 that must not count,
// and entries outside the year and of the other initiative.
func year2025(t *testing.T, d *db.DB, f fixture) {
	at := func(s string) time.Time { return day(s).Add(10 * time.Hour) }
	book(t, d, ledger.Entry{OrgID: f.org, Kind: ledger.KindDonation, Amount: 7_000_000, Category: ledger.CatProgram, InitiativeID: f.ini, RecordedAt: at("2025-02-01"), Description: "Donasi"})
	book(t, d, ledger.Entry{OrgID: f.org, Kind: ledger.KindGoods, Amount: 3_000_000, Category: ledger.CatProgram, InitiativeID: f.ini, RecordedAt: at("2025-05-01"), Description: "Mesin pencacah"})
	r := book(t, d, ledger.Entry{OrgID: f.org, Kind: ledger.KindDonation, Amount: 500_000, Category: ledger.CatProgram, InitiativeID: f.ini, RecordedAt: at("2025-06-01"), Description: "Donasi ganda"})
	book(t, d, ledger.Entry{OrgID: f.org, Kind: ledger.KindReversal, Amount: -500_000, Category: ledger.CatProgram, InitiativeID: f.ini, ReversesSeq: r.Seq, RecordedAt: at("2025-06-02"), Description: "Tercatat dua kali"})
	book(t, d, ledger.Entry{OrgID: f.org, Kind: ledger.KindExpense, Amount: -5_000_000, Category: ledger.CatProgram, InitiativeID: f.ini, RecordedAt: at("2025-07-01"), Description: "Gerobak"})
	book(t, d, ledger.Entry{OrgID: f.org, Kind: ledger.KindExpense, Amount: -1_000_000, Category: ledger.CatOperasional, InitiativeID: f.ini, RecordedAt: at("2025-12-31"), Description: "Listrik"})
	book(t, d, ledger.Entry{OrgID: f.org, Kind: ledger.KindDonation, Amount: 2_000_000, Category: ledger.CatZakatInfak, InitiativeID: f.ini, RecordedAt: at("2025-03-01"), Description: "Infak"})
	// Outside the year, or another initiative's.
	book(t, d, ledger.Entry{OrgID: f.org, Kind: ledger.KindDonation, Amount: 9_000_000, Category: ledger.CatProgram, InitiativeID: f.ini, RecordedAt: at("2026-01-01"), Description: "Tahun depan"})
	book(t, d, ledger.Entry{OrgID: f.org, Kind: ledger.KindDonation, Amount: 9_000_000, Category: ledger.CatProgram, InitiativeID: f.other, RecordedAt: at("2025-03-01"), Description: "Kebun"})
}

func period(f fixture, reserve int64) surplus.PeriodInput {
	return surplus.PeriodInput{InitiativeID: f.ini, From: day("2025-01-01").UTC(), To: day("2026-01-01").UTC(), Reserve: reserve}
}

func TestCompute(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		year2025(t, d, f)
		for _, tc := range []struct {
			name                         string
			p                            surplus.PeriodInput
			in, out, reserve, surplusAmt int64
		}{
			{"year", period(f, 0), 10_000_000, 6_000_000, 0, 4_000_000},
			{"year with reserve", period(f, 1_500_000), 10_000_000, 6_000_000, 1_500_000, 2_500_000},
			{"reserve above", period(f, 5_000_000), 10_000_000, 6_000_000, 5_000_000, -1_000_000},
			{"first half", surplus.PeriodInput{InitiativeID: f.ini, From: day("2025-01-01").UTC(), To: day("2025-07-01").UTC()}, 10_000_000, 0, 0, 10_000_000},
			// The reversal of 2 June counts in the period that has it.
			{"june only", surplus.PeriodInput{InitiativeID: f.ini, From: day("2025-06-01").UTC(), To: day("2025-06-02").UTC()}, 500_000, 0, 0, 500_000},
		} {
			t.Run(tc.name, func(t *testing.T) {
				tb, err := surplus.Compute(ctx, d, f.org, tc.p)
				if err != nil {
					t.Fatal(err)
				}
				if tb.In != tc.in || tb.Out != tc.out || tb.Period.Reserve != tc.reserve || tb.Surplus != tc.surplusAmt {
					t.Errorf("in %d out %d reserve %d surplus %d, want %d %d %d %d", tb.In, tb.Out, tb.Period.Reserve, tb.Surplus,
						tc.in, tc.out, tc.reserve, tc.surplusAmt)
				}
				if tb.Free != max(tc.surplusAmt, 0) || tb.Fixed {
					t.Errorf("free %d fixed %v", tb.Free, tb.Fixed)
				}
			})
		}
		tb, _ := surplus.Compute(ctx, d, f.org, period(f, 0))
		if tb.Zakat.In != 2_000_000 {
			t.Errorf("zakat shown apart: %+v", tb.Zakat)
		}
		if _, err := surplus.Compute(ctx, d, f.org+1000, period(f, 0)); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("other organisation: %v", err)
		}
	})
}

func TestAllocate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		year2025(t, d, f)
		actor := surplus.Actor{Name: "Ketua"}
		dec := func(kind surplus.Kind, amount, target int64, name string) surplus.Decision {
			return surplus.Decision{Period: period(f, 1_000_000), Kind: kind, Amount: amount, TargetID: target, NewName: name, Rationale: "Rapat anggota"}
		}
		// Surplus: 10.000.000 − 6.000.000 − 1.000.000 = 3.000.000.
		spin, err := surplus.Allocate(ctx, d, f.org, actor, dec(surplus.KindSpinOff, 1_200_000, 0, "Toko Daur Ulang"))
		if err != nil {
			t.Fatal(err)
		}
		if !spin.CreatedTarget || spin.TargetID == 0 {
			t.Fatalf("spin-off: %+v", spin)
		}
		var desc string
		if err := d.QueryRow(ctx, `SELECT description FROM ledger_entries WHERE source_type = ? AND source_id = ?`,
			surplus.SourceFrom, spin.ID).Scan(&desc); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(desc, "Alokasi surplus 1 Januari 2025 s.d. 31 Desember 2025:") {
			t.Errorf("ledger description %q does not write the period's days as people do", desc)
		}
		var parent int64
		var status, category, cycleRegion string
		if err := d.QueryRow(ctx, `SELECT i.parent_id, i.status, i.category, r.region_code FROM initiatives i
			JOIN initiative_regions r ON r.initiative_id = i.id WHERE i.id = ?`, spin.TargetID).Scan(&parent, &status, &category, &cycleRegion); err != nil {
			t.Fatal(err)
		}
		if parent != f.ini || status != "draft" || category != "lingkungan" || cycleRegion != "51.71.01.1001" {
			t.Errorf("child: parent %d %s %s %s", parent, status, category, cycleRegion)
		}
		if _, err := surplus.Allocate(ctx, d, f.org, actor, dec(surplus.KindReserve, 800_000, 0, "")); err != nil {
			t.Fatal(err)
		}
		if _, err := surplus.Allocate(ctx, d, f.org, actor, dec(surplus.KindReplication, 500_000, f.other, "")); err != nil {
			t.Fatal(err)
		}
		// 2.500.000 allocated: 500.001 is too much, 500.000 fits.
		for _, tc := range []struct {
			name  string
			dec   surplus.Decision
			field string
		}{
			{"exceeds", dec(surplus.KindScaleUp, 500_001, f.ini, ""), surplus.FieldAmount},
			{"reserve changed", func() surplus.Decision { x := dec(surplus.KindScaleUp, 1, f.ini, ""); x.Period.Reserve = 0; return x }(), surplus.FieldReserve},
			{"overlapping period", func() surplus.Decision {
				x := dec(surplus.KindScaleUp, 1, f.ini, "")
				x.Period.From = day("2025-12-01").UTC()
				x.Period.To = day("2026-02-01").UTC()
				return x
			}(), surplus.FieldFrom},
			{"target of another organisation", dec(surplus.KindReplication, 1, 999_999, ""), surplus.FieldTarget},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := surplus.Allocate(ctx, d, f.org, actor, tc.dec)
				var ve validate.Errors
				if !errors.As(err, &ve) || ve[tc.field] == "" {
					t.Errorf("got %v, want an error on %s", err, tc.field)
				}
			})
		}
		if _, err := surplus.Allocate(ctx, d, f.org, actor, dec(surplus.KindScaleUp, 500_000, 0, "")); err != nil {
			t.Fatal(err)
		}
		tb, err := surplus.Compute(ctx, d, f.org, period(f, 0))
		if err != nil {
			t.Fatal(err)
		}
		if !tb.Fixed || tb.Period.Reserve != 1_000_000 || tb.Allocated != 3_000_000 || tb.Free != 0 || tb.Surplus != 3_000_000 {
			t.Errorf("table after: %+v", tb)
		}
		// The ledger: two transfer entries per decision, the chain verifies.
		list, err := surplus.List(ctx, d, f.org)
		if err != nil || len(list) != 4 {
			t.Fatalf("list: %d %v", len(list), err)
		}
		for _, a := range list {
			out, err := ledger.BySource(ctx, d, surplus.SourceFrom, a.ID, ledger.KindTransfer)
			if err != nil {
				t.Fatal(err)
			}
			in, err := ledger.BySource(ctx, d, surplus.SourceTo, a.ID, ledger.KindTransfer)
			if err != nil {
				t.Fatal(err)
			}
			wantCat := ledger.CatSurplus
			if a.Kind == surplus.KindReserve {
				wantCat = ledger.CatCadangan
			}
			if out.Seq != a.OutSeq || in.Seq != a.InSeq || out.Amount != -a.Amount || in.Amount != a.Amount ||
				out.InitiativeID != f.ini || in.InitiativeID != a.TargetID || out.Category != ledger.CatSurplus || in.Category != wantCat {
				t.Errorf("%s: out %+v in %+v", a.Kind, out, in)
			}
		}
		res, err := ledger.Verify(ctx, d, f.org)
		if err != nil || !res.OK {
			t.Errorf("verify: %+v %v", res, err)
		}
		// The child's books show what it received.
		sum, err := ledger.Totals(ctx, d, ledger.Filter{OrgID: f.org, InitiativeID: spin.TargetID})
		if err != nil || sum.TransferIn != 1_200_000 || sum.Balance != 1_200_000 {
			t.Errorf("child books: %+v %v", sum, err)
		}
		parentRel, children, err := surplus.Lineage(ctx, d, f.ini, true)
		if err != nil || parentRel != nil || len(children) != 0 {
			t.Errorf("public lineage hides the draft child: %v %v %v", parentRel, children, err)
		}
		_, children, err = surplus.Lineage(ctx, d, f.ini, false)
		if err != nil || len(children) != 1 || children[0].Kind != surplus.KindSpinOff || children[0].Name != "Toko Daur Ulang" {
			t.Errorf("lineage: %+v %v", children, err)
		}
		p, _, err := surplus.Lineage(ctx, d, spin.TargetID, true)
		if err != nil || p == nil || p.ID != f.ini || p.Kind != surplus.KindSpinOff {
			t.Errorf("child's parent: %+v %v", p, err)
		}
	})
}

// TestAllocateConcurrently: decisions race for one surplus; together they
// never take more than it.
func TestAllocateConcurrently(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		year2025(t, d, f)
		// Surplus 4.000.000; 12 decisions of 500.000 race: 8 fit.
		const workers = 12
		var wg sync.WaitGroup
		var mu sync.Mutex
		ok, refused := 0, 0
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				kind, target, name := surplus.KindScaleUp, f.ini, ""
				if w%3 == 0 {
					kind, target, name = surplus.KindSpinOff, 0, fmt.Sprintf("Usaha %d", w)
				}
				_, err := surplus.Allocate(ctx, d, f.org, surplus.Actor{Name: fmt.Sprint("Pengurus ", w)}, surplus.Decision{Period: period(f, 0),
					Kind: kind, Amount: 500_000, TargetID: target, NewName: name, Rationale: "Keputusan"})
				mu.Lock()
				defer mu.Unlock()
				var ve validate.Errors
				switch {
				case err == nil:
					ok++
				case errors.As(err, &ve) && ve[surplus.FieldAmount] != "":
					refused++
				default:
					t.Errorf("allocate: %v", err)
				}
			}()
		}
		wg.Wait()
		if ok != 8 || refused != workers-8 {
			t.Errorf("%d allocated, %d refused", ok, refused)
		}
		tb, err := surplus.Compute(ctx, d, f.org, period(f, 0))
		if err != nil || tb.Allocated != 4_000_000 {
			t.Errorf("allocated %d (%v)", tb.Allocated, err)
		}
		var periods int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM surplus_periods WHERE initiative_id = ?`, f.ini).Scan(&periods); err != nil || periods != 1 {
			t.Errorf("%d periods (%v)", periods, err)
		}
		res, err := ledger.Verify(ctx, d, f.org)
		if err != nil || !res.OK || res.Entries != 9+2*8 {
			t.Errorf("verify: %+v %v", res, err)
		}
	})
}

func TestParseDecision(t *testing.T) {
	now := day("2026-03-10").Add(12 * time.Hour)
	base := func(kv ...string) url.Values {
		v := url.Values{"inisiatif": {"5"}, "dari": {"2025-01-01"}, "sampai": {"2025-12-31"}, "jenis": {"perluasan"},
			"jumlah": {"Rp1.500.000"}, "alasan": {"Disepakati rapat"}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	for _, tc := range []struct {
		name  string
		form  url.Values
		field string // "" when valid
		check func(d surplus.Decision) bool
	}{
		{"scale-up itself", base(), "", func(d surplus.Decision) bool {
			return d.Amount == 1_500_000 && d.TargetID == 5 && d.Period.To.Equal(day("2026-01-01"))
		}},
		{"reserve goes to itself", base("jenis", "cadangan", "tujuan", "9"), "", func(d surplus.Decision) bool { return d.TargetID == 5 }},
		{"spin-off new", base("jenis", "pemisahan", "tujuan", "baru", "nama_baru", "  Toko   Kompos "), "", func(d surplus.Decision) bool {
			return d.TargetID == 0 && d.NewName == "Toko Kompos"
		}},
		{"spin-off needs a name", base("jenis", "pemisahan", "tujuan", "baru"), "nama_baru", nil},
		{"spin-off to existing", base("jenis", "pemisahan", "tujuan", "9"), "tujuan", nil},
		{"replication to itself", base("jenis", "replikasi", "tujuan", "5"), "tujuan", nil},
		{"replication elsewhere", base("jenis", "replikasi", "tujuan", "9"), "", func(d surplus.Decision) bool { return d.TargetID == 9 }},
		{"scale-up new", base("tujuan", "baru", "nama_baru", "X"), "tujuan", nil},
		{"unknown kind", base("jenis", "pesta"), "jenis", nil},
		{"zero", base("jumlah", "0"), "jumlah", nil},
		{"decimals", base("jumlah", "1.500,50"), "jumlah", nil},
		{"no reason", base("alasan", "  "), "alasan", nil},
		{"period not ended", base("sampai", "2026-03-10"), "sampai", nil},
		{"period ended yesterday", base("sampai", "2026-03-09"), "", nil},
		{"reversed days", base("dari", "2025-12-31", "sampai", "2025-01-01"), "sampai", nil},
		{"bad date", base("dari", "2025-13-01"), "dari", nil},
		{"bad reserve", base("cadangan", "-5"), "cadangan", nil},
		{"bad initiative", base("inisiatif", "x"), "inisiatif", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, errs := surplus.ParseDecision(tc.form, wib, now)
			if tc.field == "" {
				if len(errs) > 0 {
					t.Fatalf("errors %v", errs)
				}
				if tc.check != nil && !tc.check(d) {
					t.Errorf("parsed %+v", d)
				}
				return
			}
			if errs[tc.field] == "" {
				t.Errorf("no error on %s: %v", tc.field, errs)
			}
		})
	}
}

func FuzzParseDecision(f *testing.F) {
	f.Add("5", "2025-01-01", "2025-12-31", "", "pemisahan", "Rp1.000.000", "baru", "Toko", "alasan")
	f.Add("x", "2025-02-30", "", "1.000,5", "pesta", "-1", "0", "", "")
	f.Fuzz(func(t *testing.T, ini, from, to, reserve, kind, amount, target, name, reason string) {
		form := url.Values{"inisiatif": {ini}, "dari": {from}, "sampai": {to}, "cadangan": {reserve}, "jenis": {kind},
			"jumlah": {amount}, "tujuan": {target}, "nama_baru": {name}, "alasan": {reason}}
		d, errs := surplus.ParseDecision(form, wib, day("2026-03-10"))
		if len(errs) > 0 {
			return
		}
		if d.Amount <= 0 || d.Period.Reserve < 0 || !d.Period.To.After(d.Period.From) || !d.Kind.Valid() || d.Rationale == "" {
			t.Fatalf("accepted %+v", d)
		}
		if (d.TargetID == 0) == (d.NewName == "") {
			t.Fatalf("target %d and new name %q", d.TargetID, d.NewName)
		}
	})
}
