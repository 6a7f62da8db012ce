package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"lokadaya/internal/pdf/pdftest"
)

// sample lays out a document with every kind of block, long enough to
// need several pages, and returns it with the texts in reading order.
func sample(compress bool) (*Document, []string) {
	d := New("Siklus 1 — Taman Baca")
	d.Created = time.Date(2026, 3, 1, 6, 5, 0, 0, time.UTC)
	d.Compress = compress
	d.SetFooter("Halaman")
	var want []string
	add := func(s string) { want = append(want, s) }
	d.Heading(1, "Siklus 1 — Taman Baca")
	add("Siklus 1 — Taman Baca")
	d.Meta("Organisasi", "Taman Baca Sukarasa")
	add("Organisasi Taman Baca Sukarasa")
	d.Meta("Dana", "Rp1.500.000")
	add("Dana Rp1.500.000")
	d.Rule()
	for i := 1; i <= 12; i++ {
		h := fmt.Sprintf("%d. Pertanyaan panduan — visi (%d)", i, i)
		d.Heading(2, h)
		add(h)
		p := fmt.Sprintf("Jawaban “%d”: kami ingin semua anak di desa membaca setiap hari; dana Rp1.500.000 "+
			"dipakai untuk buku (bukan \\ alat tulis) … dan rak. %s", i, strings.Repeat("Kalimat tambahan yang panjang. ", 12))
		d.Paragraph(p)
		add(strings.Join(strings.Fields(p), " "))
		d.Paragraph("Baris pertama\nbaris kedua")
		add("Baris pertama")
		add("baris kedua")
		d.Note("Versi 2 oleh Sari, 1 Maret 2026")
		add("Versi 2 oleh Sari, 1 Maret 2026")
	}
	return d, want
}

// render writes d and parses it back.
func render(t testing.TB, d *Document) ([]byte, *pdftest.File) {
	t.Helper()
	var buf bytes.Buffer
	n, err := d.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("WriteTo reported %d bytes, wrote %d", n, buf.Len())
	}
	f, err := pdftest.Parse(buf.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.Bytes())
	}
	return buf.Bytes(), f
}

// inOrder checks that every want appears in text, each after the last.
func inOrder(t *testing.T, text string, want []string) {
	t.Helper()
	text = strings.Join(strings.Fields(text), " ")
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("%q missing (or out of order) after byte %d of:\n%s", w, at, text)
		}
		at += i + len(w)
	}
}

func TestDocumentRoundTrip(t *testing.T) {
	for _, compress := range []bool{true, false} {
		t.Run(fmt.Sprint("compress=", compress), func(t *testing.T) {
			d, want := sample(compress)
			data, f := render(t, d)
			if d.Pages() < 3 || len(f.Pages) != d.Pages() {
				t.Fatalf("%d pages laid out, %d read back; want at least 3", d.Pages(), len(f.Pages))
			}
			if got := bytes.Contains(data, []byte("/FlateDecode")); got != compress {
				t.Errorf("FlateDecode present = %v", got)
			}
			if f.Info["Title"] != "Siklus 1 — Taman Baca" || f.Info["Producer"] != "Lokadaya" ||
				f.Info["CreationDate"] != "D:20260301060500Z" {
				t.Errorf("info = %q", f.Info)
			}
			var body []string
			for i, p := range f.Pages {
				if len(p) == 0 || p[len(p)-1] != fmt.Sprintf("Halaman %d", i+1) {
					t.Errorf("page %d does not end with its number: %q", i+1, p)
				}
				body = append(body, p[:len(p)-1]...)
			}
			inOrder(t, strings.Join(body, "\n"), want)
		})
	}
}

func TestHeadingNotLastOnPage(t *testing.T) {
	d := New("x")
	for i := range 200 {
		d.Heading(3, fmt.Sprintf("Judul %d", i))
		d.Paragraph(fmt.Sprintf("Isi %d", i))
	}
	_, f := render(t, d)
	for i, p := range f.Pages {
		if last := p[len(p)-1]; strings.HasPrefix(last, "Judul") {
			t.Errorf("page %d ends with heading %q", i+1, last)
		}
	}
}

func TestEmptyDocument(t *testing.T) {
	_, f := render(t, New(""))
	if len(f.Pages) != 1 || len(f.Pages[0]) != 0 {
		t.Fatalf("empty document = %q", f.Pages)
	}
}

func TestMetaColumns(t *testing.T) {
	d := New("meta")
	d.Meta("Status", "Berjalan")
	d.Meta("Catatan", strings.Repeat("panjang ", 40))
	_, f := render(t, d)
	if got := f.Pages[0][0]; got != "Status Berjalan" {
		t.Errorf("first line = %q", got)
	}
	if len(f.Pages[0]) < 3 {
		t.Errorf("long value did not wrap: %q", f.Pages[0])
	}
}

// TestPdftotext checks the file with poppler's pdftotext, an independent
// reader; CI installs it (scripts/test.sh), elsewhere it is optional.
func TestPdftotext(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is missing in CI")
		}
		t.Skip("pdftotext not installed")
	}
	d, want := sample(true)
	data, _ := render(t, d)
	path := filepath.Join(t.TempDir(), "siklus.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	inOrder(t, string(out), want)
	info, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err == nil && !bytes.Contains(info, []byte("Siklus 1 — Taman Baca")) {
		t.Errorf("pdfinfo does not show the title:\n%s", info)
	}
}

func FuzzParagraph(f *testing.F) {
	for _, s := range []string{"", "Pertanyaan panduan — visi", "Rp1.500.000", "(\\)", "a\nb\r\n\n", "日本 🙂 \xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := New(s)
		d.SetFooter(s)
		d.Heading(2, s)
		d.Paragraph(s)
		d.Meta(s, s)
		d.Note(s)
		_, file := render(t, d)
		if utf8.ValidString(s) && file.Info["Title"] != s {
			t.Errorf("title %q came back as %q", s, file.Info["Title"])
		}
	})
}

// TestReaderCatchesBrokenFiles makes sure the checks above can fail.
func TestReaderCatchesBrokenFiles(t *testing.T) {
	d, _ := sample(false)
	good, _ := render(t, d)
	for _, tc := range []struct {
		name   string
		breakf func([]byte) []byte
	}{
		{"length off by one", func(b []byte) []byte {
			i := bytes.Index(b, []byte("/Length ")) + len("/Length ")
			return append(append(append([]byte{}, b[:i]...), '9'), b[i:]...)
		}},
		{"shifted object", func(b []byte) []byte {
			i := bytes.Index(b, []byte("2 0 obj"))
			return append(append(append([]byte{}, b[:i]...), ' '), b[i:]...)
		}},
		{"truncated", func(b []byte) []byte { return b[:len(b)-10] }},
		{"no header", func(b []byte) []byte { return b[1:] }},
	} {
		if _, err := pdftest.Parse(tc.breakf(good)); err == nil {
			t.Errorf("%s: parsed without error", tc.name)
		}
	}
}
