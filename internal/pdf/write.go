package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf16"
)

// Object numbers of the fixed objects, written when the document closes;
// pictures, pages and their contents take the numbers after them as they
// are written.
const (
	objCatalog = 1 + iota
	objPages
	objRegular
	objBold
	objInfo
	objFirstFree
)

// compressLevel is the Flate level of every stream. The fastest level
// saves a fifth of a long report's time but makes it an eighth larger,
// and a download on a slow line costs its reader more than the server
// the difference.
const compressLevel = zlib.DefaultCompression

// ErrStreamed is WriteTo's answer for a document made by NewTo: it was
// written to its writer as it was laid out.
var ErrStreamed = errors.New("pdf: document already streamed; call Close")

// WriteTo closes the document made by New and writes it as a PDF file.
// An empty document still has one blank page.
func (d *Document) WriteTo(w io.Writer) (int64, error) {
	if d.mem == nil {
		return 0, ErrStreamed
	}
	if err := d.Close(); err != nil {
		return 0, err
	}
	return bytes.NewReader(d.mem.Bytes()).WriteTo(w)
}

// Close ends the last page and writes what only the end knows: the page
// tree, the fonts, the document information and the cross-reference
// table. The document takes no more blocks; closing again does nothing.
func (d *Document) Close() error {
	if d.closed {
		return d.out.err
	}
	if !d.onPage {
		d.need(0)
	}
	d.endPage()
	d.closed = true
	pw := d.out
	kids := make([]byte, 0, 8*len(pw.kids))
	for i, n := range pw.kids {
		if i > 0 {
			kids = append(kids, ' ')
		}
		kids = append(strconv.AppendInt(kids, int64(n), 10), " 0 R"...)
	}
	pw.object(objPages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, len(pw.kids)))
	pw.object(objCatalog, "<< /Type /Catalog /Pages 2 0 R >>")
	for _, f := range []Font{Regular, Bold} {
		pw.object(objRegular+int(f), "<< /Type /Font /Subtype /Type1 /BaseFont /"+f.baseFont()+" /Encoding /WinAnsiEncoding >>")
	}
	pw.object(objInfo, "<< /Title "+textString(d.Title)+" /Producer (Lokadaya) /CreationDate ("+
		d.Created.UTC().Format("D:20060102150405Z")+") >>")
	pw.trailer()
	pw.flush()
	return pw.err
}

// endPage writes the page being laid out, with its footer, and sends it
// on: its content stream, then the page object naming the pictures drawn
// on it.
func (d *Document) endPage() {
	if !d.onPage {
		return
	}
	d.onPage = false
	pw := d.out
	number := len(pw.kids) + 1
	if d.footer != "" {
		label := Encode(flatten(d.footer) + " " + strconv.Itoa(number))
		x := Margin + (TextWidth-Regular.Width(label, noteSize))/2
		d.page.WriteString("q 0.4 g BT /F1 " + num(noteSize) + " Tf " + num(x) + " " + num(footerY) +
			" Td " + escape(label) + " Tj ET Q\n")
	}
	contents := pw.alloc()
	pw.streamDict(contents, "", d.page.Bytes(), d.Compress)
	xobjects := ""
	for i := d.firstPicture; i < len(d.pictures); i++ {
		xobjects += fmt.Sprintf("/Im%d %d 0 R ", i, d.pictures[i])
	}
	if xobjects != "" {
		xobjects = " /XObject << " + xobjects + ">>"
	}
	n := pw.alloc()
	pw.object(n, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] "+
		"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >>%s >> /Contents %d 0 R >>",
		num(PageWidth), num(PageHeight), objRegular, objBold, xobjects, contents))
	pw.kids = append(pw.kids, n)
	d.page.Reset()
	pw.flush()
}

// writer sends the objects to the file as they are finished and
// remembers where each starts, for the cross-reference table. What it
// holds at any time is the objects of one page.
type writer struct {
	dst     io.Writer
	buf     bytes.Buffer // objects not sent yet
	sent    int64        // bytes sent to dst
	offsets []int64      // offsets[n-1] is the byte offset of object n
	next    int          // the next free object number
	kids    []int        // the page objects, in order
	err     error        // the first failure to write; nothing is sent after it

	z    *zlib.Writer // reused: a new one per stream costs more than the stream
	zbuf bytes.Buffer
}

func newWriter(dst io.Writer) *writer {
	pw := &writer{dst: dst, next: objFirstFree}
	// The binary comment marks the file as binary.
	pw.buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	return pw
}

// alloc is a fresh object number.
func (pw *writer) alloc() int {
	n := pw.next
	pw.next++
	return n
}

// flush sends the finished objects on; after a failure it drops them.
func (pw *writer) flush() {
	if pw.err == nil {
		n, err := pw.dst.Write(pw.buf.Bytes())
		pw.sent += int64(n)
		pw.err = err
	}
	pw.buf.Reset()
}

func (pw *writer) begin(n int) {
	for len(pw.offsets) < n {
		pw.offsets = append(pw.offsets, 0)
	}
	pw.offsets[n-1] = pw.sent + int64(pw.buf.Len())
	pw.buf.WriteString(strconv.Itoa(n) + " 0 obj\n")
}

// object writes object n with the given body.
func (pw *writer) object(n int, body string) {
	pw.begin(n)
	pw.buf.WriteString(body)
	pw.buf.WriteString("\nendobj\n")
}

// streamDict writes object n as a stream of data, Flate-compressed if
// asked, with the given entries in its dictionary besides the length.
func (pw *writer) streamDict(n int, entries string, data []byte, compress bool) {
	filter := ""
	if compress {
		pw.zbuf.Reset()
		if pw.z == nil {
			pw.z, _ = zlib.NewWriterLevel(&pw.zbuf, compressLevel) // the level is valid
		} else {
			pw.z.Reset(&pw.zbuf)
		}
		// Writing to a bytes.Buffer does not fail.
		_, _ = pw.z.Write(data)
		_ = pw.z.Close()
		data, filter = pw.zbuf.Bytes(), " /Filter /FlateDecode"
	}
	pw.begin(n)
	if entries != "" {
		entries += " "
	}
	fmt.Fprintf(&pw.buf, "<< %s/Length %d%s >>\nstream\n", entries, len(data), filter)
	pw.buf.Write(data)
	pw.buf.WriteString("\nendstream\nendobj\n")
}

// trailer writes the cross-reference table and the trailer; every entry
// is exactly 20 bytes, as the format requires.
func (pw *writer) trailer() {
	start := pw.sent + int64(pw.buf.Len())
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
