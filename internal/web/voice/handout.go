package voice

import (
	"encoding/base64"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/distribution"
	"lokadaya/internal/org"
	"lokadaya/internal/qris"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// handoutRoutes registers the goods handed out and their confirmation of
// receipt: the organisation's records and slips, and the recipients'
// public confirmation page.
func (h *handlers) handoutRoutes(mux kit.Router) {
	base := "/organisasi/{slug}/pembagian"
	mux.HandleFunc("GET "+base, h.handoutList)
	mux.HandleFunc("GET "+base+"/baru", h.handoutNew)
	mux.HandleFunc("POST "+base+"/baru", h.handoutCreate)
	mux.HandleFunc("GET "+base+"/{id}", h.handoutShow)
	mux.HandleFunc("GET "+base+"/{id}/slip", h.handoutSlips)
	mux.HandleFunc("GET /terima", h.receiptLookup)
	mux.HandleFunc("POST /terima", h.receiptFind)
	mux.HandleFunc("GET /terima/{code}", h.receiptPage)
	mux.HandleFunc("POST /terima/{code}", h.receiptConfirm)
}

// mayHandOut may record goods handed out and see the recipients' codes:
// owners, admins and editors, who run the work, and treasurers, who keep
// the goods in the books (and platform admins). Viewers and hub
// coordinators read the records without the codes, so no one but those
// who hand the slips out could confirm in a recipient's place.
func mayHandOut(a *kit.Access) bool { return a.CanWrite() || a.Role == org.RoleTreasurer }

func handoutsURL(a *kit.Access) string { return "/organisasi/" + a.Org.Slug + "/pembagian" }

func handoutURL(a *kit.Access, d *distribution.Distribution) string {
	return handoutsURL(a) + "/" + strconv.FormatInt(d.ID, 10)
}

// receiptURL is a recipient's confirmation page, the address in the
// slip's QR code.
func receiptURL(code string) string { return "/terima/" + code }

// handoutListPage is the organisation's distributions.
type handoutListPage struct {
	Access  *kit.Access
	List    []*distribution.Distribution
	CanEdit bool
}

func (h *handlers) handoutList(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	list, err := h.Distributions.List(r.Context(), distribution.Scope{OrgID: a.Org.ID})
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "voice_handout_list", Title: h.t(r, "handout.list.title"),
		Data: &handoutListPage{Access: a, List: list, CanEdit: mayHandOut(a)}})
}

// handoutFormPage is the form of a new distribution.
type handoutFormPage struct {
	Access  *kit.Access
	Sources []distribution.Source
	BadLine int
}

func (h *handlers) handoutNew(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, mayHandOut)
	if !ok {
		return
	}
	form := url.Values{"date": {orgToday(a)}}
	if s := r.URL.Query().Get("source"); s != "" {
		form.Set("source", s)
	}
	h.renderHandoutForm(w, r, http.StatusOK, a, form, nil, 0)
}

func (h *handlers) handoutCreate(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, mayHandOut)
	if !ok {
		return
	}
	id, name := a.Actor()
	d, bad, err := h.Distributions.Create(r.Context(), distribution.Actor{ID: id, Name: name}, a.Org.ID,
		distribution.FromForm(r.PostForm), orgToday(a))
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		line := 0
		if bad != nil {
			line = bad.Line
		}
		h.renderHandoutForm(w, r, http.StatusUnprocessableEntity, a, r.PostForm, errs, line)
	case err != nil:
		h.site.ServerError(w, r, err)
	default:
		h.site.Flash(w, "handout.flash.saved")
		kit.Redirect(w, r, handoutURL(a, d))
	}
}

func (h *handlers) renderHandoutForm(w http.ResponseWriter, r *http.Request, status int, a *kit.Access, form url.Values,
	errs validate.Errors, badLine int) {
	sources, err := distribution.Sources(r.Context(), h.Distributions.DB, a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "voice_handout_form", Title: h.t(r, "handout.new"),
		Data: &handoutFormPage{Access: a, Sources: sources, BadLine: badLine}, Status: status, Form: form, Errors: errs})
}

// handoutPage is one distribution with its recipients.
type handoutPage struct {
	Access       *kit.Access
	Distribution *distribution.Distribution
	Recipients   []*distribution.Recipient
	// ShowCodes: the caller hands the slips out and may see their codes.
	ShowCodes bool
	Slips     []slip
}

// slip is a recipient's printed slip: the code and its QR image.
type slip struct {
	Recipient *distribution.Recipient
	URL       string
	QR        template.URL // a data: URL of the QR code's PNG, made here
}

// openHandout loads the organisation's distribution {id} for a caller
// allowed by may, with its recipients.
func (h *handlers) openHandout(w http.ResponseWriter, r *http.Request, may func(*kit.Access) bool) (*handoutPage, bool) {
	a, ok := h.site.Org(w, r, may)
	if !ok {
		return nil, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.site.NotFound(w, r)
		return nil, false
	}
	d, err := h.Distributions.Get(r.Context(), a.Org.ID, id)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, false
	}
	rs, err := h.Distributions.Recipients(r.Context(), d.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return nil, false
	}
	return &handoutPage{Access: a, Distribution: d, Recipients: rs, ShowCodes: mayHandOut(a)}, true
}

func (h *handlers) handoutShow(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openHandout(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	h.site.Render(w, r, kit.Page{Name: "voice_handout", Title: p.Distribution.Item, Data: p})
}

// handoutSlips is the printable page of slips: for each recipient not yet
// confirmed, its code and a QR code of its confirmation page.
func (h *handlers) handoutSlips(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openHandout(w, r, mayHandOut)
	if !ok {
		return
	}
	for _, rc := range p.Recipients {
		if rc.Confirmed() {
			continue
		}
		link := h.site.BaseURL() + receiptURL(rc.Code)
		png, err := qris.PNG(link, 240)
		if err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		p.Slips = append(p.Slips, slip{Recipient: rc, URL: link, QR: template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(png))})
	}
	h.site.Render(w, r, kit.Page{Name: "voice_handout_slips", Title: h.t(r, "handout.slips.title", p.Distribution.Item), Data: p})
}
