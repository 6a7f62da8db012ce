package opendata

import (
	"archive/zip"
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"lokadaya/internal/i18n"
)

// Write streams the rows of ds (one organisation's, or all for 0) to w in
// format f. CSV is RFC 4180 in UTF-8 with a header row; XLSX has the rows
// on its first sheet and the data dictionary on a second; JSON is one
// array of objects keyed by the column names.
func (s *Store) Write(ctx context.Context, w io.Writer, ds *Dataset, orgID int64, f Format, lang i18n.Lang) error {
	switch f.Ext {
	case "csv":
		return s.writeCSV(ctx, w, ds, orgID)
	case "xlsx":
		return s.writeXLSX(ctx, w, ds, orgID, lang)
	case "json":
		return s.writeJSON(ctx, w, ds, orgID)
	}
	return fmt.Errorf("opendata: unknown format %q", f.Ext)
}

func (s *Store) writeCSV(ctx context.Context, w io.Writer, ds *Dataset, orgID int64) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180
	header := make([]string, len(ds.Columns))
	for i, c := range ds.Columns {
		header[i] = c.Name
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(ds.Columns))
	err := s.Each(ctx, ds, orgID, func(row []Value) error {
		for i, c := range ds.Columns {
			rec[i] = row[i].Text(c.Type)
		}
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func (s *Store) writeJSON(ctx context.Context, w io.Writer, ds *Dataset, orgID int64) error {
	bw := bufio.NewWriterSize(w, 32<<10)
	if _, err := bw.WriteString("["); err != nil {
		return err
	}
	first := true
	keys := make([][]byte, len(ds.Columns))
	for i, c := range ds.Columns {
		k, _ := json.Marshal(c.Name)
		keys[i] = k
	}
	err := s.Each(ctx, ds, orgID, func(row []Value) error {
		if !first {
			bw.WriteString(",")
		}
		first = false
		bw.WriteString("\n{")
		for i, c := range ds.Columns {
			if i > 0 {
				bw.WriteString(",")
			}
			bw.Write(keys[i])
			bw.WriteString(":")
			v, err := json.Marshal(row[i].JSON(c.Type))
			if err != nil {
				return err
			}
			bw.Write(v)
		}
		_, err := bw.WriteString("}")
		return err
	})
	if err != nil {
		return err
	}
	bw.WriteString("\n]\n")
	return bw.Flush()
}

func ptr[T any](v T) *T { return &v }

// Sheet names of the XLSX files.
const (
	dataSheet       = "data"
	dictionarySheet = "kamus"
)

func (s *Store) writeXLSX(ctx context.Context, w io.Writer, ds *Dataset, orgID int64, lang i18n.Lang) error {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", dataSheet); err != nil {
		return err
	}
	// Dates and times are real dates, shown the same in every
	// spreadsheet's language.
	dateStyle, err := x.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	if err != nil {
		return err
	}
	timeStyle, err := x.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd hh:mm:ss")})
	if err != nil {
		return err
	}
	sw, err := x.NewStreamWriter(dataSheet)
	if err != nil {
		return err
	}
	cells := make([]any, len(ds.Columns))
	for i, c := range ds.Columns {
		cells[i] = c.Name
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return err
	}
	n := 1
	err = s.Each(ctx, ds, orgID, func(row []Value) error {
		n++
		for i, c := range ds.Columns {
			switch {
			case row[i].Null:
				cells[i] = nil
			case c.Type == Integer:
				cells[i] = row[i].Int
			case c.Type == Boolean:
				cells[i] = row[i].Bool
			case c.Type == Decimal:
				f, err := strconv.ParseFloat(row[i].Str, 64)
				if err != nil {
					return err
				}
				cells[i] = f
			case c.Type == Date:
				d, err := time.Parse(time.DateOnly, row[i].Str)
				if err != nil {
					return err
				}
				cells[i] = excelize.Cell{StyleID: dateStyle, Value: d}
			case c.Type == DateTime:
				// In UTC, as the CSV and JSON give it; to the second, as
				// far as a spreadsheet's dates are exact.
				cells[i] = excelize.Cell{StyleID: timeStyle, Value: row[i].Time.UTC().Truncate(time.Second)}
			default:
				cells[i] = row[i].Text(c.Type)
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, n)
		if err != nil {
			return err
		}
		return sw.SetRow(cell, cells)
	})
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if _, err := x.NewSheet(dictionarySheet); err != nil {
		return err
	}
	dict, err := x.NewStreamWriter(dictionarySheet)
	if err != nil {
		return err
	}
	if err := dict.SetRow("A1", []any{"column", "type", "unit", "meaning"}); err != nil {
		return err
	}
	for i, c := range ds.Columns {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := dict.SetRow(cell, []any{c.Name, string(c.Type), c.Unit, c.Meaning.In(lang)}); err != nil {
			return err
		}
	}
	if err := dict.Flush(); err != nil {
		return err
	}
	// excelize builds the archive in a buffer unless given a zip writer:
	// this one writes it straight to w, so a large file is never held
	// whole in memory (the stream writer itself keeps at most one chunk).
	x.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(w) })
	_, err = x.WriteTo(w)
	return err
}
