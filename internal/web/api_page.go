package web

import (
	"net/http"
	"strconv"
)

// writePage writes one page of an API list: {"items":[…],"next":cursor}
// where next is the opaque cursor of the following page, or null on the
// last one. Cursors are the last id seen, as a string.
func writePage(w http.ResponseWriter, items any, next int64) {
	var cursor *string
	if next > 0 {
		c := strconv.FormatInt(next, 10)
		cursor = &c
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items, "next": cursor})
}
