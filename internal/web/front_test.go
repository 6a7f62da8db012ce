package web_test

import (
	"context"
	"net"
	"testing"
	"time"

	"lokadaya/internal/httpfront"
	"lokadaya/internal/web"
)

// frontServer is a handler served as lokadaya serve serves it: the
// worlds' requests, the crawls and the browsers go through the
// production front, not net/http's.
type frontServer struct {
	URL   string
	close func()
}

// Close stops the server, waiting briefly for answers in flight.
func (s *frontServer) Close() { s.close() }

// serveFront serves srv on a local port as lokadaya serve does, kept
// pages answered by the front; call Close (or t.Cleanup it).
func serveFront(t *testing.T, srv *web.Server) *frontServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return serveFrontOn(ln, srv)
}

// serveFrontOn is serveFront on a listener the caller opened.
func serveFrontOn(ln net.Listener, srv *web.Server) *frontServer {
	s := httpfront.New(srv.Handler(), srv, nil)
	go func() { _ = s.Serve(ln) }()
	return &frontServer{URL: "http://" + ln.Addr().String(), close: func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = s.Shutdown(ctx)
	}}
}
