package web

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/httpfront"
)

// pageCache keeps the answers to anonymous GET requests until anything is
// written to the database, so a page read a thousand times between two
// donations is rendered and compressed once. It is exact: every request
// first reads the database's write version (db.WriteVersion), and any
// change, made by this process or another instance, empties the cache
// before the request is answered. What changes with the clock alone (days
// left, campaigns ending) is kept at most pageCacheTTL.
type pageCache struct {
	db  *db.DB
	now func() time.Time

	mu      sync.Mutex
	version string // the write version the pages were rendered at
	pages   map[string]*cachedPage
	size    int                      // bytes of the pages' bodies
	renders map[string]chan struct{} // keys being rendered, closed when done

	hits, misses atomic.Int64
}

type cachedPage struct {
	status  int
	header  http.Header
	body    []byte
	route   string
	expires time.Time
	onHit   []func() // see onPageCacheHit
}

const (
	pageCacheTTL = 5 * time.Second
	// maxCachedPage leaves big answers (data sets, exports) uncached: they
	// stream through untouched.
	maxCachedPage = 256 << 10
	// maxCacheBytes bounds the cache; when full it starts over.
	maxCacheBytes = 16 << 20
)

// uncachedPrefixes answer differently by who asks or are never public.
var uncachedPrefixes = []string{"/metrics", "/healthz", "/readyz", "/dev/", "/sandbox/", "/static/", "/masuk", "/keluar"}

// cacheKey names what an anonymous GET's answer depends on, or reports
// that the request must not be answered from the cache. The front reads
// requests of its own (httpfront.Keeper) and asks with the same key.
func cacheKey(r httpfront.Request) (string, bool) {
	if r.Method() != http.MethodGet {
		return "", false
	}
	if r.Header("Authorization") != "" || r.Header("If-None-Match") != "" || r.Header("If-Modified-Since") != "" || r.Header("Range") != "" {
		return "", false
	}
	// A client asking for a fresh answer gets one, as from any shared
	// cache (RFC 9111, 5.2.1.4).
	if strings.Contains(r.Header("Cache-Control"), "no-cache") || strings.Contains(r.Header("Pragma"), "no-cache") {
		return "", false
	}
	if r.HasCookie(sessionCookie) {
		return "", false
	}
	path := r.Path()
	for _, p := range uncachedPrefixes {
		if strings.HasPrefix(path, p) {
			return "", false
		}
	}
	gzip := "0"
	if strings.Contains(r.Header("Accept-Encoding"), "gzip") {
		gzip = "1"
	}
	tls := "0"
	if r.TLS() {
		tls = "1"
	}
	return strings.Join([]string{r.Host(), r.RequestURI(), gzip, tls, r.Header("X-Forwarded-Proto"),
		r.Header("Accept-Language"), r.Header("Cookie")}, "\x00"), true
}

// httpRequest is a net/http request as the page cache reads it.
type httpRequest struct{ r *http.Request }

func (h httpRequest) Method() string { return h.r.Method }
func (h httpRequest) Host() string   { return h.r.Host }
func (h httpRequest) RequestURI() string {
	if h.r.RequestURI != "" {
		return h.r.RequestURI // as sent, as the front reads it
	}
	return h.r.URL.RequestURI()
}
func (h httpRequest) Path() string              { return h.r.URL.Path }
func (h httpRequest) TLS() bool                 { return h.r.TLS != nil }
func (h httpRequest) Header(name string) string { return h.r.Header.Get(name) }
func (h httpRequest) HasCookie(name string) bool {
	_, err := h.r.Cookie(name)
	return err == nil
}

// lookup is the kept answer to key at the database's current write
// version, if any, its hit hooks run.
func (c *pageCache) lookup(ctx context.Context, key string) (p *cachedPage, version string, ok bool) {
	version, err := c.db.WriteVersion(ctx)
	if err != nil {
		return nil, "", false
	}
	if p = c.get(key, version); p != nil {
		c.hits.Add(1)
		for _, fn := range p.onHit {
			fn()
		}
	}
	return p, version, true
}

// wrap answers cacheable requests from the cache, or lets next answer and
// keeps what it said.
func (c *pageCache) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key, ok := cacheKey(httpRequest{r})
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		p, version, ok := c.lookup(r.Context(), key)
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		if p != nil {
			p.serve(w, r)
			return
		}
		done, first := c.rendering(key)
		if !first {
			// Under load, a page that just expired or was emptied by a
			// write is asked for by many at once: one renders it and the
			// rest wait for its answer rather than render it beside it.
			select {
			case <-done:
			case <-r.Context().Done():
			}
			if p, _, ok := c.lookup(r.Context(), key); ok && p != nil {
				p.serve(w, r)
				return
			}
		} else {
			defer c.rendered(key, done)
		}
		c.misses.Add(1)
		rec := &pageRecorder{ResponseWriter: w}
		hooks := &pageHooks{}
		r = r.WithContext(context.WithValue(r.Context(), pageHooksKey{}, hooks))
		next.ServeHTTP(rec, r)
		if p := rec.page(r); p != nil {
			p.expires = c.now().Add(pageCacheTTL)
			p.onHit = hooks.onHit
			c.put(key, version, p)
		}
	})
}

