package web

import (
	"errors"
	"net/http"
	"net/url"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/payment"
	"lokadaya/internal/validate"
)

// paymentPage is the organisation's payment settings: bank accounts and
// static QRIS.
type paymentPage struct {
	Access   *orgAccess
	Accounts []payment.BankAccount
	QRIS     *payment.QRIS // nil until one is saved
	Banks    []payment.Bank
}

// paymentSettings shows the settings to members; money managers also get
// the forms.
func (s *Server) paymentSettings(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanSeeMoney)
	if !ok {
		return
	}
	s.renderPayment(w, r, http.StatusOK, a, nil, nil)
}

// renderPayment shows the page with what the user typed and its errors
// when a form was refused.
func (s *Server) renderPayment(w http.ResponseWriter, r *http.Request, status int, a *orgAccess, typed url.Values, errs validate.Errors) {
	ctx := r.Context()
	accounts, err := s.paymentStore().Accounts(ctx, a.Org.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	q, err := s.paymentStore().QRIS(ctx, a.Org.ID)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		s.serverError(w, r, err)
		return
	}
	v := s.view(r, i18n.T(lang(r), "payment.title", a.Org.Name),
		&paymentPage{Access: a, Accounts: accounts, QRIS: q, Banks: payment.Banks})
	if typed != nil {
		v.Form = typed
	}
	if errs != nil {
		v.Errors = errs
	}
	s.render(w, r, status, "payment_settings", v)
}
