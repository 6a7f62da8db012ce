package logbuf

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"
)

// sink is an io.Writer safe for the timer's goroutine.
type sink struct {
	mu     sync.Mutex
	b      bytes.Buffer
	writes int
	fail   error
}

func (s *sink) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.writes++
	if s.fail != nil {
		return 0, s.fail
	}
	return s.b.Write(p)
}

func (s *sink) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func (s *sink) count() int { s.mu.Lock(); defer s.mu.Unlock(); return s.writes }

func TestLinesGatherUntilFlushOrLimit(t *testing.T) {
	line := strings.Repeat("x", 99) + "\n"
	tests := []struct {
		name       string
		lines      int
		wantWrites int // before any Flush
	}{
		{"a few lines wait", 3, 0},
		{"just under the limit waits", Limit/len(line) - 1, 0},
		{"reaching the limit writes them together", Limit/len(line) + 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &sink{}
			w := New(s)
			for range tt.lines {
				if _, err := w.Write([]byte(line)); err != nil {
					t.Fatal(err)
				}
			}
			if got := s.count(); got != tt.wantWrites {
				t.Fatalf("%d writes before Flush, want %d", got, tt.wantWrites)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if got := s.String(); got != strings.Repeat(line, tt.lines) {
				t.Fatalf("wrote %d bytes, want %d", len(got), tt.lines*len(line))
			}
		})
	}
}

func TestLinesAreWrittenSoonWithoutFlush(t *testing.T) {
	s := &sink{}
	w := New(s)
	w.Write([]byte("a line\n"))
	deadline := time.Now().Add(5 * time.Second)
	for s.String() == "" {
		if time.Now().After(deadline) {
			t.Fatal("the line was never written")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestWarningsAreWrittenAtOnce(t *testing.T) {
	s := &sink{}
	w := New(s)
	log := slog.New(Handler(slog.NewJSONHandler(w, nil), w, slog.LevelWarn)).With("app", "lokadaya")
	log.Info("request", "status", 200)
	if s.count() != 0 {
		t.Fatal("an info line was written at once")
	}
	log.WithGroup("db").Warn("slow", "ms", 900)
	got := s.String()
	if !strings.Contains(got, `"msg":"request"`) || !strings.Contains(got, `"msg":"slow"`) || !strings.Contains(got, `"app":"lokadaya"`) {
		t.Fatalf("after a warning the log holds %q", got)
	}
}

func TestAFailedWriteIsReported(t *testing.T) {
	s := &sink{fail: errors.New("disk full")}
	w := New(s)
	w.Write([]byte("one\n"))
	if err := w.Flush(); err == nil {
		t.Fatal("Flush hid the failed write")
	}
	s.mu.Lock()
	s.fail = nil
	s.mu.Unlock()
	if _, err := w.Write([]byte("two\n")); err == nil {
		t.Fatal("the next Write did not report the failed write")
	}
	w.Write([]byte("three\n"))
	w.Flush()
	if got := s.String(); got != "three\n" {
		t.Fatalf("wrote %q", got)
	}
}
