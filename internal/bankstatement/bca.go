package bankstatement

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// BCA's "mutasi rekening" export: a few "Key : value" lines, a column
// header, the lines, then a footer of totals.
var bcaColumns = map[string][]string{
	"date":    {"tanggal transaksi", "tanggal", "tgl", "tgl transaksi"},
	"desc":    {"keterangan", "uraian"},
	"branch":  {"cabang", "cbg"},
	"amount":  {"jumlah", "mutasi", "nominal"},
	"balance": {"saldo"},
}

var bcaFooter = []struct {
	prefix string
	key    string
}{
	{"saldo awal", "opening"},
	{"mutasi kredit", "credit"},
	{"mutasi debet", "debit"},
	{"mutasi debit", "debit"},
	{"saldo akhir", "closing"},
}

var dateInText = regexp.MustCompile(`\d{1,2}/\d{1,2}/\d{2,4}`)

func findBCAHeader(recs []record) int {
	for i, r := range recs {
		c := columns(r.cells, bcaColumns)
		_, d := c["date"]
		_, k := c["desc"]
		_, a := c["amount"]
		if d && k && a {
			return i
		}
	}
	return -1
}

func parseBCA(data []byte) (*Statement, error) {
	recs, h, err := readWithHeader(data, findBCAHeader)
	if err != nil {
		return nil, err
	}
	st := &Statement{}
	for _, r := range recs[:h] {
		if err := generalMeta(st, r); err != nil {
			return nil, err
		}
	}
	header := recs[h].cells
	col := columns(header, bcaColumns)
	footer := map[string]int64{}
	footerLine := 0
	for _, r := range recs[h+1:] {
		if r.blank() {
			continue
		}
		if key, v, ok, err := bcaFooterLine(r); ok || err != nil {
			if err != nil {
				return nil, lineErr(r.line, err)
			}
			footer[key] = v
			footerLine = r.line
			continue
		}
		if len(footer) > 0 {
			continue // text under the totals is not a transaction
		}
		l, err := st.bcaLine(r, col, len(header))
		if err != nil {
			return nil, lineErr(r.line, err)
		}
		st.Lines = append(st.Lines, l)
	}
	if err := st.checkBCATotals(footer); err != nil {
		return nil, lineErr(footerLine, err)
	}
	return st, nil
}

// bcaFooterLine recognises a totals line; ok is false for other lines.
func bcaFooterLine(r record) (key string, v int64, ok bool, err error) {
	text := strings.Join(r.cells, " ")
	lower := strings.ToLower(strings.TrimSpace(text))
	for _, f := range bcaFooter {
		if !strings.HasPrefix(lower, f.prefix) {
			continue
		}
		rest := strings.TrimSpace(text[len(f.prefix):])
		rest = strings.TrimLeft(rest, ":= ")
		// An unquoted "1,500,000.00" in a comma file arrives as three
		// cells; glue puts it back together.
		fields := glue(strings.Fields(rest))
		if len(fields) == 0 {
			return "", 0, false, fmt.Errorf("%w: empty %s", ErrAmount, f.prefix)
		}
		v, _, err := parseAmount(fields[0])
		return f.key, v, true, err
	}
	return "", 0, false, nil
}

// bcaLine reads one transaction row.
func (st *Statement) bcaLine(r record, col map[string]int, width int) (Line, error) {
	cells := r.cells
	if len(cells) > width {
		cells = glue(cells)
	}
	ai := col["amount"]
	if len(cells) <= ai {
		return Line{}, fmt.Errorf("%w: %d cells", ErrColumns, len(cells))
	}
	date, err := st.bcaDate(cell(cells, col["date"]))
	if err != nil {
		return Line{}, err
	}
	amountText, next := cells[ai], ai+1
	marker := ""
	if f := strings.Fields(amountText); len(f) == 2 {
		amountText, marker = f[0], f[1]
	} else {
		marker, next = cell(cells, ai+1), ai+2
	}
	v, empty, err := parseAmount(amountText)
	if err != nil {
		return Line{}, err
	}
	if empty {
		return Line{}, ErrNoAmount
	}
	switch strings.ToUpper(marker) {
	case "CR":
	case "DB":
		v = -v
	default:
		return Line{}, fmt.Errorf("%w: %q", ErrMarker, marker)
	}
	l := Line{Date: date, Description: collapse(cell(cells, col["desc"])), Amount: v, Raw: r.raw, Number: r.line}
	if _, ok := col["balance"]; ok {
		// The marker may share the amount's cell, which shifts the
		// balance left: take the first cell after the amount and marker.
		for _, c := range cells[min(next, len(cells)):] {
			if c != "" {
				l.Balance, err = balance(c)
				break
			}
		}
	}
	return l, err
}

// bcaDate reads DD/MM with the period's year; "PEND" (not yet posted)
// takes the period's last day.
func (st *Statement) bcaDate(s string) (time.Time, error) {
	s = cleanCell(s)
	if strings.EqualFold(s, "PEND") {
		if st.To.IsZero() {
			return time.Time{}, fmt.Errorf("%w: PEND without a period", ErrDate)
		}
		return st.To, nil
	}
	year := 0
	if !st.From.IsZero() {
		year = st.From.Year()
	}
	t, err := parseDate(s, year)
	if err != nil {
		return t, err
	}
	// A period from December into January: early months belong to the
	// later year.
	if !st.From.IsZero() && t.Before(st.From) && st.To.Year() > year && strings.Count(s, "/") == 1 {
		t = t.AddDate(st.To.Year()-year, 0, 0)
	}
	return t, nil
}

func (st *Statement) checkBCATotals(f map[string]int64) error {
	if len(f) == 0 {
		return nil
	}
	var credit, debit int64
	for _, l := range st.Lines {
		if l.Amount > 0 {
			credit += l.Amount
		} else {
			debit -= l.Amount
		}
	}
	if v, ok := f["credit"]; ok && v != credit {
		return fmt.Errorf("%w: credits %d in the footer, %d in the lines", ErrTotals, v, credit)
	}
	if v, ok := f["debit"]; ok && v != debit {
		return fmt.Errorf("%w: debits %d in the footer, %d in the lines", ErrTotals, v, debit)
	}
	o, ok1 := f["opening"]
	c, ok2 := f["closing"]
	if ok1 && ok2 && o+credit-debit != c {
		return fmt.Errorf("%w: opening %d + %d − %d ≠ closing %d", ErrTotals, o, credit, debit, c)
	}
	if ok1 && ok2 {
		st.Totals = &Totals{Opening: o, Credit: credit, Debit: debit, Closing: c}
	}
	return nil
}

// balance reads a running balance; balances can be negative on overdrawn
// accounts, printed with a leading minus or a trailing DB.
func balance(s string) (*int64, error) {
	s = cleanCell(s)
	neg := false
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	}
	if f := strings.Fields(s); len(f) == 2 {
		switch strings.ToUpper(f[1]) {
		case "DB", "D":
			neg = true
		case "CR", "K":
		default:
			return nil, fmt.Errorf("%w: balance %q", ErrAmount, s)
		}
		s = f[0]
	}
	v, empty, err := parseAmount(s)
	if err != nil || empty {
		return nil, err
	}
	if neg {
		v = -v
	}
	return &v, nil
}

// accountNumber keeps the digits of an account number when it has any.
func accountNumber(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return collapse(s)
	}
	return b.String()
}
