package web

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"lokadaya/internal/blob"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/imaging"
	"lokadaya/internal/ledger"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
	"lokadaya/internal/report"
	"lokadaya/internal/validate"
)

// reportPage is the data of a public financial report page.
type reportPage struct {
	Org *org.Organization
	// Subject and SubjectURL name the campaign or initiative ("" for the
	// organisation's own report).
	Subject, SubjectURL string
	// Path is the page's address, for the period form and the downloads.
	Path   string
	Report *report.Report
	Meta   *report.Meta
	// Period describes the period in words.
	Period string
	// Later: the page lists older entries, not the newest.
	Later bool
}

// DownloadURL is the report in a file format, for the same period.
func (p *reportPage) DownloadURL(format string) string {
	return p.url(url.Values{"format": {format}})
}

// NextURL is the page of older entries, for the same period; "" on the
// last page.
func (p *reportPage) NextURL() string {
	if p.Report == nil || p.Report.Next.IsZero() {
		return ""
	}
	return p.url(url.Values{"setelah": {p.Report.Next.String()}})
}

// FirstURL is the first page of entries, for the same period.
func (p *reportPage) FirstURL() string { return p.url(url.Values{}) }

// url is the report's address with q and the period.
func (p *reportPage) url(q url.Values) string {
	if p.Report != nil {
		if v := p.Report.Period.FromDate; v != "" {
			q.Set("from", v)
		}
		if v := p.Report.Period.ToDate; v != "" {
			q.Set("to", v)
		}
	}
	if len(q) == 0 {
		return p.Path
	}
	return p.Path + "?" + q.Encode()
}

// VerifyPath is the organisation's public chain check.
func (p *reportPage) VerifyPath() string { return ledgerCheckPath(p.Org) }

// ReceiptPath is the public address of entry seq's receipt.
func (p *reportPage) ReceiptPath(seq int64) string { return ledgerReceiptPath(p.Org, seq) }

// CheckPath is the public check of a donation entry's receipt; "" for
// other entries, whose receipts are the files they carry.
func (p *reportPage) CheckPath(l report.Line) string {
	if l.Kind != ledger.KindDonation {
		return ""
	}
	return receiptPath(&ledger.Entry{OrgID: p.Org.ID, Seq: l.Seq, Hash: l.Hash})
}

// CategoryLabel is a category's name in the page's language.
func (p *reportPage) CategoryLabel(c ledger.Category) string { return p.Meta.CategoryLabel(c) }

func ledgerReceiptPath(o *org.Organization, seq int64) string {
	return orgURL(o) + "/buku/" + strconv.FormatInt(seq, 10) + "/kuitansi"
}

// reportFormats are the downloads a report page offers, with their
// content types.
var reportFormats = map[string]string{
	"csv":  "text/csv; charset=utf-8",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"pdf":  "application/pdf",
}

