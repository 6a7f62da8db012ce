package dataset_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"lokadaya/internal/dataset"
	"lokadaya/internal/opendata"
)

// workbook builds an XLSX file of rows on its first sheet.
func workbook(t testing.TB, rows [][]any) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadFile(t *testing.T) {
	dict := []dataset.Column{
		{Name: "rt", Type: opendata.String, Meaning: "RT"},
		{Name: "jumlah", Type: opendata.Integer, Meaning: "Jumlah"},
		{Name: "rasio", Type: opendata.Decimal, Meaning: "Rasio"},
	}
	xlsx := workbook(t, [][]any{{"RT", "Jumlah", "Rasio"}, {"01", 3, "0,5"}, {}, {"02", 4, 1.25}})
	dated := []dataset.Column{{Name: "hari", Type: opendata.Date, Meaning: "Hari"}, {Name: "jam", Type: opendata.DateTime, Meaning: "Jam"}}
	march := time.Date(2026, 3, 15, 8, 30, 0, 0, time.UTC)
	datedXLSX := workbook(t, [][]any{{"hari", "jam"}, {march, march}, {"2026-03-16", "2026-03-16 09:00"}})
	if tab, err := dataset.ReadFile(dataset.Upload{Name: "d.xlsx", Data: datedXLSX}, dated); err != nil || tab.Rows != 2 {
		t.Fatalf("workbook dates: %+v %v", tab, err)
	}
	if _, err := dataset.ReadFile(dataset.Upload{Name: "d.csv", Data: []byte("hari,jam\n46096,46096.35\n")}, dated); err == nil {
		t.Fatal("day numbers accepted from a CSV file")
	}
	cases := []struct {
		name, file, data string
		rows             int64
		key              string
	}{
		{"comma", "a.csv", "rt,jumlah,rasio\n01,3,0.5\n02,4,1\n", 2, ""},
		{"semicolon with mark", "a.csv", "\xef\xbb\xbfrt;jumlah;rasio\r\n01;3;0,5\r\n", 1, ""},
		{"tab, blank lines", "a.CSV", "rt\tjumlah\trasio\n\n01\t\t\n", 1, ""},
		{"quoted separator", "a.csv", "rt,jumlah,rasio\n\"01,A\",3,0.5\n", 1, ""},
		{"xlsx", "a.xlsx", string(xlsx), 2, ""},
		{"xlsx header differs", "a.xlsx", string(workbook(t, [][]any{{"RT", "Banyak", "Rasio"}})), 0, "dataset.err.header_mismatch"},
		{"xlsx broken", "a.xlsx", "PK\x03\x04 bukan xlsx", 0, "dataset.err.xlsx"},
		{"decimal twice marked", "a.csv", "rt,jumlah,rasio\n01,3,1.000.5\n", 0, "dataset.err.value"},
		{"header blank cell", "a.csv", "rt,,rasio\n", 0, "dataset.err.header_blank"},
		{"header twice", "a.csv", "rt,RT,rasio\n", 0, "dataset.err.header_twice"},
		{"empty", "a.csv", "", 0, "dataset.err.file_empty"},
		{"other format", "a.ods", "x", 0, "dataset.err.file_format"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tab, err := dataset.ReadFile(dataset.Upload{Name: c.file, Data: []byte(c.data)}, dict)
			if c.key == "" {
				if err != nil || tab.Rows != c.rows || len(tab.Header) != 3 {
					t.Fatalf("got %+v %v", tab, err)
				}
				return
			}
			fe, ok := dataset.IsFileError(err)
			if !ok || fe.Key != c.key {
				t.Fatalf("got %v, want %s", err, c.key)
			}
		})
	}
}

