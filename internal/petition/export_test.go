package petition_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/i18n"
	"lokadaya/internal/petition"
)

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+62 812":                  "'+62 812",
		"-1+1":                     "'-1+1",
		"@SUM(A1)":                 "'@SUM(A1)",
		"\t=1":                     "'\t=1",
		"\r=1":                     "'\r=1",
		"Sari":                     "Sari",
		"":                         "",
		"a=b":                      "a=b",
		"Kota Bandung":             "Kota Bandung",
	} {
		if got := petition.SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWriteCSVInjection writes hostile names and comments and reads the
// file back as a spreadsheet would: no cell starts a formula.
func TestWriteCSVInjection(t *testing.T) {
	at := time.Date(2026, 3, 1, 3, 4, 0, 0, time.UTC)
	rows := []petition.ExportRow{
		{Name: "=cmd|' /C calc'!A0", Region: "Sukarasa", Kab: "Kota Bandung", Province: "Jawa Barat", VerifiedAt: at,
			Comment: "+1 setuju"},
		{Name: "@Sari", Region: "Kota Bandung", Kab: "Kota Bandung", Province: "Jawa Barat", VerifiedAt: at,
			Comment: "-baris satu\nbaris \"dua\""},
		{Name: "Tidak Tampil", Anonymous: true, Region: "Kota Pekanbaru", Kab: "Kota Pekanbaru", Province: "Riau",
			VerifiedAt: at},
	}
	var buf bytes.Buffer
	labels := petition.ExportLabels{Header: []string{"nama", "wilayah", "kabupaten_kota", "provinsi", "tanggal", "komentar"},
		Anonymous: "(anonim)"}
	if err := petition.WriteCSV(&buf, labels, rows, i18n.WIB); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 4 || len(records[0]) != 6 || records[0][0] != "nama" {
		t.Fatalf("records = %q", records)
	}
	for _, rec := range records {
		for _, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q starts a formula", cell)
			}
		}
	}
	if records[1][0] != "'=cmd|' /C calc'!A0" || records[1][5] != "'+1 setuju" || records[2][0] != "'@Sari" ||
		records[2][5] != "'-baris satu\nbaris \"dua\"" {
		t.Errorf("escaped cells = %q", records[1:3])
	}
	if records[1][4] != "2026-03-01 10:04" {
		t.Errorf("date %q, want WIB", records[1][4])
	}
	if records[3][0] != "(anonim)" || strings.Contains(buf.String(), "Tidak Tampil") {
		t.Errorf("anonymous signer named: %q", records[3])
	}
}
