package web

import (
	"context"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// net/http writes a response through a 4 KB buffer: the header and the
// start of the body leave in one system call and the rest in another, so
// every page over about 3.5 KB cost two writes where nginx makes one, and
// under load the second write was a fifth of a kept page's time. A kept
// page (pagecache.go) knows its whole length before it is written, so the
// connection holds the first piece until the rest arrives and sends both
// in one writev. Nothing else changes: whatever is not a kept page, or
// does not arrive, goes out as before (at most holdLimit later).

// WholeResponses wraps the listener the server accepts connections on;
// http.Server.ConnContext must be ConnContext.
func WholeResponses(ln net.Listener) net.Listener { return wholeListener{ln} }

// ConnContext hands a request the connection it came on, for a kept
// page to announce its length (see wholeConn.expect).
func ConnContext(ctx context.Context, c net.Conn) context.Context {
	if w, ok := c.(*wholeConn); ok {
		return context.WithValue(ctx, ctxConn, w)
	}
	return ctx
}

type wholeListener struct{ net.Listener }

func (l wholeListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &wholeConn{Conn: c}, nil
}

// holdLimit is the longest the start of an answer is held when the rest
// does not come (the client went away mid-answer, say).
const holdLimit = 20 * time.Millisecond

// minHeader is the shortest status line and header an answer has: once
// this much more than the body has been written, the answer is whole.
const minHeader = len("HTTP/1.1 200 OK\r\n\r\n")

// wholeConn is a connection that can hold the start of an answer of
// known length until the rest is written.
type wholeConn struct {
	net.Conn
	mu    sync.Mutex // the server writes from one goroutine; the timer from another
	want  int        // bytes that make the answer whole; 0 when none is announced
	held  []byte
	timer *time.Timer
}

// expectWhole announces that the next answer on r's connection is a
// header and a body of n bytes, for HTTP/1 requests that get a body.
func expectWhole(r *http.Request, n int) {
	c, ok := r.Context().Value(ctxConn).(*wholeConn)
	if !ok || r.Method != http.MethodGet || r.ProtoMajor != 1 {
		return
	}
	c.mu.Lock()
	c.want = n + minHeader
	c.mu.Unlock()
}

func (c *wholeConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.want == 0 {
		return c.Conn.Write(p)
	}
	if len(c.held)+len(p) < c.want {
		if len(c.held) == 0 {
			if c.timer == nil {
				c.timer = time.AfterFunc(holdLimit, c.flushLate)
			} else {
				c.timer.Reset(holdLimit)
			}
		}
		c.held = append(c.held, p...)
		return len(p), nil
	}
	c.want = 0
	if len(c.held) == 0 {
		return c.Conn.Write(p)
	}
	c.timer.Stop()
	bufs := net.Buffers{c.held, p}
	_, err := bufs.WriteTo(c.Conn)
	c.held = c.held[:0]
	if err != nil {
		return 0, err
	}
	return len(p), nil
}

// flushLocked writes what is held. c.mu is held.
func (c *wholeConn) flushLocked() error {
	c.want = 0
	if len(c.held) == 0 {
		return nil
	}
	c.timer.Stop()
	_, err := c.Conn.Write(c.held)
	c.held = c.held[:0]
	return err
}

func (c *wholeConn) flushLate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	_ = c.flushLocked()
}

// ReadFrom keeps the connection's own ReadFrom (sendfile for files)
// behind the wrapper.
func (c *wholeConn) ReadFrom(r io.Reader) (int64, error) {
	c.mu.Lock()
	err := c.flushLocked()
	c.mu.Unlock()
	if err != nil {
		return 0, err
	}
	return io.Copy(c.Conn, r)
}

// CloseWrite keeps the connection's half-close, which net/http uses to
// end a connection without losing the answer it just sent.
func (c *wholeConn) CloseWrite() error {
	c.mu.Lock()
	err := c.flushLocked()
	c.mu.Unlock()
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		if cerr := cw.CloseWrite(); err == nil {
			err = cerr
		}
	}
	return err
}

func (c *wholeConn) Close() error {
	c.mu.Lock()
	_ = c.flushLocked()
	c.mu.Unlock()
	return c.Conn.Close()
}
