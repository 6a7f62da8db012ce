package opendata_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/demo"
	"lokadaya/internal/i18n"
	"lokadaya/internal/opendata"
	"lokadaya/internal/survey"
)

func demoStore(t *testing.T, d *db.DB) *opendata.Store {
	t.Helper()
	if _, err := demo.Load(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return &opendata.Store{DB: d}
}

func one(t *testing.T, d *db.DB, q string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// csvOf downloads a data set as CSV and returns its header and records.
func csvOf(t *testing.T, s *opendata.Store, ds *opendata.Dataset, orgID int64) ([]string, [][]string) {
	t.Helper()
	var buf bytes.Buffer
	f, _ := opendata.FormatByExt("csv")
	if err := s.Write(context.Background(), &buf, ds, orgID, f, i18n.ID); err != nil {
		t.Fatalf("%s: %v", ds.Name, err)
	}
	if !strings.Contains(buf.String(), "\r\n") {
		t.Errorf("%s: CSV lines do not end in CRLF", ds.Name)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("%s: CSV: %v", ds.Name, err)
	}
	return recs[0], recs[1:]
}

func sumColumn(t *testing.T, header []string, recs [][]string, name string, keep func(map[string]string) bool) int64 {
	t.Helper()
	var sum int64
	for _, r := range recs {
		m := map[string]string{}
		for i, h := range header {
			m[h] = r[i]
		}
		if keep != nil && !keep(m) {
			continue
		}
		n, err := strconv.ParseInt(m[name], 10, 64)
		if err != nil {
			t.Fatalf("%s = %q: %v", name, m[name], err)
		}
		sum += n
	}
	return sum
}

func TestDatasetsOnDemoData(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := demoStore(t, d)
		for _, ds := range opendata.Datasets {
			header, recs := csvOf(t, s, ds, 0)
			if len(header) != len(ds.Columns) {
				t.Errorf("%s: header %v", ds.Name, header)
			}
			for i, c := range ds.Columns {
				if header[i] != c.Name || c.Meaning.ID == "" || c.Meaning.EN == "" {
					t.Errorf("%s: column %d %q: header %q or meaning missing", ds.Name, i, c.Name, header[i])
				}
			}
			if len(recs) == 0 {
				t.Errorf("%s: no rows on the demo data", ds.Name)
			}
			// No personal data: no e-mail address and no donor name.
			for _, r := range recs {
				for _, v := range r {
					if strings.Contains(v, "@") {
						t.Errorf("%s: a value holds an e-mail address: %q", ds.Name, v)
					}
				}
			}
		}

		// Figures recomputed from the data.
		h, recs := csvOf(t, s, opendata.ByName("dukungan-harian"), 0)
		kind := func(k string) func(map[string]string) bool {
			return func(m map[string]string) bool { return m["kind"] == k }
		}
		if got, want := sumColumn(t, h, recs, "quantity", kind("dana")),
			one(t, d, `SELECT COALESCE(SUM(amount), 0) FROM donations WHERE status = 'confirmed'`); got != want || want == 0 {
			t.Errorf("money contributed: %d, want %d", got, want)
		}
		if got, want := sumColumn(t, h, recs, "contributions", kind("dana")),
			one(t, d, `SELECT COUNT(*) FROM donations WHERE status = 'confirmed'`); got != want {
			t.Errorf("donations: %d, want %d", got, want)
		}
		if got, want := sumColumn(t, h, recs, "quantity", kind("relawan")),
			one(t, d, `SELECT COALESCE(SUM(minutes), 0) FROM volunteer_hours`); got != want {
			t.Errorf("volunteer minutes: %d, want %d", got, want)
		}
		if got, want := sumColumn(t, h, recs, "quantity", kind("barang")),
			one(t, d, `SELECT COALESCE(SUM(quantity), 0) FROM goods_receipts`); got != want {
			t.Errorf("goods received: %d, want %d", got, want)
		}
		h, recs = csvOf(t, s, opendata.ByName("buku-kas"), 0)
		if got, want := int64(len(recs)), one(t, d, `SELECT COUNT(*) FROM ledger_entries`); got != want {
			t.Errorf("ledger entries: %d, want %d", got, want)
		}
		net := sumColumn(t, h, recs, "amount", nil)
		h, recs = csvOf(t, s, opendata.ByName("laporan-keuangan"), 0)
		if got := sumColumn(t, h, recs, "balance", nil); got != net {
			t.Errorf("financial report balance %d, ledger sum %d", got, net)
		}
		h, recs = csvOf(t, s, opendata.ByName("layanan-bulanan"), 0)
		if got, want := sumColumn(t, h, recs, "people_served", nil), one(t, d, `SELECT COALESCE(SUM(total), 0) FROM service_records`); got != want {
			t.Errorf("people served: %d, want %d", got, want)
		}
		if got, want := sumColumn(t, h, recs, "feedback_green", nil),
			one(t, d, `SELECT (SELECT COUNT(*) FROM feedback_votes WHERE status = 'dihitung' AND colour = 'hijau') + (SELECT COALESCE(SUM(hijau), 0) FROM feedback_paper_tallies)`); got != want {
			t.Errorf("green feedback: %d, want %d", got, want)
		}
		_, recs = csvOf(t, s, opendata.ByName("kampanye"), 0)
		if got, want := int64(len(recs)), one(t, d, `SELECT COUNT(*) FROM campaigns WHERE status <> 'draft'`); got != want {
			t.Errorf("campaigns: %d, want %d", got, want)
		}

		// One organisation's data, then the same organisation suspended:
		// its rows leave every data set and the ETags change.
		orgID := one(t, d, `SELECT org_id FROM ledger_entries ORDER BY org_id LIMIT 1`)
		_, recs = csvOf(t, s, opendata.ByName("buku-kas"), orgID)
		if got, want := int64(len(recs)), one(t, d, `SELECT COUNT(*) FROM ledger_entries WHERE org_id = ?`, orgID); got != want || want == 0 {
			t.Errorf("one organisation's ledger: %d rows, want %d", got, want)
		}
		before := map[string]string{}
		for _, ds := range opendata.Datasets {
			st, err := s.Stamp(ctx, ds, 0)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := s.Stamp(ctx, ds, 0)
			if st.ETag == "" || st.ETag != again.ETag {
				t.Errorf("%s: ETag %q then %q", ds.Name, st.ETag, again.ETag)
			}
			before[ds.Name] = st.ETag
		}
		if _, err := d.Exec(ctx, `UPDATE organizations SET status = 'suspended', updated_at = ? WHERE id = ?`, time.Now().UTC(), orgID); err != nil {
			t.Fatal(err)
		}
		_, recs = csvOf(t, s, opendata.ByName("buku-kas"), orgID)
		if len(recs) != 0 {
			t.Errorf("a suspended organisation's ledger is published: %d rows", len(recs))
		}
		for _, ds := range opendata.Datasets {
			st, _ := s.Stamp(ctx, ds, 0)
			if st.ETag == before[ds.Name] {
				t.Errorf("%s: ETag unchanged after an organisation was suspended", ds.Name)
			}
		}
	})
}

