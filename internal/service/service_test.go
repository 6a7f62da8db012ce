package service_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/service"
	"lokadaya/internal/validate"
)

const desa = "32.73.01.1001"

type fixture struct {
	d      *db.DB
	s      *service.Store
	orgID  int64
	initID int64
	point  *service.Point
	actor  service.Actor
}

func setup(t *testing.T, d *db.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	u, err := (&account.Store{DB: d}).Create(ctx, "owner@example.org", "Pemilik", "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "Taman Baca", Slug: "taman-baca", LegalForm: "komunitas", RegionCode: desa})
	if err != nil {
		t.Fatal(err)
	}
	var cycleID int64
	if err := d.QueryRow(ctx, `INSERT INTO cycles (org_id, number, current_stage, framework_version, status, opened_at)
		VALUES (?, 1, 5, '2025.1', 'open', ?) RETURNING id`, o.ID, db.Now()).Scan(&cycleID); err != nil {
		t.Fatal(err)
	}
	i, err := (&initiative.Store{DB: d}).Create(ctx, initiative.Actor{ID: u.ID}, o.ID, cycleID, initiative.Input{Name: "Pojok Baca"})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{d: d, s: &service.Store{DB: d}, orgID: o.ID, initID: i.ID, actor: service.Actor{ID: u.ID, Name: "Pemilik"}}
	f.point, err = f.s.CreatePoint(ctx, f.actor, o.ID, i.ID, service.PointInput{Name: "Pos RW 03", RegionCode: desa})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// row is a record input with every count given.
func row(point string, kv ...string) service.RecordInput {
	in := service.RecordInput{"tanggal": "2026-03-02", "kode_titik": point, "jenis_layanan": "Baca bersama",
		"jumlah": "10", "laki_laki": "4", "perempuan": "6", "usia_0_5": "1", "usia_6_17": "7", "usia_18_59": "2",
		"usia_60_plus": "0", "disabilitas": "1", "rentan_miskin": "3"}
	for i := 0; i+1 < len(kv); i += 2 {
		in[kv[i]] = kv[i+1]
	}
	return in
}

func TestRecordCheck(t *testing.T) {
	points := map[string]*service.Point{"ABC234": {Code: "ABC234"}}
	cases := []struct {
		name  string
		in    service.RecordInput
		field string
		key   string
	}{
		{"fine", row("abc234"), "", ""},
		{"dd/mm/yyyy", row("ABC234", "tanggal", "02/03/2026"), "", ""},
		{"thousands dots", row("ABC234", "jumlah", "1.000", "laki_laki", "400", "perempuan", "600", "usia_6_17", "997"), "", ""},
		{"future", row("ABC234", "tanggal", "2026-03-11"), "tanggal", "service.err.date_future"},
		{"not a date", row("ABC234", "tanggal", "2026-02-30"), "tanggal", "service.err.date"},
		{"unknown point", row("XYZ999"), "kode_titik", "service.err.point"},
		{"sexes do not add up", row("ABC234", "perempuan", "5"), "perempuan", "service.err.sex_sum"},
		{"ages do not add up", row("ABC234", "usia_60_plus", "1"), "usia_0_5", "service.err.age_sum"},
		{"disability over total", row("ABC234", "disabilitas", "11"), "disabilitas", "service.err.over_total"},
		{"group over total", row("ABC234", "rentan_adat", "12"), "rentan_adat", "service.err.over_total"},
		{"negative", row("ABC234", "laki_laki", "-4"), "laki_laki", "service.err.count"},
		{"fraction", row("ABC234", "jumlah", "1.5"), "jumlah", "service.err.count"},
		{"huge", row("ABC234", "jumlah", "100001"), "jumlah", "service.err.count_big"},
		{"zero", row("ABC234", "jumlah", "0"), "jumlah", "service.err.total_zero"},
		{"no type", row("ABC234", "jenis_layanan", ""), "jenis_layanan", "form.required"},
		{"long note", row("ABC234", "catatan", strings.Repeat("x", 501)), "catatan", "form.too_long"},
	}
	for _, c := range cases {
		got, errs := c.in.Check("2026-03-10", points)
		if c.field == "" {
			if len(errs) > 0 || got == nil {
				t.Errorf("%s: %v", c.name, errs)
			}
			continue
		}
		if errs[c.field] != c.key {
			t.Errorf("%s: errors %v, want %s on %s", c.name, errs, c.key, c.field)
		}
	}
}

func TestPointsRecordsAndReach(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		if _, err := f.s.CreatePoint(ctx, f.actor, f.orgID, f.initID, service.PointInput{Name: "Pos RW 03", RegionCode: desa}); !isField(err, "name") {
			t.Fatalf("same name: %v", err)
		}
		if _, err := f.s.CreatePoint(ctx, f.actor, f.orgID, f.initID, service.PointInput{Name: "Pos X", RegionCode: "99.99"}); !isField(err, "region") {
			t.Fatalf("unknown region: %v", err)
		}
		points := service.PointsByCode([]*service.Point{f.point})
		var want service.Counts
		for i, day := range []string{"2026-01-15", "2026-02-01", "2026-02-20", "2026-03-01"} {
			c, errs := row(f.point.Code, "tanggal", day, "jumlah", fmt.Sprint(10+i), "laki_laki", fmt.Sprint(4+i), "usia_6_17", fmt.Sprint(7+i)).Check("2026-03-10", points)
			if errs != nil {
				t.Fatal(errs)
			}
			if day >= "2026-02-01" && day <= "2026-02-28" {
				want.Total += c.Total
				want.Male += c.Male
			}
			if _, err := f.s.AddRecord(ctx, f.actor, f.orgID, f.initID, c); err != nil {
				t.Fatal(err)
			}
		}
		got, err := f.s.Reach(ctx, f.initID, service.Period{From: "2026-02-01", To: "2026-02-28"})
		if err != nil || got.Total != want.Total || got.Male != want.Male || got.Female != 12 || got.Ages[1] != 17 ||
			got.Disability != 2 || got.Groups["miskin"] != 6 {
			t.Fatalf("reach %+v %v, want total %d male %d", got, err, want.Total, want.Male)
		}
		months, err := f.s.ReachByMonth(ctx, f.initID, service.Period{})
		if err != nil || len(months) != 3 || months[0].Month != "2026-03" || months[1].Total != want.Total || months[2].Total != 10 {
			t.Fatalf("months %+v %v", months, err)
		}
	})
}

