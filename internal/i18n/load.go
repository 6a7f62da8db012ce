package i18n

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"strconv"

	"github.com/leonelquinteros/gotext"
)

// locales holds one gettext PO file per language, keyed by message key:
// msgid is the key, msgstr the text. Indonesian (id.po) is the source
// language; docs/translation.md tells translators how to work on them.
//
//go:embed locales/*.po
var locales embed.FS

func init() {
	catalog, err := loadLocales(locales)
	if err != nil {
		panic(err)
	}
	add(catalog)
}

// loadLocales reads locales/<lang>.po for every language into one catalog.
// A key missing from a file gets an empty text there, which T fills from
// Indonesian; the locale tests keep that from shipping.
func loadLocales(fsys fs.FS) (map[string]Msg, error) {
	texts := make(map[Lang]map[string]string, len(Langs))
	for _, l := range Langs {
		name := "locales/" + string(l) + ".po"
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("i18n: %w", err)
		}
		if texts[l], err = parsePO(data); err != nil {
			return nil, fmt.Errorf("i18n: %s: %w", name, err)
		}
	}
	catalog := make(map[string]Msg, len(texts[ID]))
	for _, l := range Langs {
		for key, s := range texts[l] {
			m := catalog[key]
			switch l {
			case ID:
				m.ID = s
			case EN:
				m.EN = s
			}
			catalog[key] = m
		}
	}
	return catalog, nil
}

// parsePO returns the key → text pairs of one PO file, read by gotext.
func parsePO(data []byte) (map[string]string, error) {
	// gotext keeps the last of two entries with one msgid; a key defined
	// twice is a mistake, as it was in the Go catalogs.
	if key := duplicateID(data); key != "" {
		return nil, fmt.Errorf("duplicate key %s", key)
	}
	po := gotext.NewPo()
	po.Parse(data)
	trs := po.GetDomain().GetTranslations()
	texts := make(map[string]string, len(trs))
	for key, tr := range trs {
		if key != "" { // the header entry
			texts[key] = tr.Trs[0]
		}
	}
	return texts, nil
}

// duplicateID returns a msgid found twice in a PO file, or "". Keys are
// short, so each sits whole on its msgid line.
func duplicateID(data []byte) string {
	seen := make(map[string]struct{}, bytes.Count(data, []byte("msgid ")))
	for line := range bytes.Lines(data) {
		quoted, ok := bytes.CutPrefix(bytes.TrimSpace(line), []byte(`msgid "`))
		if !ok || len(quoted) < 2 { // the header's msgid ""
			continue
		}
		if _, dup := seen[string(quoted)]; dup {
			key, err := strconv.Unquote(`"` + string(quoted))
			if err != nil {
				key = string(quoted)
			}
			return key
		}
		seen[string(quoted)] = struct{}{}
	}
	return ""
}
