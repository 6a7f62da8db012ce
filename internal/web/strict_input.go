package web

import (
	"errors"
	"mime"
	"net/http"

	"lokadaya/internal/web/kit"
)

// maxFormBytes bounds a url-encoded form body. The longest form, a cycle
// answer of 20 000 characters, fits even when every character is
// percent-encoded; anything larger is refused with 413 before a handler
// sees it. Uploads (multipart) set their own limits.
const maxFormBytes = 256 << 10

// limitForms reads every url-encoded form body within maxFormBytes: too
// large is 413 and unreadable is 400, each a page in the user's language.
// Handlers then find r.PostForm filled.
func (s *Server) limitForms(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if mt != "application/x-www-form-urlencoded" || r.Method == http.MethodGet || r.Method == http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
		if err := r.ParseForm(); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				s.errorPage(w, r, http.StatusRequestEntityTooLarge, "413")
				return
			}
			s.errorPage(w, r, http.StatusBadRequest, "400")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// readJSON reads a JSON request body of at most limit bytes (see
// kit.ReadJSON).
func readJSON(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, bool) {
	return kit.ReadJSON(w, r, lang(r), limit)
}

// decodeJSON reads a JSON request body strictly into v (see
// kit.DecodeJSON).
func decodeJSON(w http.ResponseWriter, r *http.Request, limit int64, v any) bool {
	return kit.DecodeJSON(w, r, lang(r), limit, v)
}
