package web

import (
	"compress/gzip"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// gzipMinSize is the shortest body worth compressing. A shorter one (an
// API answer, a redirect) goes out in one packet either way, so
// compressing it would spend CPU, and gzip's 18 bytes of framing, to
// save nothing the phone notices.
const gzipMinSize = 1024

var gzipPool = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed); return w }}

// gzipResponses compresses text responses for clients that accept it: on a
// slow 3G phone the bytes saved matter more than the CPU spent.
func gzipResponses(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Accept-Encoding")
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") || r.Method == http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		gz := gzipPool.Get().(*gzip.Writer)
		gz.Reset(w)
		gw := &gzipWriter{ResponseWriter: w, gz: gz}
		defer func() {
			if v := recover(); v != nil {
				// Nothing held is sent: the panic's own answer (a
				// 500) goes out instead.
				gzipPool.Put(gz)
				panic(v)
			}
			gw.finish()
			gzipPool.Put(gz)
		}()
		next.ServeHTTP(gw, r)
	})
}

// gzipWriter holds the status and the start of a compressible body until
// the body reaches gzipMinSize, and only then starts compressing; a body
// that ends shorter is sent as it is.
type gzipWriter struct {
	http.ResponseWriter
	gz      *gzip.Writer
	code    int    // the status, held while undecided
	held    []byte // the body so far, held while undecided
	decided bool
	on      bool
}

func (g *gzipWriter) WriteHeader(code int) {
	if g.decided {
		g.ResponseWriter.WriteHeader(code)
		return
	}
	if g.code == 0 {
		g.code = code
	}
	if !g.compressible() {
		g.start(false)
	}
}

func (g *gzipWriter) Write(b []byte) (int, error) {
	if g.decided {
		if g.on {
			return g.gz.Write(b)
		}
		return g.ResponseWriter.Write(b)
	}
	if g.code == 0 {
		g.code = http.StatusOK
	}
	if g.Header().Get("Content-Type") == "" {
		g.Header().Set("Content-Type", http.DetectContentType(b))
	}
	if !g.compressible() {
		g.start(false)
		return g.ResponseWriter.Write(b)
	}
	g.held = append(g.held, b...)
	if len(g.held) < gzipMinSize {
		return len(b), nil
	}
	if err := g.start(true); err != nil {
		return 0, err
	}
	return len(b), nil
}

// compressible reports whether the answer may be compressed: a text
// type with a body, not already encoded.
func (g *gzipWriter) compressible() bool {
	if g.code == http.StatusNoContent || g.code == http.StatusNotModified || g.code < 200 {
		return false
	}
	h := g.Header()
	ct := h.Get("Content-Type")
	return h.Get("Content-Encoding") == "" && (strings.HasPrefix(ct, "text/") ||
		strings.Contains(ct, "json") || strings.Contains(ct, "javascript") || strings.Contains(ct, "svg"))
}

// start sends the held status, compressed or not, and the held body.
func (g *gzipWriter) start(compress bool) error {
	g.decided, g.on = true, compress
	h := g.Header()
	if compress {
		h.Set("Content-Encoding", "gzip")
		h.Del("Content-Length")
	}
	g.ResponseWriter.WriteHeader(g.code)
	held := g.held
	g.held = nil
	if len(held) == 0 {
		return nil
	}
	var err error
	if compress {
		_, err = g.gz.Write(held)
	} else {
		_, err = g.ResponseWriter.Write(held)
	}
	return err
}

// finish sends what is still held, uncompressed and with its length, or
// ends the compressed stream.
func (g *gzipWriter) finish() {
	if g.decided {
		if g.on {
			_ = g.gz.Close()
		}
		return
	}
	if g.code == 0 {
		return // nothing written: the server's own empty 200
	}
	g.Header().Set("Content-Length", strconv.Itoa(len(g.held)))
	_ = g.start(false)
}

func (g *gzipWriter) Unwrap() http.ResponseWriter { return g.ResponseWriter }
