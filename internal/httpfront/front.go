// Package httpfront answers HTTP/1.1 connections for the web handler.
//
// net/http spends more on each connection's bookkeeping than the
// application spends on a kept page: profiled under wrk, a handler that
// only writes 10 KB of bytes answered about half as many requests a
// second as nginx on the same bytes, and the application's pages were
// within a tenth of that handler. fasthttp reads and writes connections
// with far less per request (pooled request state, one write per
// answer), so the same net/http handler behind its adaptor answers about
// as fast as nginx, and a page the application keeps for everyone is
// written without a net/http request at all (see Keeper). The
// application stays a plain http.Handler: tests,
// the metrics and debug servers and everything in internal/web keep
// net/http's types, and only the listening socket is fasthttp's.
package httpfront

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/valyala/fasthttp"
	"github.com/valyala/fasthttp/fasthttpadaptor"
)

// MaxBodyBytes is the largest request body read: the largest upload a
// form takes (an open data file of 10 MB) with room for the form around
// it. Each form still sets its own, smaller limit; a body over this one
// is refused before the application sees it (see refuse).
const MaxBodyBytes = 12 << 20

// maxHeaderBytes bounds a request's line and header fields: cookies and
// a long search address fit many times over.
const maxHeaderBytes = 32 << 10

// headerTimeout bounds the wait for a request's line and header, and
// bodyTimeout then the wait for its body: a client trickling its header
// byte by byte holds a connection for seconds, not a minute, while an
// upload from a phone on a slow network still has a minute to arrive.
var (
	headerTimeout = 10 * time.Second
	bodyTimeout   = 60 * time.Second
)

// bodyTime gives a request that has a body bodyTimeout from the end of
// its header to send it.
func bodyTime(h *fasthttp.RequestHeader) fasthttp.RequestConfig {
	if h.ContentLength() == 0 {
		return fasthttp.RequestConfig{}
	}
	return fasthttp.RequestConfig{ReadTimeout: bodyTimeout}
}

// Server serves an http.Handler over HTTP/1.1.
type Server struct {
	fs     *fasthttp.Server
	base   context.Context
	cancel context.CancelFunc
	log    *slog.Logger
	closed atomic.Bool // Shutdown was called
}

// New returns a server for h; keeper, when not nil, answers the
// requests it has kept before h is asked. log takes the connection
// errors that never reach h (a malformed request, a client gone
// mid-answer).
func New(h http.Handler, keeper Keeper, log *slog.Logger) *Server {
	base, cancel := context.WithCancel(context.Background())
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{base: base, cancel: cancel, log: log}
	handler := fasthttpadaptor.NewFastHTTPHandler(s.detach(streamLarge(h)))
	if keeper != nil {
		handler = serveKept(keeper, handler)
	}
	s.fs = &fasthttp.Server{
		Handler:                      handler,
		ErrorHandler:                 refuse,
		ReadTimeout:                  headerTimeout,
		HeaderReceived:               bodyTime,
		WriteTimeout:                 60 * time.Second,
		IdleTimeout:                  120 * time.Second,
		MaxRequestBodySize:           MaxBodyBytes,
		ReadBufferSize:               maxHeaderBytes,
		NoDefaultServerHeader:        true,
		NoDefaultContentType:         true,
		DisablePreParseMultipartForm: true,
		CloseOnShutdown:              true,
		ReduceMemoryUsage:            true,
		Logger:                       fasthttpLog{log},
	}
	return s
}

// Serve answers connections on ln until Shutdown; it then returns
// http.ErrServerClosed, as net/http does.
func (s *Server) Serve(ln net.Listener) error {
	err := s.fs.Serve(ln)
	if err == nil || s.closed.Load() {
		return http.ErrServerClosed
	}
	return err
}

// Shutdown stops accepting connections and waits, until ctx ends, for
// the requests in flight to be answered; as in net/http, their contexts
// stay alive meanwhile (a donation being saved is finished, not cut
// off), and end only when Shutdown returns.
func (s *Server) Shutdown(ctx context.Context) error {
	s.closed.Store(true)
	defer s.cancel()
	return s.fs.ShutdownWithContext(ctx)
}

// detach gives each request a context of its own, ended when its
// handler returns or the server shuts down, as net/http's is. The
// adaptor's would be fasthttp's request state, which is reused for the
// next request on the connection: work that outlives a request (a
// shared database transaction, a mail queued after the answer) would
// then read another request's values; see own for the request's
// strings. A panic that escapes the handler
// ends its connection, as in net/http, instead of the process.
func (s *Server) detach(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithCancel(s.base)
		defer cancel()
		defer func() {
			if v := recover(); v != nil {
				if v != http.ErrAbortHandler {
					s.log.Error("panic serving a request", "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				}
				panic(http.ErrAbortHandler) // the adaptor closes the connection
			}
		}()
		h.ServeHTTP(w, own(ctx, r))
	})
}

// fasthttpLog sends fasthttp's own messages to the application's log.
type fasthttpLog struct{ log *slog.Logger }

func (l fasthttpLog) Printf(format string, args ...any) {
	l.log.Warn("http", "detail", fmt.Sprintf(format, args...))
}