// serveReport answers a report request for scope of o, already cleared
// for the caller: the page, or with ?format= one of the files. title is
// the report's title; fileName the downloads' base name.
func (s *Server) serveReport(w http.ResponseWriter, r *http.Request, o *org.Organization, scope report.Scope,
	title, subject, subjectURL, fileName string) {
	l := lang(r)
	q := r.URL.Query()
	zone := region.Zone(o.RegionCode)
	page := &reportPage{Org: o, Subject: subject, SubjectURL: subjectURL, Path: r.URL.Path,
		Meta: &report.Meta{Lang: l, Title: title, OrgName: o.Name, Subject: subject, Zone: zone,
			Generated: db.Now(), BaseURL: strings.TrimRight(s.cfg.BaseURL, "/"), OrgSlug: o.Slug}}
	v := s.view(r, title, page)
	v.Form = url.Values{"from": {q.Get("from")}, "to": {q.Get("to")}}
	format := q.Get("format")
	if _, ok := reportFormats[format]; format != "" && !ok {
		v.Errors = validate.Errors{"format": "report.err.format"}
		s.render(w, r, http.StatusBadRequest, "report_show", v)
		return
	}
	period, err := report.ParsePeriod(q.Get("from"), q.Get("to"), zone)
	var pe *report.PeriodError
	if errors.As(err, &pe) {
		v.Errors = validate.Errors{pe.Field: pe.Key}
		s.render(w, r, http.StatusBadRequest, "report_show", v)
		return
	}
	if page.Report, err = report.Build(r.Context(), s.db, scope, period); err != nil {
		s.serverError(w, r, err)
		return
	}
	page.Period = page.Meta.PeriodText(period)
	if format == "" {
		// A phone on a slow line gets a page of entries, newest first, and
		// plain links to the older ones; the files have them all.
		after, _ := report.ParseCursor(q.Get("setelah"))
		page.Later = !after.IsZero()
		if err := page.Report.ReadPage(r.Context(), s.db, after, report.PageSize); err != nil {
			s.serverError(w, r, err)
			return
		}
		s.render(w, r, http.StatusOK, "report_show", v)
		return
	}
	name := fileName
	if period.FromDate != "" {
		name += "-" + period.FromDate
	}
	if period.ToDate != "" {
		name += "-sd-" + period.ToDate
	}
	h := w.Header()
	h.Set("Content-Type", reportFormats[format])
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name + "." + format}))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	// Every format streams as its entries are read. A failure before the
	// first byte left (the entries could not be read at all) still gets
	// the error page; after it, the answer is cut off, so the download
	// fails rather than ends short and looks whole.
	out := &startedWriter{w: w}
	switch format {
	case "csv":
		err = report.WriteCSV(out, page.Report, page.Meta)
	case "xlsx":
		err = report.WriteXLSX(out, page.Report, page.Meta)
	case "pdf":
		// The logo heads the printed report; a failing store leaves it out
		// rather than the report.
		if page.Meta.Logo, err = imaging.Stored(r.Context(), s.blobs, o.LogoKey); err != nil {
			s.log.Warn("report: logo", "org", o.ID, "err", err)
		}
		page.Meta.Legal = report.LegalLine(l, o)
		err = report.WritePDF(out, page.Report, page.Meta)
	}
	if err != nil && !out.started {
		h.Del("Content-Disposition")
		s.serverError(w, r, err)
		return
	}
	if err != nil {
		s.log.Error("report: file", "format", format, "err", err)
		panic(http.ErrAbortHandler)
	}
}

// startedWriter tells whether anything was written through it.
type startedWriter struct {
	w       io.Writer
	started bool
}

func (s *startedWriter) Write(b []byte) (int, error) {
	s.started = s.started || len(b) > 0
	return s.w.Write(b)
}

// orgReport is an organisation's public financial report. Hidden
// organisations are 404 except to insiders, as their page is.
func (s *Server) orgReport(w http.ResponseWriter, r *http.Request) {
	a, ok := s.loadOrg(w, r)
	if !ok {
		return
	}
	s.serveReport(w, r, a.Org, report.Scope{OrgID: a.Org.ID},
		i18n.T(lang(r), "report.title.org", a.Org.Name), "", "", "laporan-"+a.Org.Slug)
}

