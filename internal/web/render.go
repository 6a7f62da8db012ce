package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

//go:embed templates
var templateFiles embed.FS

// templates holds one parsed set per page: the layout, every partial and
// the page itself, so pages can each define "content" and "title".
type templates struct {
	pages map[string]*pageTemplate
}

// pageTemplate is one page: its own file parsed on a copy of the layout
// and partials the first time the page is shown. Each copy holds a few
// hundred kilobytes of parse trees, and a server showing a dozen pages
// should not carry all of them from its start; TestEveryPageParses parses
// every page, so a broken one fails the tests rather than a visitor.
type pageTemplate struct {
	once sync.Once
	base *template.Template // layout and partials, copied, never executed
	fsys fs.FS
	file string
	t    *template.Template
	err  error
}

// get parses the page once and returns it.
func (p *pageTemplate) get() (*template.Template, error) {
	p.once.Do(func() {
		clone, err := p.base.Clone()
		if err == nil {
			_, err = clone.ParseFS(p.fsys, p.file)
		}
		if err != nil {
			p.err = fmt.Errorf("web: parse %s: %w", p.file, err)
			return
		}
		p.t, p.base = clone, nil
	})
	return p.t, p.err
}

// page is the named page's template, parsed on first use.
func (t *templates) page(name string) (*template.Template, error) {
	p, ok := t.pages[name]
	if !ok {
		return nil, fmt.Errorf("web: no template %q", name)
	}
	return p.get()
}

// add registers a page to be parsed from file on base when first shown.
func (t *templates) add(name string, base *template.Template, fsys fs.FS, file string) error {
	if _, taken := t.pages[name]; taken {
		return fmt.Errorf("web: page template %q is defined twice", name)
	}
	t.pages[name] = &pageTemplate{base: base, fsys: fsys, file: file}
	return nil
}

var templateFuncs = template.FuncMap{
	"rupiah": i18n.Rupiah,
	// decimal writes a figure with a fixed number of decimals in the
	// page's language: {{decimal .Lang 77.08 2}}.
	"decimal": i18n.Decimal,
	"number": func(n any) string {
		switch v := n.(type) {
		case int:
			return i18n.Number(int64(v))
		case int64:
			return i18n.Number(v)
		}
		return fmt.Sprint(n)
	},
	// month writes a stored month (2026-06) as people read it: {{month $.Lang .Month}}.
	"month": i18n.MonthYear,
	"join":  strings.Join,
	"contains": func(list []string, s string) bool {
		for _, x := range list {
			if x == s {
				return true
			}
		}
		return false
	},
	"add": func(a, b int) int { return a + b },
	// zone is the time zone (WIB, WITA or WIT) of a region code, so dates
	// about an organisation read in its own local time.
	"zone": region.Zone,
}

// parseBase parses the layout and every partial, the base of each page.
func parseBase() (*template.Template, error) {
	base, err := template.New("layout.html").Funcs(templateFuncs).ParseFS(templateFiles,
		"templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: parse layout: %w", err)
	}
	return base, nil
}

