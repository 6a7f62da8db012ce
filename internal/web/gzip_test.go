package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestGzipOnlyWhatIsWorthIt: a text body of gzipMinSize bytes or more is
// compressed and unpacks to what the handler wrote, however it wrote it;
// a shorter one, or one that is not text, goes out as it is, with its
// status, type and length.
func TestGzipOnlyWhatIsWorthIt(t *testing.T) {
	long := strings.Repeat("Galang Daya untuk air bersih. ", 100)
	cases := []struct {
		name     string
		code     int
		ctype    string
		writes   []string
		compress bool
	}{
		{"short JSON", http.StatusCreated, "application/json", []string{`{"id":1}`}, false},
		{"short page in pieces", http.StatusOK, "text/html; charset=utf-8", []string{"<p>", "halo", "</p>"}, false},
		{"long page", http.StatusOK, "text/html; charset=utf-8", []string{long}, true},
		{"long page in small pieces", http.StatusNotFound, "text/html; charset=utf-8", strings.SplitAfter(long, "."), true},
		{"long JSON, type sniffed", 0, "", []string{long}, true},
		{"long image", http.StatusOK, "image/png", []string{long}, false},
		{"redirect without body", http.StatusSeeOther, "text/html; charset=utf-8", nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := gzipResponses(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if c.ctype != "" {
					w.Header().Set("Content-Type", c.ctype)
				}
				if c.code != 0 {
					w.WriteHeader(c.code)
				}
				for _, s := range c.writes {
					if n, err := io.WriteString(w, s); n != len(s) || err != nil {
						t.Errorf("write %q: %d, %v", s, n, err)
					}
				}
			}))
			req := httptest.NewRequest("GET", "/", nil)
			req.Header.Set("Accept-Encoding", "gzip, deflate")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			want := strings.Join(c.writes, "")
			wantCode := c.code
			if wantCode == 0 {
				wantCode = http.StatusOK
			}
			if rec.Code != wantCode {
				t.Errorf("status %d, want %d", rec.Code, wantCode)
			}
			body := rec.Body.Bytes()
			compressed := rec.Header().Get("Content-Encoding") == "gzip"
			if compressed != c.compress {
				t.Fatalf("compressed %v, want %v (%d bytes)", compressed, c.compress, len(want))
			}
			if compressed {
				zr, err := gzip.NewReader(bytes.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				if body, err = io.ReadAll(zr); err != nil {
					t.Fatal(err)
				}
				if rec.Header().Get("Content-Length") != "" {
					t.Errorf("compressed answer keeps Content-Length %s", rec.Header().Get("Content-Length"))
				}
			} else if c.ctype != "image/png" && rec.Header().Get("Content-Length") != "" && rec.Header().Get("Content-Length") != itoa(int64(len(want))) {
				t.Errorf("Content-Length %s, body %d bytes", rec.Header().Get("Content-Length"), len(want))
			}
			if string(body) != want {
				t.Errorf("body %q…, want %q…", head(string(body)), head(want))
			}
			if c.ctype != "" && rec.Header().Get("Content-Type") != c.ctype {
				t.Errorf("type %q, want %q", rec.Header().Get("Content-Type"), c.ctype)
			}
			if rec.Header().Get("Vary") != "Accept-Encoding" {
				t.Errorf("Vary %q", rec.Header().Get("Vary"))
			}
		})
	}
}

// TestGzipHeldBodyGivesWayToAPanic: a handler that panics after writing
// less than gzipMinSize leaves nothing sent, so the panic's 500 is the
// answer.
func TestGzipHeldBodyGivesWayToAPanic(t *testing.T) {
	h := gzipResponses(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = io.WriteString(w, "<p>setengah")
		panic("boom")
	}))
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	rec := httptest.NewRecorder()
	func() {
		defer func() {
			if v := recover(); v != "boom" {
				t.Errorf("recovered %v", v)
			}
		}()
		h.ServeHTTP(rec, req)
	}()
	if rec.Body.Len() != 0 || rec.Code != http.StatusOK || rec.Flushed {
		t.Errorf("sent %d bytes, status %d before the panic", rec.Body.Len(), rec.Code)
	}
}

func head(s string) string {
	if len(s) > 40 {
		return s[:40]
	}
	return s
}
