package web

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"

	"lokadaya/internal/i18n"
	"lokadaya/internal/strictjson"
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

// readJSON reads a JSON request body of at most limit bytes. It answers
// 415 unless the Content-Type is application/json and 413 when the body
// is larger, and then returns false.
func readJSON(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, bool) {
	l := lang(r)
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		apiError(w, http.StatusUnsupportedMediaType, "unsupported_media_type", i18n.T(l, "api.err.content_type"))
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		apiError(w, http.StatusRequestEntityTooLarge, "too_large", i18n.T(l, "api.err.too_large", strconv.FormatInt(limit>>10, 10)))
		return nil, false
	case err != nil:
		apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "api.err.json_syntax"))
		return nil, false
	}
	return body, true
}

// decodeJSON reads a JSON request body (see readJSON) into v, strictly:
// one object, no key twice, nothing after it, no field v does not have.
// Anything else is answered 400 with what is wrong, and it returns false.
func decodeJSON(w http.ResponseWriter, r *http.Request, limit int64, v any) bool {
	body, ok := readJSON(w, r, limit)
	if !ok {
		return false
	}
	err := strictjson.UnmarshalKnown(body, v)
	if err == nil {
		return true
	}
	l := lang(r)
	var dup *strictjson.KeyError
	switch {
	case errors.As(err, &dup):
		apiError(w, http.StatusBadRequest, "duplicate_key", i18n.T(l, "api.err.json_duplicate", dup.Key))
	case errors.Is(err, strictjson.ErrTrailing):
		apiError(w, http.StatusBadRequest, "trailing_data", i18n.T(l, "api.err.json_trailing"))
	case errors.Is(err, strictjson.ErrType):
		apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "api.err.json_fields"))
	default:
		apiError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "api.err.json_syntax"))
	}
	return false
}
