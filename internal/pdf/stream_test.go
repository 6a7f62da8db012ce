package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"lokadaya/internal/pdf/pdftest"
)

// TestNewToStreamsPages lays out a long document into a writer and
// checks that each page leaves when the next starts, not at Close, and
// that the result reads back whole: every line once, in order across the
// page breaks, each page with its own number.
func TestNewToStreamsPages(t *testing.T) {
	for _, compress := range []bool{true, false} {
		t.Run(fmt.Sprint("compress=", compress), func(t *testing.T) {
			var out bytes.Buffer
			d := NewTo(&out, "Laporan — panjang")
			d.Compress = compress
			d.SetFooter("Halaman")
			var want []string
			sentAt := map[int]int{} // bytes sent when page n began
			for i := 1; d.Pages() < 6; i++ {
				line := fmt.Sprintf("Baris %d", i)
				d.Paragraph(line)
				want = append(want, line)
				if _, seen := sentAt[d.Pages()]; !seen {
					sentAt[d.Pages()] = out.Len()
				}
			}
			if sentAt[1] != 0 {
				t.Errorf("%d bytes sent before the first page was full", sentAt[1])
			}
			for p := 2; p <= 6; p++ {
				if sentAt[p] <= sentAt[p-1] {
					t.Errorf("nothing sent when page %d began (%d bytes, %d before)", p, sentAt[p], sentAt[p-1])
				}
			}
			if !bytes.HasPrefix(out.Bytes(), []byte("%PDF-1.4\n")) {
				t.Errorf("the stream does not start with the header: %q", out.Bytes()[:min(out.Len(), 16)])
			}
			if err := d.Close(); err != nil {
				t.Fatal(err)
			}
			if err := d.Close(); err != nil {
				t.Errorf("second Close: %v", err)
			}
			f, err := pdftest.Parse(out.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Pages) != 6 || f.Info["Title"] != "Laporan — panjang" {
				t.Fatalf("%d pages, info %q", len(f.Pages), f.Info)
			}
			var body []string
			for i, p := range f.Pages {
				if len(p) < 2 || p[len(p)-1] != fmt.Sprintf("Halaman %d", i+1) {
					t.Fatalf("page %d: %q", i+1, p)
				}
				body = append(body, p[:len(p)-1]...)
			}
			if got, wantAll := strings.Join(body, "\n"), strings.Join(want, "\n"); got != wantAll {
				t.Errorf("lines read back differ:\n%s\nwant:\n%s", got, wantAll)
			}
			checkWithPoppler(t, out.Bytes(), f.Pages)
		})
	}
}

// checkWithPoppler reads the file with poppler's pdfinfo and pdftotext,
// where installed (CI has them), and compares each page's text.
func checkWithPoppler(t *testing.T, data []byte, pages [][]string) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is missing in CI")
		}
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "laporan.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, info)
	}
	if want := fmt.Sprintf("Pages:           %d\n", len(pages)); !bytes.Contains(info, []byte(want)) {
		t.Errorf("pdfinfo, want %q:\n%s", want, info)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	// pdftotext ends every page with a form feed.
	got := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	if len(got) != len(pages) {
		t.Fatalf("pdftotext read %d pages, want %d", len(got), len(pages))
	}
	for i, p := range pages {
		if g, w := strings.Fields(got[i]), strings.Fields(strings.Join(p, " ")); strings.Join(g, " ") != strings.Join(w, " ") {
			t.Errorf("pdftotext page %d:\n%s\nwant:\n%s", i+1, strings.Join(g, " "), strings.Join(w, " "))
		}
	}
}

// failAfter accepts n bytes, then fails, as a connection whose reader
// went away.
type failAfter struct{ n int }

var errGone = errors.New("reader gone")

func (f *failAfter) Write(b []byte) (int, error) {
	if len(b) > f.n {
		n := f.n
		f.n = 0
		return n, errGone
	}
	f.n -= len(b)
	return len(b), nil
}

// TestNewToWriteError: once the writer fails, Err says so (a long report
// stops reading its entries), nothing more is written, and Close fails.
func TestNewToWriteError(t *testing.T) {
	w := &failAfter{n: 3000}
	d := NewTo(w, "x")
	for i := 0; d.Pages() < 8; i++ {
		d.Paragraph(fmt.Sprintf("Baris %d %s", i, strings.Repeat("isi ", 20)))
	}
	if !errors.Is(d.Err(), errGone) {
		t.Fatalf("Err() = %v", d.Err())
	}
	if err := d.Close(); !errors.Is(err, errGone) {
		t.Errorf("Close() = %v", err)
	}
}

// TestWriteToWantsNew: a streamed document has already gone out.
func TestWriteToWantsNew(t *testing.T) {
	d := NewTo(&bytes.Buffer{}, "x")
	if _, err := d.WriteTo(&bytes.Buffer{}); !errors.Is(err, ErrStreamed) {
		t.Errorf("WriteTo = %v", err)
	}
}

// TestStreamedPictures: a picture goes out with the page it is drawn on,
// and each page names only its own.
func TestStreamedPictures(t *testing.T) {
	var out bytes.Buffer
	d := NewTo(&out, "Poster")
	img := decodePNG(t, mustQR(t, "halo"))
	for range 3 {
		d.Image(img, 200, 200, AlignCentre)
		d.Image(img, 200, 200, AlignLeft)
		d.KeepTogether(d.Room() + 1) // the next picture on a fresh page
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := pdftest.Parse(out.Bytes()); err != nil {
		t.Fatal(err)
	}
	dicts := regexp.MustCompile(`/XObject << ((?:/Im\d+ \d+ 0 R )*)>>`).FindAllSubmatch(out.Bytes(), -1)
	if len(dicts) != 3 {
		t.Fatalf("%d pages name pictures, want 3", len(dicts))
	}
	for i, m := range dicts {
		want := fmt.Sprintf("/Im%d ", 2*i)
		if !bytes.HasPrefix(m[1], []byte(want)) || bytes.Count(m[1], []byte("/Im")) != 2 {
			t.Errorf("page %d names %q, want its own two pictures from %s", i+1, m[1], want)
		}
	}
}
