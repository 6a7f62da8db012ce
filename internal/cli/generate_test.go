package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenerateCommandFillsOnceThenRefuses(t *testing.T) {
	dbArg := "sqlite:" + filepath.Join(t.TempDir(), "gen.db")
	args := []string{"generate", "--db", dbArg, "--orgs", "5", "--campaigns", "10", "--contributions", "200", "--seed", "2"}
	var out, errOut bytes.Buffer
	if code := Run(args, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s%s", code, out.String(), errOut.String())
	}
	for _, want := range []string{"5 organisations", "10 campaigns", "rows/s", "ledger entries"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	errOut.Reset()
	if code := Run(args, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "empty database") {
		t.Fatalf("second run: exit %d, %q", code, errOut.String())
	}
}
