package httpfront

import "net/http"

// streamAfter is how much of an answer is held before the rest streams.
// The adaptor keeps an answer whole until its handler returns, which
// suits pages; a long export or report would then sit in memory whole,
// so past this size the answer is flushed and goes out chunked as it is
// written, as net/http sends it.
const streamAfter = 64 << 10

// streamLarge flushes each answer once it passes streamAfter bytes.
func streamLarge(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(&streamWriter{ResponseWriter: w}, r)
	})
}

// streamWriter counts an answer's bytes and flushes at streamAfter.
type streamWriter struct {
	http.ResponseWriter
	written   int
	streaming bool
}

func (s *streamWriter) Write(p []byte) (int, error) {
	n, err := s.ResponseWriter.Write(p)
	s.written += n
	if !s.streaming && s.written > streamAfter {
		s.Flush()
	}
	return n, err
}

// Flush sends what is written so far; the rest streams.
func (s *streamWriter) Flush() {
	s.streaming = true
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap lets http.ResponseController reach the adaptor's writer.
func (s *streamWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }
