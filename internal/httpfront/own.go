package httpfront

import (
	"context"
	"net/http"
	"strings"
)

// own is r with a context of ctx and strings of its own. The adaptor's
// request shares its bytes with fasthttp's buffers (method, address,
// header names and values), which the next request on the connection
// overwrites: a header value kept in a map, a path held by a goroutine
// after the answer, would change under its holder.
func own(ctx context.Context, r *http.Request) *http.Request {
	o := r.WithContext(ctx)
	o.Method = strings.Clone(r.Method)
	o.Proto = strings.Clone(r.Proto)
	o.Host = strings.Clone(r.Host)
	o.RequestURI = strings.Clone(r.RequestURI)
	o.RemoteAddr = strings.Clone(r.RemoteAddr)
	if r.URL != nil {
		u := *r.URL
		u.Scheme, u.Opaque, u.Host = strings.Clone(u.Scheme), strings.Clone(u.Opaque), strings.Clone(u.Host)
		u.Path, u.RawPath = strings.Clone(u.Path), strings.Clone(u.RawPath)
		u.RawQuery, u.Fragment = strings.Clone(u.RawQuery), strings.Clone(u.Fragment)
		u.User = nil // never sent in a request line
		o.URL = &u
	}
	o.Header = ownHeader(r.Header)
	o.Trailer = ownHeader(r.Trailer)
	o.TransferEncoding = ownStrings(r.TransferEncoding)
	return o
}

func ownHeader(h http.Header) http.Header {
	if h == nil {
		return nil
	}
	o := make(http.Header, len(h))
	for k, vs := range h {
		o[strings.Clone(k)] = ownStrings(vs)
	}
	return o
}

func ownStrings(vs []string) []string {
	if vs == nil {
		return nil
	}
	o := make([]string, len(vs))
	for i, v := range vs {
		o[i] = strings.Clone(v)
	}
	return o
}
