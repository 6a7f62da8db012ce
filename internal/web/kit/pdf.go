package kit

import (
	"net/http"
	"strconv"
)

// PDF is how a document is sent: its file name (slugs, codes and digits,
// nothing to escape), whether the browser shows it (inline) or saves it,
// and its Cache-Control.
type PDF struct {
	Name   string
	Inline bool
	Cache  string
}

// WritePDF sends a document laid out in full beforehand, so that a
// failure while laying it out was still a clean error page.
func WritePDF(w http.ResponseWriter, body []byte, p PDF) {
	disposition := "attachment"
	if p.Inline {
		disposition = "inline"
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", disposition+`; filename="`+p.Name+`"`)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Cache-Control", p.Cache)
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}