func TestFormatsAgree(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := demoStore(t, d)
		ds := opendata.ByName("kampanye")
		header, recs := csvOf(t, s, ds, 0)

		var js bytes.Buffer
		f, _ := opendata.FormatByExt("json")
		if err := s.Write(ctx, &js, ds, 0, f, i18n.EN); err != nil {
			t.Fatal(err)
		}
		var rows []map[string]any
		if err := json.Unmarshal(js.Bytes(), &rows); err != nil {
			t.Fatalf("JSON: %v", err)
		}
		if len(rows) != len(recs) {
			t.Fatalf("JSON %d rows, CSV %d", len(rows), len(recs))
		}
		for i, r := range rows {
			for j, h := range header {
				var v string
				switch x := r[h].(type) {
				case nil:
				case float64:
					v = strconv.FormatInt(int64(x), 10)
				case string:
					v = x
				case bool:
					v = strconv.FormatBool(x)
				}
				if v != recs[i][j] {
					t.Errorf("row %d %s: JSON %v, CSV %q", i, h, r[h], recs[i][j])
				}
			}
		}

		var xb bytes.Buffer
		f, _ = opendata.FormatByExt("xlsx")
		if err := s.Write(ctx, &xb, ds, 0, f, i18n.ID); err != nil {
			t.Fatal(err)
		}
		x, err := excelize.OpenReader(&xb)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		got, err := x.GetRows("data")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(recs)+1 || strings.Join(got[0], ",") != strings.Join(header, ",") {
			t.Fatalf("XLSX %d rows, header %v", len(got), got[0])
		}
		raw, err := x.GetRows("data", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i := range recs {
			for j := range header {
				if j >= len(got[i+1]) {
					continue
				}
				want := recs[i][j]
				switch ds.Columns[j].Type {
				case opendata.DateTime:
					// A date and time to the second, shown in UTC.
					if tm, err := time.Parse(time.RFC3339Nano, want); err == nil {
						want = tm.Format(time.DateTime)
					}
					fallthrough
				case opendata.Date, opendata.Integer:
					// Numbers and dates are numeric cells, not texts.
					if _, err := strconv.ParseFloat(raw[i+1][j], 64); err != nil && raw[i+1][j] != "" {
						t.Errorf("XLSX row %d %s: %q is not a number", i, header[j], raw[i+1][j])
					}
				}
				if got[i+1][j] != want {
					t.Errorf("XLSX row %d %s: %q, CSV %q", i, header[j], got[i+1][j], recs[i][j])
				}
			}
		}
		dict, _ := x.GetRows("kamus")
		if len(dict) != len(ds.Columns)+1 {
			t.Errorf("XLSX dictionary has %d rows", len(dict))
		}
	})
}

