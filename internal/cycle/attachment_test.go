package cycle_test

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"strings"
	"testing"
	"unicode/utf8"

	"lokadaya/internal/cycle"
)

func TestCheckUpload(t *testing.T) {
	var pic bytes.Buffer
	if err := png.Encode(&pic, image.NewRGBA(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
		typ  string
		err  error
	}{
		{"pdf", []byte("%PDF-1.7\n..."), "application/pdf", nil},
		{"png", pic.Bytes(), "image/png", nil},
		{"html", []byte("<html><script>x</script>"), "", cycle.ErrAttachmentUnsupported},
		{"pdf name only", []byte("not a pdf"), "", cycle.ErrAttachmentUnsupported},
		{"too large", append([]byte("%PDF-"), make([]byte, cycle.MaxAttachmentBytes)...), "", cycle.ErrAttachmentTooLarge},
	} {
		up, err := cycle.CheckUpload(bytes.NewReader(tc.data))
		if !errors.Is(err, tc.err) || (err == nil && up.ContentType != tc.typ) {
			t.Errorf("%s: %v %v", tc.name, up, err)
		}
	}
}

func TestCleanFileName(t *testing.T) {
	for in, want := range map[string]string{
		"notulen rapat.pdf":      "notulen rapat.pdf",
		`C:\dok\foto.JPG`:        "foto.jpg",
		"../../etc/passwd":       "passwd.jpg",
		"":                       "lampiran.jpg",
		"a\x00b\"c.png":          "abc.jpg",
		strings.Repeat("x", 300): strings.Repeat("x", 120) + ".jpg",
	} {
		ext := ".jpg"
		if strings.HasSuffix(in, ".pdf") {
			ext = ".pdf"
		}
		if got := cycle.CleanFileName(in, ext); got != want {
			t.Errorf("CleanFileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzCleanFileName(f *testing.F) {
	f.Add("foto.png")
	f.Add("../..\\x\x00.pdf")
	f.Fuzz(func(t *testing.T, name string) {
		got := cycle.CleanFileName(name, ".pdf")
		if strings.ContainsAny(got, "/\\\"\x00\r\n") || !strings.HasSuffix(got, ".pdf") || utf8.RuneCountInString(got) > 124 {
			t.Fatalf("CleanFileName(%q) = %q", name, got)
		}
	})
}

func FuzzCheckUpload(f *testing.F) {
	f.Add([]byte("%PDF-1.4"))
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		up, err := cycle.CheckUpload(bytes.NewReader(data))
		if err == nil && up.ContentType != "application/pdf" && !strings.HasPrefix(up.ContentType, "image/") {
			t.Fatalf("accepted %q", up.ContentType)
		}
	})
}
