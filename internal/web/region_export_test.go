package web

import (
	"bytes"
	"net/http"
)

// RegionPickerTestPage serves a bare form holding the region picker, built
// from the request's query, so browser tests can exercise app.js on it.
// It exists only in tests.
func RegionPickerTestPage(s *Server) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := s.regionPicker(r.Context(), lang(r), r.URL.Query(), true)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		var buf bytes.Buffer
		buf.WriteString(`<!doctype html><html><head><link rel="stylesheet" href="/static/style.css">` +
			`<script src="/static/app.js" defer></script></head><body><form method="get" action="/picker">`)
		page, err := s.templates.page("volunteer_signup")
		if err == nil {
			err = page.ExecuteTemplate(&buf, "region-picker", p)
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		buf.WriteString(`</form></body></html>`)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(buf.Bytes())
	})
}
