package dataset

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"lokadaya/internal/opendata"
)

// Upload is a file as uploaded: its name (the extension says CSV or XLSX)
// and its bytes.
type Upload struct {
	Name string
	Data []byte
}

// Formats of an upload.
const (
	FormatCSV  = "CSV"
	FormatXLSX = "XLSX"
)

// UploadFormat is the format of a file name by its extension ("" when
// neither CSV nor XLSX).
func UploadFormat(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".csv":
		return FormatCSV
	case ".xlsx":
		return FormatXLSX
	}
	return ""
}

// MediaType is the content type a file of format is served with.
func MediaType(format string) string {
	if format == FormatXLSX {
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	return "text/csv; charset=utf-8"
}

// FileError is what is wrong with an uploaded file's content: Key is an
// i18n key whose message takes Args (a row number, a column name, what was
// found).
type FileError struct {
	Key  string
	Args []any
}

func (e *FileError) Error() string { return fmt.Sprintf("dataset: file: %s %v", e.Key, e.Args) }

// IsFileError reports whether err is a FileError and returns it.
func IsFileError(err error) (*FileError, bool) {
	var f *FileError
	ok := errors.As(err, &f)
	return f, ok
}

func fileErr(key string, args ...any) *FileError { return &FileError{Key: key, Args: args} }

// Table is what reading a file found: its header and how many rows are
// below it.
type Table struct {
	Header []string
	Rows   int64
}

// ReadHeader reads an upload's header only, to suggest a dictionary.
func ReadHeader(u Upload) ([]string, error) {
	t, err := readTable(u, nil, true)
	if err != nil {
		return nil, err
	}
	return t.Header, nil
}

// ReadFile reads an upload against its dictionary: the header must name
// the dictionary's columns in its order, and every value must be of its
// column's type (an empty cell is a missing value, allowed in any
// column). The first problem found is returned as a *FileError.
func ReadFile(u Upload, dict []Column) (Table, error) {
	return readTable(u, dict, false)
}

func readTable(u Upload, dict []Column, headerOnly bool) (Table, error) {
	if len(u.Data) == 0 {
		return Table{}, fileErr("dataset.err.file_empty")
	}
	if len(u.Data) > MaxFileSize {
		return Table{}, fileErr("dataset.err.file_size", MaxFileSize>>20)
	}
	r := &tableReader{dict: dict, headerOnly: headerOnly}
	var err error
	switch UploadFormat(u.Name) {
	case FormatCSV:
		err = r.csv(u.Data)
	case FormatXLSX:
		err = r.xlsx(u.Data)
	default:
		return Table{}, fileErr("dataset.err.file_format")
	}
	if errors.Is(err, errStop) {
		err = nil
	}
	if err != nil {
		return Table{}, err
	}
	if r.table.Header == nil {
		return Table{}, fileErr("dataset.err.file_empty")
	}
	return r.table, nil
}

// errStop ends reading once the header is all that was asked for.
var errStop = errors.New("stop")

// tableReader takes the rows of either format, the header first.
type tableReader struct {
	dict       []Column
	headerOnly bool
	table      Table
	// serialDates: a workbook's dates come as its serial day numbers.
	serialDates bool
}

// row takes one row; n is its number as a spreadsheet shows it (the
// header is row 1).
func (r *tableReader) row(n int, cells []string) error {
	if r.table.Header == nil {
		h, err := header(cells)
		if err != nil {
			return err
		}
		r.table.Header = h
		if r.headerOnly {
			return errStop
		}
		return matchHeader(h, r.dict)
	}
	if len(cells) > len(r.table.Header) {
		for _, c := range cells[len(r.table.Header):] {
			if strings.TrimSpace(c) != "" {
				return fileErr("dataset.err.row_width", n, len(cells), len(r.table.Header))
			}
		}
	}
	for i, c := range cells {
		if i >= len(r.dict) {
			break
		}
		if !ValidValue(r.dict[i].Type, c) && !r.serialDate(r.dict[i].Type, c) {
			return fileErr("dataset.err.value", n, r.dict[i].Name, truncate(c, 40), string(r.dict[i].Type))
		}
	}
	r.table.Rows++
	if r.table.Rows > MaxRows {
		return fileErr("dataset.err.rows", MaxRows)
	}
	return nil
}

// serialDate reports whether c is a workbook's date: a day number (with
// a fraction of a day for a time) in a date or datetime column.
func (r *tableReader) serialDate(t opendata.Type, c string) bool {
	return r.serialDates && (t == opendata.Date || t == opendata.DateTime) && decimal(strings.TrimSpace(c)) &&
		!strings.Contains(c, ",") && !strings.HasPrefix(strings.TrimSpace(c), "-")
}

func truncate(s string, n int) string {
	s = strings.ToValidUTF8(s, "?")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// header tidies the first row into column names: trimmed, none empty, no
// two alike.
func header(cells []string) ([]string, error) {
	// Trailing empty cells are a spreadsheet's habit, not columns.
	for len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1]) == "" {
		cells = cells[:len(cells)-1]
	}
	if len(cells) == 0 {
		return nil, fileErr("dataset.err.header_empty")
	}
	if len(cells) > MaxColumns {
		return nil, fileErr("dataset.err.columns_many", MaxColumns)
	}
	seen := map[string]bool{}
	out := make([]string, len(cells))
	for i, c := range cells {
		c = strings.TrimSpace(strings.ToValidUTF8(c, ""))
		if c == "" {
			return nil, fileErr("dataset.err.header_blank", i+1)
		}
		if len(c) > MaxColumnName*4 {
			c = truncate(c, MaxColumnName)
		}
		if seen[strings.ToLower(c)] {
			return nil, fileErr("dataset.err.header_twice", c)
		}
		seen[strings.ToLower(c)] = true
		out[i] = c
	}
	return out, nil
}