func TestParseDictionary(t *testing.T) {
	cols, key := dataset.ParseDictionary("rt | teks | Nomor RT\n\n titik | bilangan | Titik rusak | titik \n")
	if key != "" || len(cols) != 2 || cols[1].Type != opendata.Integer || cols[1].Unit != "titik" {
		t.Fatalf("got %+v %q", cols, key)
	}
	back, _ := dataset.ParseDictionary(dataset.FormatDictionary(cols))
	if len(back) != 2 || back[1] != cols[1] {
		t.Fatalf("round trip %+v", back)
	}
	for _, bad := range []string{"rt | teks", "rt | uang | Nomor", "a|b|c|d|e"} {
		if _, key := dataset.ParseDictionary(bad); key == "" {
			t.Errorf("%q accepted", bad)
		}
	}
	if got := dataset.ParseKeywords("lampu, Jalan;jalan,\n rt "); strings.Join(got, "|") != "lampu|Jalan|rt" {
		t.Fatalf("keywords %q", got)
	}
}

// checkTable holds what every accepted table promises: a header of
// unique, non-blank names matching the dictionary, and a row count within
// the limit.
func checkTable(t *testing.T, tab dataset.Table, err error, dict []dataset.Column) {
	t.Helper()
	if err != nil {
		if _, ok := dataset.IsFileError(err); !ok {
			t.Fatalf("not a file error: %v", err)
		}
		return
	}
	if len(tab.Header) != len(dict) || tab.Rows < 0 || tab.Rows > dataset.MaxRows {
		t.Fatalf("accepted %+v", tab)
	}
	for i, h := range tab.Header {
		if strings.TrimSpace(h) == "" || !strings.EqualFold(h, dict[i].Name) {
			t.Fatalf("header %q", tab.Header)
		}
	}
}

// FuzzReadCSV: any bytes as a CSV file are read without panicking, and
// what is accepted matches its dictionary.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("a,b\n1,x\n"))
	f.Add([]byte("\xef\xbb\xbfa;b\r\n1;\"x;y\"\r\n"))
	f.Add([]byte("a,b\n\"1,x\n"))
	f.Add([]byte("a\tb\n1\t2\t3\n"))
	f.Add([]byte(",,\n\n"))
	dict := []dataset.Column{{Name: "a", Type: opendata.Integer, Meaning: "A"}, {Name: "b", Type: opendata.String, Meaning: "B"}}
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := dataset.ReadFile(dataset.Upload{Name: "f.csv", Data: data}, dict)
		checkTable(t, tab, err, dict)
		if _, err := dataset.ReadHeader(dataset.Upload{Name: "f.csv", Data: data}); err != nil {
			if _, ok := dataset.IsFileError(err); !ok {
				t.Fatalf("header: not a file error: %v", err)
			}
		}
	})
}

// FuzzReadXLSX: any bytes as an XLSX workbook, and workbooks whose header
// cells are any text, are read without panicking.
func FuzzReadXLSX(f *testing.F) {
	f.Add([]byte("PK\x03\x04"), "a", "b")
	f.Add(workbook(f, [][]any{{"a", "b"}, {1, "x"}}), " a ", "")
	f.Add([]byte{}, "a\x00", "b\nc")
	dict := []dataset.Column{{Name: "a", Type: opendata.Integer, Meaning: "A"}, {Name: "b", Type: opendata.String, Meaning: "B"}}
	f.Fuzz(func(t *testing.T, data []byte, h1, h2 string) {
		tab, err := dataset.ReadFile(dataset.Upload{Name: "f.xlsx", Data: data}, dict)
		checkTable(t, tab, err, dict)
		x := excelize.NewFile()
		defer x.Close()
		if err := x.SetSheetRow("Sheet1", "A1", &[]any{h1, h2}); err != nil {
			return // text a sheet cannot hold
		}
		var b bytes.Buffer
		if err := x.Write(&b); err != nil {
			return
		}
		h, err := dataset.ReadHeader(dataset.Upload{Name: "f.xlsx", Data: b.Bytes()})
		if err != nil {
			if _, ok := dataset.IsFileError(err); !ok {
				t.Fatalf("header: not a file error: %v", err)
			}
			return
		}
		for _, c := range h {
			if strings.TrimSpace(c) == "" {
				t.Fatalf("blank header cell accepted: %q", h)
			}
		}
	})
}
