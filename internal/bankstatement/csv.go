package bankstatement

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"regexp"
	"strings"
)

// record is one CSV record with where it came from.
type record struct {
	line  int      // 1-based line where the record starts
	cells []string // cleaned cells
	raw   string   // the record's text in the file, without the line end
}

// blank reports whether every cell is empty.
func (r record) blank() bool {
	for _, c := range r.cells {
		if c != "" {
			return false
		}
	}
	return true
}

// readRecords splits data into records with separator sep. A UTF-8
// byte-order mark is dropped; quotes are read leniently because exports
// put quotes inside unquoted cells (="0123", 'DD/MM).
func readRecords(data []byte, sep rune) ([]record, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = sep
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	var out []record
	var prev int64
	for {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			return nil, &ParseError{Line: line, Key: KeyCSV, Err: ErrCSV}
		}
		line, _ := cr.FieldPos(0)
		off := cr.InputOffset()
		raw := strings.TrimRight(string(data[prev:off]), "\r\n")
		prev = off
		for i, c := range cells {
			cells[i] = cleanCell(c)
		}
		out = append(out, record{line: line, cells: cells, raw: raw})
	}
}

// cleanCell strips what spreadsheets and exports wrap around values: the
// ="…" formula that keeps leading zeros, a leading apostrophe that marks
// text, stray quotes and surrounding spaces (including no-break spaces).
func cleanCell(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	if strings.HasPrefix(s, "=\"") {
		s = strings.TrimSuffix(strings.TrimPrefix(s, "=\""), "\"")
	}
	s = strings.TrimPrefix(s, "'")
	s = strings.TrimSuffix(s, "'")
	s = strings.Trim(s, "\"")
	return strings.TrimSpace(s)
}

// headerFinder returns the index of the column header among recs, or -1.
type headerFinder func(recs []record) int

// headerWith finds the first record that names every required column.
func headerWith(names map[string][]string, required ...string) headerFinder {
	return func(recs []record) int {
		for i, r := range recs {
			c := columns(r.cells, names)
			found := 0
			for _, k := range required {
				if _, ok := c[k]; ok {
					found++
				}
			}
			if found == len(required) {
				return i
			}
		}
		return -1
	}
}

// readMeta reads the lines above the header into st with meta.
func readMeta(st *Statement, above []record, meta func(*Statement, record) error) error {
	for _, r := range above {
		if err := meta(st, r); err != nil {
			return err
		}
	}
	return nil
}

// readWithHeader tries ',' then ';' and keeps the first separator under
// which find recognises a column header.
func readWithHeader(data []byte, find headerFinder) ([]record, int, error) {
	var firstErr error
	for _, sep := range []rune{',', ';'} {
		recs, err := readRecords(data, sep)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if h := find(recs); h >= 0 {
			return recs, h, nil
		}
	}
	if firstErr != nil {
		return nil, -1, firstErr
	}
	return nil, -1, &ParseError{Key: KeyNoHeader, Err: ErrNoHeader}
}

var (
	leadGroup  = regexp.MustCompile(`^\d{1,3}(,\d{3})*$`)
	trailGroup = regexp.MustCompile(`^\d{3}(,\d{3})*(\.\d+)?(\s*(?i:CR|DB))?$`)
)

// glue rejoins amounts that an unquoted thousands comma split across
// cells ("1", "500", "000.00" → "1,500,000.00"). It runs only on records
// with more cells than the header, so well-formed files are untouched.
func glue(cells []string) []string {
	out := make([]string, 0, len(cells))
	for _, c := range cells {
		if n := len(out); n > 0 && leadGroup.MatchString(out[n-1]) && trailGroup.MatchString(c) {
			out[n-1] += "," + c
			continue
		}
		out = append(out, c)
	}
	return out
}

// norm lower-cases a header cell and drops punctuation, so "Val. Date",
// "VAL_DATE" and "val date" compare equal.
func norm(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// columns maps a header row to the index of each wanted column; names
// lists the accepted spellings (normalised) of each, first match wins. A
// second column under the description's name is "desc2".
func columns(header []string, names map[string][]string) map[string]int {
	idx := map[string]int{}
	for want, spellings := range names {
		for _, sp := range spellings {
			if i := indexOf(header, sp); i >= 0 {
				idx[want] = i
				break
			}
		}
	}
	if d, ok := idx["desc"]; ok {
		for i := d + 1; i < len(header); i++ {
			if norm(header[i]) == norm(header[d]) {
				idx["desc2"] = i
				break
			}
		}
	}
	return idx
}

func indexOf(header []string, name string) int {
	for i, h := range header {
		if norm(h) == name {
			return i
		}
	}
	return -1
}

// cell returns cells[i], or "" when the record is short.
func cell(cells []string, i int) string {
	if i < 0 || i >= len(cells) {
		return ""
	}
	return cells[i]
}

// collapse joins the words of s with single spaces.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
