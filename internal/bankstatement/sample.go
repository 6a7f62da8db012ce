package bankstatement

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// SampleInput is what a sample statement shows: an account, a period and
// its lines (credits positive), pending lines among them.
type SampleInput struct {
	Account  string // digits
	Name     string // account holder
	From, To time.Time
	Opening  int64 // balance before the first line, rupiah
	Lines    []Line
}

// WriteSample writes in a statement in format f, laid out as that bank's
// internet banking exports it, so that people can try an import with
// their own account and donations. Pending lines appear only in the
// formats that show them (BCA's "PEND").
func WriteSample(f Format, in SampleInput) ([]byte, error) {
	w, ok := sampleWriters[f]
	if !ok {
		return nil, unknownFormat()
	}
	var b bytes.Buffer
	w(&b, in)
	return b.Bytes(), nil
}

var sampleWriters = map[Format]func(*bytes.Buffer, SampleInput){
	FormatKlikBCA:        writeKlikBCA,
	FormatKlikBCAEnglish: writeKlikBCAEnglish,
	FormatKlikBCABisnis:  writeKlikBCABisnis,
	FormatBRI:            writeBRI,
	FormatMandiri:        writeMandiri,
	FormatMandiriBisnis:  writeMandiriBisnis,
	FormatBNI:            writeBNI,
	FormatBSI:            writeBSI,
}

// sampleRow is a line with its running balance.
type sampleRow struct {
	Line
	balance int64
}

// rows gives each line its balance; settled only drops pending lines.
func (in SampleInput) rows(settledOnly bool) []sampleRow {
	var out []sampleRow
	bal := in.Opening
	for _, l := range in.Lines {
		if settledOnly && l.Pending {
			continue
		}
		bal += l.Amount
		out = append(out, sampleRow{l, bal})
	}
	return out
}

// totals sums the credits and debits of rows and counts them.
func totals(rows []sampleRow) (credit, debit int64, nc, nd int) {
	for _, r := range rows {
		if r.Amount > 0 {
			credit, nc = credit+r.Amount, nc+1
		} else {
			debit, nd = debit-r.Amount, nd+1
		}
	}
	return
}

// money writes whole rupiah with two decimals: English grouping
// ("1,500,000.00"), Indonesian ("1.500.000,00") or none ("1500000.00").
func money(v int64, style string) string {
	s := strconv.FormatInt(v, 10)
	if style == "plain" {
		return s + ".00"
	}
	group, dec := ",", "."
	if style == "id" {
		group, dec = ".", ","
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	return b.String() + dec + "00"
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// crdb is BCA's marker of an amount.
func crdb(v int64) string {
	if v < 0 {
		return "DB"
	}
	return "CR"
}

// records writes CSV records with separator sep.
func records(b *bytes.Buffer, sep rune, recs ...[]string) {
	w := csv.NewWriter(b)
	w.Comma = sep
	_ = w.WriteAll(recs) // a bytes.Buffer does not fail
}

// quoted writes one record with every field quoted, as KlikBCA Bisnis does.
func quoted(b *bytes.Buffer, fields ...string) {
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + strings.ReplaceAll(f, `"`, `""`) + `"`)
	}
	b.WriteString("\n")
}

func dmy(t time.Time) string { return t.Format("02/01/2006") }

func writeKlikBCA(b *bytes.Buffer, in SampleInput) {
	fmt.Fprintf(b, "No. rekening : =\"%s\"\nNama : %s\nPeriode : %s - %s\nKode Mata Uang : Rp\n\n",
		in.Account, strings.ToUpper(in.Name), dmy(in.From), dmy(in.To))
	recs := [][]string{{"Tanggal Transaksi", "Keterangan", "Cabang", "Jumlah", "", "Saldo"}}
	rows := in.rows(false)
	for _, r := range rows {
		date := "'" + r.Date.Format("02/01")
		if r.Pending {
			date = "PEND"
		}
		recs = append(recs, []string{date, r.Description, "'0000", money(abs(r.Amount), "en"), crdb(r.Amount), money(r.balance, "en")})
	}
	records(b, ',', recs...)
	credit, debit, nc, nd := totals(rows)
	b.WriteString("\n")
	records(b, ',', []string{"Saldo Awal :", money(in.Opening, "en")},
		[]string{"Mutasi Kredit :", money(credit, "en"), strconv.Itoa(nc)},
		[]string{"Mutasi Debet :", money(debit, "en"), strconv.Itoa(nd)},
		[]string{"Saldo Akhir :", money(in.Opening+credit-debit, "en")})
}

func writeKlikBCAEnglish(b *bytes.Buffer, in SampleInput) {
	records(b, ',', []string{"Account No.", "=", "'" + in.Account}, []string{"Name", "=", strings.ToUpper(in.Name)},
		[]string{"Currency", "=", "IDR"})
	b.WriteString("\n")
	recs := [][]string{{"Date", "Description", "Branch", "Amount", "", "Balance"}}
	rows := in.rows(false)
	for _, r := range rows {
		date := "'" + dmy(r.Date)
		if r.Pending {
			date = "PEND"
		}
		recs = append(recs, []string{date, r.Description, "'0000", money(abs(r.Amount), "plain"), crdb(r.Amount), money(r.balance, "plain")})
	}
	credit, debit, _, _ := totals(rows)
	recs = append(recs, []string{"Starting Balance", "=", money(in.Opening, "plain")},
		[]string{"Credit", "=", money(credit, "plain")}, []string{"Debet", "=", money(debit, "plain")},
		[]string{"Ending Balance", "=", money(in.Opening+credit-debit, "plain")})
	records(b, ',', recs...)
}

