// Package pdftest reads back the PDF files internal/pdf writes, strictly
// enough to catch a broken file: it checks the cross-reference offsets and
// every stream's length, inflates the page contents and extracts the text
// they show, line by line. It is for tests, not a general PDF reader.
package pdftest

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
)

// File is a parsed PDF.
type File struct {
	// Info is the document information dictionary, values as UTF-8.
	Info map[string]string
	// Pages holds each page's lines of text, top to bottom.
	Pages [][]string
	// Streams are the decoded streams by object number.
	Streams map[int][]byte

	data    []byte
	objects map[int]any
}

// ref is an indirect reference "N 0 R".
type ref int

// dict is a PDF dictionary; names without their slash.
type dict map[string]any

// Text is every line of every page, one per line, pages separated by a
// form feed as pdftotext does.
func (f *File) Text() string {
	pages := make([]string, len(f.Pages))
	for i, p := range f.Pages {
		pages[i] = strings.Join(p, "\n")
	}
	return strings.Join(pages, "\n\f")
}

var (
	startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	subsection  = regexp.MustCompile(`^xref\n(\d+) (\d+)\n`)
	entryRe     = regexp.MustCompile(`^(\d{10}) (\d{5}) ([nf]) \n$`)
)

// Parse reads data as a PDF file written by internal/pdf.
func Parse(data []byte) (*File, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-1.")) {
		return nil, errors.New("pdftest: no %PDF header")
	}
	m := startxrefRe.FindSubmatch(data)
	if m == nil {
		return nil, errors.New("pdftest: no startxref at the end")
	}
	start, _ := strconv.Atoi(string(m[1]))
	if start >= len(data) {
		return nil, fmt.Errorf("pdftest: startxref %d beyond the file", start)
	}
	f := &File{data: data, objects: map[int]any{}, Streams: map[int][]byte{}, Info: map[string]string{}}
	trailer, err := f.readXref(data[start:])
	if err != nil {
		return nil, err
	}
	if err := f.readInfo(trailer); err != nil {
		return nil, err
	}
	return f, f.readPages(trailer)
}

// readXref checks the cross-reference table, loads every object it points
// at and returns the trailer dictionary.
func (f *File) readXref(b []byte) (dict, error) {
	m := subsection.FindSubmatch(b)
	if m == nil {
		return nil, errors.New("pdftest: startxref does not point at an xref table")
	}
	first, _ := strconv.Atoi(string(m[1]))
	count, _ := strconv.Atoi(string(m[2]))
	b = b[len(m[0]):]
	if first != 0 || len(b) < 20*count {
		return nil, errors.New("pdftest: bad xref subsection")
	}
	for i := range count {
		e := entryRe.FindSubmatch(b[20*i : 20*i+20])
		if e == nil {
			return nil, fmt.Errorf("pdftest: xref entry %d is not 20 bytes of the right form: %q", i, b[20*i:20*i+20])
		}
		if i == 0 {
			if string(e[3]) != "f" {
				return nil, errors.New("pdftest: object 0 is not free")
			}
			continue
		}
		off, _ := strconv.Atoi(string(e[1]))
		if err := f.readObject(i, off); err != nil {
			return nil, err
		}
	}
	l := &lexer{b: b[20*count:]}
	if t, _ := l.next(); t.kind != tKeyword || t.text != "trailer" {
		return nil, errors.New("pdftest: no trailer after the xref table")
	}
	v, err := parseValue(l)
	if err != nil {
		return nil, fmt.Errorf("pdftest: trailer: %w", err)
	}
	d, ok := v.(dict)
	if !ok {
		return nil, errors.New("pdftest: trailer is not a dictionary")
	}
	if size, _ := d["Size"].(float64); int(size) != count {
		return nil, fmt.Errorf("pdftest: trailer /Size %v, xref has %d entries", d["Size"], count)
	}
	return d, nil
}

// readObject parses object n, which the xref table places at off.
func (f *File) readObject(n, off int) error {
	if off >= len(f.data) {
		return fmt.Errorf("pdftest: object %d offset %d beyond the file", n, off)
	}
	head := fmt.Sprintf("%d 0 obj", n)
	if !bytes.HasPrefix(f.data[off:], []byte(head)) {
		return fmt.Errorf("pdftest: xref offset %d of object %d points at %q", off, n, f.data[off:min(off+20, len(f.data))])
	}
	l := &lexer{b: f.data, pos: off + len(head)}
	v, err := parseValue(l)
	if err != nil {
		return fmt.Errorf("pdftest: object %d: %w", n, err)
	}
	f.objects[n] = v
	t, err := l.next()
	if err != nil {
		return err
	}
	if t.kind == tKeyword && t.text == "stream" {
		d, ok := v.(dict)
		if !ok {
			return fmt.Errorf("pdftest: object %d: stream without a dictionary", n)
		}
		if err := f.readStream(n, d, l); err != nil {
			return err
		}
		t, err = l.next()
		if err != nil {
			return err
		}
	}
	if t.kind != tKeyword || t.text != "endobj" {
		return fmt.Errorf("pdftest: object %d does not end with endobj", n)
	}
	return nil
}