func loadTemplates() (*templates, error) {
	base, err := parseBase()
	if err != nil {
		return nil, err
	}
	pages, err := fs.Glob(templateFiles, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	t := &templates{pages: map[string]*pageTemplate{}}
	for _, p := range pages {
		if err := t.add(strings.TrimSuffix(path.Base(p), ".html"), base, templateFiles, p); err != nil {
			return nil, err
		}
	}
	for _, area := range areaTemplates {
		if err := t.addAreaTemplates(base, area); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// View is what every page template receives: the request's language and
// user, the form being edited with its errors, and the page's own data.
type View struct {
	Lang   i18n.Lang
	User   *account.User
	Path   string
	Query  url.Values
	Title  string
	Flash  string
	Form   url.Values
	Errors validate.Errors
	Demo   bool
	Data   any

	// langFrom is the page the language switch reloads: the request's own
	// for a GET, else the page the form was on (see pageOfForm).
	langFrom *url.URL
}

// T translates a message key.
func (v *View) T(key string, args ...any) string { return i18n.T(v.Lang, key, args...) }

// DonationReason is a donation's stored reject reason in the reader's
// language when the platform wrote it, else as the treasurer typed it.
func (v *View) DonationReason(stored string) string {
	if key := donation.ReasonKey(stored); key != "" {
		return v.T(key)
	}
	return stored
}

// Err is the translated error for a form field, or "".
func (v *View) Err(field string) string {
	if k, ok := v.Errors[field]; ok {
		return i18n.T(v.Lang, k)
	}
	return ""
}

// Val is what the user typed in a form field.
func (v *View) Val(field string) string { return v.Form.Get(field) }

// Vals is every value of a multi-valued form field.
func (v *View) Vals(field string) []string { return v.Form[field] }

// Date formats a day in the given zone (WIB when nil).
func (v *View) Date(t time.Time, zone *time.Location) string { return i18n.Date(v.Lang, t, zone) }

// DateTime formats a moment with its hour and zone (WIB when nil).
func (v *View) DateTime(t time.Time, zone *time.Location) string {
	return i18n.DateTime(v.Lang, t, zone)
}

// TimeRange writes a span of time, the day once when it is one day.
func (v *View) TimeRange(start, end time.Time, zone *time.Location) string {
	return i18n.TimeRange(v.Lang, start, end, zone)
}

// OtherLang is the language the switch offers.
func (v *View) OtherLang() string {
	if v.Lang == i18n.EN {
		return string(i18n.ID)
	}
	return string(i18n.EN)
}

// SwitchLangURL is the current page in the other language. A page
// answering a form (a POST) has no address of its own to reload, so the
// switch goes back to the page the form was on.
func (v *View) SwitchLangURL() string {
	path, query := v.Path, v.Query
	if v.langFrom != nil {
		path, query = v.langFrom.Path, v.langFrom.Query()
	}
	q := url.Values{}
	for k, vs := range query {
		if k != "lang" {
			q[k] = vs
		}
	}
	q.Set("lang", v.OtherLang())
	return path + "?" + q.Encode()
}

// pageOfForm is, for a request that is not a GET, the page on this site
// its form was sent from (the Referer, which this site's Referrer-Policy
// keeps for its own pages), or the home page when the browser did not
// say; nil for a GET or HEAD, whose own address can be reloaded.
func pageOfForm(r *http.Request) *url.URL {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return nil
	}
	ref, err := url.Parse(r.Referer())
	if err != nil || ref.Host != r.Host || !strings.HasPrefix(ref.Path, "/") {
		return &url.URL{Path: "/"}
	}
	return &url.URL{Path: ref.Path, RawQuery: ref.RawQuery}
}

// view starts a View for r.
func (s *Server) view(r *http.Request, title string, data any) *View {
	return &View{Lang: lang(r), User: currentUser(r), Path: r.URL.Path, Query: r.URL.Query(),
		Title: title, Form: url.Values{}, Errors: validate.Errors{}, Demo: s.cfg.Demo, Data: data,
		langFrom: pageOfForm(r)}
}

// render writes page with status; the page is rendered to a buffer first so
// that a template error becomes a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, v *View) {
	t, err := s.templates.page(page)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if v.Flash == "" {
		v.Flash = s.takeFlash(w, r)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", v); err != nil {
		s.serverError(w, r, fmt.Errorf("web: render %s: %w", page, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

const flashCookie = "flash"

// flash leaves a message (an i18n key) for the next page the user sees.
func (s *Server) flash(w http.ResponseWriter, key string) {
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: key, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, MaxAge: 60})
}

// takeFlash reads and clears the flash message. Only known keys are shown,
// so a forged cookie cannot put words on the page.
func (s *Server) takeFlash(w http.ResponseWriter, r *http.Request) string {
	c, err := r.Cookie(flashCookie)
	if err != nil {
		return ""
	}
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: "", Path: "/", MaxAge: -1})
	if !i18n.Has(c.Value) {
		return ""
	}
	return i18n.T(lang(r), c.Value)
}

// redirect sends the browser on after a successful POST.
func redirect(w http.ResponseWriter, r *http.Request, to string) {
	http.Redirect(w, r, to, http.StatusSeeOther)
}
