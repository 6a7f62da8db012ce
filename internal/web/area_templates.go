package web

import (
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
)

// addAreaTemplates parses the page templates of an area package (its
// templates/*.html, with its own templates/partials/*.html) into t, each
// within the site layout and partials like web's own pages. A page or
// partial whose name is already taken is an error, so that no area
// silently replaces another's template.
func (t *templates) addAreaTemplates(base *template.Template, area fs.FS) error {
	partials, err := fs.Glob(area, "templates/partials/*.html")
	if err != nil {
		return err
	}
	withPartials := base
	if len(partials) > 0 {
		if err := checkNewNames(base, area, partials); err != nil {
			return err
		}
		if withPartials, err = base.Clone(); err != nil {
			return err
		}
		if _, err := withPartials.ParseFS(area, partials...); err != nil {
			return fmt.Errorf("web: parse area partials: %w", err)
		}
	}
	pages, err := fs.Glob(area, "templates/*.html")
	if err != nil {
		return err
	}
	for _, p := range pages {
		if err := t.add(strings.TrimSuffix(path.Base(p), ".html"), withPartials, area, p); err != nil {
			return err
		}
	}
	return nil
}

// checkNewNames refuses partial files that define a template base has.
func checkNewNames(base *template.Template, area fs.FS, files []string) error {
	probe, err := template.New("probe").Funcs(templateFuncs).ParseFS(area, files...)
	if err != nil {
		return fmt.Errorf("web: parse area partials: %w", err)
	}
	for _, tt := range probe.Templates() {
		if tt.Name() != "probe" && base.Lookup(tt.Name()) != nil {
			return fmt.Errorf("web: template %q is defined twice", tt.Name())
		}
	}
	return nil
}
