// Package pdf writes small documents — headings, paragraphs, label/value
// lines, rules and pictures on A4 pages — as PDF 1.4 with the standard
// Helvetica fonts, so reports and posters can be downloaded without a PDF
// library.
package pdf

import (
	"bytes"
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
// and start new pages as needed. The zero value is not usable; call New.
type Document struct {
	// Title goes into the document information dictionary.
	Title string
	// Created is the creation date recorded in the file.
	Created time.Time
	// Compress Flate-compresses the page contents (the default).
	Compress bool

	footer   string
	pages    []*bytes.Buffer
	pictures []*picture // the images drawn, in order: /Im0, /Im1, …
	y        float64    // baseline of the next line on the current page
}

// New starts a document titled title, created now.
func New(title string) *Document {
	return &Document{Title: title, Created: time.Now().UTC(), Compress: true}
}

// SetFooter sets the label of the page numbers in the footer, e.g.
// "Halaman" for "Halaman 2"; empty leaves the footer out.
func (d *Document) SetFooter(label string) { d.footer = label }

// Pages is the number of pages laid out so far.
func (d *Document) Pages() int { return len(d.pages) }

// Heading adds a bold heading of level 1 (largest) to 3, kept on the same
// page as the lines that follow it.
func (d *Document) Heading(level int, text string) {
	level = min(max(level, 1), len(headingSizes))
	size := headingSizes[level-1]
	lines := Wrap(Encode(flatten(text)), Bold, size, TextWidth)
	before := size * 0.8
	if d.page() == nil || d.y >= d.top() {
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
	d.page().WriteString("q 0.6 G 0.5 w " + num(Margin) + " " + num(y) + " m " +
		num(Margin+TextWidth) + " " + num(y) + " l S Q\n")
	d.y -= bodySize
}

// top is the baseline height where a page's first line hangs from.
func (d *Document) top() float64 { return PageHeight - Margin }

// page is the current page's content, or nil before the first block.
func (d *Document) page() *bytes.Buffer {
	if len(d.pages) == 0 {
		return nil
	}
	return d.pages[len(d.pages)-1]
}

// need starts a new page unless h points fit above the bottom margin; a
// block taller than a page simply starts at the top of a fresh one.
func (d *Document) need(h float64) {
	if d.page() != nil && (d.y-h >= Margin || d.y >= d.top()) {
		return
	}
	d.pages = append(d.pages, &bytes.Buffer{})
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
func (d *Document) show(f Font, size, x float64, s []byte, grey float64) {
	p := d.page()
	// q/Q keeps a grey fill from leaking into the following lines.
	p.WriteString("q " + num(grey) + " g BT /" + f.resource() + " " + num(size) + " Tf " +
		num(x) + " " + num(d.y) + " Td " + escape(s) + " Tj ET Q\n")
}

// flatten turns line breaks into spaces for one-line blocks.
func flatten(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

// num formats a coordinate with at most two decimals, as PDF expects
// (no exponent).
func num(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}
