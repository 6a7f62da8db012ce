package pdftest

import (
	"os"
	"os/exec"
	"testing"
)

// Poppler runs one of poppler's tools (pdftotext, pdftoppm) and returns its
// output, skipping the test where they are not installed; CI installs them.
func Poppler(t testing.TB, tool string, args ...string) []byte {
	t.Helper()
	bin, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s (poppler-utils) is missing in CI", tool)
		}
		t.Skipf("%s not installed", tool)
	}
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
	return out
}
