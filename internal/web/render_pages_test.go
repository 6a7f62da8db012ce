package web

import (
	"html/template"
	"testing"
)

// mustPage is a page's template, parsed, or the test stops.
func mustPage(t *testing.T, tmpl *templates, name string) *template.Template {
	t.Helper()
	p, err := tmpl.page(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestEveryPageParses parses every page template, web's and the areas',
// as the server would on first showing each: pages are parsed lazily, so
// this is where a broken one is caught.
func TestEveryPageParses(t *testing.T) {
	tmpl, err := loadTemplates()
	if err != nil {
		t.Fatal(err)
	}
	if len(tmpl.pages) < 100 {
		t.Fatalf("only %d page templates found", len(tmpl.pages))
	}
	for name := range tmpl.pages {
		p := mustPage(t, tmpl, name)
		if p.Lookup("layout.html") == nil {
			t.Errorf("%s: no layout", name)
		}
		again, _ := tmpl.page(name)
		if again != p {
			t.Errorf("%s: parsed twice", name)
		}
	}
	if _, err := tmpl.page("no-such-page"); err == nil {
		t.Error("an unknown page has a template")
	}
}