// readStream checks the stream's /Length against its endstream keyword and
// decodes its data.
func (f *File) readStream(n int, d dict, l *lexer) error {
	p := l.pos
	switch {
	case bytes.HasPrefix(f.data[p:], []byte("\r\n")):
		p += 2
	case bytes.HasPrefix(f.data[p:], []byte("\n")):
		p++
	default:
		return fmt.Errorf("pdftest: object %d: no end of line after stream", n)
	}
	length, ok := d["Length"].(float64)
	if !ok || length < 0 || p+int(length) > len(f.data) {
		return fmt.Errorf("pdftest: object %d: bad /Length %v", n, d["Length"])
	}
	end := p + int(length)
	rest := f.data[end:]
	rest = bytes.TrimPrefix(bytes.TrimPrefix(rest, []byte("\r")), []byte("\n"))
	if !bytes.HasPrefix(rest, []byte("endstream")) {
		return fmt.Errorf("pdftest: object %d: /Length %d does not end at endstream", n, int(length))
	}
	raw := f.data[p:end]
	switch d["Filter"] {
	case nil:
		f.Streams[n] = raw
	case "FlateDecode":
		zr, err := zlib.NewReader(bytes.NewReader(raw))
		if err != nil {
			return fmt.Errorf("pdftest: object %d: %w", n, err)
		}
		out, err := io.ReadAll(zr)
		if err != nil {
			return fmt.Errorf("pdftest: object %d: inflate: %w", n, err)
		}
		f.Streams[n] = out
	default:
		return fmt.Errorf("pdftest: object %d: unknown filter %v", n, d["Filter"])
	}
	l.pos = len(f.data) - len(rest) + len("endstream")
	return nil
}

// readInfo decodes the information dictionary's strings.
func (f *File) readInfo(trailer dict) error {
	r, ok := trailer["Info"].(ref)
	if !ok {
		return errors.New("pdftest: trailer has no /Info")
	}
	info, ok := f.objects[int(r)].(dict)
	if !ok {
		return errors.New("pdftest: /Info is not a dictionary")
	}
	for k, v := range info {
		if s, ok := v.(string); ok {
			f.Info[k] = textString(s)
		}
	}
	return nil
}

// readPages walks the page tree (one level, as the writer makes it) and
// extracts each page's text.
func (f *File) readPages(trailer dict) error {
	root, _ := trailer["Root"].(ref)
	cat, ok := f.objects[int(root)].(dict)
	if !ok || cat["Type"] != "Catalog" {
		return errors.New("pdftest: /Root is not a catalog")
	}
	pr, _ := cat["Pages"].(ref)
	pages, ok := f.objects[int(pr)].(dict)
	if !ok || pages["Type"] != "Pages" {
		return errors.New("pdftest: no page tree")
	}
	kids, _ := pages["Kids"].([]any)
	if count, _ := pages["Count"].(float64); int(count) != len(kids) || len(kids) == 0 {
		return fmt.Errorf("pdftest: /Count %v for %d kids", pages["Count"], len(kids))
	}
	for _, k := range kids {
		kr, _ := k.(ref)
		page, ok := f.objects[int(kr)].(dict)
		if !ok || page["Type"] != "Page" || page["Parent"] != pr {
			return fmt.Errorf("pdftest: kid %v is not a page of the tree", k)
		}
		cr, _ := page["Contents"].(ref)
		content, ok := f.Streams[int(cr)]
		if !ok {
			return fmt.Errorf("pdftest: page %v has no content stream", k)
		}
		lines, err := extract(content)
		if err != nil {
			return fmt.Errorf("pdftest: page %v: %w", k, err)
		}
		f.Pages = append(f.Pages, lines)
	}
	return nil
}

// textString decodes a PDF text string: UTF-16BE after a byte order mark,
// otherwise (for the ASCII the writer uses) as it is.
func textString(s string) string {
	if !strings.HasPrefix(s, "\xfe\xff") {
		return s
	}
	b := []byte(s[2:])
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}
