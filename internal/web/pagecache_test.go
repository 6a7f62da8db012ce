package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/httpfront"
	"lokadaya/internal/hub"
)

// serveFront serves h as lokadaya serve does, keeper answering what it
// kept, until the test ends.
func serveFront(t *testing.T, h http.Handler, keeper httpfront.Keeper) (baseURL string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	front := httpfront.New(h, keeper, nil)
	go func() { _ = front.Serve(ln) }()
	t.Cleanup(func() { _ = front.Shutdown(context.Background()) })
	return "http://" + ln.Addr().String()
}

// TestPageCacheIsExact: an anonymous page read twice is rendered once, and
// every write — through this server, or straight into the database from
// another pool as another instance would — shows on the very next request.
// Signed-in visitors, other encodings and languages never get someone
// else's answer. It is served as lokadaya serve serves it: a kept answer
// comes from the front itself (httpfront.Keeper), without the handler.
func TestPageCacheIsExact(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, err := New(Config{}, d, slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatal(err)
		}
		var handled atomic.Int64 // requests that reached the handler
		handler := s.Handler()
		base := serveFront(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			handled.Add(1)
			handler.ServeHTTP(w, r)
		}), s)
		other, err := db.Open(ctx, d.URL)
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		hubs := &hub.Store{DB: d}
		if _, err := hubs.Create(ctx, hub.Actor{Name: "test"}, hub.Input{Slug: "simpul-jabar", Name: "Simpul Jawa Barat",
			Regions: []string{"32"}}); err != nil {
			t.Fatal(err)
		}
		pg := d.Dialect == db.Postgres
		get := func(path string, header ...string) (int, http.Header, string) {
			t.Helper()
			req, _ := http.NewRequest("GET", base+path, nil)
			for i := 0; i+1 < len(header); i += 2 {
				req.Header.Set(header[i], header[i+1])
			}
			// The transport would add and undo gzip on its own.
			req.Header.Set("Accept-Encoding", req.Header.Get("Accept-Encoding"))
			res, err := http.DefaultTransport.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			body, _ := io.ReadAll(res.Body)
			return res.StatusCode, res.Header, string(body)
		}
		type counts struct{ hits, misses int64 }
		hit, miss, none := counts{1, 0}, counts{0, 1}, counts{}
		seen := func() counts { return counts{s.pages.hits.Load(), s.pages.misses.Load()} }
		step := func(name, path string, want counts, wantText string, header ...string) {
			t.Helper()
			before, calls := seen(), handled.Load()
			status, _, body := get(path, header...)
			got := seen()
			delta := counts{got.hits - before.hits, got.misses - before.misses}
			if delta == hit && handled.Load() != calls {
				t.Errorf("%s: a kept answer reached the handler", name)
			}
			// On PostgreSQL any write on the server moves the version
			// (other databases' tests run beside this one), so a page
			// expected from the cache may be rendered again; never the
			// other way round.
			if delta != want && !(pg && want == hit && delta == miss) {
				t.Errorf("%s: hits/misses %+v, want %+v", name, delta, want)
			}
			if status != http.StatusOK || !strings.Contains(body, wantText) {
				t.Errorf("%s: %d, body lacks %q", name, status, wantText)
			}
		}

		step("first view", "/simpul", miss, "Simpul Jawa Barat")
		step("second view", "/simpul", hit, "Simpul Jawa Barat")
		step("other query", "/simpul?x=1", miss, "Simpul Jawa Barat")
		step("in English", "/simpul", miss, "Simpul Jawa Barat", "Accept-Language", "en")

		if _, err := hubs.Create(ctx, hub.Actor{Name: "test"}, hub.Input{Slug: "simpul-jatim", Name: "Simpul Jawa Timur",
			Regions: []string{"35"}}); err != nil {
			t.Fatal(err)
		}
		step("after a hub is added", "/simpul", miss, "Simpul Jawa Timur")
		step("then kept again", "/simpul", hit, "Simpul Jawa Timur")

		if _, err := other.Exec(ctx, `UPDATE hubs SET name = 'Simpul Jatim Raya' WHERE slug = 'simpul-jatim'`); err != nil {
			t.Fatal(err)
		}
		step("after another instance renames it", "/simpul", miss, "Simpul Jatim Raya")

		step("signed in (a session cookie)", "/simpul", none, "Simpul Jatim Raya", "Cookie", sessionCookie+"=whatever")
		step("health", "/healthz", none, "")
		step("asked fresh", "/simpul", none, "Simpul Jatim Raya", "Cache-Control", "no-cache")

		// A compressed answer is kept apart from the plain one.
		step("gzip first", "/simpul", miss, "", "Accept-Encoding", "gzip")
		_, h, body := get("/simpul", "Accept-Encoding", "gzip")
		if h.Get("Content-Encoding") != "gzip" || strings.Contains(body, "Simpul") {
			t.Errorf("kept gzip answer: encoding %q", h.Get("Content-Encoding"))
		}
		_, h, body = get("/simpul")
		if h.Get("Content-Encoding") != "" || !strings.Contains(body, "Simpul Jatim Raya") {
			t.Errorf("plain answer after gzip: encoding %q", h.Get("Content-Encoding"))
		}
		if h.Get("Content-Security-Policy") == "" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("a kept answer lost its security headers: %v", h)
		}

		// A page whose views are counted counts those answered from the
		// cache too.
		kept := &pageCache{db: d, now: time.Now}
		rendered, counted := 0, 0
		countedPage := kept.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rendered++
			counted++
			onPageCacheHit(r, func() { counted++ })
			io.WriteString(w, "kampanye")
		}))
		for range 3 {
			countedPage.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/galang-daya/sumur", nil))
		}
		if rendered != 1 || counted != 3 || kept.hits.Load() != 2 {
			t.Errorf("a counted page: rendered %d times, counted %d of 3 views, %d hits", rendered, counted, kept.hits.Load())
		}

		// A missing page is not kept.
		before := seen()
		get("/simpul/tidak-ada")
		get("/simpul/tidak-ada")
		if got := seen(); got.hits != before.hits {
			t.Error("a 404 was answered from the cache")
		}
	})
}

