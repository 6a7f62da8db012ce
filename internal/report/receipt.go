package report

import (
	"image"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"lokadaya/internal/i18n"
	"lokadaya/internal/ledger"
	"lokadaya/internal/org"
	"lokadaya/internal/pdf"
	"lokadaya/internal/qris"
)

// Sizes on a receipt, in points.
const (
	logoHeight    = 48
	logoMaxWidth  = 180
	receiptQRSize = 110
)

// DonationReceipt is what a donor's receipt (bukti donasi) shows: the
// organisation that received the money, the ledger entry that booked it
// and the donation's own details.
type DonationReceipt struct {
	Lang i18n.Lang
	Zone *time.Location
	Org  *org.Organization
	// Logo is the organisation's logo, nil when it has none.
	Logo  image.Image
	Entry *ledger.Entry
	// Donor is the name to print, "" for an anonymous donor.
	Donor    string
	Campaign string
	// Method is the donation's way of payment (donation.Method…).
	Method string
	// ZakatInfak: the campaign collects zakat and infak.
	ZakatInfak bool
	// VerifyURL is the public page that checks the receipt; the QR code
	// opens it.
	VerifyURL string
}

// WriteDonationReceipt writes the receipt as a one-page PDF.
func WriteDonationReceipt(w io.Writer, r *DonationReceipt) error {
	t := func(key string, args ...any) string { return i18n.T(r.Lang, key, args...) }
	e := r.Entry
	number := ledger.ReceiptNumber(e)
	doc := pdf.New(t("kuitansi.title") + " " + number)
	doc.Created = e.RecordedAt
	Letterhead(doc, r.Lang, r.Org, r.Logo)
	doc.Heading(1, t("kuitansi.title"))
	doc.Meta(t("kuitansi.number"), number)
	doc.Meta(t("kuitansi.date"), i18n.Date(r.Lang, e.RecordedAt, r.Zone))
	donor := r.Donor
	if donor == "" {
		donor = t("donation.wall.anonymous")
	}
	doc.Meta(t("kuitansi.from"), donor)
	doc.Meta(t("kuitansi.amount"), i18n.Rupiah(e.Amount))
	doc.Meta(t("kuitansi.words"), capitalise(i18n.RupiahWords(r.Lang, e.Amount)))
	doc.Meta(t("kuitansi.campaign"), r.Campaign)
	fund := "campaign.fund.umum"
	if r.ZakatInfak {
		fund = "campaign.fund.zakat_infak"
	}
	doc.Meta(t("kuitansi.fund"), t(fund))
	doc.Meta(t("kuitansi.method"), t("effect.method."+r.Method))
	if r.ZakatInfak {
		doc.Paragraph(t("kuitansi.zakat_statement"))
	}
	doc.Paragraph(t("kuitansi.thanks", r.Org.Name))
	doc.Rule()
	doc.Meta(t("kuitansi.entry"), t("kuitansi.entry_value", e.Seq))
	doc.Meta(t("kuitansi.hash"), e.Hash)
	qr, err := qris.Image(r.VerifyURL)
	if err != nil {
		return err
	}
	doc.KeepTogether(receiptQRSize + 60)
	doc.Centred(pdf.Bold, 11, t("kuitansi.scan"))
	doc.Modules(qr, receiptQRSize, pdf.AlignCentre)
	doc.Centred(pdf.Regular, 9, r.VerifyURL)
	doc.Note(t("kuitansi.printed"))
	_, err = doc.WriteTo(w)
	return err
}

// Letterhead starts a document with the organisation's logo (when it has
// one), its name, legal form and numbers and address, as on its letters.
func Letterhead(doc *pdf.Document, l i18n.Lang, o *org.Organization, logo image.Image) {
	drawLogo(doc, logo)
	doc.Heading(2, o.Name)
	if s := LegalLine(l, o); s != "" {
		doc.Note(s)
	}
	if o.Address != "" {
		doc.Note(o.Address)
	}
	doc.Rule()
}

// drawLogo draws logo at the left margin, 48 points high (narrower when
// very wide); nothing when it is nil.
func drawLogo(doc *pdf.Document, logo image.Image) {
	if logo == nil || logo.Bounds().Empty() {
		return
	}
	b := logo.Bounds()
	w, h := float64(logoHeight)*float64(b.Dx())/float64(b.Dy()), float64(logoHeight)
	if w > logoMaxWidth {
		w, h = logoMaxWidth, logoMaxWidth*float64(b.Dy())/float64(b.Dx())
	}
	doc.Image(logo, w, h, pdf.AlignLeft)
}

// LegalLine is the organisation's legal form and numbers on one line:
// "Yayasan · Akta … · SK AHU … · NPWP …". An NPWP is shown only when it is
// an entity's: a 16-digit number that does not start with 0 may be a
// person's NIK, which stays private.
func LegalLine(l i18n.Lang, o *org.Organization) string {
	var parts []string
	if o.LegalForm != "" {
		parts = append(parts, i18n.T(l, "org.legal."+o.LegalForm))
	}
	if o.AktaNumber != "" {
		parts = append(parts, i18n.T(l, "kuitansi.akta", o.AktaNumber))
	}
	if o.SKAHU != "" {
		parts = append(parts, "SK "+o.SKAHU)
	}
	if n := o.NPWP; len(n) == 15 || len(n) == 16 && n[0] == '0' {
		parts = append(parts, "NPWP "+org.FormatNPWP(n))
	}
	return strings.Join(parts, " · ")
}

// capitalise upper-cases the first letter, as "Terbilang:" lines begin.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
