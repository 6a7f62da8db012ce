package report

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"encoding/xml"
	"image"
	"io"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/i18n"
	"lokadaya/internal/ledger"
	"lokadaya/internal/pdf"
)

// Meta is what a report file says about itself beyond the figures.
type Meta struct {
	Lang i18n.Lang
	// Title names the report ("Laporan keuangan …"), OrgName the
	// organisation and Subject the campaign or initiative ("" for the
	// organisation's own report).
	Title, OrgName, Subject string
	Zone                    *time.Location
	Generated               time.Time
	// BaseURL is the site's address, for receipt and verification links.
	BaseURL string
	// OrgSlug builds receipt links: BaseURL/organisasi/OrgSlug/buku/SEQ/kuitansi.
	OrgSlug string
	// Logo is the organisation's logo at the head of the PDF, nil for
	// none; Legal its legal form and numbers (see LegalLine).
	Logo  image.Image
	Legal string
}

// ReceiptURL is the public address of an entry's receipt.
func (m *Meta) ReceiptURL(seq int64) string {
	return strings.TrimRight(m.BaseURL, "/") + "/organisasi/" + m.OrgSlug + "/buku/" + strconv.FormatInt(seq, 10) + "/kuitansi"
}

// VerifyURL is the public address of the organisation's chain check.
func (m *Meta) VerifyURL() string {
	return strings.TrimRight(m.BaseURL, "/") + "/api/v1/organizations/" + m.OrgSlug + "/ledger/verify"
}

func (m *Meta) t(key string, args ...any) string { return i18n.T(m.Lang, key, args...) }

// PeriodText describes the period in words.
func (m *Meta) PeriodText(p Period) string {
	day := func(s string) string {
		d, err := time.ParseInLocation(time.DateOnly, s, time.UTC)
		if err != nil {
			return s
		}
		return i18n.Date(m.Lang, d, time.UTC)
	}
	switch {
	case p.Open():
		return m.t("report.period.all")
	case p.FromDate == "":
		return m.t("report.period.until", day(p.ToDate))
	case p.ToDate == "":
		return m.t("report.period.since", day(p.FromDate))
	}
	return m.t("report.period.between", day(p.FromDate), day(p.ToDate))
}

// cell is one value of a table row: a text, a number, or a date (with or
// without its time of day), which text holds as CSV writes it.
type cell struct {
	text   string
	num    int64
	number bool
	// when is a date's wall-clock time, for a date or date-time cell.
	when   time.Time
	layout string // dateLayout or dateTimeLayout for a date; "" otherwise
}

// How dates are written in CSV and recognised in tables of texts.
const (
	dateLayout     = time.DateOnly
	dateTimeLayout = "2006-01-02 15:04"
)

func text(s string) cell { return cell{text: s} }
func num(n int64) cell   { return cell{num: n, number: true} }

// day is the calendar day of t in zone, as a date cell.
func day(t time.Time, zone *time.Location) cell {
	t = t.In(zone)
	return cell{text: t.Format(dateLayout), when: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), layout: dateLayout}
}

