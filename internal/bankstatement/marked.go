package bankstatement

import (
	"fmt"
	"strings"
	"time"
)

// marked describes an export with one amount column and a column that
// marks each amount as debit or credit (D/K, DB/CR, Tipe); BSI and some
// BNI exports work this way.
type marked struct {
	names map[string][]string // date, desc, amount, marker required; account, ref, balance optional
}

func (f marked) find(recs []record) int { return headerWith(f.names, "date", "amount", "marker")(recs) }

func (f marked) parse(data []byte, _ time.Time) (*Statement, error) {
	recs, h, err := readWithHeader(data, f.find)
	if err != nil {
		return nil, err
	}
	st := &Statement{}
	if err := readMeta(st, recs[:h], generalMeta); err != nil {
		return nil, err
	}
	col := columns(recs[h].cells, f.names)
	if _, ok := col["desc"]; !ok {
		return nil, &ParseError{Line: recs[h].line, Key: KeyColumns, Err: fmt.Errorf("%w: desc", ErrColumns)}
	}
	for _, r := range recs[h+1:] {
		if r.blank() || isSummary(r) {
			continue
		}
		l, err := markedLine(r, col)
		if err != nil {
			return nil, lineErr(r.line, err)
		}
		if ai, ok := col["account"]; ok && st.Account == "" {
			st.Account = accountNumber(cell(r.cells, ai))
		}
		st.Lines = append(st.Lines, l)
	}
	return st, nil
}

func markedLine(r record, col map[string]int) (Line, error) {
	cells := r.cells
	if len(cells) <= max(col["amount"], col["marker"]) {
		return Line{}, fmt.Errorf("%w: %d cells", ErrColumns, len(cells))
	}
	date, err := parseDate(cell(cells, col["date"]), 0)
	if err != nil {
		return Line{}, err
	}
	v, empty, err := parseAmount(cells[col["amount"]])
	if err != nil {
		return Line{}, err
	}
	if empty {
		return Line{}, ErrNoAmount
	}
	switch strings.ToUpper(strings.TrimSuffix(cells[col["marker"]], ".")) {
	case "K", "CR", "C", "KR", "KREDIT", "CREDIT":
	case "D", "DB", "DR", "DEBET", "DEBIT":
		v = -v
	default:
		return Line{}, fmt.Errorf("%w: %q", ErrMarker, cells[col["marker"]])
	}
	l := Line{Date: date, Description: withExtra(cell(cells, col["desc"]), cells, col), Amount: v, Raw: r.raw, Number: r.line}
	if bi, ok := col["balance"]; ok && cell(cells, bi) != "" {
		if l.Balance, err = balance(cell(cells, bi)); err != nil {
			return Line{}, err
		}
	}
	return l, nil
}

// BSI Net Banking and BSI Mobile: TrxId, Tanggal, Trx Time, D/K, Mutasi,
// Saldo, Keterangan.
var bsi = marked{names: map[string][]string{
	"account": {"no rekening", "nomor rekening", "account no"},
	"date":    {"tanggal", "tanggal transaksi", "tgl", "trx date", "date"},
	"desc":    {"keterangan", "deskripsi", "description"},
	"ref":     {"trxid", "trx id"},
	"amount":  {"mutasi", "nominal", "jumlah", "amount"},
	"marker":  {"d k", "dk", "db cr", "d c", "tipe", "type"},
	"balance": {"saldo", "balance"},
}}

func parseBSI(data []byte, ref time.Time) (*Statement, error) { return bsi.parse(data, ref) }

// BNI internet banking and BNIDirect: Post Date, Value Date, Branch,
// Journal No., Description, Debit, Credit (and Balance); dates like
// "01/05/26 10.00.00".
var bniTwoColumn = twoColumn{
	names: map[string][]string{
		"account": {"account no", "no rekening", "nomor rekening"},
		"date":    {"post date", "posting date", "tanggal transaksi", "tgl transaksi", "tanggal"},
		"desc":    {"description", "uraian transaksi", "uraian", "keterangan"},
		"ref":     {"journal no", "journal"},
		"debit":   {"debit", "debet"},
		"credit":  {"credit", "kredit"},
		"balance": {"balance", "saldo"},
	},
	meta: generalMeta,
}

// BNI's other exports mark one amount column: Posting Date, …, Amount,
// DB/CR, Balance (BNIDirect statement) or Tanggal Transaksi, Uraian
// Transaksi, Tipe, Nominal, Saldo (wondr).
var bniMarked = marked{names: map[string][]string{
	"account": {"account no", "no rekening", "nomor rekening"},
	"date":    {"posting date", "post date", "tanggal transaksi", "tanggal"},
	"desc":    {"description", "uraian transaksi", "uraian", "keterangan"},
	"ref":     {"journal no", "journal"},
	"amount":  {"amount", "nominal", "jumlah"},
	"marker":  {"db cr", "d k", "tipe", "type"},
	"balance": {"balance", "saldo"},
}}

// parseBNI reads either BNI layout: the one with a marker column when its
// header is there, the debit/credit one otherwise.
func parseBNI(data []byte, ref time.Time) (*Statement, error) {
	if recs, err := readRecords(data, ','); err == nil && bniMarked.find(recs) >= 0 {
		return bniMarked.parse(data, ref)
	}
	if recs, err := readRecords(data, ';'); err == nil && bniMarked.find(recs) >= 0 {
		return bniMarked.parse(data, ref)
	}
	return bniTwoColumn.parse(data, ref)
}
