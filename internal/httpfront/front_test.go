package httpfront

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// start serves h on a local port until the test ends.
func start(t testing.TB, h http.Handler) (string, *Server) {
	return startKept(t, h, nil)
}

// startKept is start with a Keeper.
func startKept(t testing.TB, h http.Handler, keeper Keeper) (string, *Server) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := New(h, keeper, nil)
	done := make(chan error, 1)
	go func() { done <- s.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = s.Shutdown(ctx)
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("Serve returned %v, want http.ErrServerClosed", err)
		}
	})
	return "http://" + ln.Addr().String(), s
}

// TestAnswers: what a handler writes reaches the client as net/http
// would send it, and nothing of fasthttp's own is added.
func TestAnswers(t *testing.T) {
	page := bytes.Repeat([]byte("<p>halo</p>"), 1000)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("X-Frame-Options", "DENY")
		w.Header().Add("Set-Cookie", "a=1")
		w.Header().Add("Set-Cookie", "b=2")
		_, _ = w.Write(page)
	})
	mux.HandleFunc("GET /sniffed", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("<!DOCTYPE html><title>x</title>"))
	})
	mux.HandleFunc("POST /echo", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusCreated)
		_, _ = io.WriteString(w, r.Method+" "+r.URL.RequestURI()+" "+r.Host+" "+r.Header.Get("X-Test")+" "+
			strings.Split(r.RemoteAddr, ":")[0]+" "+string(body))
	})
	base, _ := start(t, mux)
	tests := []struct {
		name, method, path, body string
		status                   int
		wantBody                 string
		wantHeader               map[string]string
	}{
		{"page", "GET", "/page", "", 200, string(page),
			map[string]string{"Content-Type": "text/html; charset=utf-8", "X-Frame-Options": "DENY", "Server": "",
				"Content-Length": "11000"}},
		{"head", "HEAD", "/page", "", 200, "", map[string]string{"Content-Type": "text/html; charset=utf-8"}},
		{"sniffed type", "GET", "/sniffed", "", 200, "<!DOCTYPE html><title>x</title>",
			map[string]string{"Content-Type": "text/html; charset=utf-8"}},
		{"request as sent", "POST", "/echo?q=air%20bersih&x=1", "isi", 201,
			"POST /echo?q=air%20bersih&x=1 " + strings.TrimPrefix(base, "http://") + " yes 127.0.0.1 isi", nil},
		{"not found", "GET", "/nothing", "", 404, "404 page not found\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, base+tt.path, strings.NewReader(tt.body))
			req.Header.Set("X-Test", "yes")
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			got, _ := io.ReadAll(res.Body)
			if res.StatusCode != tt.status || string(got) != tt.wantBody {
				t.Fatalf("%d %q, want %d %q", res.StatusCode, trim(got), tt.status, trim([]byte(tt.wantBody)))
			}
			for k, v := range tt.wantHeader {
				if g := res.Header.Get(k); g != v {
					t.Errorf("%s: %q, want %q", k, g, v)
				}
			}
			if res.Header.Get("Date") == "" {
				t.Error("no Date header")
			}
			if tt.name == "page" && len(res.Header.Values("Set-Cookie")) != 2 {
				t.Errorf("Set-Cookie: %q", res.Header.Values("Set-Cookie"))
			}
		})
	}
}

func trim(b []byte) string {
	if len(b) > 80 {
		return string(b[:80]) + "…"
	}
	return string(b)
}

// TestRefusals: a request too large to read is refused in both of the
// interface's languages before the handler runs; one just inside the
// limits is read whole.
func TestRefusals(t *testing.T) {
	var mu sync.Mutex
	var seen []int64
	base, _ := start(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := io.Copy(io.Discard, r.Body)
		mu.Lock()
		seen = append(seen, n)
		mu.Unlock()
		_, _ = io.WriteString(w, "ok")
	}))
	tests := []struct {
		name   string
		header int // bytes of one header field
		body   int
		status int
		words  string
	}{
		{"largest body", 0, MaxBodyBytes, 200, "ok"},
		{"long header", 16 << 10, 0, 200, "ok"},
		{"header too large", maxHeaderBytes, 0, 431, "Kepala permintaan terlalu besar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", base+"/", bytes.NewReader(make([]byte, tt.body)))
			if tt.header > 0 {
				req.Header.Set("X-Long", strings.Repeat("a", tt.header))
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != tt.status || !strings.Contains(string(got), tt.words) {
				t.Fatalf("%d %q, want %d with %q", res.StatusCode, got, tt.status, tt.words)
			}
			if tt.status != 200 && !strings.Contains(string(got), "/ The ") {
				t.Errorf("no English after the Indonesian: %q", got)
			}
		})
	}
	// A body announced too large is refused before it is sent.
	c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n", MaxBodyBytes+1)
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(res.Body)
	if res.StatusCode != 413 || !strings.Contains(string(got), "Berkas atau isian terlalu besar") || !strings.Contains(string(got), "/ The file") {
		t.Errorf("body too large: %d %q", res.StatusCode, got)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 2 || seen[0] != MaxBodyBytes || seen[1] != 0 {
		t.Errorf("the handler read bodies of %v bytes, want [%d 0]", seen, MaxBodyBytes)
	}
}

