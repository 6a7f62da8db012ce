package service_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/service"
)

func countRows(t *testing.T, d *db.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func TestCorrectAndDeleteRecord(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		points := map[string]*service.Point{f.point.Code: f.point}
		add := func(in service.RecordInput) int64 {
			c, errs := in.Check("2026-03-10", points)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			rec, err := f.s.AddRecord(ctx, f.actor, f.orgID, f.initID, c)
			if err != nil {
				t.Fatal(err)
			}
			return rec.ID
		}
		kept := add(row(f.point.Code))
		wrong := add(row(f.point.Code, "jumlah", "12", "laki_laki", "6", "usia_6_17", "9"))
		reach := func() service.Counts {
			c, err := f.s.Reach(ctx, f.initID, service.Period{})
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		if c := reach(); c.Total != 22 || c.Groups["miskin"] != 6 {
			t.Fatalf("reach before %+v", c)
		}

		// The correction: the form shows the record as it is, the new
		// figures replace the old, groups included.
		l, err := f.s.Record(ctx, f.initID, wrong)
		if err != nil || l.Form().Get("jumlah") != "12" || l.Form().Get("rentan_miskin") != "3" {
			t.Fatalf("record %+v %v", l, err)
		}
		form := l.Form()
		form.Set("jumlah", "8")
		form.Set("laki_laki", "2")
		form.Set("usia_6_17", "5")
		form.Del("rentan_miskin")
		form.Set("rentan_ibu_hamil", "1")
		c, errs := service.RecordFromForm(form).Check("2026-03-10", points)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		if err := f.s.UpdateRecord(ctx, f.actor, f.initID, wrong, c); err != nil {
			t.Fatal(err)
		}
		if c := reach(); c.Total != 18 || c.Male != 6 || c.Groups["miskin"] != 3 || c.Groups["ibu_hamil"] != 1 {
			t.Errorf("reach after the correction %+v", c)
		}
		var detail string
		if err := d.QueryRow(ctx, `SELECT detail FROM audit_log WHERE action = 'service.record.update'`).Scan(&detail); err != nil ||
			!strings.Contains(detail, "total=12") || !strings.Contains(detail, "→") || !strings.Contains(detail, "total=8") {
			t.Errorf("audit of the correction %q %v", detail, err)
		}

		// Another initiative's record is not found, neither to correct nor
		// to delete.
		if err := f.s.UpdateRecord(ctx, f.actor, f.initID+1, kept, c); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("correcting through another initiative: %v", err)
		}
		if err := f.s.DeleteRecord(ctx, f.actor, f.initID+1, kept); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("deleting through another initiative: %v", err)
		}

		if err := f.s.DeleteRecord(ctx, f.actor, f.initID, wrong); err != nil {
			t.Fatal(err)
		}
		if c := reach(); c.Total != 10 || c.Groups["ibu_hamil"] != 0 {
			t.Errorf("reach after the deletion %+v", c)
		}
		if n := countRows(t, d, `SELECT COUNT(*) FROM service_record_groups WHERE record_id = ?`, wrong); n != 0 {
			t.Errorf("%d groups of the deleted record left", n)
		}
		if n := countRows(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'service.record.delete' AND detail LIKE '%total=8%'`); n != 1 {
			t.Errorf("%d audit entries of the deletion with its figures", n)
		}
		if err := f.s.DeleteRecord(ctx, f.actor, f.initID, wrong); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("deleting twice: %v", err)
		}
	})
}

func TestDiscardAndPurgeStaleImports(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		clock := time.Date(2026, 3, 1, 3, 0, 0, 0, time.UTC)
		f.s.Now = func() time.Time { return clock }
		file := func(n string) []byte {
			return []byte(strings.Join(service.Columns(), ",") + "\n2026-02-0" + n + "," + f.point.Code +
				",Baca,1,1,0,0,1,0,0,,,,,,,\n")
		}
		upload := func(n string) *service.Import {
			imp, err := f.s.Upload(ctx, f.actor, f.orgID, f.initID, "f"+n+".csv", file(n))
			if err != nil {
				t.Fatal(err)
			}
			return imp
		}
		old, thrown := upload("1"), upload("2")
		clock = clock.Add(3 * 24 * time.Hour)
		fresh, confirmed := upload("3"), upload("4")
		if _, err := f.s.Confirm(ctx, f.actor, f.initID, confirmed.ID, "2026-03-04"); err != nil {
			t.Fatal(err)
		}

		if err := f.s.DiscardImport(ctx, f.actor, f.initID+1, thrown.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("discard through another initiative: %v", err)
		}
		if err := f.s.DiscardImport(ctx, f.actor, f.initID, thrown.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.GetImport(ctx, f.initID, thrown.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("discarded import still there: %v", err)
		}
		if n := countRows(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'service.import.discard'`); n != 1 {
			t.Errorf("%d audit entries of the discard", n)
		}
		if err := f.s.DiscardImport(ctx, f.actor, f.initID, confirmed.ID); !errors.Is(err, service.ErrConfirmed) {
			t.Errorf("discarding a confirmed import: %v", err)
		}

		clock = clock.Add(service.StaleAfter - 2*24*time.Hour) // old is 8 days old, fresh 5
		if n, err := f.s.PurgeStale(ctx); err != nil || n != 1 {
			t.Fatalf("purge: %d %v", n, err)
		}
		if _, err := f.s.GetImport(ctx, f.initID, old.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("stale import still there: %v", err)
		}
		for _, kept := range []*service.Import{fresh, confirmed} {
			if _, err := f.s.GetImport(ctx, f.initID, kept.ID); err != nil {
				t.Errorf("import %s gone: %v", kept.FileName, err)
			}
		}
		if n := countRows(t, d, `SELECT COUNT(*) FROM service_records`); n != 1 {
			t.Errorf("%d records after the purge, want the confirmed one", n)
		}
	})
}

