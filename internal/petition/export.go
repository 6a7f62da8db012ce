package petition

import (
	"encoding/csv"
	"io"
	"strings"
	"time"
)

// ExportLabels are the words of the CSV export in the reader's language.
type ExportLabels struct {
	Header    []string // name, region, kabupaten/kota, province, date, comment
	Anonymous string   // what stands for an anonymous signer's name
}

// WriteCSV writes rows as CSV with a header line; dates are in zone.
// Every cell is made safe for spreadsheets: one starting with = + - @ (or
// a tab or carriage return) gets a leading apostrophe, so that it is read
// as text, never run as a formula.
func WriteCSV(w io.Writer, l ExportLabels, rows []ExportRow, zone *time.Location) error {
	if zone == nil {
		zone = time.UTC
	}
	cw := csv.NewWriter(w)
	header := make([]string, len(l.Header))
	for i, h := range l.Header {
		header[i] = SafeCell(h)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, x := range rows {
		name := x.Name
		if x.Anonymous || name == "" {
			name = l.Anonymous
		}
		rec := []string{name, x.Region, x.Kab, x.Province, x.VerifiedAt.In(zone).Format("2006-01-02 15:04"), x.Comment}
		for i := range rec {
			rec[i] = SafeCell(rec[i])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// SafeCell guards a cell against formula injection in spreadsheets.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