func isField(err error, field string) bool {
	var e validate.Errors
	return errors.As(err, &e) && e[field] != ""
}

func TestImportPreviewConfirmOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		count := func() int {
			var n int
			if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM service_records`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		head := strings.Join(service.Columns(), ";")
		good := "\uFEFF" + head + "\n2026-03-01;" + f.point.Code + ";Baca;10;4;6;1;7;2;0;1;3;0;0;0;0;\n\n" +
			"02/03/2026;" + strings.ToLower(f.point.Code) + ";Baca;5;5;0;0;5;0;0;;;;;;;\"catatan \"\"kutip\"\"\"\n"
		bad := head + "\n2026-03-01;" + f.point.Code + ";Baca;10;4;5;1;7;2;0;0;0;0;0;0;0;\n2099-01-01;NOPE22;Baca;1;1;0;1;0;0;0;0;0;0;0;0;0;\n"

		imp, err := f.s.Upload(ctx, f.actor, f.orgID, f.initID, "../../lapangan.csv", []byte(bad))
		if err != nil || imp.FileName != "lapangan.csv" {
			t.Fatalf("upload bad: %v %+v", err, imp)
		}
		p, err := f.s.Preview(ctx, imp, "2026-03-10")
		if err != nil {
			t.Fatal(err)
		}
		got := fmt.Sprint(p.Problems)
		if got != "[{2 laki_laki service.err.sex_sum} {2 perempuan service.err.sex_sum} {3 tanggal service.err.date_future} {3 kode_titik service.err.point}]" {
			t.Fatalf("problems %s", got)
		}
		if _, err := f.s.Confirm(ctx, f.actor, f.initID, imp.ID, "2026-03-10"); !errors.Is(err, service.ErrRowErrors) || count() != 0 {
			t.Fatalf("confirm bad: %v, %d records", err, count())
		}

		imp, err = f.s.Upload(ctx, f.actor, f.orgID, f.initID, "lapangan.csv", []byte(good))
		if err != nil {
			t.Fatal(err)
		}
		again, err := f.s.Upload(ctx, f.actor, f.orgID, f.initID, "lapangan-lagi.csv", []byte(good))
		if err != nil {
			t.Fatal(err)
		}
		if p, err = f.s.Preview(ctx, imp, "2026-03-10"); err != nil || len(p.Rows) != 2 || len(p.Problems) != 0 ||
			p.Totals.Total != 15 || p.Rows[1].Note != `catatan "kutip"` || count() != 0 {
			t.Fatalf("preview %+v %v, %d records", p, err, count())
		}
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = f.s.Confirm(ctx, f.actor, f.initID, imp.ID, "2026-03-10")
			}()
		}
		wg.Wait()
		if (errs[0] == nil) == (errs[1] == nil) || count() != 2 {
			t.Fatalf("two confirmations: %v, %d records", errs, count())
		}
		var dup *service.DuplicateError
		if _, err := f.s.Confirm(ctx, f.actor, f.initID, again.ID, "2026-03-10"); !errors.As(err, &dup) || count() != 2 {
			t.Fatalf("same file through another import: %v", err)
		}
		if _, err := f.s.Upload(ctx, f.actor, f.orgID, f.initID, "x.csv", []byte(good)); !errors.As(err, &dup) {
			t.Fatalf("same file uploaded again: %v", err)
		}
		reach, err := f.s.Reach(ctx, f.initID, service.Period{})
		if err != nil || reach.Total != 15 || reach.Male != 9 || reach.Groups["miskin"] != 3 {
			t.Fatalf("reach after import %+v %v", reach, err)
		}
	})
}

func TestParseFileXLSXAndRefusals(t *testing.T) {
	var tmpl bytes.Buffer
	if err := service.TemplateXLSX(&tmpl); err != nil {
		t.Fatal(err)
	}
	if _, err := service.ParseFile(tmpl.Bytes()); !fileKey(err, "service.err.file_empty") {
		t.Fatalf("empty template: %v", err)
	}
	rows, err := service.ParseFile(xlsxWithRow(t))
	if err != nil || len(rows) != 1 || rows[0].Line != 2 || rows[0].Values["tanggal"] != "2026-03-01" || rows[0].Values["jumlah"] != "10" {
		t.Fatalf("xlsx rows %+v %v", rows, err)
	}
	var csvTmpl bytes.Buffer
	if err := service.TemplateCSV(&csvTmpl); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, data, key string }{
		{"template only", csvTmpl.String(), "service.err.file_empty"},
		{"unknown column", "tanggal,kode_titik,nama_orang\n", "service.err.file_column"},
		{"missing column", "tanggal,kode_titik\n2026-01-01,X\n", "service.err.file_missing"},
		{"bad quote", strings.Join(service.Columns(), ",") + "\n\"2026", "service.err.file_csv"},
		{"not utf-8", "tanggal\xff\n", "service.err.file_encoding"},
		{"broken xlsx", "PK\x03\x04garbage", "service.err.file_read"},
	}
	for _, c := range cases {
		if _, err := service.ParseFile([]byte(c.data)); !fileKey(err, c.key) {
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
		}
	}
}

func fileKey(err error, key string) bool {
	var fe *service.FileError
	return errors.As(err, &fe) && fe.Key == key
}
