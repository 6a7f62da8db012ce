package bankstatement

import (
	"fmt"
	"strings"
	"time"
)

// twoColumn describes an export with separate debit and credit columns,
// found by their names; BRI, Mandiri and BNI work this way.
type twoColumn struct {
	names map[string][]string // date, desc, debit, credit required; account, balance optional
	meta  func(st *Statement, r record) error
}

func (f twoColumn) find(recs []record) int {
	for i, r := range recs {
		c := columns(r.cells, f.names)
		_, d := c["date"]
		_, db := c["debit"]
		_, cr := c["credit"]
		if d && (db || cr) { // a missing column is reported by parse
			return i
		}
	}
	return -1
}

func (f twoColumn) parse(data []byte, _ time.Time) (*Statement, error) {
	recs, h, err := readWithHeader(data, f.find)
	if err != nil {
		return nil, err
	}
	st := &Statement{}
	if err := readMeta(st, recs[:h], f.meta); err != nil {
		return nil, err
	}
	header := recs[h].cells
	col := columns(header, f.names)
	for _, name := range []string{"date", "desc", "debit", "credit"} {
		if _, ok := col[name]; !ok {
			return nil, &ParseError{Line: recs[h].line, Key: KeyColumns, Err: fmt.Errorf("%w: %s", ErrColumns, name)}
		}
	}
	for _, r := range recs[h+1:] {
		if r.blank() || isSummary(r) {
			continue
		}
		l, acct, err := twoColumnLine(r, col, len(header))
		if err != nil {
			return nil, lineErr(r.line, err)
		}
		if st.Account == "" && acct != "" {
			st.Account = acct
		}
		st.Lines = append(st.Lines, l)
	}
	return st, nil
}

// isSummary recognises the totals some versions print under the lines:
// a row whose date cell is empty and that names a total or balance.
func isSummary(r record) bool {
	text := strings.ToLower(strings.Join(r.cells, " "))
	for _, w := range []string{"total", "saldo awal", "saldo akhir", "opening balance", "closing balance", "ending balance", "beginning balance"} {
		if strings.Contains(text, w) && !dateInText.MatchString(text) && !isoDate.MatchString(text) {
			return true
		}
	}
	return false
}

func twoColumnLine(r record, col map[string]int, width int) (Line, string, error) {
	cells := r.cells
	if len(cells) > width {
		cells = glue(cells)
	}
	if len(cells) <= max(col["debit"], col["credit"]) {
		return Line{}, "", fmt.Errorf("%w: %d cells", ErrColumns, len(cells))
	}
	date, err := parseDate(cell(cells, col["date"]), 0)
	if err != nil {
		return Line{}, "", err
	}
	db, dbEmpty, err := parseAmount(cells[col["debit"]])
	if err != nil {
		return Line{}, "", err
	}
	cr, crEmpty, err := parseAmount(cells[col["credit"]])
	if err != nil {
		return Line{}, "", err
	}
	if dbEmpty && crEmpty {
		return Line{}, "", ErrNoAmount
	}
	if db != 0 && cr != 0 {
		return Line{}, "", fmt.Errorf("%w: %d and %d", ErrBothSides, db, cr)
	}
	l := Line{Date: date, Description: collapse(cell(cells, col["desc"])), Amount: cr - db, Raw: r.raw, Number: r.line}
	l.Description = withExtra(l.Description, cells, col)
	if bi, ok := col["balance"]; ok && cell(cells, bi) != "" {
		if l.Balance, err = balance(cell(cells, bi)); err != nil {
			return Line{}, "", err
		}
	}
	acct := ""
	if ai, ok := col["account"]; ok {
		acct = accountNumber(cell(cells, ai))
	}
	return l, acct, nil
}

// withExtra appends to a description the cells that complete it: the
// "ref" column (a reference or second remark) and a second column under
// the description's own name (Mandiri's MCM prints "Description" twice).
func withExtra(desc string, cells []string, col map[string]int) string {
	if extra, ok := col["ref"]; ok && cell(cells, extra) != "" {
		desc += " " + cell(cells, extra)
	}
	if second, ok := col["desc2"]; ok && cell(cells, second) != "" {
		desc += " " + cell(cells, second)
	}
	return collapse(desc)
}
