package web

import (
	"errors"
	"io"
	"net/http"
	"strings"

	"lokadaya/internal/blob"
)

// publicMedia are the key prefixes of uploads meant for everyone: logos
// and campaign covers.
// Everything else (cycle attachments, receipts) is served only by routes
// that check who is asking.
var publicMedia = []string{"logos/", "initiatives/", "campaigns/"}

func isPublicMedia(key string) bool {
	for _, p := range publicMedia {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

// media serves a public upload. Keys are never reused (a new logo gets a
// new key), so browsers may keep a file for a year.
func (s *Server) media(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("key")
	if !blob.ValidKey(key) || !isPublicMedia(key) {
		s.notFound(w, r)
		return
	}
	rc, contentType, err := s.blobs.Open(r.Context(), key)
	if errors.Is(err, blob.ErrNotFound) || errors.Is(err, blob.ErrBadKey) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	defer rc.Close()
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("X-Content-Type-Options", "nosniff")
	// Whatever a file turns out to be, it cannot run as a page of this site.
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	if !strings.HasPrefix(contentType, "image/") || contentType == "image/svg+xml" {
		h.Set("Content-Disposition", "attachment")
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = io.Copy(w, rc)
	}
}
