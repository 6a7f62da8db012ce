package web

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"
)

// recordingConn keeps what reaches the network, write by write.
type recordingConn struct {
	net.Conn
	mu     sync.Mutex
	writes [][]byte
}

func (c *recordingConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	c.writes = append(c.writes, bytes.Clone(p))
	c.mu.Unlock()
	return len(p), nil
}

func (c *recordingConn) sent() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, w := range c.writes {
		n += len(w)
	}
	return n
}

// TestWholeConnHoldsTheStartOfAnAnnouncedAnswer: the first piece of an
// answer of known length reaches the network only with the rest; one of
// unknown length, or whose rest never comes, is not held back long.
func TestWholeConnHoldsTheStartOfAnAnnouncedAnswer(t *testing.T) {
	rec := &recordingConn{}
	c := &wholeConn{Conn: rec}
	r := (&http.Request{Method: http.MethodGet, ProtoMajor: 1}).WithContext(ConnContext(t.Context(), c))

	expectWhole(r, 6000)
	c.Write(make([]byte, 4096)) // header and the body's start, as net/http flushes them
	if got := rec.sent(); got != 0 {
		t.Fatalf("%d bytes sent before the answer was whole", got)
	}
	c.Write(make([]byte, 2400))
	if got := rec.sent(); got != 6496 {
		t.Fatalf("%d bytes sent once whole, want 6496", got)
	}

	// Not announced: written at once.
	c.Write([]byte("next"))
	if got := rec.sent(); got != 6500 {
		t.Fatalf("an unannounced write was held: %d bytes sent", got)
	}

	// HEAD gets no body, so nothing is announced.
	head := (&http.Request{Method: http.MethodHead, ProtoMajor: 1}).WithContext(r.Context())
	expectWhole(head, 6000)
	c.Write([]byte("HTTP/1.1 200 OK\r\n\r\n"))
	if got := rec.sent(); got != 6519 {
		t.Fatalf("a HEAD answer was held: %d bytes sent", got)
	}

	// The rest never comes: what was held leaves all the same.
	expectWhole(r, 6000)
	c.Write(make([]byte, 4096))
	deadline := time.Now().Add(5 * time.Second)
	for rec.sent() != 6519+4096 {
		if time.Now().After(deadline) {
			t.Fatal("the held start of an answer was never sent")
		}
		time.Sleep(time.Millisecond)
	}
}

// TestWholeResponsesOverHTTP: kept pages of every size come out whole and
// in order over one kept-alive connection, through the real server.
func TestWholeResponsesOverHTTP(t *testing.T) {
	pages := map[string]*cachedPage{}
	for _, n := range []int{0, 100, 3500, 5000, 20000, 200000} {
		body := bytes.Repeat([]byte{'a' + byte(n%26)}, n)
		pages["/"+strconv.Itoa(n)] = &cachedPage{status: http.StatusOK,
			header: http.Header{"Content-Type": {"text/plain"}, "X-Frame-Options": {"DENY"}}, body: body}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{ConnContext: ConnContext, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pages[r.URL.Path].serve(w, r)
	})}
	go srv.Serve(WholeResponses(ln))
	t.Cleanup(func() { srv.Close() })

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	br := bufio.NewReader(conn)
	for round := range 3 {
		for _, path := range []string{"/5000", "/0", "/200000", "/100", "/20000", "/3500"} {
			method := http.MethodGet
			if round == 1 && path == "/20000" {
				method = http.MethodHead
			}
			req, _ := http.NewRequest(method, "http://"+ln.Addr().String()+path, nil)
			if err := req.Write(conn); err != nil {
				t.Fatal(err)
			}
			res, err := http.ReadResponse(br, req)
			if err != nil {
				t.Fatalf("%s %s: %v", method, path, err)
			}
			got, err := io.ReadAll(res.Body)
			res.Body.Close()
			if err != nil {
				t.Fatalf("%s %s: %v", method, path, err)
			}
			want := pages[path].body
			if method == http.MethodHead {
				want = nil
			}
			if !bytes.Equal(got, want) || res.Header.Get("X-Frame-Options") != "DENY" {
				t.Fatalf("%s %s: %d bytes, want %d", method, path, len(got), len(want))
			}
		}
	}
	// The server ends a connection the client asked to close with a
	// half-close, after the whole answer.
	req, _ := http.NewRequest(http.MethodGet, "http://"+ln.Addr().String()+"/20000", nil)
	req.Close = true
	if err := req.Write(conn); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(br, req)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil || len(got) != 20000 {
		t.Fatalf("last answer: %d bytes, %v", len(got), err)
	}
	if n, err := br.Read(make([]byte, 1)); n != 0 || err != io.EOF {
		t.Fatalf("after the last answer: %d bytes, %v; want the end", n, err)
	}
}

// The connection keeps what net/http looks for in a TCP connection.
var (
	_ interface{ CloseWrite() error } = (*wholeConn)(nil)
	_ io.ReaderFrom                   = (*wholeConn)(nil)
)
