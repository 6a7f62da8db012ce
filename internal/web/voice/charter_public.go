package voice

import (
	"bytes"
	"net/http"
	"strings"

	"lokadaya/internal/charter"
	"lokadaya/internal/i18n"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/qris"
	"lokadaya/internal/service"
	"lokadaya/internal/web/kit"
)

// publicCharter is the current signed charter of a service point, as the
// public page and the poster show it.
type publicCharter struct {
	Point      *service.Point
	Initiative *initiative.Initiative
	Org        *org.Organization
	Charter    *charter.Charter
	// Region is the point's region with its parents.
	Region string
	// FeedbackURL is the absolute address of the point's feedback page,
	// the QR code's text; ShortURL the same without its scheme, to type.
	FeedbackURL, ShortURL string
	// Preview: the initiative is a draft or the organisation hidden, and
	// only its own people see the page.
	Preview bool
}

// Shown is the version shown: the current signed one.
func (p *publicCharter) Shown() *charter.Charter { return p.Charter }

// QRURL is the QR code picture of the feedback page, for the printed page.
func (p *publicCharter) QRURL() string { return publicCharterURL(p.Point.Code) + "/qr.png" }

// PosterURL is the poster's address.
func (p *publicCharter) PosterURL() string { return publicCharterURL(p.Point.Code) + ".pdf" }

// FeedbackPath is the feedback page within the site.
func (p *publicCharter) FeedbackPath() string { return feedbackPath(p.Point.Code) }

// ComplaintURL is the complaint form for the point's initiative.
func (p *publicCharter) ComplaintURL() string { return complaintFormURL(p.Org.Slug, p.Initiative.Slug) }

func feedbackPath(code string) string { return "/u/" + code }

// openPublicCharter loads the point {code} and its current signed charter;
// 404 when there is none, or when the initiative is a draft or the
// organisation hidden and the caller is not one of its readers.
func (h *handlers) openPublicCharter(w http.ResponseWriter, r *http.Request) (*publicCharter, bool) {
	p, err := h.loadCharter(r, strings.ToUpper(r.PathValue("code")))
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, false
	}
	if !p.public() {
		a, err := h.site.AccessTo(r, p.Org)
		if err != nil {
			h.site.ServerError(w, r, err)
			return nil, false
		}
		if !a.CanRead() {
			h.site.NotFound(w, r)
			return nil, false
		}
		p.Preview = true
	}
	if p.Region, err = h.regionName(r, p.Point.RegionCode); err != nil {
		h.site.ServerError(w, r, err)
		return nil, false
	}
	p.FeedbackURL = strings.TrimRight(h.site.BaseURL(), "/") + feedbackPath(p.Point.Code)
	p.ShortURL = strings.TrimPrefix(strings.TrimPrefix(p.FeedbackURL, "https://"), "http://")
	return p, true
}

// charterPublic is the point's charter for the public, printable from the
// browser.
func (h *handlers) charterPublic(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openPublicCharter(w, r)
	if !ok {
		return
	}
	h.site.Render(w, r, kit.Page{Name: "voice_charter_public", Title: h.t(r, "charter.title_of", p.Point.Name), Data: p})
}

// charterPoster is the A4 poster: Indonesian, or English with ?lang=en.
func (h *handlers) charterPoster(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openPublicCharter(w, r)
	if !ok {
		return
	}
	l := i18n.ID
	if r.URL.Query().Get("lang") == "en" {
		l = i18n.EN
	}
	logo, err := h.orgLogo(r, p.Org)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	doc, err := posterPDF(l, p, logo)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	// Lay out the whole file first, so a failure is still a clean 500.
	var buf bytes.Buffer
	if _, err := doc.WriteTo(&buf); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	kit.WritePDF(w, buf.Bytes(), kit.PDF{Name: "maklumat-" + p.Point.Code + "-" + string(l) + ".pdf", Inline: true, Cache: "no-cache"})
}

// charterQR is the QR code of the point's feedback page as a PNG, for the
// printed charter page.
func (h *handlers) charterQR(w http.ResponseWriter, r *http.Request) {
	p, ok := h.openPublicCharter(w, r)
	if !ok {
		return
	}
	b, err := qris.PNG(p.FeedbackURL, qrPixels)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	_, _ = w.Write(b)
}

// qrPixels is the side of the QR code picture of the printed page.
const qrPixels = 480
