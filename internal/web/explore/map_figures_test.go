package explore

import (
	"testing"

	"lokadaya/internal/i18n"
)

// TestMapFiguresTranslated: every figure the map offers has a name (the
// "Angka" menu, the map's title and legend) and, unless it is money, a
// unit for its values, in every language. A missing one shows its raw key.
func TestMapFiguresTranslated(t *testing.T) {
	if len(mapFigures) == 0 {
		t.Fatal("the map offers no figures")
	}
	for _, f := range mapFigures {
		keys := []string{"map.figure." + f.Key}
		if !f.Money {
			keys = append(keys, "map.value."+f.Key)
		}
		for _, key := range keys {
			if !i18n.Has(key) {
				t.Errorf("figure %q: no message %q", f.Key, key)
				continue
			}
			for _, lang := range i18n.Langs {
				if got := i18n.T(lang, key); got == key || got == "" {
					t.Errorf("figure %q: %q has no %s text", f.Key, key, lang)
				}
			}
		}
		// What the page and the SVG show, not only the keys.
		for _, lang := range i18n.Langs {
			if got := figureText(lang, f, 7); got == "" || got == "map.value."+f.Key {
				t.Errorf("figureText(%s, %q) = %q", lang, f.Key, got)
			}
		}
	}
}