// TestPageCacheLeavesBigAndStreamedAnswers: answers over maxCachedPage and
// flushed ones pass through whole and are not kept.
func TestPageCacheLeavesBigAndStreamedAnswers(t *testing.T) {
	d := dbtest.Open(t)
	c := &pageCache{db: d, now: func() time.Time { return time.Unix(1e9, 0) }}
	big := strings.Repeat("x", maxCachedPage+1)
	for _, tc := range []struct {
		name string
		h    http.HandlerFunc
		want string
	}{
		{"big", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, big) }, big},
		{"streamed", func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, "a")
			w.(http.Flusher).Flush()
			io.WriteString(w, "b")
		}, "ab"},
		{"sets-a-cookie", func(w http.ResponseWriter, r *http.Request) {
			http.SetCookie(w, &http.Cookie{Name: "x", Value: "1"})
			io.WriteString(w, "c")
		}, "c"},
	} {
		h := c.wrap(tc.h)
		for range 2 {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/"+tc.name, nil))
			if rec.Body.String() != tc.want {
				t.Errorf("%s: body of %d bytes", tc.name, rec.Body.Len())
			}
		}
	}
	if c.hits.Load() != 0 || len(c.pages) != 0 {
		t.Errorf("kept %d pages, %d hits", len(c.pages), c.hits.Load())
	}
}

// TestPageCacheRendersOnceUnderLoad: many asking at once for a page not
// yet kept get one render's answer; a page that cannot be kept is
// rendered for each of them, none left waiting.
func TestPageCacheRendersOnceUnderLoad(t *testing.T) {
	// On SQLite: PostgreSQL's version moves with any other test's writes.
	d := dbtest.SQLite(t)
	c := &pageCache{db: d, now: time.Now}
	for _, tc := range []struct {
		name      string
		keepable  bool
		wantCalls int64
	}{
		{"kept", true, 1},
		{"sets-a-cookie", false, 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int64
			h := c.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n := calls.Add(1)
				time.Sleep(50 * time.Millisecond)
				if !tc.keepable {
					http.SetCookie(w, &http.Cookie{Name: "x", Value: "1"})
				}
				fmt.Fprintf(w, "render %d", n)
			}))
			var wg sync.WaitGroup
			bodies := make([]string, 8)
			for i := range bodies {
				wg.Go(func() {
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, httptest.NewRequest("GET", "/"+tc.name, nil))
					bodies[i] = rec.Body.String()
				})
			}
			wg.Wait()
			if calls.Load() != tc.wantCalls {
				t.Errorf("rendered %d times, want %d", calls.Load(), tc.wantCalls)
			}
			for _, b := range bodies {
				if !strings.HasPrefix(b, "render ") || (tc.keepable && b != "render 1") {
					t.Errorf("answers %q", bodies)
					break
				}
			}
		})
	}
}
