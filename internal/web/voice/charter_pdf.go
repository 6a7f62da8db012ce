package voice

import (
	"bytes"
	"image"
	"image/png"
	"net/http"
	"time"

	"lokadaya/internal/i18n"
	"lokadaya/internal/imaging"
	"lokadaya/internal/org"
	"lokadaya/internal/pdf"
	"lokadaya/internal/qris"
)

// Sizes on the poster, in points (1/72 inch).
const (
	posterLogoHeight = 56
	posterLogoWidth  = 200
	// The QR code takes the room left at the bottom of the page, within
	// these bounds: about 6 to 8 cm, readable from a couple of metres.
	posterQRMin = 170
	posterQRMax = 230
	// posterQRCaptions is the room the lines under the code take.
	posterQRCaptions = 40
)

// posterPDF lays out the poster: the organisation's logo, the charter, who
// signed it, and a large QR code of the point's feedback page with its
// address written out.
func posterPDF(l i18n.Lang, p *publicCharter, logo image.Image) (*pdf.Document, error) {
	t := func(key string, args ...any) string { return i18n.T(l, key, args...) }
	c := p.Charter
	doc := pdf.New(t("charter.title_of", p.Point.Name))
	doc.Created = c.CreatedAt
	if logo != nil {
		b := logo.Bounds()
		w := float64(posterLogoHeight) * float64(b.Dx()) / float64(b.Dy())
		h := float64(posterLogoHeight)
		if w > posterLogoWidth {
			w, h = posterLogoWidth, posterLogoWidth*float64(b.Dy())/float64(b.Dx())
		}
		doc.Image(logo, w, h, pdf.AlignLeft)
	}
	doc.Heading(1, t("charter.title"))
	doc.Heading(2, p.Point.Name)
	doc.Note(t("charter.of_initiative", p.Initiative.Name, p.Org.Name))
	if p.Point.Address != "" || p.Region != "" {
		doc.Note(joinNonEmpty(" · ", p.Point.Address, p.Region))
	}
	if p.Point.Hours != "" {
		doc.Note(p.Point.Hours)
	}
	doc.Rule()
	cost := t("charter.free")
	if !c.Free() {
		cost = i18n.Rupiah(c.Cost)
	}
	for _, f := range []struct{ label, text string }{
		{"charter.field.service", c.Service},
		{"charter.field.requirements", c.Requirements},
		{"charter.field.procedure", c.Procedure},
		{"charter.field.time_to_serve", c.TimeToServe},
		{"charter.field.cost", cost},
		{"charter.field.complaint_channels", c.ComplaintChannels},
		{"charter.field.rights", c.Rights},
		{"charter.field.obligations", c.Obligations},
	} {
		doc.MetaText(t(f.label), f.text)
	}
	doc.Rule()
	doc.Paragraph(t("charter.pledge"))
	doc.Paragraph(t("charter.signed_by", c.Signer(), i18n.Date(l, c.SignedDate(), time.UTC)))
	qr, err := qrImage(p.FeedbackURL)
	if err != nil {
		return nil, err
	}
	size := min(max(doc.Room()-posterQRCaptions-2*14, posterQRMin), posterQRMax)
	doc.KeepTogether(size + posterQRCaptions + 2*14)
	doc.Centred(pdf.Bold, 14, t("charter.scan"))
	doc.Image(qr, size, size, pdf.AlignCentre)
	doc.Centred(pdf.Regular, 10, t("charter.scan_or_open"))
	doc.Centred(pdf.Bold, 16, p.ShortURL)
	return doc, nil
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, s := range parts {
		if s == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += s
	}
	return out
}

// qrImage is the QR code of text with one pixel a module; the poster
// enlarges it without smoothing.
func qrImage(text string) (image.Image, error) {
	b, err := qris.PNG(text, 1)
	if err != nil {
		return nil, err
	}
	return png.Decode(bytes.NewReader(b))
}

// orgLogo is the organisation's logo, or nil when it has none or its file
// is gone or unreadable: the poster is still useful without it.
func (h *handlers) orgLogo(r *http.Request, o *org.Organization) (image.Image, error) {
	return imaging.Stored(r.Context(), h.Blobs, o.LogoKey)
}
