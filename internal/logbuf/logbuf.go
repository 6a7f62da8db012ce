// Package logbuf batches log lines: a line a request written straight to
// stderr is a system call a request, which under load cost a fifth of a
// small page's time. Lines are kept in memory and written together when
// 32 KB have gathered, a fraction of a second after the first of them, or
// at once for warnings and errors, as nginx's buffered access log does.
package logbuf

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"time"
)

// Limit is how many bytes gather before they are written at once.
const Limit = 32 << 10

// Delay is the longest a line waits in memory.
const Delay = 200 * time.Millisecond

// Writer gathers writes to an underlying writer.
type Writer struct {
	mu    sync.Mutex
	out   io.Writer
	buf   []byte
	timer *time.Timer // armed while buf holds something
	err   error       // the last failed write, returned by the next Write
}

// New gathers writes to out.
func New(out io.Writer) *Writer {
	w := &Writer{out: out}
	w.timer = time.AfterFunc(time.Hour, func() { _ = w.Flush() })
	w.timer.Stop()
	return w
}

// Write keeps p (a whole log line, as slog writes them) to be written
// with the others.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.err; err != nil {
		w.err = nil
		return 0, err
	}
	if len(w.buf) == 0 {
		w.timer.Reset(Delay)
	}
	w.buf = append(w.buf, p...)
	if len(w.buf) >= Limit {
		return len(p), w.flushLocked()
	}
	return len(p), nil
}

// Flush writes what has gathered.
func (w *Writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.flushLocked()
}

func (w *Writer) flushLocked() error {
	if len(w.buf) == 0 {
		return nil
	}
	w.timer.Stop()
	_, err := w.out.Write(w.buf)
	w.buf = w.buf[:0]
	if cap(w.buf) > 4*Limit {
		w.buf = nil // one burst of huge lines keeps no huge buffer
	}
	if err != nil {
		w.err = err
	}
	return err
}

// Handler passes records to a handler that writes to w and writes at
// once every record at level or above, so a warning or an error is never
// left waiting in memory (a crash right after it loses nothing).
func Handler(h slog.Handler, w *Writer, level slog.Level) slog.Handler {
	return &handler{Handler: h, w: w, level: level}
}

type handler struct {
	slog.Handler
	w     *Writer
	level slog.Level
}

func (h *handler) Handle(ctx context.Context, r slog.Record) error {
	err := h.Handler.Handle(ctx, r)
	if r.Level >= h.level {
		if ferr := h.w.Flush(); err == nil {
			err = ferr
		}
	}
	return err
}

func (h *handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &handler{Handler: h.Handler.WithAttrs(attrs), w: h.w, level: h.level}
}

func (h *handler) WithGroup(name string) slog.Handler {
	return &handler{Handler: h.Handler.WithGroup(name), w: h.w, level: h.level}
}
