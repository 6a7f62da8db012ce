package pdf

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"lokadaya/internal/qris"
)

// TestModulesRenderedByPoppler draws QR codes as vectors, at the sizes and
// resolutions a receipt is printed and checked at, and reads them back
// from the page poppler renders.
func TestModulesRenderedByPoppler(t *testing.T) {
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftoppm (poppler-utils) is missing in CI")
		}
		t.Skip("pdftoppm not installed")
	}
	for i, c := range []struct {
		size float64
		dpi  int
	}{{110, 150}, {110, 100}, {80, 150}, {200, 72}, {130, 300}} {
		payload := fmt.Sprintf("https://lokadaya.example/kuitansi/%d-%d-3F9A2C1B", 100+i, 7000+i)
		code, err := qris.Image(payload)
		if err != nil {
			t.Fatal(err)
		}
		d := New("QR")
		d.Paragraph("Pindai")
		d.Modules(code, c.size, AlignCentre)
		data, file := render(t, d)
		if len(file.Pages) != 1 || len(data) > 4000 {
			t.Errorf("%v: %d pages, %d bytes", c, len(file.Pages), len(data))
		}
		dir := t.TempDir()
		path := filepath.Join(dir, "qr.pdf")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(bin, "-r", fmt.Sprint(c.dpi), "-png", "-singlefile", path, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, out)
		}
		raw, err := os.ReadFile(filepath.Join(dir, "page.png"))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := qris.Decode(decodePNG(t, raw)); err != nil || got != payload {
			t.Errorf("%v: QR code reads %q (%v), want %q", c, got, err, payload)
		}
	}
}
