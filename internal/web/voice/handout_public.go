package voice

import (
	"errors"
	"net/http"
	"net/url"

	"lokadaya/internal/db"
	"lokadaya/internal/distribution"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// receiptLookupPage is where a recipient types the code of their slip.
type receiptLookupPage struct {
	NotFound bool
}

func (h *handlers) receiptLookup(w http.ResponseWriter, r *http.Request) {
	h.site.Render(w, r, kit.Page{Name: "voice_receipt_lookup", Title: h.t(r, "receipt.lookup.title"), Data: &receiptLookupPage{}})
}

// receiptFind goes to the confirmation page of the typed code. Lookups are
// counted per client address, so codes cannot be guessed.
func (h *handlers) receiptFind(w http.ResponseWriter, r *http.Request) {
	if !h.site.AllowClient(w, r, h.ReceiptLimit, "terima") {
		return
	}
	rc, _, err := h.Distributions.RecipientByCode(r.Context(), r.PostForm.Get("code"))
	if errors.Is(err, db.ErrNotFound) {
		h.site.Render(w, r, kit.Page{Name: "voice_receipt_lookup", Title: h.t(r, "receipt.lookup.title"),
			Data: &receiptLookupPage{NotFound: true}, Status: http.StatusNotFound, Form: r.PostForm,
			Errors: validate.Errors{"code": "receipt.err.code"}})
		return
	}
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	kit.Redirect(w, r, receiptURL(rc.Code)+"?via="+distribution.ViaCode)
}

// receiptPage is a recipient's share and whether it was confirmed.
type receiptPage struct {
	Recipient    *distribution.Recipient
	Distribution *distribution.Distribution
	Org          *org.Organization
	Via          string
	Confirmers   []string
}

// openReceipt loads the recipient of the {code} path value, counting the
// look-up against the caller's address.
func (h *handlers) openReceipt(w http.ResponseWriter, r *http.Request) (*receiptPage, bool) {
	if !h.site.AllowClient(w, r, h.ReceiptLimit, "terima") {
		return nil, false
	}
	rc, d, err := h.Distributions.RecipientByCode(r.Context(), r.PathValue("code"))
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, false
	}
	o, err := h.Orgs.ByID(r.Context(), d.OrgID)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, false
	}
	via := r.URL.Query().Get("via")
	if r.Method == http.MethodPost {
		via = r.PostForm.Get("via")
	}
	if via != distribution.ViaCode {
		via = distribution.ViaQR
	}
	return &receiptPage{Recipient: rc, Distribution: d, Org: o, Via: via, Confirmers: confirmersFor(rc)}, true
}

func confirmersFor(rc *distribution.Recipient) []string {
	if rc.Kind == distribution.KindGroup {
		return []string{"ketua_rt", "ketua_rw"}
	}
	return nil
}

func (h *handlers) receiptPage(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openReceipt(w, r)
	if !ok {
		return
	}
	h.site.Render(w, r, kit.Page{Name: "voice_receipt", Title: h.t(r, "receipt.title"), Data: p,
		Form: url.Values{"received": {""}}})
}

// receiptConfirm records the confirmation, once.
func (h *handlers) receiptConfirm(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openReceipt(w, r)
	if !ok {
		return
	}
	in := distribution.ConfirmFromForm(r.PostForm)
	in.Via = p.Via
	err := h.Distributions.Confirm(r.Context(), p.Recipient, in)
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		h.site.Render(w, r, kit.Page{Name: "voice_receipt", Title: h.t(r, "receipt.title"), Data: p,
			Status: http.StatusUnprocessableEntity, Form: r.PostForm, Errors: errs})
	case errors.Is(err, distribution.ErrConfirmed):
		kit.Redirect(w, r, receiptURL(p.Recipient.Code))
	case err != nil:
		h.site.ServerError(w, r, err)
	default:
		h.site.Flash(w, "receipt.flash.confirmed")
		kit.Redirect(w, r, receiptURL(p.Recipient.Code))
	}
}
