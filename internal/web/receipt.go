package web

import (
	"bytes"
	"errors"
	"net/http"
	"strings"
	"time"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/imaging"
	"lokadaya/internal/ledger"
	"lokadaya/internal/org"
	"lokadaya/internal/ratelimit"
	"lokadaya/internal/region"
	"lokadaya/internal/report"
	"lokadaya/internal/web/kit"
)

// receiptPath is the public check of the receipt of entry e.
func receiptPath(e *ledger.Entry) string { return "/kuitansi/" + ledger.ReceiptNumber(e) }

// donationReceiptPath is the donor's receipt of donation d, by its
// private token.
func donationReceiptPath(d *donation.Donation) string { return donationURL(d) + "/kuitansi.pdf" }

// receiptPending is the page a donor gets asking for the receipt of a
// donation that is not confirmed.
type receiptPending struct {
	*donation.Donation
	Payment *donation.Payment
}

// StatusKey is the catalog key of the donation's status.
func (p *receiptPending) StatusKey() string { return p.Payment.StatusKey(p.Donation) }

// donationReceipt is the donor's receipt (bukti donasi) as a PDF, once the
// donation is confirmed and booked; before that, or after a refund, a page
// saying so.
func (s *Server) donationReceipt(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	d, err := s.donationStore().ByToken(ctx, r.PathValue("token"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var e *ledger.Entry
	if d.Status == donation.StatusConfirmed {
		e, err = ledger.BySource(ctx, s.db, donation.SourceDonation, d.ID, ledger.KindDonation)
		if err != nil && !errors.Is(err, db.ErrNotFound) {
			s.serverError(w, r, err)
			return
		}
	}
	if e != nil {
		// Money given back (a gateway refund) reverses the entry: there
		// is nothing left to give a receipt for.
		by, err := ledger.ReversedBy(ctx, s.db, e.OrgID, e.Seq)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		if by != 0 {
			e = nil
		}
	}
	if e == nil {
		p := &receiptPending{Donation: d}
		if d.Method == donation.MethodGateway {
			if p.Payment, err = s.donationStore().Payment(ctx, d.ID); err != nil {
				s.serverError(w, r, err)
				return
			}
		}
		s.render(w, r, http.StatusConflict, "receipt_pending", s.view(r, i18n.T(lang(r), "kuitansi.pending.title"), p))
		return
	}
	c, err := s.campaignStore().ByID(ctx, d.CampaignID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	o, err := s.orgs.ByID(ctx, d.OrgID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	logo, err := imaging.Stored(ctx, s.blobs, o.LogoKey)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := report.WriteDonationReceipt(&buf, &report.DonationReceipt{Lang: lang(r), Zone: region.Zone(o.RegionCode),
		Org: o, Logo: logo, Entry: e, Donor: d.PublicName(), Campaign: c.Title, Method: d.Method,
		ZakatInfak: e.Category == ledger.CatZakatInfak,
		VerifyURL:  strings.TrimRight(s.cfg.BaseURL, "/") + receiptPath(e)}); err != nil {
		s.serverError(w, r, err)
		return
	}
	// The address is the donor's secret; nothing on the way keeps a copy.
	kit.WritePDF(w, buf.Bytes(), kit.PDF{Name: "bukti-donasi-" + ledger.ReceiptNumber(e) + ".pdf", Inline: true, Cache: "private, no-store"})
}

// receiptCheck is the public check of a receipt: the entry it names and
// whether the books verify up to it.
type receiptCheck struct {
	Number   string
	Org      *org.Organization
	Entry    *ledger.Entry
	Campaign *campaign.Campaign // nil when the entry has none
	chainCheck
	// ReversedBy is the seq of the entry that reversed this one, 0 when
	// none did.
	ReversedBy int64
	Zone       *time.Location
}

// chainCheck is an organisation's chain recomputed (ledger.Verify), as
// the receipt check and the books' check pages say it.
type chainCheck struct {
	Result ledger.Result
}

// ProblemKey is the catalog key of what is wrong with the books.
func (c chainCheck) ProblemKey() string {
	return "kuitansi.problem." + map[string]string{
		ledger.ProblemMissing: "missing", ledger.ProblemLink: "link", ledger.ProblemHash: "hash",
		ledger.ProblemBadSeq: "seq", ledger.ProblemHeadHash: "head", ledger.ProblemHeadSeq: "tail",
	}[c.Result.Problem]
}

// FirstBad is the first entry that does not check out.
func (c chainCheck) FirstBad() int64 {
	if c.Result.FirstBad == nil {
		return 0
	}
	return *c.Result.FirstBad
}

// ReportPath is the organisation's public financial report.
func (p *receiptCheck) ReportPath() string { return orgURL(p.Org) + "/laporan" }

// receiptMissLimit bounds the unknown receipt numbers one address may try,
// so that numbers cannot be found by guessing.
func (s *Server) receiptMissLimit() *ratelimit.Limiter {
	return &ratelimit.Limiter{DB: s.db, Max: 30, Window: time.Hour}
}

// receiptVerify is the public page a receipt's QR code opens: the entry
// the number names, as the public books show it, and whether the chain
// of entries up to it verifies. A number that names no entry is 404.
func (s *Server) receiptVerify(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p, err := s.loadReceiptCheck(r, r.PathValue("number"))
	if errors.Is(err, db.ErrNotFound) {
		if !s.allow(w, r, s.receiptMissLimit(), "kuitansi:"+clientIP(r, s.cfg.TrustProxy)) {
			return
		}
		s.errorPage(w, r, http.StatusNotFound, "receipt_unknown")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.Result, err = ledger.VerifyUpTo(ctx, s.db, p.Org.ID, p.Entry.Seq); err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.ReversedBy, err = ledger.ReversedBy(ctx, s.db, p.Org.ID, p.Entry.Seq); err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "receipt_verify", s.view(r, i18n.T(lang(r), "kuitansi.verify.title", p.Number), p))
}

// loadReceiptCheck finds the entry a receipt number names, of an
// organisation the public may see; db.ErrNotFound otherwise.
func (s *Server) loadReceiptCheck(r *http.Request, number string) (*receiptCheck, error) {
	ctx := r.Context()
	ref, ok := ledger.ParseReceiptNumber(number)
	if !ok {
		return nil, db.ErrNotFound
	}
	e, err := ledger.Get(ctx, s.db, ref.OrgID, ref.Seq)
	if err != nil {
		return nil, err
	}
	if !ref.Names(e) {
		return nil, db.ErrNotFound
	}
	o, err := s.orgs.ByID(ctx, e.OrgID)
	if err != nil {
		return nil, err
	}
	if orgHidden(o) {
		return nil, db.ErrNotFound
	}
	p := &receiptCheck{Number: ledger.ReceiptNumber(e), Org: o, Entry: e, Zone: region.Zone(o.RegionCode)}
	if e.CampaignID != 0 {
		if p.Campaign, err = s.campaignStore().ByID(ctx, e.CampaignID); err != nil && !errors.Is(err, db.ErrNotFound) {
			return nil, err
		}
	}
	return p, nil
}
