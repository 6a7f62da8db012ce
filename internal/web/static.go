package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"
)

//go:embed static
var staticFiles embed.FS

// staticVersion changes whenever a static file does, so pages can ask
// browsers to cache /static/ for a year.
var staticVersion = func() string {
	h := sha256.New()
	_ = fs.WalkDir(staticFiles, "static", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := staticFiles.ReadFile(p)
			h.Write([]byte(p))
			h.Write(b)
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))[:10]
}()

func init() {
	templateFuncs["static"] = func(name string) string { return "/static/" + name + "?v=" + staticVersion }
}

func staticHandler() http.Handler {
	sub, _ := fs.Sub(staticFiles, "static")
	files := http.FileServerFS(sub)
	packed := gzippedStatic(sub)
	return http.StripPrefix("/static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("v") != "" {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		if gz, ok := packed[r.URL.Path]; ok && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			// Already compressed: gzipResponses leaves an answer with a
			// Content-Encoding alone.
			h := w.Header()
			h.Set("Content-Type", mime.TypeByExtension(path.Ext(r.URL.Path)))
			h.Set("Content-Encoding", "gzip")
			http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(gz))
			return
		}
		files.ServeHTTP(w, r)
	}))
}

// gzippedStatic compresses the stylesheets, scripts and icons once, at
// the best level, by name: every first view of a page loads them, so on a
// slow phone each byte counts, while compressing per request would have
// to use the fastest level.
func gzippedStatic(files fs.FS) map[string][]byte {
	out := map[string][]byte{}
	_ = fs.WalkDir(files, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !slices.Contains([]string{".css", ".js", ".svg"}, path.Ext(name)) {
			return err
		}
		raw, err := fs.ReadFile(files, name)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		_, _ = zw.Write(raw)
		_ = zw.Close()
		out[name] = b.Bytes()
		return nil
	})
	return out
}

// faviconHandler serves /favicon.ico, which browsers ask for on their own
// (without it every first visit costs a 404 page). Its address cannot
// carry a version, so it is cached for a month rather than a year.
func faviconHandler() http.Handler {
	icon, _ := staticFiles.ReadFile("static/favicon.ico")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/x-icon")
		w.Header().Set("Cache-Control", "public, max-age=2592000")
		_, _ = w.Write(icon)
	})
}
