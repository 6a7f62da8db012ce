package httpfront

import (
	"errors"
	"net"

	"github.com/valyala/fasthttp"
)

// refuse answers a request that could not be read whole, before the
// application sees it: in both of the interface's languages, as the
// request's own Accept-Language may be what could not be read.
func refuse(ctx *fasthttp.RequestCtx, err error) {
	status, text := fasthttp.StatusBadRequest,
		"Permintaan tidak dapat dibaca. / The request could not be read."
	var small *fasthttp.ErrSmallBuffer
	var netErr net.Error
	switch {
	case errors.Is(err, fasthttp.ErrBodyTooLarge):
		status, text = fasthttp.StatusRequestEntityTooLarge,
			"Berkas atau isian terlalu besar (paling besar 12 MB). / The file or form is too large (at most 12 MB)."
	case errors.As(err, &small):
		status, text = fasthttp.StatusRequestHeaderFieldsTooLarge,
			"Kepala permintaan terlalu besar. / The request's header is too large."
	case errors.As(err, &netErr) && netErr.Timeout():
		status, text = fasthttp.StatusRequestTimeout,
			"Permintaan terlalu lama dikirim. / The request took too long to arrive."
	}
	ctx.Response.Reset()
	ctx.SetStatusCode(status)
	ctx.SetContentType("text/plain; charset=utf-8")
	ctx.Response.Header.Set("X-Content-Type-Options", "nosniff")
	ctx.SetConnectionClose()
	ctx.SetBodyString(text + "\n")
}
