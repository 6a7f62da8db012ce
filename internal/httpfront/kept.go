package httpfront

import (
	"net/http"
	"unsafe"

	"github.com/valyala/fasthttp"
)

// A Request is what a Keeper reads of a request to find its kept
// answer. Its strings are valid only until the Keeper returns.
type Request interface {
	Method() string
	Host() string
	RequestURI() string // the path and query as sent
	Path() string
	TLS() bool
	Header(name string) string // the first value; "" when absent
	HasCookie(name string) bool
}

// A Keeper answers the requests whose answers it has kept (the pages
// read by everyone, see internal/web's page cache) without the handler:
// such a request never becomes an http.Request. write sends the answer;
// ServeKept reports whether it did.
type Keeper interface {
	ServeKept(r Request, write func(status int, header http.Header, body []byte)) bool
}

// fastRequest is a fasthttp request as a Request.
type fastRequest struct{ ctx *fasthttp.RequestCtx }

func (r fastRequest) Method() string     { return view(r.ctx.Method()) }
func (r fastRequest) Host() string       { return view(r.ctx.Host()) }
func (r fastRequest) RequestURI() string { return view(r.ctx.Request.Header.RequestURI()) }
func (r fastRequest) Path() string       { return view(r.ctx.Path()) }
func (r fastRequest) TLS() bool          { return r.ctx.IsTLS() }
func (r fastRequest) Header(name string) string {
	return view(r.ctx.Request.Header.Peek(name))
}
func (r fastRequest) HasCookie(name string) bool { return r.ctx.Request.Header.Cookie(name) != nil }

// view is b as a string without a copy, for the Keeper's lookup only.
func view(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// serveKept answers ctx from keeper when it can, else from the handler.
func serveKept(keeper Keeper, handler fasthttp.RequestHandler) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) {
		if keeper.ServeKept(fastRequest{ctx}, func(status int, header http.Header, body []byte) {
			ctx.SetStatusCode(status)
			for k, vs := range header {
				if k == "Content-Length" {
					continue // fasthttp counts the body itself
				}
				for _, v := range vs {
					ctx.Response.Header.Add(k, v)
				}
			}
			ctx.Response.SetBodyRaw(body)
		}) {
			return
		}
		handler(ctx)
	}
}
