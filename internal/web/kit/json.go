package kit

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"

	"lokadaya/internal/i18n"
	"lokadaya/internal/strictjson"
	"lokadaya/internal/validate"
)

// ReadJSON reads a JSON request body of at most limit bytes. It answers
// 415 unless the Content-Type is application/json and 413 when the body
// is larger, in language l, and then returns false.
func ReadJSON(w http.ResponseWriter, r *http.Request, l i18n.Lang, limit int64) ([]byte, bool) {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		APIError(w, http.StatusUnsupportedMediaType, "unsupported_media_type", i18n.T(l, "api.err.content_type"))
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		APIError(w, http.StatusRequestEntityTooLarge, "too_large", i18n.T(l, "api.err.too_large", strconv.FormatInt(limit>>10, 10)))
		return nil, false
	case err != nil:
		APIError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "api.err.json_syntax"))
		return nil, false
	}
	return body, true
}

// DecodeJSON reads a JSON request body (see ReadJSON) into v, strictly:
// one object, no key twice, nothing after it, no field v does not have.
// Anything else is answered 400 with what is wrong, and it returns false.
func DecodeJSON(w http.ResponseWriter, r *http.Request, l i18n.Lang, limit int64, v any) bool {
	body, ok := ReadJSON(w, r, l, limit)
	if !ok {
		return false
	}
	err := strictjson.UnmarshalKnown(body, v)
	if err == nil {
		return true
	}
	var dup *strictjson.KeyError
	switch {
	case errors.As(err, &dup):
		APIError(w, http.StatusBadRequest, "duplicate_key", i18n.T(l, "api.err.json_duplicate", dup.Key))
	case errors.Is(err, strictjson.ErrTrailing):
		APIError(w, http.StatusBadRequest, "trailing_data", i18n.T(l, "api.err.json_trailing"))
	case errors.Is(err, strictjson.ErrType):
		APIError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "api.err.json_fields"))
	default:
		APIError(w, http.StatusBadRequest, "bad_request", i18n.T(l, "api.err.json_syntax"))
	}
	return false
}

// APIValidation answers 422 with each field's translated problem.
func APIValidation(w http.ResponseWriter, l i18n.Lang, errs validate.Errors) {
	fields := map[string]string{}
	for f, k := range errs {
		fields[f] = i18n.T(l, k)
	}
	JSON(w, http.StatusUnprocessableEntity, map[string]any{"error": map[string]any{
		"code": "invalid", "message": i18n.T(l, "form.errors"), "fields": fields}})
}
