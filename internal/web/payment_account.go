package web

import (
	"errors"
	"net/http"
	"strconv"

	"lokadaya/internal/payment"
	"lokadaya/internal/validate"
)

// paymentAccountAdd adds a bank account donors may transfer to.
func (s *Server) paymentAccountAdd(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManageMoney)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	_, err := s.paymentStore().AddAccount(r.Context(), paymentActor(a), a.Org.ID, payment.AccountFromForm(r.PostForm))
	var errs validate.Errors
	if errors.As(err, &errs) {
		s.renderPayment(w, r, http.StatusUnprocessableEntity, a, r.PostForm, errs)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.flash(w, "payment.flash.account_added")
	redirect(w, r, paymentURL(a.Org.Slug))
}

// paymentAccountDeactivate stops offering a bank account to donors.
func (s *Server) paymentAccountDeactivate(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManageMoney)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.notFound(w, r)
		return
	}
	if err := s.paymentStore().DeactivateAccount(r.Context(), paymentActor(a), a.Org.ID, id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(w, "payment.flash.account_deactivated")
	redirect(w, r, paymentURL(a.Org.Slug))
}
