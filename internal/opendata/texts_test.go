package opendata

import (
	"strings"
	"testing"
)

// TestTextsAreTranslated: every title, description and column meaning
// names a message the PO files hold, in both languages.
func TestTextsAreTranslated(t *testing.T) {
	check := func(what string, x Text) {
		for _, s := range []string{x.ID, x.EN} {
			if s == "" || strings.HasPrefix(s, "opendata.") {
				t.Errorf("%s: no text for %q", what, s)
			}
		}
	}
	check("region attribution", RegionAttribution)
	for _, ds := range Datasets {
		check(ds.Name+" title", ds.Title)
		check(ds.Name+" description", ds.Description)
		for _, c := range ds.Columns {
			check(ds.Name+"."+c.Name, c.Meaning)
		}
	}
}