// matchHeader checks the file's header against the dictionary, column by
// column, names compared without regard to case.
func matchHeader(h []string, dict []Column) error {
	for i := 0; i < len(h) && i < len(dict); i++ {
		if !strings.EqualFold(h[i], dict[i].Name) {
			return fileErr("dataset.err.header_mismatch", i+1, h[i], dict[i].Name)
		}
	}
	if len(h) != len(dict) {
		return fileErr("dataset.err.header_count", len(h), len(dict))
	}
	return nil
}

// csv reads a CSV file: UTF-8 (a byte-order mark is dropped), separated
// by commas, or by semicolons or tabs as spreadsheets set to Indonesian
// write them.
func (r *tableReader) csv(data []byte) error {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return fileErr("dataset.err.csv_encoding")
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	cr := csv.NewReader(bufio.NewReader(bytes.NewReader(data)))
	cr.Comma = separator(first)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			return fileErr("dataset.err.csv", line)
		}
		line, _ := cr.FieldPos(0)
		if blankRow(rec) && r.table.Header != nil {
			continue
		}
		if err := r.row(line, rec); err != nil {
			return err
		}
	}
}

// separator guesses a CSV line's separator: the most frequent of comma,
// semicolon and tab outside quotes, comma when none.
func separator(line []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(line) {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ',' || c == ';' || c == '\t'):
			counts[c]++
		}
	}
	best := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

func blankRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// xlsx reads the first sheet of an XLSX workbook, cells as stored rather
// than as displayed (no thousands separators; dates as day numbers).
// Unzipping is capped so a small file cannot expand into a huge one.
func (r *tableReader) xlsx(data []byte) error {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: 8 * MaxFileSize, UnzipXMLSizeLimit: 4 * MaxFileSize})
	if err != nil {
		return fileErr("dataset.err.xlsx")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return fileErr("dataset.err.file_empty")
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return fileErr("dataset.err.xlsx")
	}
	defer rows.Close()
	r.serialDates = true
	n := 0
	for rows.Next() {
		n++
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return fileErr("dataset.err.xlsx")
		}
		if blankRow(cells) {
			continue // empty rows above the header or between data
		}
		if err := r.row(n, cells); err != nil {
			return err
		}
	}
	if rows.Error() != nil {
		return fileErr("dataset.err.xlsx")
	}
	return nil
}

// ValidValue reports whether s is a value of type t. An empty value is a
// missing one and valid in any column. Numbers may use a comma or a point
// for their decimals; dates are YYYY-MM-DD or DD/MM/YYYY; booleans
// true/false, ya/tidak, yes/no or 1/0.
func ValidValue(t opendata.Type, s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	switch t {
	case opendata.String:
		return utf8.ValidString(s)
	case opendata.Integer:
		_, err := strconv.ParseInt(strings.TrimPrefix(s, "+"), 10, 64)
		return err == nil
	case opendata.Decimal:
		return decimal(s)
	case opendata.Date:
		for _, layout := range []string{"2006-01-02", "02/01/2006", "2/1/2006", "02-01-2006"} {
			if _, err := time.Parse(layout, s); err == nil {
				return true
			}
		}
		return false
	case opendata.DateTime:
		for _, layout := range []string{time.RFC3339, "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04:05"} {
			if _, err := time.Parse(layout, s); err == nil {
				return true
			}
		}
		return false
	case opendata.Boolean:
		switch strings.ToLower(s) {
		case "true", "false", "ya", "tidak", "yes", "no", "1", "0":
			return true
		}
		return false
	}
	return false
}

// decimal reports whether s is a number with at most one decimal mark,
// a point or a comma: "88.31", "88,31", "-4", "1e3" is not.
func decimal(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	if s == "" {
		return false
	}
	mark := false
	digits := 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case (c == '.' || c == ',') && !mark:
			mark = true
		default:
			return false
		}
	}
	return digits > 0
}