func TestLicence(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := demoStore(t, d)
		orgID := one(t, d, `SELECT MIN(id) FROM organizations`)
		if l, err := s.Licence(ctx, orgID); err != nil || l.ID != opendata.DefaultLicence {
			t.Fatalf("default licence %v, %v", l, err)
		}
		actor := opendata.Actor{ID: 0, Name: "Uji"}
		if err := s.SetLicence(ctx, orgID, "GPL", actor, time.Now()); err != opendata.ErrUnknownLicence {
			t.Errorf("unknown licence: %v", err)
		}
		if err := s.SetLicence(ctx, orgID, "ODbL-1.0", actor, time.Now()); err != nil {
			t.Fatal(err)
		}
		if n := one(t, d, `SELECT COUNT(*) FROM audit_log WHERE action = 'org.data_licence' AND target_id = ?`, strconv.FormatInt(orgID, 10)); n != 1 {
			t.Errorf("%d audit entries for the licence change", n)
		}
		if err := s.SetLicence(ctx, -1, "CC0-1.0", actor, time.Now()); err != db.ErrNotFound {
			t.Errorf("unknown organisation: %v", err)
		}
		if l, _ := s.Licence(ctx, orgID); l.CKAN != "odc-odbl" {
			t.Errorf("licence %v", l)
		}
	})
}

func TestParseFile(t *testing.T) {
	for _, tc := range []struct {
		name string
		ok   bool
	}{{"kampanye.csv", true}, {"buku-kas.xlsx", true}, {"layanan-bulanan.json", true},
		{"kampanye", false}, {"kampanye.pdf", false}, {"tidak-ada.csv", false}, {".csv", false}, {"kampanye.csv.gz", false}} {
		if _, _, ok := opendata.ParseFile(tc.name); ok != tc.ok {
			t.Errorf("%q: %v", tc.name, ok)
		}
	}
}

// TestSurveyDataset: the IKM of each round is the survey package's own,
// in every format.
func TestSurveyDataset(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := demoStore(t, d)
		ds := opendata.ByName("survei-ikm")
		header, recs := csvOf(t, s, ds, 0)
		if len(recs) == 0 {
			t.Fatal("no survey rounds in the demo")
		}
		col := map[string]int{}
		for i, h := range header {
			col[h] = i
		}
		withIKM := 0
		for _, r := range recs {
			var id int64
			if err := d.QueryRow(ctx, `SELECT id FROM survey_rounds WHERE code = ?`, r[col["survey_round"]]).Scan(&id); err != nil {
				t.Fatal(err)
			}
			res, err := (&survey.Store{DB: d}).Results(ctx, []int64{id})
			if err != nil {
				t.Fatal(err)
			}
			want := ""
			if v, ok := res[id].IKM(); ok {
				want = strconv.FormatFloat(v, 'f', 2, 64)
				withIKM++
			}
			if r[col["ikm"]] != want || r[col["respondents"]] != strconv.Itoa(res[id].Respondents) || r[col["grade"]] != res[id].Grade() {
				t.Errorf("round %s: %v, want IKM %q from %d respondents, grade %q", r[col["survey_round"]], r, want, res[id].Respondents, res[id].Grade())
			}
		}
		if withIKM == 0 {
			t.Error("no round of the demo has an IKM")
		}
		var js bytes.Buffer
		f, _ := opendata.FormatByExt("json")
		if err := s.Write(ctx, &js, ds, 0, f, i18n.ID); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(js.String(), `"ikm":`+recs[0][col["ikm"]]) && recs[0][col["ikm"]] != "" {
			t.Errorf("JSON does not write the IKM as a number: %.300s", js.String())
		}
	})
}

// FuzzParseFile: any name from a download's address either names a data
// set and a format whose own file name it is, or nothing.
func FuzzParseFile(f *testing.F) {
	for _, s := range []string{"kampanye.csv", "buku-kas.xlsx", "layanan-bulanan.json", "kampanye", ".csv", "kampanye.csv.gz", "../kampanye.csv"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		ds, format, ok := opendata.ParseFile(name)
		if !ok {
			return
		}
		if ds == nil || format.Ext == "" || name != ds.Name+"."+format.Ext {
			t.Fatalf("%q parsed as %v.%q", name, ds, format.Ext)
		}
	})
}