func TestRecordsAndReachTables(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		points := map[string]*service.Point{f.point.Code: f.point}
		for _, in := range []service.RecordInput{
			row(f.point.Code, "tanggal", "2026-01-31", "catatan", "Bu Siti dari RT 02"),
			row(f.point.Code, "tanggal", "2026-02-01"),
			row(f.point.Code, "tanggal", "2026-02-03", "rentan_miskin", "", "rentan_adat", "2"),
		} {
			c, errs := in.Check("2026-03-10", points)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			if _, err := f.s.AddRecord(ctx, f.actor, f.orgID, f.initID, c); err != nil {
				t.Fatal(err)
			}
		}
		recs, err := f.s.RecordsTable(ctx, f.initID, service.Period{From: "2026-01-01"})
		if err != nil {
			t.Fatal(err)
		}
		got := fmt.Sprint(recs)
		want := "[[" + strings.Join(service.ExportColumns(), " ") + "] [2026-01-31 " + f.point.Code + " Baca bersama 10 4 6 1 7 2 0 1 3 0 0 0 0]" +
			" [2026-02-01 " + f.point.Code + " Baca bersama 10 4 6 1 7 2 0 1 3 0 0 0 0]" +
			" [2026-02-03 " + f.point.Code + " Baca bersama 10 4 6 1 7 2 0 1 0 0 0 2 0]]"
		if got != want || strings.Contains(got, "Siti") {
			t.Errorf("records table\n%s\nwant\n%s", got, want)
		}
		// The export imports again as it is.
		var b strings.Builder
		for _, r := range recs {
			b.WriteString(strings.Join(r, ";") + "\n")
		}
		if rows, err := service.ParseFile([]byte(b.String())); err != nil || len(rows) != 3 {
			t.Errorf("the export does not import: %d rows, %v", len(rows), err)
		}
		reach, err := f.s.ReachTable(ctx, f.initID, service.Period{})
		if err != nil {
			t.Fatal(err)
		}
		got = fmt.Sprint(reach)
		want = "[[bulan jumlah laki_laki perempuan usia_0_5 usia_6_17 usia_18_59 usia_60_plus disabilitas rentan_miskin " +
			"rentan_ibu_hamil rentan_perempuan_kk rentan_adat rentan_pengungsi] [2026-01 10 4 6 1 7 2 0 1 3 0 0 0 0]" +
			" [2026-02 20 8 12 2 14 4 0 2 3 0 0 2 0] [total 30 12 18 3 21 6 0 3 6 0 0 2 0]]"
		if got != want {
			t.Errorf("reach table\n%s\nwant\n%s", got, want)
		}
	})
}