// table lays the report out as a table, calling put with each row: the
// summary, an empty row, then every entry under a header row, then the
// goods handed out. Every file format writes these rows; the entries
// stream from rep.All.
func table(rep *Report, m *Meta, put func([]cell) error) error {
	f := &rep.Figures
	out := [][]cell{
		{text(m.Title)},
		{text(m.t("report.col.organisation")), text(m.OrgName)},
	}
	if m.Subject != "" {
		out = append(out, []cell{text(m.t("report.col.subject")), text(m.Subject)})
	}
	out = append(out,
		[]cell{text(m.t("report.col.period")), text(m.PeriodText(rep.Period))},
		[]cell{text(m.t("report.col.generated")), text(i18n.DateTime(m.Lang, m.Generated, m.Zone))},
		[]cell{text(m.t("report.head")), text(rep.HeadHash)},
		[]cell{},
		[]cell{text(m.t("report.donations")), num(f.Donations)},
		[]cell{text(m.t("report.goods")), num(f.Goods)},
		[]cell{text(m.t("report.in")), num(f.In)},
	)
	for _, o := range f.OutLines() {
		out = append(out, []cell{text(m.t("report.out_cat", m.t("report.cat."+string(o.Category)))), num(o.Amount)})
	}
	out = append(out, []cell{text(m.t("report.out")), num(f.OutTotal)})
	if f.TransferIn != 0 || f.TransferOut != 0 {
		out = append(out, []cell{text(m.t("report.transfer_in")), num(f.TransferIn)},
			[]cell{text(m.t("report.transfer_out")), num(f.TransferOut)})
	}
	out = append(out, []cell{text(m.t("report.balance")), num(f.Balance)})
	share := m.t("report.share.na")
	if f.HasShare() {
		share = strconv.FormatFloat(f.SharePercent(), 'f', 1, 64) + "%"
	}
	out = append(out, []cell{text(m.t("report.share")), text(share)})
	if f.HasZakat() {
		out = append(out, []cell{text(m.t("report.zakat_in")), num(f.Zakat.In)},
			[]cell{text(m.t("report.zakat_out")), num(f.Zakat.Out)},
			[]cell{text(m.t("report.zakat_balance")), num(f.Zakat.Balance())})
	}
	out = append(out, []cell{})
	header := []cell{}
	for _, k := range []string{"seq", "date", "kind", "description", "counterparty", "category", "amount", "receipt", "hash"} {
		header = append(header, text(m.t("report.col."+k)))
	}
	out = append(out, header)
	for _, row := range out {
		if err := put(row); err != nil {
			return err
		}
	}
	if err := rep.each(func(l *Line) error {
		receipt := ""
		if l.HasReceipt {
			receipt = m.ReceiptURL(l.Seq)
		}
		return put([]cell{num(l.Seq), day(l.RecordedAt, m.Zone),
			text(m.t("report.kind." + string(l.Kind))), text(l.Description), text(l.Counterparty),
			text(m.t("report.cat." + string(l.Category))), num(l.Amount), text(receipt), text(l.HashShort())})
	}); err != nil {
		return err
	}
	for _, row := range handoutRows(rep, m) {
		if err := put(row); err != nil {
			return err
		}
	}
	return nil
}

// each calls fn with every entry of the report (none when it has no All).
func (rep *Report) each(fn func(*Line) error) error {
	if rep.All == nil {
		return nil
	}
	return rep.All(fn)
}

// SafeCell keeps a spreadsheet from reading a text as a formula: a text
// starting with = + - @, a tab or a carriage return gets a leading '.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteCSV writes the report as UTF-8 CSV with a byte-order mark, so
// spreadsheets open it with the right characters. Numbers are plain
// integers; texts are made formula-safe.
func WriteCSV(w io.Writer, rep *Report, m *Meta) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	if err := table(rep, m, func(row []cell) error {
		rec := make([]string, len(row))
		for i, c := range row {
			if c.number {
				rec[i] = strconv.FormatInt(c.num, 10)
			} else {
				rec[i] = SafeCell(c.text)
			}
		}
		return cw.Write(rec)
	}); err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// The fixed parts of the XLSX package.
