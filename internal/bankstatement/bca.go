package bankstatement

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// BCA's "mutasi rekening" export, from KlikBCA Individu (Indonesian or
// English) and KlikBCA Bisnis: a few "Key : value" (or "Key,=,value")
// lines, a column header, the lines, then a footer of totals.
var bcaColumns = map[string][]string{
	"date":    {"tanggal transaksi", "tanggal", "tgl", "tgl transaksi", "date", "transaction date"},
	"desc":    {"keterangan", "uraian", "description"},
	"branch":  {"cabang", "cbg", "branch"},
	"amount":  {"jumlah", "mutasi", "nominal", "amount"},
	"balance": {"saldo", "balance"},
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
	{"starting balance", "opening"},
	{"ending balance", "closing"},
	{"credit", "credit"},
	{"debet", "debit"},
	{"debit", "debit"},
}

var dateInText = regexp.MustCompile(`\d{1,2}/\d{1,2}/\d{2,4}`)

var findBCAHeader = headerWith(bcaColumns, "date", "desc", "amount")

func parseBCA(data []byte, ref time.Time) (*Statement, error) {
	recs, h, err := readWithHeader(data, findBCAHeader)
	if err != nil {
		return nil, err
	}
	st := &Statement{}
	if err := readMeta(st, recs[:h], generalMeta); err != nil {
		return nil, err
	}
	header := recs[h].cells
	col := columns(header, bcaColumns)
	footer := map[string]int64{} // in sen
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
		l, err := st.bcaLine(r, col, len(header), ref)
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
// The value is in sen (balances carry the sen of interest); an empty value
// ("Debet,=," in a month without debits) is zero.
func bcaFooterLine(r record) (key string, sen int64, ok bool, err error) {
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
			return f.key, 0, true, nil
		}
		v, _, err := parseSen(fields[0])
		return f.key, v, true, err
	}
	return "", 0, false, nil
}

// bcaLine reads one transaction row.
func (st *Statement) bcaLine(r record, col map[string]int, width int, ref time.Time) (Line, error) {
	cells := r.cells
	if len(cells) > width {
		cells = glue(cells)
	}
	ai := col["amount"]
	if len(cells) <= ai {
		return Line{}, fmt.Errorf("%w: %d cells", ErrColumns, len(cells))
	}
	date, pending, err := st.bcaDate(cell(cells, col["date"]), ref)
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
	l := Line{Date: date, Description: collapse(cell(cells, col["desc"])), Amount: v, Raw: r.raw, Number: r.line,
		Pending: pending}
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

// bcaDate reads DD/MM with the period's year, or DD/MM/YYYY. The English
// export has no period: a DD/MM there takes the year that puts it on or
// before ref's day. "PEND" (not yet posted) is pending, dated the period's
// last day, or ref's day without a period.
func (st *Statement) bcaDate(s string, ref time.Time) (t time.Time, pending bool, err error) {
	s = cleanCell(s)
	today := wibDay(ref)
	if strings.EqualFold(s, "PEND") {
		if st.To.IsZero() {
			return today, true, nil
		}
		return st.To, true, nil
	}
	year := today.Year()
	if !st.From.IsZero() {
		year = st.From.Year()
	}
	if t, err = parseDate(s, year); err != nil {
		return t, false, err
	}
	yearless := strings.Count(s, "/") == 1
	switch {
	case yearless && st.From.IsZero() && t.After(today):
		t = t.AddDate(-1, 0, 0)
	case yearless && !st.From.IsZero() && t.Before(st.From) && st.To.Year() > year:
		// A period from December into January: early months belong to
		// the later year.
		t = t.AddDate(st.To.Year()-year, 0, 0)
	}
	return t, false, nil
}

// checkBCATotals checks the footer (in sen) against the lines. Whether the
// bank counts pending lines in its totals is not documented, so either way
// is accepted.
func (st *Statement) checkBCATotals(f map[string]int64) error {
	if len(f) == 0 {
		return nil
	}
	var err error
	for _, withPending := range []bool{true, false} {
		if err = st.checkTotals(f, withPending); err == nil {
			return nil
		}
	}
	return err
}

func (st *Statement) checkTotals(f map[string]int64, withPending bool) error {
	var credit, debit int64
	for _, l := range st.Lines {
		switch {
		case l.Pending && !withPending:
		case l.Amount > 0:
			credit += l.Amount
		default:
			debit -= l.Amount
		}
	}
	if v, ok := f["credit"]; ok && v != credit*100 {
		return fmt.Errorf("%w: credits %d sen in the footer, %d rupiah in the lines", ErrTotals, v, credit)
	}
	if v, ok := f["debit"]; ok && v != debit*100 {
		return fmt.Errorf("%w: debits %d sen in the footer, %d rupiah in the lines", ErrTotals, v, debit)
	}
	o, ok1 := f["opening"]
	c, ok2 := f["closing"]
	if ok1 && ok2 && o+(credit-debit)*100 != c {
		return fmt.Errorf("%w: opening %d + %d − %d ≠ closing %d (sen)", ErrTotals, o, credit*100, debit*100, c)
	}
	if ok1 && ok2 {
		st.Totals = &Totals{Opening: o / 100, Credit: credit, Debit: debit, Closing: c / 100}
	}
	return nil
}

// balance reads a running balance, in whole rupiah (sen dropped);
// balances can be negative on overdrawn accounts, printed with a leading
// minus or a trailing DB.
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
	sen, empty, err := parseSen(s)
	if err != nil || empty {
		return nil, err
	}
	v := sen / 100 // the sen of interest do not matter to a balance kept in rupiah
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
