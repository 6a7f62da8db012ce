package httpfront

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// readingKeeper reads every part of a request a Keeper may read, and
// keeps the answer to GET /kept.
type readingKeeper struct{}

func (readingKeeper) ServeKept(r Request, write func(int, http.Header, []byte)) bool {
	_ = r.Host() + r.RequestURI() + r.Path() + r.Header("Accept-Language") + r.Header("Cookie")
	_ = r.TLS() || r.HasCookie("lokadaya_session")
	if r.Method() != http.MethodGet || r.Path() != "/kept" {
		return false
	}
	write(http.StatusOK, http.Header{"Content-Type": {"text/plain"}}, []byte("kept"))
	return true
}

// FuzzServeRequests: whatever bytes a client sends, the server answers
// with an HTTP/1.1 status line or closes the connection, and goes on
// answering others.
func FuzzServeRequests(f *testing.F) {
	base, _ := startKept(f, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		_, _ = io.WriteString(w, r.Method+" "+r.URL.Path+" "+r.Header.Get("Cookie")+" "+string(body[:min(len(body), 16)]))
	}), readingKeeper{})
	addr := strings.TrimPrefix(base, "http://")
	for _, seed := range []string{
		"GET /kept HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET /halaman?q=air%20bersih HTTP/1.1\r\nHost: x\r\nCookie: lang=en; lokadaya_session=abc\r\nAccept-Language: en\r\n\r\n",
		"POST /isi HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhalo!",
		"POST /isi HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhalo!\r\n0\r\n\r\n",
		"GET /kept HTTP/1.1\r\nHost: x\r\n\r\nGET /lain HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
		"GET http://x/absolut HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET //dua//garis HTTP/1.0\r\n\r\n",
		"BREW /teh HTCPCP/1.0\r\n\r\n",
		"\x00\xff\r\n\r\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		_ = c.SetDeadline(time.Now().Add(2 * time.Second))
		_, _ = c.Write(raw)
		_ = c.(*net.TCPConn).CloseWrite()
		answer, _ := io.ReadAll(c)
		if len(answer) > 0 && !bytes.HasPrefix(answer, []byte("HTTP/1.1 ")) {
			t.Fatalf("answer %q", answer[:min(len(answer), 64)])
		}
		res, err := http.Get(base + "/kept")
		if err != nil {
			t.Fatalf("the server stopped answering: %v", err)
		}
		res.Body.Close()
	})
}
