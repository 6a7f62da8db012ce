// Package pdf writes documents — headings, paragraphs, label/value lines,
// rules and pictures on A4 pages — as PDF 1.4 with the standard Helvetica
// fonts, so reports and posters can be downloaded without a PDF library.
//
// Each page goes out as soon as it is full: a document of thousands of
// pages holds one page and a short index in memory, and its first bytes
// leave before its last line is laid out. New lays a small document out in
// memory for WriteTo; NewTo streams one to its writer until Close.
package pdf

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"time"
)

// Page geometry in points (1/72 inch): A4 with 2 cm margins.
const (
	PageWidth  = 595.28
	PageHeight = 841.89
	Margin     = 56.69
	TextWidth  = PageWidth - 2*Margin
	footerY    = Margin / 2
	bodySize   = 10.5
	noteSize   = 8.5
	leading    = 1.35
	metaLabelW = TextWidth * 0.3
)

// headingSizes are the font sizes of heading levels 1, 2 and 3.
var headingSizes = [...]float64{18, 14, 11.5}

// Document is a PDF being laid out; its methods add blocks top to bottom
// and start new pages as needed, writing each page out when the next one
// starts. The zero value is not usable; call New or NewTo.
type Document struct {
	// Title goes into the document information dictionary, written on
	// Close.
	Title string
	// Created is the creation date recorded in the file, on Close.
	Created time.Time
	// Compress Flate-compresses the page contents (the default); it
	// applies from the page being laid out on.
	Compress bool

	out          *writer
	mem          *bytes.Buffer // the file, for a document made by New
	closed       bool
	footer       string
	page         bytes.Buffer // the content of the page being laid out
	onPage       bool         // a page is begun and not yet written
	pictures     []int        // the object numbers of the images drawn: /Im0, /Im1, …
	firstPicture int          // the first of pictures drawn on this page
	y            float64      // baseline of the next line on the current page
}

// New starts a document titled title, created now, laid out in memory
// until WriteTo: for small documents that must not fail half-sent.
func New(title string) *Document {
	mem := &bytes.Buffer{}
	d := NewTo(mem, title)
	d.mem = mem
	return d
}

// NewTo starts a document titled title, created now, that writes itself
// to w a page at a time; Close writes the end. Nothing reaches w before
// the first page is full (or the document closes), so a caller that
// fails before that can still answer otherwise.
func NewTo(w io.Writer, title string) *Document {
	return &Document{Title: title, Created: time.Now().UTC(), Compress: true, out: newWriter(w)}
}

// Err is the first error writing to the document's writer: a long
// document can stop laying out once its reader has gone.
func (d *Document) Err() error { return d.out.err }

// SetFooter sets the label of the page numbers in the footer, e.g.
// "Halaman" for "Halaman 2"; empty leaves the footer out.
func (d *Document) SetFooter(label string) { d.footer = label }

// Pages is the number of pages laid out so far, the current one included.
func (d *Document) Pages() int {
	if d.onPage {
		return len(d.out.kids) + 1
	}
	return len(d.out.kids)
}

// Heading adds a bold heading of level 1 (largest) to 3, kept on the same
// page as the lines that follow it.
func (d *Document) Heading(level int, text string) {
	level = min(max(level, 1), len(headingSizes))
	size := headingSizes[level-1]
	lines := Wrap(Encode(flatten(text)), Bold, size, TextWidth)
	before := size * 0.8
	if !d.onPage || d.y >= d.top() {
		before = 0
	}
	// Room for the heading and two lines of body text, or a new page.
	d.need(before + float64(len(lines))*size*leading + 2*bodySize*leading)
	if d.y < d.top() {
		d.y -= before
	}
	for _, l := range lines {
		d.line(Bold, size, Margin, l)
	}
	d.y -= size * 0.3
}

// Paragraph adds text in the body font, wrapped to the text width; line
// breaks in text are kept and an empty line leaves a blank line.
func (d *Document) Paragraph(text string) { d.block(Regular, bodySize, text, 0) }

// Note adds text in a small grey type, e.g. who wrote an answer and when.
func (d *Document) Note(text string) { d.block(Regular, noteSize, text, 0.4) }

