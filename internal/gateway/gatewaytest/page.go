package gatewaytest

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"lokadaya/internal/i18n"
)

// payActions are the buttons of the payment page, in order.
var payActions = []string{"settlement", "pending", "deny", "expire"}

var pageTmpl = template.Must(template.New("pay").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.T "gateway.pay.title"}}</title></head>
<body>
<main>
<h1>{{.T "gateway.pay.title"}}</h1>
<p>{{.T "gateway.pay.intro"}}</p>
{{if .Message}}<p role="status">{{.Message}}</p>{{end}}
{{with .Order}}
<dl>
<dt>{{$.T "gateway.pay.order"}}</dt><dd>{{.OrderID}}</dd>
<dt>{{$.T "gateway.pay.amount"}}</dt><dd>{{$.Amount}}</dd>
{{if .CustomerName}}<dt>{{$.T "gateway.pay.payer"}}</dt><dd>{{.CustomerName}}</dd>{{end}}
<dt>{{$.T "gateway.pay.status"}}</dt><dd>{{if .Status}}{{.Status}}{{else}}{{$.T "gateway.pay.status_new"}}{{end}}</dd>
</dl>
{{if $.Final}}<p>{{$.T "gateway.pay.finished"}}</p>
{{else}}<form method="post" action="{{$.Action}}">
<fieldset><legend>{{$.T "gateway.pay.choose"}}</legend>
{{range $.Buttons}}<button type="submit" name="action" value="{{.Value}}">{{.Label}}</button>
{{end}}</fieldset>
</form>{{end}}
{{if .FinishURL}}<p><a href="{{.FinishURL}}">{{$.T "gateway.pay.back"}}</a></p>{{end}}
{{end}}
</main>
</body>
</html>
`))

type button struct{ Value, Label string }

// pageView is what the payment page shows.
type pageView struct {
	Lang    i18n.Lang
	Order   *Order
	Amount  string
	Final   bool
	Action  string
	Buttons []button
	Message string
}

// T translates for the page.
func (v pageView) T(key string, args ...any) string { return i18n.T(v.Lang, key, args...) }

// pageLang is ?lang= when given, else the browser's first language.
func pageLang(r *http.Request) i18n.Lang {
	if l := r.URL.Query().Get("lang"); l != "" {
		return i18n.Parse(l)
	}
	return i18n.Parse(r.Header.Get("Accept-Language"))
}

// orderByToken returns a copy of the transaction behind a payment link.
func (s *Server) orderByToken(token string) (Order, bool) {
	s.mu.Lock()
	id, ok := s.tokens[token]
	s.mu.Unlock()
	if !ok {
		return Order{}, false
	}
	return s.Order(id)
}

// payPage serves GET /pay/{token}.
func (s *Server) payPage(w http.ResponseWriter, r *http.Request) {
	v := pageView{Lang: pageLang(r)}
	if r.URL.Query().Get("sent") == "1" {
		v.Message = v.T("gateway.pay.sent")
	}
	s.renderPage(w, r, http.StatusOK, v)
}

// payAction serves POST /pay/{token}: the payer's button.
func (s *Server) payAction(w http.ResponseWriter, r *http.Request) {
	v := pageView{Lang: pageLang(r)}
	o, ok := s.orderByToken(r.PathValue("token"))
	action := r.PostFormValue("action")
	if !ok || !validAction(action) || final[o.Status] {
		s.renderPage(w, r, http.StatusBadRequest, v)
		return
	}
	if err := s.Pay(o.OrderID, action); err != nil {
		if !errors.Is(err, ErrNotDelivered) && !errors.Is(err, ErrNoNotifyURL) {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		v.Message = v.T("gateway.pay.not_sent", err.Error())
		s.renderPage(w, r, http.StatusBadGateway, v)
		return
	}
	if o.FinishURL != "" && action != "pending" {
		http.Redirect(w, r, finishURL(o.FinishURL, o.OrderID, action), http.StatusSeeOther)
		return
	}
	// Relative on purpose: the page keeps working when mounted under a prefix.
	w.Header().Set("Location", url.PathEscape(o.Token)+"?sent=1&lang="+string(v.Lang))
	w.WriteHeader(http.StatusSeeOther)
}

func validAction(a string) bool {
	for _, v := range payActions {
		if a == v {
			return true
		}
	}
	return false
}

// finishURL adds what the real gateway adds to the merchant's finish URL.
func finishURL(base, orderID, status string) string {
	q := url.Values{"order_id": {orderID}, "status_code": {statusCodes[status]}, "transaction_status": {status}}
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + q.Encode()
}

// renderPage shows the transaction behind the link, or that it is unknown.
func (s *Server) renderPage(w http.ResponseWriter, r *http.Request, status int, v pageView) {
	token := r.PathValue("token")
	if o, ok := s.orderByToken(token); ok {
		v.Order = &o
		v.Amount = i18n.Rupiah(o.GrossAmount)
		v.Final = final[o.Status]
		v.Action = url.PathEscape(token) + "?lang=" + string(v.Lang)
		for _, a := range payActions {
			v.Buttons = append(v.Buttons, button{Value: a, Label: v.T("gateway.pay." + a)})
		}
	} else {
		status = http.StatusNotFound
		v.Message = v.T("gateway.pay.not_found")
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_ = pageTmpl.Execute(w, v)
}