const (
	xlsxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
		`</Types>`
	xlsxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
		`</Relationships>`
	xlsxWorkbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`</Relationships>`
	// Style 1 shows thousands separators, style 2 a date (2026-03-04) and
	// style 3 a date and time (2026-03-04 13:05), the same in every
	// spreadsheet's language.
	xlsxStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>` +
		`<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
		`<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
		`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
		`<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
		`</styleSheet>`
)

// SheetName is the worksheet's name in the XLSX file.
const SheetName = "Laporan"

// WriteXLSX writes the report as a one-sheet XLSX workbook: numbers as
// numeric cells, the entries' days as dates, texts as inline strings.
func WriteXLSX(w io.Writer, rep *Report, m *Meta) error {
	return writeXLSX(w, SheetName, func(put func([]cell) error) error { return table(rep, m, put) })
}

// Cell is one value of a table written by WriteTableXLSX.
type Cell = cell

// TextCell and NumberCell make the cells of a table.
func TextCell(s string) Cell  { return text(s) }
func NumberCell(n int64) Cell { return num(n) }

// DateCell is a calendar date: a date in the XLSX, shown as 2026-03-04;
// the time of day is dropped.
func DateCell(t time.Time) Cell {
	return cell{text: t.Format(dateLayout), when: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), layout: dateLayout}
}

// DateTimeCell is a date and time of day to the minute, as t's clock shows
// it: shown as 2026-03-04 13:05.
func DateTimeCell(t time.Time) Cell {
	return cell{text: t.Format(dateTimeLayout), layout: dateTimeLayout,
		when: time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, time.UTC)}
}

// AutoCell is the cell of a table's text s: a number when number is true
// and s is a whole number, a date when s is written 2026-03-04 or
// 2026-03-04 13:05, otherwise the text.
func AutoCell(s string, number bool) Cell {
	if number {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return num(n)
		}
	}
	for _, layout := range []string{dateLayout, dateTimeLayout} {
		if len(s) == len(layout) {
			if t, err := time.Parse(layout, s); err == nil {
				if layout == dateLayout {
					return DateCell(t)
				}
				return DateTimeCell(t)
			}
		}
	}
	return text(s)
}

// excelEpoch is day 0 of a spreadsheet's date serials (1900 date system,
// counted as Excel does from 1 March 1900 on).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serial is a date cell's value: days since excelEpoch, the time of day
// as the fraction.
func (c cell) serial() string {
	d := c.when.Sub(excelEpoch)
	days := int64(d / (24 * time.Hour))
	if rest := d % (24 * time.Hour); rest != 0 {
		return strconv.FormatFloat(float64(days)+float64(rest)/float64(24*time.Hour), 'f', -1, 64)
	}
	return strconv.FormatInt(days, 10)
}

// WriteTableXLSX writes any table as a one-sheet XLSX workbook, like the
// reports: numbers as numeric cells, dates as dates, texts as inline
// strings. The sheet
// name must be plain text (letters, digits, spaces).
func WriteTableXLSX(w io.Writer, sheet string, table [][]Cell) error {
	return writeXLSX(w, sheet, func(put func([]cell) error) error {
		for _, row := range table {
			if err := put(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeXLSX writes the rows that table passes to put, as they come.
func writeXLSX(w io.Writer, sheet string, table func(put func([]cell) error) error) error {
	zw := zip.NewWriter(w)
	workbook := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<sheets><sheet name="` + sheet + `" sheetId="1" r:id="rId1"/></sheets></workbook>`
	for _, part := range []struct{ name, body string }{
		{"[Content_Types].xml", xlsxContentTypes},
		{"_rels/.rels", xlsxRels},
		{"xl/workbook.xml", workbook},
		{"xl/_rels/workbook.xml.rels", xlsxWorkbookRels},
		{"xl/styles.xml", xlsxStyles},
	} {
		f, err := zw.Create(part.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, part.body); err != nil {
			return err
		}
	}
	f, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	i := 0
	if err := table(func(row []cell) error {
		i++
		r := strconv.Itoa(i)
		bw.WriteString(`<row r="` + r + `">`)
		for j, c := range row {
			ref := ColumnName(j) + r
			if c.number {
				bw.WriteString(`<c r="` + ref + `" s="1"><v>` + strconv.FormatInt(c.num, 10) + `</v></c>`)
				continue
			}
			if c.layout != "" {
				style := "2"
				if c.layout == dateTimeLayout {
					style = "3"
				}
				bw.WriteString(`<c r="` + ref + `" s="` + style + `"><v>` + c.serial() + `</v></c>`)
				continue
			}
			if c.text == "" {
				continue
			}
			bw.WriteString(`<c r="` + ref + `" t="inlineStr"><is><t xml:space="preserve">`)
			if err := xml.EscapeText(bw, []byte(c.text)); err != nil {
				return err
			}
			bw.WriteString(`</t></is></c>`)
		}
		_, err := bw.WriteString(`</row>`)
		return err
	}); err != nil {
		return err
	}
	bw.WriteString(`</sheetData></worksheet>`)
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ColumnName is a spreadsheet column's letters: 0 → A, 25 → Z, 26 → AA.
func ColumnName(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}

// WritePDF writes the report as a printable document, every entry in it,
// a page at a time as the entries are read: nothing reaches w before the
// first page is full, and on an error after that w holds a cut-off file.
func WritePDF(w io.Writer, rep *Report, m *Meta) error {
	f := &rep.Figures
	doc := pdf.NewTo(w, m.Title)
	doc.Created = m.Generated
	doc.SetFooter(m.t("report.pdf.page"))
	drawLogo(doc, m.Logo)
	doc.Heading(1, m.Title)
	doc.Meta(m.t("report.col.organisation"), m.OrgName)
	if m.Legal != "" {
		doc.Note(m.Legal)
	}
	if m.Subject != "" {
		doc.Meta(m.t("report.col.subject"), m.Subject)
	}
	doc.Meta(m.t("report.col.period"), m.PeriodText(rep.Period))
	doc.Meta(m.t("report.col.generated"), i18n.DateTime(m.Lang, m.Generated, m.Zone))
	doc.Rule()
	doc.Heading(2, m.t("report.summary"))
	doc.Meta(m.t("report.donations"), i18n.Rupiah(f.Donations))
	doc.Meta(m.t("report.goods"), i18n.Rupiah(f.Goods))
	doc.Meta(m.t("report.in"), i18n.Rupiah(f.In))
	for _, o := range f.OutLines() {
		doc.Meta(m.t("report.out_cat", m.t("report.cat."+string(o.Category))), i18n.Rupiah(o.Amount))
	}
	doc.Meta(m.t("report.out"), i18n.Rupiah(f.OutTotal))
	if f.TransferIn != 0 || f.TransferOut != 0 {
		doc.Meta(m.t("report.transfer_in"), i18n.Rupiah(f.TransferIn))
		doc.Meta(m.t("report.transfer_out"), i18n.Rupiah(f.TransferOut))
	}
	doc.Meta(m.t("report.balance"), i18n.Rupiah(f.Balance))
	share := m.t("report.share.na")
	if f.HasShare() {
		share = strconv.FormatFloat(f.SharePercent(), 'f', 1, 64) + "%"
	}
	doc.Meta(m.t("report.share"), share)
	if f.HasZakat() {
		doc.Heading(2, m.t("report.zakat"))
		doc.Note(m.t("report.zakat_hint"))
		doc.Meta(m.t("report.zakat_in"), i18n.Rupiah(f.Zakat.In))
		doc.Meta(m.t("report.zakat_out"), i18n.Rupiah(f.Zakat.Out))
		doc.Meta(m.t("report.zakat_balance"), i18n.Rupiah(f.Zakat.Balance()))
	}
	doc.Rule()
	doc.Heading(2, m.t("report.entries"))
	n := 0
	if err := rep.each(func(l *Line) error {
		n++
		line := "#" + strconv.FormatInt(l.Seq, 10) + " · " + i18n.Date(m.Lang, l.RecordedAt, m.Zone) + " · " +
			m.t("report.kind."+string(l.Kind)) + " · " + m.t("report.cat."+string(l.Category)) + " · " + i18n.Rupiah(l.Amount)
		doc.Paragraph(line)
		detail := l.Description
		if l.Counterparty != "" {
			detail += " — " + l.Counterparty
		}
		if l.ReversesSeq != 0 {
			detail += " (" + m.t("report.reverses", l.ReversesSeq) + ")"
		}
		note := m.t("report.col.hash") + " " + l.HashShort()
		if l.HasReceipt {
			note += " · " + m.t("report.col.receipt") + " " + m.ReceiptURL(l.Seq)
		}
		if detail != "" {
			doc.Note(detail)
		}
		doc.Note(note)
		// A reader that went away ends the reading.
		return doc.Err()
	}); err != nil {
		return err
	}
	if n == 0 {
		doc.Paragraph(m.t("report.no_entries"))
	}
	doc.Rule()
	doc.Heading(2, m.t("report.head"))
	doc.Paragraph(m.t("report.head_hint", rep.HeadSeq))
	doc.Paragraph(rep.HeadHash)
	doc.Note(m.VerifyURL())
	return doc.Close()
}

// CategoryLabel is a category's name in the report's language.
func (m *Meta) CategoryLabel(c ledger.Category) string { return m.t("report.cat." + string(c)) }