// TestLargeAnswersStream: an answer past streamAfter leaves while the
// handler is still writing, chunked, as from net/http.
func TestLargeAnswersStream(t *testing.T) {
	release := make(chan struct{})
	base, _ := start(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write(bytes.Repeat([]byte("a"), streamAfter+1))
		<-release
		_, _ = w.Write([]byte("end"))
	}))
	res, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.ContentLength != -1 || len(res.TransferEncoding) == 0 {
		t.Errorf("Content-Length %d, Transfer-Encoding %q: want chunked", res.ContentLength, res.TransferEncoding)
	}
	first := make([]byte, streamAfter+1)
	if _, err := io.ReadFull(res.Body, first); err != nil {
		t.Fatalf("the first part did not arrive before the handler finished: %v", err)
	}
	close(release)
	rest, _ := io.ReadAll(res.Body)
	if string(rest) != "end" {
		t.Errorf("rest %q", rest)
	}
}

// TestRequestContext: each request has a context of its own that ends
// when its handler returns, and a panic ends only its connection.
func TestRequestContext(t *testing.T) {
	ctxs := make(chan context.Context, 2)
	type key struct{}
	base, _ := start(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/panic" {
			panic("boom")
		}
		// Kept past the answer: the path, a header value and the method.
		ctx := context.WithValue(r.Context(), key{}, []string{r.URL.Path, r.Header.Get("X-Id"), r.Method})
		ctxs <- ctx
		_, _ = io.WriteString(w, "ok")
	}))
	for _, p := range []string{"/a", "/b"} {
		req, _ := http.NewRequest(map[string]string{"/a": "GET", "/b": "PUT"}[p], base+p, nil)
		req.Header.Set("X-Id", "id"+p)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.ReadAll(res.Body)
		res.Body.Close()
	}
	a, b := <-ctxs, <-ctxs
	if a.Err() == nil || b.Err() == nil {
		t.Error("a request's context did not end with its handler")
	}
	if fmt.Sprint(a.Value(key{})) != "[/a id/a GET]" || fmt.Sprint(b.Value(key{})) != "[/b id/b PUT]" {
		t.Errorf("values %v, %v", a.Value(key{}), b.Value(key{}))
	}
	if _, err := http.Get(base + "/panic"); err == nil {
		t.Error("a panicking handler's connection answered")
	}
	res, err := http.Get(base + "/after")
	if err != nil {
		t.Fatalf("the server stopped after a panic: %v", err)
	}
	res.Body.Close()
}

// TestShutdownFinishesRequests: Shutdown waits for the answer in
// flight, its context still alive, then refuses new connections.
func TestShutdownFinishesRequests(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	base, s := start(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
		if r.Context().Err() != nil {
			_, _ = io.WriteString(w, "its context ended during Shutdown")
			return
		}
		_, _ = io.WriteString(w, "done")
	}))
	answer := make(chan string, 1)
	go func() {
		res, err := http.Get(base + "/")
		if err != nil {
			answer <- err.Error()
			return
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		answer <- string(b)
	}()
	<-entered
	shut := make(chan error, 1)
	go func() { shut <- s.Shutdown(context.Background()) }()
	time.Sleep(50 * time.Millisecond)
	close(release)
	if got := <-answer; got != "done" {
		t.Errorf("answer in flight: %q", got)
	}
	if err := <-shut; err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	c, err := net.DialTimeout("tcp", strings.TrimPrefix(base, "http://"), time.Second)
	if err == nil {
		_, _ = c.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n"))
		_ = c.SetReadDeadline(time.Now().Add(time.Second))
		if line, rerr := bufio.NewReader(c).ReadString('\n'); rerr == nil {
			t.Errorf("a new connection was answered after Shutdown: %q", line)
		}
		c.Close()
	}
}

// TestSlowHeaderIsRefusedSlowBodyIsNot: a header trickled in for longer
// than headerTimeout is answered 408, while a body may take up to
// bodyTimeout after its header, longer than a header may.
func TestSlowHeaderIsRefusedSlowBodyIsNot(t *testing.T) {
	defer func(h, b time.Duration) { headerTimeout, bodyTimeout = h, b }(headerTimeout, bodyTimeout)
	headerTimeout, bodyTimeout = 300*time.Millisecond, 5*time.Second
	base, _ := start(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := io.Copy(io.Discard, r.Body)
		fmt.Fprintf(w, "read %d", n)
	}))
	dial := func() (net.Conn, *bufio.Reader) {
		t.Helper()
		c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		_ = c.SetDeadline(time.Now().Add(10 * time.Second))
		return c, bufio.NewReader(c)
	}

	c, r := dial()
	fmt.Fprint(c, "GET / HTTP/1.1\r\nHost: x\r\n")
	time.Sleep(2 * headerTimeout)
	fmt.Fprint(c, "X-Late: 1\r\n\r\n")
	res, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusRequestTimeout || !strings.Contains(string(got), "terlalu lama") {
		t.Errorf("slow header: %d %q, want 408", res.StatusCode, got)
	}

	c, r = dial()
	fmt.Fprint(c, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nab")
	time.Sleep(3 * headerTimeout)
	fmt.Fprint(c, "cde")
	if res, err = http.ReadResponse(r, nil); err != nil {
		t.Fatal(err)
	}
	got, _ = io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || string(got) != "read 5" {
		t.Errorf("slow body: %d %q, want 200 read 5", res.StatusCode, got)
	}
}