func writeKlikBCABisnis(b *bytes.Buffer, in SampleInput) {
	quoted(b, "Informasi Rekening - Mutasi Rekening")
	b.WriteString("\n")
	quoted(b, "No. rekening : "+in.Account)
	quoted(b, "Nama : "+strings.ToUpper(in.Name))
	quoted(b, "Periode : "+dmy(in.From)+" - "+dmy(in.To))
	quoted(b, "Kode Mata Uang : Rp")
	quoted(b, "Tanggal Transaksi", "Keterangan", "Cabang", "Jumlah", "Saldo")
	rows := in.rows(false)
	for _, r := range rows {
		date := dmy(r.Date)
		if r.Pending {
			date = "PEND"
		}
		quoted(b, date, r.Description, "0000", money(abs(r.Amount), "en")+" "+crdb(r.Amount), money(r.balance, "en"))
	}
	credit, debit, nc, nd := totals(rows)
	quoted(b, "Saldo Awal : "+money(in.Opening, "en"))
	quoted(b, "Mutasi Debet : "+money(debit, "en"), strconv.Itoa(nd))
	quoted(b, "Mutasi Kredit : "+money(credit, "en"), strconv.Itoa(nc))
	quoted(b, "Saldo Akhir : "+money(in.Opening+credit-debit, "en"))
}

// debitCredit splits a signed amount into the debit and credit cells.
func debitCredit(v int64, style, zero string) (string, string) {
	if v < 0 {
		return money(-v, style), zero
	}
	return zero, money(v, style)
}

func writeBRI(b *bytes.Buffer, in SampleInput) {
	recs := [][]string{{"NOREK", "TGL_TRAN", "JAM_TRAN", "DESK_TRAN", "MUTASI_DEBET", "MUTASI_KREDIT", "SALDO_AKHIR_MUTASI", "TELLER"}}
	for _, r := range in.rows(true) {
		db, cr := debitCredit(r.Amount, "id", "0,00")
		recs = append(recs, []string{in.Account, r.Date.Format(time.DateOnly), "09:15:00", r.Description, db, cr, money(r.balance, "id"), "8888038"})
	}
	b.WriteString("\ufeff")
	records(b, ';', recs...)
}

func writeMandiri(b *bytes.Buffer, in SampleInput) {
	recs := [][]string{{"Account No", "Date", "Val. Date", "Transaction Code", "Description", "Reference No.", "Debit", "Credit", ""}}
	for i, r := range in.rows(true) {
		db, cr := debitCredit(r.Amount, "en", ".00")
		d := dmy(r.Date)
		recs = append(recs, []string{in.Account, d, d, "8109", r.Description, fmt.Sprintf("%sLKD%03d", r.Date.Format("20060102"), i+1), db, cr, ""})
	}
	records(b, ',', recs...)
}

func writeMandiriBisnis(b *bytes.Buffer, in SampleInput) {
	recs := [][]string{{"AccountNo", "Ccy", "PostDate", "Remarks", "AdditionalDesc", "Credit Amount", "Debit Amount", "Close Balance"}}
	for _, r := range in.rows(true) {
		db, cr := debitCredit(r.Amount, "plain", "0.00")
		recs = append(recs, []string{in.Account, "IDR", r.Date.Format("02 January 2006") + " 10:15:00", r.Description, "", cr, db, money(r.balance, "plain")})
	}
	records(b, ';', recs...)
}

func writeBNI(b *bytes.Buffer, in SampleInput) {
	recs := [][]string{{"Post Date", "Value Date", "Branch", "Journal No.", "Description", "Debit", "Credit", "Balance"}}
	for i, r := range in.rows(true) {
		db, cr := debitCredit(r.Amount, "plain", "")
		recs = append(recs, []string{r.Date.Format("02/01/06") + " 10.15.00", r.Date.Format("02/01/06"), "0259",
			fmt.Sprintf("%06d", 100+i), r.Description, db, cr, money(r.balance, "plain")})
	}
	records(b, ',', recs...)
}

func writeBSI(b *bytes.Buffer, in SampleInput) {
	fmt.Fprintf(b, "No. Rekening : %s\nNama : %s\nPeriode : %s - %s\n\n", in.Account, strings.ToUpper(in.Name), dmy(in.From), dmy(in.To))
	recs := [][]string{{"TrxId", "Tanggal", "Trx Time", "D/K", "Mutasi", "Saldo", "Keterangan"}}
	for i, r := range in.rows(true) {
		dk := "K"
		if r.Amount < 0 {
			dk = "D"
		}
		recs = append(recs, []string{fmt.Sprintf("FT%s%04d", r.Date.Format("060102"), i+1), dmy(r.Date), "10:15:00", dk,
			money(abs(r.Amount), "en"), money(r.balance, "en"), r.Description})
	}
	records(b, ',', recs...)
}