// campaignReport is a campaign's public financial report, visible to whom
// the campaign's page is.
func (s *Server) campaignReport(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, err := s.campaignStore().BySlug(ctx, r.PathValue("cslug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	o, err := s.orgs.ByID(ctx, c.OrgID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !campaignShown(c) || orgHidden(o) {
		a, err := s.campaignAccess(r, o)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		if !a.Insider() {
			s.notFound(w, r)
			return
		}
	}
	s.serveReport(w, r, o, report.Scope{OrgID: o.ID, CampaignID: c.ID},
		i18n.T(lang(r), "report.title.campaign", c.Title), c.Title, campaignPublicURL(c), "laporan-"+c.Slug)
}

// initiativeReport is an initiative's public financial report, visible to
// whom the initiative's page is.
func (s *Server) initiativeReport(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	i, err := s.initiativeStore().BySlug(ctx, r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	o, err := s.orgs.ByID(ctx, i.OrgID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !i.Published() || orgHidden(o) {
		ok, err := s.mayReadCycle(r, o)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		if !ok {
			s.notFound(w, r)
			return
		}
	}
	s.serveReport(w, r, o, report.Scope{OrgID: o.ID, InitiativeID: i.ID},
		i18n.T(lang(r), "report.title.initiative", i.Name), i.Name, "/inisiatif/"+i.Slug, "laporan-"+i.Slug)
}

// receiptTypes are the content types a receipt is served as; anything else
// is sent as a download of bytes.
var receiptTypes = map[string]string{
	"image/jpeg":      ".jpg",
	"image/png":       ".png",
	"image/webp":      ".webp",
	"application/pdf": ".pdf",
}

// ledgerReceipt streams the receipt of entry {seq} of the organisation.
// The key comes from the ledger only; entries without one are 404, and so
// are hidden organisations to the public.
func (s *Server) ledgerReceipt(w http.ResponseWriter, r *http.Request) {
	a, ok := s.loadOrg(w, r)
	if !ok {
		return
	}
	seq, err := strconv.ParseInt(r.PathValue("seq"), 10, 64)
	if err != nil || seq <= 0 {
		s.notFound(w, r)
		return
	}
	e, err := ledger.Get(r.Context(), s.db, a.Org.ID, seq)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if e.ReceiptKey == "" || !blob.ValidKey(e.ReceiptKey) {
		s.notFound(w, r)
		return
	}
	rc, ctype, err := s.blobs.Open(r.Context(), e.ReceiptKey)
	if errors.Is(err, blob.ErrNotFound) || errors.Is(err, blob.ErrBadKey) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	defer rc.Close()
	ctype, _, _ = strings.Cut(ctype, ";")
	ext, known := receiptTypes[strings.TrimSpace(ctype)]
	if !known {
		ctype, ext = "application/octet-stream", ".bin"
	}
	disposition := "inline"
	if !strings.HasPrefix(ctype, "image/") {
		disposition = "attachment"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "public, max-age=300")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("Content-Disposition", mime.FormatMediaType(disposition,
		map[string]string{"filename": "kuitansi-" + a.Org.Slug + "-" + strconv.FormatInt(seq, 10) + ext}))
	w.WriteHeader(http.StatusOK)
	_, _ = io.Copy(w, rc)
}

// apiCampaignReport is a public campaign's figures: money in, money out by
// category, the balance and the operational share, with zakat and infak
// apart; ?from=&to= (YYYY-MM-DD) bound the period.
func (s *Server) apiCampaignReport(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, err := s.campaignStore().BySlug(ctx, r.PathValue("slug"))
	if err == nil {
		err = s.campaignPublicErr(ctx, c)
	}
	if errors.Is(err, db.ErrNotFound) {
		apiError(w, http.StatusNotFound, "not_found", i18n.T(lang(r), "report.api.not_found"))
		return
	}
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	o, err := s.orgs.ByID(ctx, c.OrgID)
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	period, err := report.ParsePeriod(r.URL.Query().Get("from"), r.URL.Query().Get("to"), region.Zone(o.RegionCode))
	var pe *report.PeriodError
	if errors.As(err, &pe) {
		apiError(w, http.StatusBadRequest, "bad_request", pe.Field+": "+i18n.T(lang(r), pe.Key))
		return
	}
	rep, err := report.Build(ctx, s.db, report.Scope{OrgID: o.ID, CampaignID: c.ID}, period)
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, toAPIReport(rep))
}

// toAPIReport is the JSON shape of a report's figures.
func toAPIReport(rep *report.Report) map[string]any {
	f := &rep.Figures
	out := map[string]int64{}
	for _, o := range f.OutLines() {
		out[string(o.Category)] = o.Amount
	}
	var share *float64
	if f.HasShare() {
		v := f.Share
		share = &v
	}
	period := map[string]*string{"from": optText(rep.Period.FromDate), "to": optText(rep.Period.ToDate)}
	res := map[string]any{"in": f.In, "out": out, "balance": f.Balance, "operational_share": share,
		"donations": f.Donations, "goods": f.Goods, "period": period}
	if f.HasZakat() {
		res["zakat_infak"] = map[string]int64{"in": f.Zakat.In, "out": f.Zakat.Out, "balance": f.Zakat.Balance()}
	}
	return res
}
