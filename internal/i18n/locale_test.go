package i18n

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite locales/*.po in canonical form, moving into them the messages of any catalog_*.go file, which is then deleted")

// readLocales parses every locales/<lang>.po file of the package.
func readLocales(t *testing.T) map[Lang]map[string]string {
	t.Helper()
	texts := map[Lang]map[string]string{}
	for _, l := range Langs {
		data, err := os.ReadFile(poPath(l))
		if err != nil {
			t.Fatal(err)
		}
		if texts[l], err = parsePO(data); err != nil {
			t.Fatalf("%s: %v", poPath(l), err)
		}
	}
	return texts
}

func poPath(l Lang) string { return filepath.Join("locales", string(l)+".po") }

// TestLocaleFiles: the PO files are in canonical form (sorted by key, not
// wrapped) and no message is defined in Go. With -update it writes every
// known message, those of catalog_*.go files included, into the PO files
// and deletes those Go files.
func TestLocaleFiles(t *testing.T) {
	goCatalogs, err := filepath.Glob("catalog_*.go")
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		writeLocales(t)
		for _, f := range goCatalogs {
			if err := os.Remove(f); err != nil {
				t.Fatal(err)
			}
			t.Logf("moved the messages of %s into locales/ and deleted it", f)
		}
		return
	}
	for _, f := range goCatalogs {
		t.Errorf("%s defines messages in Go: run go test ./internal/i18n -run TestLocaleFiles -update to move them into locales/", f)
	}
	texts := readLocales(t)
	for _, l := range Langs {
		data, err := os.ReadFile(poPath(l))
		if err != nil {
			t.Fatal(err)
		}
		_, body := splitHeader(string(data))
		want := formatBody(texts[l], texts[ID])
		if body != want {
			got, exp := strings.Split(body, "\n"), strings.Split(want, "\n")
			i := 0
			for i < len(got) && i < len(exp) && got[i] == exp[i] {
				i++
			}
			line := func(ls []string) string {
				if i < len(ls) {
					return ls[i]
				}
				return "(end of file)"
			}
			t.Errorf("%s is not in canonical form (run go test ./internal/i18n -run TestLocaleFiles -update); body line %d is %q, want %q",
				poPath(l), i+1, line(got), line(exp))
		}
	}
}

// writeLocales writes the registered messages into the PO files, keeping
// their header blocks. A fuzzy entry stops it: a person has to review it.
func writeLocales(t *testing.T) {
	texts := map[Lang]map[string]string{ID: {}, EN: {}}
	for _, k := range Keys() {
		texts[ID][k], texts[EN][k] = messages[k].ID, messages[k].EN
	}
	for _, l := range Langs {
		old, err := os.ReadFile(poPath(l))
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if hasFuzzy(string(old)) {
			t.Fatalf("%s has fuzzy entries: review them and clear the flag first", poPath(l))
		}
		header, _ := splitHeader(string(old))
		if header == "" {
			header = defaultHeader(l)
		}
		if err := os.WriteFile(poPath(l), []byte(header+formatBody(texts[l], texts[ID])), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestEveryKeyInEveryLanguage: every key of any PO file has a text in
// every language, no text begins or ends with a line break (msgfmt
// refuses a msgstr that does where its msgid, the key, does not), and no
// entry is marked fuzzy (gotext would use it).
func TestEveryKeyInEveryLanguage(t *testing.T) {
	texts := readLocales(t)
	keys := map[string]bool{}
	for _, l := range Langs {
		for k := range texts[l] {
			keys[k] = true
		}
	}
	if len(keys) < 1000 {
		t.Errorf("only %d keys: the PO files did not load", len(keys))
	}
	for k := range keys {
		for _, l := range Langs {
			if s, ok := texts[l][k]; !ok {
				t.Errorf("%s: no entry for %q", poPath(l), k)
			} else if strings.TrimSpace(s) == "" {
				t.Errorf("%s: no text for %q", poPath(l), k)
			} else if strings.HasPrefix(s, "\n") || strings.HasSuffix(s, "\n") {
				t.Errorf("%s: the text of %q begins or ends with a line break", poPath(l), k)
			}
		}
	}
	for _, l := range Langs {
		data, err := os.ReadFile(poPath(l))
		if err != nil {
			t.Fatal(err)
		}
		if hasFuzzy(string(data)) {
			t.Errorf("%s has fuzzy entries: review them and clear the flag", poPath(l))
		}
	}
}

// TestPlaceholdersMatch: every translation takes the same arguments with
// the same verbs as the Indonesian text, whatever their order.
func TestPlaceholdersMatch(t *testing.T) {
	texts := readLocales(t)
	for _, l := range Langs[1:] {
		for k, src := range texts[ID] {
			want, got := placeholders(src), placeholders(texts[l][k])
			if !slices.Equal(got, want) {
				t.Errorf("%s: %q takes %v, the Indonesian text %v", poPath(l), k, got, want)
			}
		}
	}
}

// hasFuzzy reports whether a PO file flags an entry fuzzy, a translation a
// tool guessed and a person has still to review.
func hasFuzzy(po string) bool {
	for _, line := range strings.Split(po, "\n") {
		if strings.HasPrefix(line, "#,") && strings.Contains(line, "fuzzy") {
			return true
		}
	}
	return false
}
