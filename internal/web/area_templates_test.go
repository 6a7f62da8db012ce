package web

import (
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"lokadaya/internal/i18n"
	"lokadaya/internal/validate"
)

// TestAreaTemplates: an area's pages are rendered within the layout with
// its own partials, and a page or partial name taken twice stops the
// start-up.
func TestAreaTemplates(t *testing.T) {
	page := &fstest.MapFile{Data: []byte(`{{define "content"}}<p>{{template "area-bit" .}}</p>{{end}}`)}
	partial := &fstest.MapFile{Data: []byte(`{{define "area-bit"}}{{.T "form.save"}}{{end}}`)}
	cases := []struct {
		name string
		area fstest.MapFS
		err  string
	}{
		{"fine", fstest.MapFS{"templates/area_page.html": page, "templates/partials/area.html": partial}, ""},
		{"page taken", fstest.MapFS{"templates/volunteer_signup.html": page}, `"volunteer_signup" is defined twice`},
		{"partial taken", fstest.MapFS{"templates/area_page.html": page,
			"templates/partials/area.html": {Data: []byte(`{{define "form-errors"}}x{{end}}`)}}, `"form-errors" is defined twice`},
	}
	for _, c := range cases {
		tmpl, err := loadTemplates()
		if err != nil {
			t.Fatal(err)
		}
		base, err := parseBase()
		if err != nil {
			t.Fatal(err)
		}
		err = tmpl.addAreaTemplates(base, c.area)
		if c.err == "" && err != nil || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.err)
		}
		if c.err != "" {
			continue
		}
		var out strings.Builder
		v := &View{Lang: i18n.ID, Form: url.Values{}, Errors: validate.Errors{}}
		if err := mustPage(t, tmpl, "area_page").ExecuteTemplate(&out, "layout.html", v); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "<p>Simpan</p>") || !strings.Contains(out.String(), "</html>") {
			t.Errorf("area page not rendered in the layout: %s", out.String())
		}
	}
}
