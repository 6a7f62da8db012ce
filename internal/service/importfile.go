package service

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"lokadaya/internal/report"
)

// Limits of an import file.
const (
	MaxFileSize = 2 << 20
	MaxRows     = 5000
	// maxUnzipped bounds what an XLSX file may unpack to, so a small
	// file cannot unpack to gigabytes.
	maxUnzipped = 32 << 20
)

// Row is one data row of an import file: its line (the header is line
// 1) and its values by column.
type Row struct {
	Line   int
	Values RecordInput
}

// FileError is why a whole file is refused, as an i18n message.
type FileError struct {
	Key  string
	Args []any
}

func (e *FileError) Error() string { return "service: file: " + e.Key }

func fileErr(key string, args ...any) error { return &FileError{Key: key, Args: args} }

// ParseFile reads the rows of a filled-in template: an XLSX workbook (its
// first sheet) or a CSV file (UTF-8, separated by commas, semicolons or
// tabs). The first row names the columns, in any order; columns of the
// template may be left out except the required ones, and an unknown
// column is refused so that no figure is silently dropped. Blank rows are
// skipped. Every refusal is a *FileError.
func ParseFile(data []byte) ([]Row, error) {
	if len(data) > MaxFileSize {
		return nil, fileErr("service.err.file_large", MaxFileSize>>20)
	}
	var table [][]string
	var err error
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		table, err = readXLSX(data)
	} else {
		table, err = readCSV(data)
	}
	if err != nil {
		return nil, err
	}
	if len(table) == 0 {
		return nil, fileErr("service.err.file_empty")
	}
	cols, err := header(table[0])
	if err != nil {
		return nil, err
	}
	var out []Row
	for i, rec := range table[1:] {
		if blank(rec) {
			continue
		}
		if len(out) == MaxRows {
			return nil, fileErr("service.err.file_rows", MaxRows)
		}
		if len(rec) > len(cols) && !blank(rec[len(cols):]) {
			return nil, fileErr("service.err.file_extra", i+2)
		}
		row := Row{Line: i + 2, Values: RecordInput{}}
		for j, c := range cols {
			if j < len(rec) {
				row.Values[c] = strings.TrimSpace(rec[j])
			}
		}
		out = append(out, row)
	}
	if len(out) == 0 {
		return nil, fileErr("service.err.file_empty")
	}
	return out, nil
}

// requiredColumns must be in every file.
var requiredColumns = []string{FieldDate, FieldPoint, FieldType, FieldTotal, FieldMale, FieldFemale,
	AgeFields[0], AgeFields[1], AgeFields[2], AgeFields[3]}

// header reads the column names of the first row.
func header(rec []string) ([]string, error) {
	known := map[string]bool{}
	for _, c := range Columns() {
		known[c] = true
	}
	seen := map[string]bool{}
	cols := make([]string, 0, len(rec))
	for len(rec) > 0 && strings.TrimSpace(rec[len(rec)-1]) == "" {
		rec = rec[:len(rec)-1]
	}
	for _, h := range rec {
		name := strings.ToLower(strings.Join(strings.Fields(h), "_"))
		switch {
		case !known[name]:
			return nil, fileErr("service.err.file_column", shorten(h))
		case seen[name]:
			return nil, fileErr("service.err.file_column_twice", name)
		}
		seen[name] = true
		cols = append(cols, name)
	}
	for _, c := range requiredColumns {
		if !seen[c] {
			return nil, fileErr("service.err.file_missing", c)
		}
	}
	return cols, nil
}

// shorten keeps an unknown column's name short and printable for the
// message that names it.
func shorten(s string) string {
	s = strings.ToValidUTF8(strings.TrimSpace(s), "?")
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return s
}

func blank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func readCSV(data []byte) ([][]string, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		return nil, fileErr("service.err.file_encoding")
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	r := csv.NewReader(bufio.NewReader(bytes.NewReader(data)))
	r.Comma = ','
	if n := bytes.Count(first, []byte(";")); n > bytes.Count(first, []byte(",")) {
		r.Comma = ';'
	} else if bytes.Count(first, []byte("\t")) > bytes.Count(first, []byte(",")) {
		r.Comma = '\t'
	}
	r.FieldsPerRecord = -1
	var table [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return table, nil
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			return nil, fileErr("service.err.file_csv", perr.Line)
		}
		if err != nil {
			return nil, fileErr("service.err.file_read")
		}
		if len(table) > MaxRows+1 {
			return nil, fileErr("service.err.file_rows", MaxRows)
		}
		table = append(table, rec)
	}
}

// readXLSX reads the first sheet of a workbook with excelize. Cells are
// read raw, so a date cell is its serial number, turned into a day here.
func readXLSX(data []byte) ([][]string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzipped})
	if err != nil {
		return nil, fileErr("service.err.file_read")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fileErr("service.err.file_empty")
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return nil, fileErr("service.err.file_read")
	}
	defer rows.Close()
	var table [][]string
	dateCol := -1
	for rows.Next() {
		if len(table) > MaxRows+1 {
			return nil, fileErr("service.err.file_rows", MaxRows)
		}
		rec, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fileErr("service.err.file_read")
		}
		if len(rec) > 64 {
			rec = rec[:64]
		}
		if len(table) == 0 {
			for i, h := range rec {
				if strings.EqualFold(strings.TrimSpace(h), FieldDate) {
					dateCol = i
				}
			}
		} else if dateCol >= 0 && dateCol < len(rec) {
			rec[dateCol] = serialDay(rec[dateCol])
		}
		table = append(table, rec)
	}
	if rows.Error() != nil {
		return nil, fileErr("service.err.file_read")
	}
	return table, nil
}

// serialDay turns a spreadsheet date serial (days since 1899-12-30) into
// YYYY-MM-DD; anything else is returned as it is.
func serialDay(v string) string {
	n, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || n < 1 || n > 2958465 || math.IsNaN(n) {
		return v
	}
	day := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n))
	return day.Format(time.DateOnly)
}

// TemplateCSV writes the empty import template: its header row, with a
// byte-order mark so spreadsheets read it as UTF-8.
func TemplateCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns()); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// TemplateXLSX writes the import template as a workbook: the header row.
func TemplateXLSX(w io.Writer) error {
	var head []report.Cell
	for _, c := range Columns() {
		head = append(head, report.TextCell(c))
	}
	return report.WriteTableXLSX(w, "Catatan layanan", [][]report.Cell{head})
}
