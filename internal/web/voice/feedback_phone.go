package voice

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/feedback"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/service"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// feedbackRoutes registers the red / yellow / green feedback: the phone
// page the point's QR code opens, the public tallies, the staff's review
// and the paper box, and the API.
func (h *handlers) feedbackRoutes(mux kit.Router) {
	mux.HandleFunc("GET /u/{code}", h.phonePage)
	mux.HandleFunc("POST /u/{code}", h.phoneVote)
	mux.HandleFunc("GET /u/{code}/terima-kasih", h.phoneThanks)
	mux.HandleFunc("GET /layanan/{code}", h.pointPublic)
	mux.HandleFunc("GET /layanan/{code}/umpan-balik.svg", h.pointTrend)
	mux.HandleFunc("GET /inisiatif/{slug}/umpan-balik.svg", h.initiativeTrend)
	mux.HandleFunc("GET /api/v1/service-points/{code}/feedback", h.apiPointFeedback)
	base := "/organisasi/{slug}/layanan/{islug}/umpan-balik"
	mux.HandleFunc("GET "+base, h.feedbackStaff)
	mux.HandleFunc("POST "+base+"/catatan/{id}", h.feedbackModerate)
	mux.HandleFunc("POST "+base+"/lonjakan", h.feedbackBurst)
	mux.HandleFunc("GET "+base+"/kertas/baru", h.paperNew)
	mux.HandleFunc("POST "+base+"/kertas/baru", h.paperCreate)
	mux.HandleFunc("POST "+base+"/kertas/{id}/hapus", h.paperDelete)
}

// publicPoint is a service point open to the public, with its initiative
// and organisation.
type publicPoint struct {
	Point      *service.Point
	Initiative *initiative.Initiative
	Org        *org.Organization
}

// PhoneURL is the point's phone page, the address of its QR code.
func (p *publicPoint) PhoneURL() string { return "/u/" + p.Point.Code }

// PageURL is the point's public page.
func (p *publicPoint) PageURL() string { return "/layanan/" + p.Point.Code }

// ComplaintURL is the complaint form of the point's organisation, with
// the point's initiative chosen.
func (p *publicPoint) ComplaintURL() string { return complaintFormURL(p.Org.Slug, p.Initiative.Slug) }

// complaintFormURL is the public complaint form of an organisation, with
// the initiative chosen when there is one.
func complaintFormURL(orgSlug, initiativeSlug string) string {
	u := "/organisasi/" + orgSlug + "/adukan"
	if initiativeSlug != "" {
		u += "?inisiatif=" + url.QueryEscape(initiativeSlug)
	}
	return u
}

// openPublicPoint loads the point {code} for the public page of r.
func (h *handlers) openPublicPoint(w http.ResponseWriter, r *http.Request) (*publicPoint, bool) {
	p, err := h.publicPointOf(r.Context(), r.PathValue("code"))
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, false
	}
	return p, true
}

// publicPointOf loads a point by its code, in any case, for the public:
// a point of an unpublished initiative or of a hidden organisation is
// db.ErrNotFound like a missing one.
func (h *handlers) publicPointOf(ctx context.Context, code string) (*publicPoint, error) {
	pt, err := h.Service.PointByCode(ctx, strings.ToUpper(code))
	if err != nil {
		return nil, err
	}
	i, err := h.Initiatives.ByID(ctx, pt.InitiativeID)
	if err != nil {
		return nil, err
	}
	o, err := h.Orgs.ByID(ctx, pt.OrgID)
	if err != nil {
		return nil, err
	}
	if !i.Published() || hiddenOrg(o.Status) {
		return nil, db.ErrNotFound
	}
	return &publicPoint{Point: pt, Initiative: i, Org: o}, nil
}

// hiddenOrg reports whether an organisation of this status is hidden from
// the public.
func hiddenOrg(status org.Status) bool {
	return status == org.StatusRejected || status == org.StatusSuspended
}

// phoneData is the phone page: the point and the colours to choose.
type phoneData struct {
	*publicPoint
	Colours []string
}

// phonePage is the page the point's QR code opens: three big buttons,
// an optional note and service type. No account, no JavaScript needed.
func (h *handlers) phonePage(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openPublicPoint(w, r)
	if !ok {
		return
	}
	h.deviceID(w, r)
	h.renderPhone(w, r, http.StatusOK, p, url.Values{}, nil)
}

func (h *handlers) renderPhone(w http.ResponseWriter, r *http.Request, status int, p *publicPoint, form url.Values, errs validate.Errors) {
	w.Header().Set("Cache-Control", "no-store")
	h.site.Render(w, r, kit.Page{Name: "voice_feedback_phone", Title: p.Point.Name, Status: status,
		Data: &phoneData{publicPoint: p, Colours: feedback.Colours}, Form: form, Errors: errs})
}

// phoneVote records one vote and shows the thanks. A vote beyond its
// source's day allowance is kept flagged for staff; the voter is thanked
// all the same.
func (h *handlers) phoneVote(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openPublicPoint(w, r)
	if !ok {
		return
	}
	if !h.site.AllowClient(w, r, h.VoteCeiling, "suara") {
		return
	}
	in, errs := feedback.ParseVote(r.PostForm)
	if len(errs) > 0 {
		h.renderPhone(w, r, http.StatusUnprocessableEntity, p, r.PostForm, errs)
		return
	}
	src := feedback.Source{Device: h.deviceID(w, r), Address: h.site.ClientIP(r)}
	if _, err := h.Feedback.Vote(r.Context(), p.Point, in, src, h.FeedbackLimits); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	kit.Redirect(w, r, p.PhoneURL()+"/terima-kasih?warna="+in.Colour)
}

// phoneThanks thanks the voter and shows where the tallies are, and
// where to complain.
func (h *handlers) phoneThanks(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openPublicPoint(w, r)
	if !ok {
		return
	}
	colour := r.URL.Query().Get("warna")
	if !feedback.ValidColour(colour) {
		colour = ""
	}
	h.site.Render(w, r, kit.Page{Name: "voice_feedback_thanks", Title: h.t(r, "feedback.thanks.title"),
		Data: &struct {
			*publicPoint
			Colour string
			// Unhappy: a red or yellow vote, answered with the complaint
			// form up front.
			Unhappy bool
		}{p, colour, colour == feedback.Merah || colour == feedback.Kuning}})
}

// deviceCookie identifies a phone across votes, for the per-device limit;
// it says nothing about who holds the phone.
const deviceCookie = "lk_perangkat"

// deviceID is the phone's identifier: its cookie, set when missing. A
// browser that keeps no cookies is known by its address and name instead.
func (h *handlers) deviceID(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(deviceCookie); err == nil && validDeviceID(c.Value) {
		return c.Value
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	http.SetCookie(w, &http.Cookie{Name: deviceCookie, Value: hex.EncodeToString(b), Path: "/u/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: strings.HasPrefix(h.site.BaseURL(), "https://")})
	return "browser:" + h.site.ClientIP(r) + "|" + r.UserAgent()
}

func validDeviceID(s string) bool {
	if len(s) != 32 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}
