package web

import (
	"errors"
	"net/http"
	"net/url"

	"lokadaya/internal/payment"
	"lokadaya/internal/validate"
)

// paymentQRISSave stores the organisation's static QRIS, pasted as text or
// uploaded as a picture of the code (the picture wins when both are sent).
func (s *Server) paymentQRISSave(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManageMoney)
	if !ok {
		return
	}
	// Room for the largest accepted picture plus the pasted text.
	r.Body = http.MaxBytesReader(w, r.Body, payment.MaxImageBytes+64<<10)
	if err := r.ParseMultipartForm(1 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		key := "payment.err.picture_format"
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			key = "payment.err.picture_too_big"
		}
		s.renderPayment(w, r, http.StatusUnprocessableEntity, a, nil, validate.Errors{"picture": key})
		return
	}
	typed := url.Values{"payload": {r.FormValue("payload")}}
	payload, err := qrisFromRequest(r)
	if err == nil {
		typed.Set("payload", payload)
		_, err = s.paymentStore().SetQRIS(r.Context(), paymentActor(a), a.Org.ID, payload)
	}
	var errs validate.Errors
	if errors.As(err, &errs) {
		s.renderPayment(w, r, http.StatusUnprocessableEntity, a, typed, errs)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.flash(w, "payment.flash.qris_saved")
	redirect(w, r, paymentURL(a.Org.Slug)+"#qris")
}

// qrisFromRequest is the payload read from the uploaded picture, or else
// the pasted text.
func qrisFromRequest(r *http.Request) (string, error) {
	f, _, err := r.FormFile("picture")
	if errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart) {
		return r.FormValue("payload"), nil
	}
	if err != nil {
		return "", validate.Errors{"picture": "payment.err.picture_format"}
	}
	defer f.Close()
	return payment.QRISFromImage(f)
}

// paymentQRISConfirm records that the merchant name shown is the
// organisation's own, so donations may use the code.
func (s *Server) paymentQRISConfirm(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManageMoney)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	err := s.paymentStore().ConfirmQRIS(r.Context(), paymentActor(a), a.Org.ID, r.PostForm.Get("payload"))
	if errors.Is(err, payment.ErrQRISChanged) {
		s.flash(w, "payment.flash.qris_changed")
		redirect(w, r, paymentURL(a.Org.Slug)+"#qris")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(w, "payment.flash.qris_confirmed")
	redirect(w, r, paymentURL(a.Org.Slug)+"#qris")
}
