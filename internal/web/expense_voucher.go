package web

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"lokadaya/internal/expense"
	"lokadaya/internal/i18n"
	"lokadaya/internal/imaging"
	"lokadaya/internal/ledger"
	"lokadaya/internal/region"
	"lokadaya/internal/report"
	"lokadaya/internal/web/kit"
)

// expenseVoucherPath is an approved expense's voucher (bukti kas keluar).
func expenseVoucherPath(orgSlug string, id int64) string {
	return "/organisasi/" + orgSlug + "/pengeluaran/" + strconv.FormatInt(id, 10) + "/bukti-kas.pdf"
}

// expenseVoucher is an approved expense's voucher as a PDF, for the
// organisation's files: the letterhead with the logo, what was paid to
// whom, who recorded and who approved it, and the ledger entry with a QR
// code to its public check. Money managers only, as the expense's nota.
// An expense not approved has no entry and no voucher: 404.
func (s *Server) expenseVoucher(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManageMoney)
	if !ok {
		return
	}
	ctx := r.Context()
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.notFound(w, r)
		return
	}
	x, err := s.expenseStore().Get(ctx, a.Org.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if x.Status != expense.StatusApproved || x.LedgerSeq == 0 {
		s.notFound(w, r)
		return
	}
	e, err := ledger.Get(ctx, s.db, a.Org.ID, x.LedgerSeq)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	l := lang(r)
	target := ""
	if x.CampaignID != 0 {
		if c, err := s.campaignStore().ByID(ctx, x.CampaignID); err == nil {
			target = c.Title
		}
	} else if x.InitiativeID != 0 {
		if i, err := s.initiativeStore().ByID(ctx, x.InitiativeID); err == nil {
			target = i.Name
		}
	}
	logo, err := imaging.Stored(ctx, s.blobs, a.Org.LogoKey)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := report.WriteExpenseVoucher(&buf, &report.ExpenseVoucher{Lang: l, Zone: region.Zone(a.Org.RegionCode),
		Org: a.Org, Logo: logo, Entry: e, SpentOn: x.SpentOn, Payee: x.Payee, Description: x.Description,
		Category: i18n.T(l, "expense.category."+x.Category), Target: target,
		Maker: x.RecordedName, Checker: x.DecidedName, Approved: x.DecidedTime(), HasNota: x.ReceiptKey != "",
		VerifyURL: strings.TrimRight(s.cfg.BaseURL, "/") + receiptPath(e)}); err != nil {
		s.serverError(w, r, err)
		return
	}
	kit.WritePDF(w, buf.Bytes(), kit.PDF{Name: "bukti-kas-keluar-" + ledger.ReceiptNumber(e) + ".pdf", Inline: true, Cache: "private, no-store"})
}
