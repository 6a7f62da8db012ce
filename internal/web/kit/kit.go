// Package kit is the small shared kit that an area's handler package
// (internal/web/voice and those after it) is built on, so that an area's
// pages live in one folder and still look and behave like the rest of the
// site.
//
// An area package receives a Site in its constructor and registers its
// routes on a Router:
//
//	func Routes(mux kit.Router, site kit.Site, stores Stores) {
//		h := &handlers{site: site, …}
//		mux.HandleFunc("GET /organisasi/{slug}/layanan", h.list)
//	}
//
// A handler parses, validates, calls its domain package and redirects, or
// renders its page again with the user's input and the field errors:
//
//	a, ok := site.Org(w, r, (*kit.Access).CanWrite) // 302 to login, 403, 404 handled
//	…
//	site.Render(w, r, kit.Page{Name: "voice_point_form", Title: …, Data: p,
//		Status: http.StatusUnprocessableEntity, Form: r.PostForm, Errors: errs})
//
// The area embeds its page templates (templates/*.html, and optional
// templates/partials/*.html shared by its pages) and exports them as an
// fs.FS; the web package parses them into its own set at start-up, within
// the site layout and partials, and refuses to start when a page or
// partial name is taken twice. Page names start with the area's name
// ("voice_…"). A page template defines "content" and sees the same View
// as every page of the site: .T, .Data, .Val, .Err, .Fields, .FieldError,
// .Aria, .Required, .Date and the template functions (rupiah, number…).
package kit

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"

	"lokadaya/internal/account"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/ratelimit"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// Site is what the web package offers an area's handlers.
type Site interface {
	// Render writes the page inside the site layout. A template error
	// becomes a clean 500 page.
	Render(w http.ResponseWriter, r *http.Request, p Page)
	// User is the logged-in user, or nil.
	User(r *http.Request) *account.User
	// Lang is the language of the request.
	Lang(r *http.Request) i18n.Lang
	// RequireUser returns the logged-in user, or sends the browser to the
	// login page (coming back afterwards) and returns false.
	RequireUser(w http.ResponseWriter, r *http.Request) (*account.User, bool)
	// Org loads the organisation of the {slug} path value for a logged-in
	// caller allowed by may: anonymous callers go to the login page, those
	// who may not get 403, a missing or hidden organisation 404.
	Org(w http.ResponseWriter, r *http.Request, may func(*Access) bool) (*Access, bool)
	// AccessTo is the caller's rights in an organisation found some other
	// way (through an initiative, a service point…).
	AccessTo(r *http.Request, o *org.Organization) (*Access, error)
	// RegionPicker builds the cascading region picker from a form (the
	// region_* fields, or a whole code in "region").
	RegionPicker(r *http.Request, form url.Values, required bool) (*Picker, error)

	// The error pages, in the user's language.
	NotFound(w http.ResponseWriter, r *http.Request)
	Forbidden(w http.ResponseWriter, r *http.Request)
	TooMany(w http.ResponseWriter, r *http.Request)
	// BadRequest is the page for a form that cannot be read.
	BadRequest(w http.ResponseWriter, r *http.Request)
	// Message is a page of one message (titleKey, bodyKey) with status.
	Message(w http.ResponseWriter, r *http.Request, status int, titleKey, bodyKey string)
	// ServerError logs err and shows a 500 page that leaks nothing of it.
	ServerError(w http.ResponseWriter, r *http.Request, err error)
	// Log records a server error that the handler answers itself (an
	// API's JSON error, say).
	Log(r *http.Request, err error)
	// Fail answers a domain error: db.ErrNotFound → 404, else 500.
	Fail(w http.ResponseWriter, r *http.Request, err error)

	// AllowClient counts an attempt of the caller's address at scope
	// against limiter; past the limit it answers 429 and returns false.
	AllowClient(w http.ResponseWriter, r *http.Request, limiter *ratelimit.Limiter, scope string) bool

	// Flash leaves a message (an i18n key) for the next page shown.
	Flash(w http.ResponseWriter, key string)
	// BaseURL is the site's public address, for links printed or e-mailed.
	BaseURL() string
	// ClientIP is the caller's network address, as rate limits count it
	// (behind a trusted proxy, the first X-Forwarded-For address; an IPv6
	// address as its /64 network).
	ClientIP(r *http.Request) string
}

// Router is where an area registers its routes; the web package passes
// one that names each request's route in the logs and metrics.
type Router interface {
	HandleFunc(pattern string, h func(http.ResponseWriter, *http.Request))
}

// Page is what Render shows: the template Name, the page Title, its Data
// and, for a refused form, what the user typed and what is wrong with it.
type Page struct {
	Name   string
	Title  string
	Data   any
	Status int // http.StatusOK when 0
	Form   url.Values
	Errors validate.Errors
}

// Picker is a region picker: View goes to the "region-picker" partial
// ({{template "region-picker" .Data.Picker.View}}), Code is the region
// chosen ("" when none), Missing tells a required one was not chosen.
type Picker struct {
	View    any
	Code    string
	Missing bool
}

// maxForm is the largest url-encoded form a handler reads.
const maxForm = 256 << 10

// ParseForm reads a posted form; one that cannot be read is answered with
// the 400 page in the user's language, and it returns false.
func ParseForm(site Site, w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		site.BadRequest(w, r)
		return false
	}
	return true
}

// Redirect sends the browser on after a successful POST.
func Redirect(w http.ResponseWriter, r *http.Request, to string) {
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// Refreshing reports whether a form was sent by the region picker's
// refresh button (no JavaScript), so it is shown again rather than saved.
func Refreshing(form url.Values) bool { return form.Get(region.FieldRefresh) != "" }

// JSON writes v as the API's JSON body.
func JSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}

// APIError writes the API's error body: {"error":{"code","message"}}.
func APIError(w http.ResponseWriter, status int, code, message string) {
	JSON(w, status, map[string]any{"error": map[string]string{"code": code, "message": message}})
}

// JSONPage writes one page of a list, {"items": […], "next": cursor},
// next null on the last page.
func JSONPage(w http.ResponseWriter, items any, next string) {
	body := map[string]any{"items": items, "next": nil}
	if next != "" {
		body["next"] = next
	}
	JSON(w, http.StatusOK, body)
}

// APIServerError logs err and answers the API's 500, which leaks nothing
// of it, in the caller's language.
func APIServerError(site Site, w http.ResponseWriter, r *http.Request, err error) {
	site.Log(r, err)
	APIError(w, http.StatusInternalServerError, "internal", i18n.T(site.Lang(r), "error.500.title"))
}

// Errors of ReadFile.
var (
	ErrNoFile   = errors.New("kit: no file")
	ErrTooLarge = errors.New("kit: file too large")
)

// ReadFile reads the uploaded file of a multipart form field, of at most
// limit bytes: ErrTooLarge when it (or the whole request) is larger,
// ErrNoFile when there is none or the form cannot be read.
func ReadFile(w http.ResponseWriter, r *http.Request, field string, limit int64) (data []byte, name string, err error) {
	r.Body = http.MaxBytesReader(w, r.Body, limit+64<<10)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, "", ErrTooLarge
		}
		return nil, "", ErrNoFile
	}
	f, hdr, err := r.FormFile(field)
	if err != nil {
		return nil, "", ErrNoFile
	}
	defer f.Close()
	data, err = io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, "", err
	}
	if int64(len(data)) > limit {
		return nil, "", ErrTooLarge
	}
	return data, hdr.Filename, nil
}
