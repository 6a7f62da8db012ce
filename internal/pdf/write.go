package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"strconv"
	"unicode/utf16"
)

// Object numbers of the fixed objects; pages and their contents follow.
const (
	objCatalog = 1 + iota
	objPages
	objRegular
	objBold
	objInfo
	objFirstPage
)

// WriteTo writes the document as a PDF file. An empty document still has
// one blank page.
func (d *Document) WriteTo(w io.Writer) (int64, error) {
	if len(d.pages) == 0 {
		d.need(0)
	}
	pw := &writer{}
	pw.buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n") // the binary comment marks the file as binary
	kids := make([]byte, 0, 16*len(d.pages))
	for i := range d.pages {
		kids = append(kids, strconv.Itoa(objFirstPage+2*i)+" 0 R "...)
	}
	pw.object(objCatalog, "<< /Type /Catalog /Pages 2 0 R >>")
	pw.object(objPages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", bytes.TrimSpace(kids), len(d.pages)))
	for _, f := range []Font{Regular, Bold} {
		pw.object(objRegular+int(f), "<< /Type /Font /Subtype /Type1 /BaseFont /"+f.baseFont()+" /Encoding /WinAnsiEncoding >>")
	}
	pw.object(objInfo, "<< /Title "+textString(d.Title)+" /Producer (Lokadaya) /CreationDate ("+
		d.Created.UTC().Format("D:20060102150405Z")+") >>")
	// The pictures follow the pages; every page may use any of them.
	xobjects, next := "", objFirstPage+2*len(d.pages)
	for i, p := range d.pictures {
		xobjects += fmt.Sprintf("/Im%d %d 0 R ", i, next)
		if err := p.write(pw, next); err != nil {
			return 0, err
		}
		next += p.objects()
	}
	if xobjects != "" {
		xobjects = " /XObject << " + xobjects + ">>"
	}
	for i := range d.pages {
		n := objFirstPage + 2*i
		pw.object(n, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] "+
			"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >>%s >> /Contents %d 0 R >>",
			num(PageWidth), num(PageHeight), objRegular, objBold, xobjects, n+1))
		if err := pw.streamDict(n+1, "", d.content(i), d.Compress); err != nil {
			return 0, err
		}
	}
	pw.trailer()
	return pw.buf.WriteTo(w)
}

// content is page i's content stream with its footer.
func (d *Document) content(i int) []byte {
	c := d.pages[i].Bytes()
	if d.footer == "" {
		return c
	}
	label := Encode(flatten(d.footer) + " " + strconv.Itoa(i+1))
	x := Margin + (TextWidth-Regular.Width(label, noteSize))/2
	return append(c[:len(c):len(c)], "q 0.4 g BT /F1 "+num(noteSize)+" Tf "+num(x)+" "+num(footerY)+
		" Td "+escape(label)+" Tj ET Q\n"...)
}

// writer collects the objects and remembers where each starts, for the
// cross-reference table.
type writer struct {
	buf     bytes.Buffer
	offsets []int // offsets[n-1] is the byte offset of object n
}

func (pw *writer) begin(n int) {
	for len(pw.offsets) < n {
		pw.offsets = append(pw.offsets, 0)
	}
	pw.offsets[n-1] = pw.buf.Len()
	fmt.Fprintf(&pw.buf, "%d 0 obj\n", n)
}

// object writes object n with the given body.
func (pw *writer) object(n int, body string) {
	pw.begin(n)
	pw.buf.WriteString(body + "\nendobj\n")
}

// streamDict writes object n as a stream of data, Flate-compressed if
// asked, with the given entries in its dictionary besides the length.
func (pw *writer) streamDict(n int, entries string, data []byte, compress bool) error {
	filter := ""
	if compress {
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		if _, err := zw.Write(data); err != nil {
			return fmt.Errorf("pdf: compress object %d: %w", n, err)
		}
		if err := zw.Close(); err != nil {
			return fmt.Errorf("pdf: compress object %d: %w", n, err)
		}
		data, filter = z.Bytes(), " /Filter /FlateDecode"
	}
	pw.begin(n)
	if entries != "" {
		entries += " "
	}
	fmt.Fprintf(&pw.buf, "<< %s/Length %d%s >>\nstream\n", entries, len(data), filter)
	pw.buf.Write(data)
	pw.buf.WriteString("\nendstream\nendobj\n")
	return nil
}

// trailer writes the cross-reference table and the trailer; every entry
// is exactly 20 bytes, as the format requires.
func (pw *writer) trailer() {
	start := pw.buf.Len()
	fmt.Fprintf(&pw.buf, "xref\n0 %d\n0000000000 65535 f \n", len(pw.offsets)+1)
	for _, off := range pw.offsets {
		fmt.Fprintf(&pw.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&pw.buf, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n",
		len(pw.offsets)+1, objCatalog, objInfo, start)
}

// textString encodes s as a PDF text string: a literal for plain ASCII,
// otherwise UTF-16BE with a byte order mark, which every reader shows.
func textString(s string) string {
	ascii := true
	for _, r := range s {
		if r < 0x20 || r > 0x7E {
			ascii = false
			break
		}
	}
	if ascii {
		return escape([]byte(s))
	}
	out := []byte("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		out = fmt.Appendf(out, "%04X", u)
	}
	return string(append(out, '>'))
}