// block lays out text in font f at size in the given grey level.
func (d *Document) block(f Font, size float64, text string, grey float64) {
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		lines := Wrap(Encode(para), f, size, TextWidth)
		if len(lines) == 0 {
			d.need(size * leading)
			d.y -= size * leading
			continue
		}
		for _, l := range lines {
			d.greyLine(f, size, Margin, l, grey)
		}
	}
	d.y -= size * 0.5
}

// Meta adds a two-column line: the label in bold on the left, the value
// wrapped in the right column.
func (d *Document) Meta(label, value string) {
	d.meta(label, Wrap(Encode(flatten(value)), Regular, bodySize, TextWidth-metaLabelW))
}

// MetaText is Meta for a value of several lines: its line breaks are
// kept, as in a numbered list of steps.
func (d *Document) MetaText(label, value string) {
	var values [][]byte
	for _, para := range strings.Split(strings.ReplaceAll(value, "\r\n", "\n"), "\n") {
		values = append(values, Wrap(Encode(para), Regular, bodySize, TextWidth-metaLabelW)...)
	}
	d.meta(label, values)
}

func (d *Document) meta(label string, values [][]byte) {
	labels := Wrap(Encode(flatten(label)), Bold, bodySize, metaLabelW-6)
	for i := range max(len(labels), len(values)) {
		d.need(bodySize * leading)
		d.y -= bodySize * leading
		if i < len(labels) {
			d.show(Bold, bodySize, Margin, labels[i], 0)
		}
		if i < len(values) {
			d.show(Regular, bodySize, Margin+metaLabelW, values[i], 0)
		}
	}
	d.y -= bodySize * 0.25
}

// Rule adds a thin horizontal line across the text width.
func (d *Document) Rule() {
	d.need(bodySize)
	y := d.y - bodySize/2
	d.page.WriteString("q 0.6 G 0.5 w " + num(Margin) + " " + num(y) + " m " +
		num(Margin+TextWidth) + " " + num(y) + " l S Q\n")
	d.y -= bodySize
}

// top is the baseline height where a page's first line hangs from.
func (d *Document) top() float64 { return PageHeight - Margin }

// need starts a new page unless h points fit above the bottom margin; a
// block taller than a page simply starts at the top of a fresh one. The
// page before is written out then.
func (d *Document) need(h float64) {
	if d.closed {
		panic("pdf: block added to a closed document")
	}
	if d.onPage && (d.y-h >= Margin || d.y >= d.top()) {
		return
	}
	d.endPage()
	d.onPage = true
	d.firstPicture = len(d.pictures)
	d.y = d.top()
}

// line moves down one line and shows s there.
func (d *Document) line(f Font, size, x float64, s []byte) { d.greyLine(f, size, x, s, 0) }

func (d *Document) greyLine(f Font, size, x float64, s []byte, grey float64) {
	d.need(size * leading)
	d.y -= size * leading
	d.show(f, size, x, s, grey)
}

// show writes one line of text with its baseline at the current height.
// A long report shows tens of thousands of lines: each is appended in
// place, without building strings.
func (d *Document) show(f Font, size, x float64, s []byte, grey float64) {
	// q/Q keeps a grey fill from leaking into the following lines.
	b := append(d.page.AvailableBuffer(), "q "...)
	b = append(appendNum(b, grey), " g BT /"...)
	b = append(append(b, f.resource()...), ' ')
	b = append(appendNum(b, size), " Tf "...)
	b = append(appendNum(b, x), ' ')
	b = append(appendNum(b, d.y), " Td "...)
	b = append(appendEscape(b, s), " Tj ET Q\n"...)
	d.page.Write(b)
}

// flatten turns line breaks into spaces for one-line blocks.
func flatten(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

// num formats a coordinate with at most two decimals, as PDF expects
// (no exponent).
func num(f float64) string { return string(appendNum(nil, f)) }

// appendNum appends num(f) to b.
func appendNum(b []byte, f float64) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, f, 'f', 2, 64)
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	if s := b[start:]; len(s) == 0 || string(s) == "-0" {
		b = append(b[:start], '0')
	}
	return b
}
