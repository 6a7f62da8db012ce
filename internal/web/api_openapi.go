package web

import (
	_ "embed"
	"net/http"
)

//go:embed openapi.json
var openapiJSON []byte

// apiOpenAPI serves the OpenAPI description of /api/v1.
func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	_, _ = w.Write(openapiJSON)
}
