package report

import (
	"image"
	"io"
	"time"

	"lokadaya/internal/i18n"
	"lokadaya/internal/ledger"
	"lokadaya/internal/org"
	"lokadaya/internal/pdf"
	"lokadaya/internal/qris"
)

// ExpenseVoucher is what an approved expense's voucher (bukti kas keluar)
// shows: the organisation, the ledger entry that booked the expense, who
// recorded and who approved it, and a QR code to the entry's public check.
type ExpenseVoucher struct {
	Lang i18n.Lang
	Zone *time.Location
	Org  *org.Organization
	// Logo is the organisation's logo, nil when it has none.
	Logo  image.Image
	Entry *ledger.Entry
	// SpentOn is the day the money was spent, YYYY-MM-DD.
	SpentOn     string
	Payee       string
	Description string
	// Category is the expense's category in words; Target the campaign or
	// initiative it was for ("" for none).
	Category, Target string
	// Maker recorded the expense; Checker approved it, at Approved.
	Maker, Checker string
	Approved       time.Time
	// HasNota: the shop's receipt is attached to the expense.
	HasNota   bool
	VerifyURL string
}

// WriteExpenseVoucher writes the voucher as a one-page PDF.
func WriteExpenseVoucher(w io.Writer, v *ExpenseVoucher) error {
	t := func(key string, args ...any) string { return i18n.T(v.Lang, key, args...) }
	e := v.Entry
	number := ledger.ReceiptNumber(e)
	doc := pdf.New(t("kuitansi.voucher.title") + " " + number)
	doc.Created = e.RecordedAt
	Letterhead(doc, v.Lang, v.Org, v.Logo)
	doc.Heading(1, t("kuitansi.voucher.title"))
	doc.Meta(t("kuitansi.number"), number)
	spent := v.SpentOn
	if d, err := time.Parse(time.DateOnly, v.SpentOn); err == nil {
		spent = i18n.Date(v.Lang, d, time.UTC)
	}
	doc.Meta(t("kuitansi.voucher.spent_on"), spent)
	doc.Meta(t("kuitansi.voucher.payee"), v.Payee)
	doc.Meta(t("kuitansi.voucher.for"), v.Description)
	// The entry's amount is negative: money out.
	amount := -e.Amount
	doc.Meta(t("kuitansi.amount"), i18n.Rupiah(amount))
	doc.Meta(t("kuitansi.words"), capitalise(i18n.RupiahWords(v.Lang, amount)))
	doc.Meta(t("kuitansi.verify.category"), v.Category)
	if v.Target != "" {
		doc.Meta(t("kuitansi.voucher.target"), v.Target)
	}
	nota := "kuitansi.voucher.nota_no"
	if v.HasNota {
		nota = "kuitansi.voucher.nota_yes"
	}
	doc.Meta(t("kuitansi.voucher.nota"), t(nota))
	doc.Meta(t("kuitansi.voucher.maker"), v.Maker)
	doc.Meta(t("kuitansi.voucher.checker"), v.Checker+", "+i18n.DateTime(v.Lang, v.Approved, v.Zone))
	doc.Rule()
	doc.Meta(t("kuitansi.entry"), t("kuitansi.entry_value", e.Seq))
	doc.Meta(t("kuitansi.hash"), e.Hash)
	qr, err := qris.Image(v.VerifyURL)
	if err != nil {
		return err
	}
	doc.KeepTogether(receiptQRSize + 60)
	doc.Centred(pdf.Bold, 11, t("kuitansi.voucher.scan"))
	doc.Modules(qr, receiptQRSize, pdf.AlignCentre)
	doc.Centred(pdf.Regular, 9, v.VerifyURL)
	_, err = doc.WriteTo(w)
	return err
}