// rendering reports whether the caller is the first to render key, and
// the channel closed once that first render is over.
func (c *pageCache) rendering(key string) (done chan struct{}, first bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if done := c.renders[key]; done != nil {
		return done, false
	}
	if c.renders == nil {
		c.renders = map[string]chan struct{}{}
	}
	done = make(chan struct{})
	c.renders[key] = done
	return done, true
}

// rendered ends key's render: those waiting look in the cache again.
func (c *pageCache) rendered(key string, done chan struct{}) {
	c.mu.Lock()
	delete(c.renders, key)
	c.mu.Unlock()
	close(done)
}

// ServeKept answers r from the page cache when it holds r's answer
// (httpfront.Keeper): the front then skips the handler, and the request
// is counted and logged as the handler would have been.
func (s *Server) ServeKept(r httpfront.Request, write func(status int, header http.Header, body []byte)) bool {
	start := time.Now()
	key, ok := cacheKey(r)
	if !ok {
		return false
	}
	p, _, _ := s.pages.lookup(context.Background(), key)
	if p == nil {
		return false
	}
	write(p.status, p.header, p.body)
	s.observed(r.Method(), p.route, p.status, time.Since(start))
	return true
}

// pageHooks is what a handler asks of the cache for its answer.
type pageHooks struct {
	onHit []func()
}

// pageHooksKey is the context key of a request's pageHooks.
type pageHooksKey struct{}

// onPageCacheHit has fn run for every later answer to the same request
// from the cache: a page whose every view does something (counts a visit)
// still does it when it is not rendered.
func onPageCacheHit(r *http.Request, fn func()) {
	if hooks, ok := r.Context().Value(pageHooksKey{}).(*pageHooks); ok {
		hooks.onHit = append(hooks.onHit, fn)
	}
}

// get is the page kept for key, if it was rendered at version and is
// fresh. A new version empties the cache.
func (c *pageCache) get(key, version string) *cachedPage {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version != c.version {
		c.version, c.pages, c.size = version, nil, 0
		return nil
	}
	p := c.pages[key]
	if p == nil || !c.now().Before(p.expires) {
		return nil
	}
	return p
}

// put keeps p unless the database moved on while it was rendered.
func (c *pageCache) put(key, version string, p *cachedPage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version != c.version {
		return
	}
	if c.pages == nil || c.size+len(p.body) > maxCacheBytes {
		c.pages, c.size = map[string]*cachedPage{}, 0
	}
	if old := c.pages[key]; old != nil {
		c.size -= len(old.body)
	}
	c.pages[key] = p
	c.size += len(p.body)
}

// serve writes the kept answer.
func (p *cachedPage) serve(w http.ResponseWriter, r *http.Request) {
	if route, ok := r.Context().Value(ctxRoute).(*string); ok {
		*route = p.route
	}
	h := w.Header()
	for k, v := range p.header {
		h[k] = v
	}
	// Known length: the answer goes out in one piece, not chunked.
	h.Set("Content-Length", strconv.Itoa(len(p.body)))
	w.WriteHeader(p.status)
	_, _ = w.Write(p.body)
}

// pageRecorder passes an answer through while keeping a copy of it.
type pageRecorder struct {
	http.ResponseWriter
	status   int
	body     bytes.Buffer
	uncached bool // too big, or streamed
}

func (rec *pageRecorder) WriteHeader(code int) {
	if rec.status == 0 {
		rec.status = code
	}
	rec.ResponseWriter.WriteHeader(code)
}

func (rec *pageRecorder) Write(b []byte) (int, error) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	if !rec.uncached {
		if rec.body.Len()+len(b) > maxCachedPage {
			rec.uncached = true
			rec.body = bytes.Buffer{}
		} else {
			rec.body.Write(b)
		}
	}
	return rec.ResponseWriter.Write(b)
}

// Flush marks the answer as streamed: it is not kept.
func (rec *pageRecorder) Flush() {
	rec.uncached = true
	if f, ok := rec.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (rec *pageRecorder) Unwrap() http.ResponseWriter { return rec.ResponseWriter }

// page is the answer to keep: a whole 200 that starts no session, sets
// no cookie and is not marked private.
func (rec *pageRecorder) page(r *http.Request) *cachedPage {
	h := rec.Header()
	if rec.uncached || rec.status != http.StatusOK || h.Get("Set-Cookie") != "" ||
		strings.Contains(h.Get("Cache-Control"), "private") {
		return nil
	}
	route := ""
	if p, ok := r.Context().Value(ctxRoute).(*string); ok {
		route = *p
	}
	return &cachedPage{status: rec.status, header: h.Clone(), body: bytes.Clone(rec.body.Bytes()), route: route}
}
