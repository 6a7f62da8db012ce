package web

import (
	"errors"
	"io"
	"mime"
	"net/http"

	"lokadaya/internal/blob"
)

// servePrivateFile streams an uploaded file (a picture or a PDF) from the
// blob store to a caller whose right to it was already checked. It is
// never cached, never sniffed and never runs as a page: a PDF downloads,
// a picture shows inline in a sandbox.
func (s *Server) servePrivateFile(w http.ResponseWriter, r *http.Request, key, contentType, filename string) {
	rc, _, err := s.blobs.Open(r.Context(), key)
	if errors.Is(err, blob.ErrNotFound) {
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
	h.Set("Cache-Control", "private, no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	disposition := "inline"
	if contentType == "application/pdf" {
		disposition = "attachment"
	}
	h.Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": filename}))
	w.WriteHeader(http.StatusOK)
	_, _ = io.Copy(w, rc)
}

// privateFileExt is the file name extension of an uploaded file's type:
// a PDF, a PNG or (what the rest are re-encoded to) a JPEG.
func privateFileExt(contentType string) string {
	switch contentType {
	case "application/pdf":
		return ".pdf"
	case "image/png":
		return ".png"
	}
	return ".jpg"
}
