package web

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/blob"
	"lokadaya/internal/cycle"
	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/expense"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// receiptPrefix is where expense receipts are kept. It is not a public
// media prefix: members open them through the expenses page, the public
// through the reports of approved expenses' ledger entries.
const receiptPrefix = "receipts"

func (s *Server) expenseStore() *expense.Store {
	return &expense.Store{DB: s.db, Policy: expense.Policy{ReceiptAbove: s.cfg.ReceiptRequiredAbove,
		CapPercent: s.cfg.OperationalCapPercent, DisasterCapPercent: s.cfg.DisasterOperationalCapPercent}}
}

// CanDecideExpenses reports whether the caller may approve, reject and
// correct expenses: owners and admins (never their own, which the store
// refuses).
func (a *orgAccess) CanDecideExpenses() bool {
	return a.Role == org.RoleOwner || a.Role == org.RoleAdmin
}

// expensePage is the organisation's expenses: the operational share per
// campaign, the list and the form to record one.
type expensePage struct {
	Access      *orgAccess
	Expenses    []*expense.Expense
	Shares      []expense.Share
	Campaigns   []expense.Target
	Initiatives []expense.Target
	Titles      map[int64]string // campaign and initiative names, by id
	Names       map[int64]string
	Categories  []string
	Statuses    []string
	Filter      url.Values
	Receipt     int64 // a receipt is required above this
	Today       string
	// OtherChecker: the organisation has an owner or admin other than the
	// caller, who can approve what the caller records.
	OtherChecker bool
	// Cap is the refusal of the expense just tried, with its figures.
	Cap  *expense.CapError
	lang i18n.Lang
}

// Mine reports whether the caller recorded e.
func (p *expensePage) Mine(e *expense.Expense) bool { return e.RecordedBy == p.Access.User.ID }

// CanDecide reports whether the caller may approve or reject e.
func (p *expensePage) CanDecide(e *expense.Expense) bool {
	return e.Status == expense.StatusPending && p.Access.CanDecideExpenses() && !p.Mine(e)
}

// CanCorrect reports whether the caller may correct e by a reversal.
func (p *expensePage) CanCorrect(e *expense.Expense) bool {
	return e.Status == expense.StatusApproved && !e.Corrected() && p.Access.CanDecideExpenses()
}

// Share writes a share in percent with one decimal, as the language
// writes numbers.
func (p *expensePage) Share(sh expense.Share) string {
	return i18n.Percent(p.lang, sh.Permille())
}

// CapMessage is the refusal of an expense over the cap, with the figures.
func (p *expensePage) CapMessage() string {
	c := p.Cap
	if c == nil {
		return ""
	}
	return i18n.T(p.lang, "expense.err.cap", i18n.Percent(p.lang, int64(c.Percent)*10), i18n.Rupiah(c.Raised), i18n.Rupiah(c.Cap), i18n.Rupiah(c.Used),
		i18n.Rupiah(c.Pending), i18n.Rupiah(c.Room()), i18n.Rupiah(c.Amount))
}

// expensesURL is an organisation's expenses page.
func expensesURL(a *orgAccess) string { return orgURL(a.Org) + "/pengeluaran" }

// expenseActor is the caller as the records name them.
func expenseActor(a *orgAccess) expense.Actor { return expense.Actor{ID: a.User.ID, Name: a.User.Name} }

// expenseToday is today in the organisation's zone, YYYY-MM-DD.
func expenseToday(a *orgAccess) string {
	return db.Now().In(region.Zone(a.Org.RegionCode)).Format(expense.DayLayout)
}

// expenseList shows the expenses page to the money managers.
func (s *Server) expenseList(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManageMoney)
	if !ok {
		return
	}
	s.renderExpenses(w, r, http.StatusOK, a, nil, nil, nil)
}

func (s *Server) renderExpenses(w http.ResponseWriter, r *http.Request, status int, a *orgAccess, form url.Values,
	errs validate.Errors, capErr *expense.CapError) {
	ctx := r.Context()
	q := r.URL.Query()
	p := &expensePage{Access: a, Titles: map[int64]string{}, Names: map[int64]string{}, Filter: q,
		Statuses: expense.Statuses, Receipt: s.expenseStore().Policy.Receipt(), Today: expenseToday(a), Cap: capErr,
		lang: lang(r)}
	for _, c := range expense.Categories {
		p.Categories = append(p.Categories, string(c))
	}
	f := expense.Filter{}
	if v := q.Get("status"); expense.ValidStatus(v) {
		f.Status = v
	}
	if v := q.Get("kategori"); expense.ValidCategory(v) {
		f.Category = v
	}
	if id, err := strconv.ParseInt(q.Get("kampanye"), 10, 64); err == nil && id > 0 {
		f.CampaignID = id
	}
	store := s.expenseStore()
	var err error
	if p.Expenses, err = store.List(ctx, a.Org.ID, f); err == nil {
		if p.Shares, err = store.Shares(ctx, a.Org.ID); err == nil {
			p.Campaigns, p.Initiatives, err = expense.Targets(ctx, s.db, a.Org.ID)
		}
	}
	var members []org.Member
	if err == nil {
		members, err = s.orgs.Members(ctx, a.Org.ID)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, c := range p.Campaigns {
		p.Titles[c.ID] = c.Title
	}
	for _, i := range p.Initiatives {
		p.Names[i.ID] = i.Title
	}
	for _, m := range members {
		if (m.Role == org.RoleOwner || m.Role == org.RoleAdmin) && m.UserID != a.User.ID {
			p.OtherChecker = true
		}
	}
	v := s.view(r, i18n.T(lang(r), "expense.title"), p)
	if form != nil {
		v.Form = form
	} else {
		v.Form = url.Values{"spent_on": {p.Today}}
	}
	v.Errors = errs
	s.render(w, r, status, "expense_manage", v)
}

// expenseCreate records an expense with its receipt, awaiting approval.
func (s *Server) expenseCreate(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManageMoney)
	if !ok {
		return
	}
	ctx := r.Context()
	r.Body = http.MaxBytesReader(w, r.Body, donation.MaxProofBytes+256<<10)
	if err := r.ParseMultipartForm(1 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		status, key := http.StatusBadRequest, "form.invalid"
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			status, key = http.StatusRequestEntityTooLarge, "expense.err.receipt_too_large"
		}
		s.renderExpenses(w, r, status, a, url.Values{}, validate.Errors{"receipt": key}, nil)
		return
	}
	form := r.PostForm
	up, key := readReceipt(r)
	if key != "" {
		s.renderExpenses(w, r, http.StatusUnprocessableEntity, a, form, validate.Errors{"receipt": key}, nil)
		return
	}
	var rec expense.Receipt
	if up != nil {
		var rnd [16]byte
		_, _ = rand.Read(rnd[:])
		rec = expense.Receipt{Key: receiptPrefix + "/" + strconv.FormatInt(a.Org.ID, 10) + "/" + hex.EncodeToString(rnd[:]) + up.Ext,
			Type: up.ContentType}
		if err := s.blobs.Put(ctx, rec.Key, up.ContentType, bytes.NewReader(up.Data)); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	_, err := s.expenseStore().Record(ctx, a.Org.ID, expense.FromForm(form), expenseToday(a), rec, expenseActor(a))
	if err != nil && rec.Key != "" {
		if derr := s.blobs.Delete(ctx, rec.Key); derr != nil {
			s.log.Warn("refused receipt not deleted", "key", rec.Key, "err", derr)
		}
	}
	var ve validate.Errors
	var ce *expense.CapError
	switch {
	case errors.As(err, &ve):
		if up != nil && ve["receipt"] == "" {
			ve.Add("receipt", "expense.err.receipt_again")
		}
		s.renderExpenses(w, r, http.StatusUnprocessableEntity, a, form, ve, nil)
	case errors.As(err, &ce):
		errs := validate.Errors{"amount": "expense.err.cap_short"}
		if up != nil {
			errs.Add("receipt", "expense.err.receipt_again")
		}
		s.renderExpenses(w, r, http.StatusUnprocessableEntity, a, form, errs, ce)
	case err != nil:
		s.fail(w, r, err)
	default:
		s.flash(w, "expense.flash.recorded")
		redirect(w, r, expensesURL(a))
	}
}

// readReceipt reads the optional "receipt" upload: a picture (re-encoded,
// its metadata such as a phone's GPS position dropped) or a PDF (by its
// magic bytes). It returns the i18n key of the reason when it is refused.
func readReceipt(r *http.Request) (*cycle.Upload, string) {
	f, _, err := r.FormFile("receipt")
	if errors.Is(err, http.ErrMissingFile) || errors.Is(err, http.ErrNotMultipart) {
		return nil, ""
	}
	if err != nil {
		return nil, "expense.err.receipt_unsupported"
	}
	defer f.Close()
	up, err := cycle.CheckUpload(io.LimitReader(f, donation.MaxProofBytes+1))
	switch {
	case err == nil && len(up.Data) <= donation.MaxProofBytes:
		return up, ""
	case err == nil, errors.Is(err, cycle.ErrAttachmentTooLarge):
		return nil, "expense.err.receipt_too_large"
	default:
		return nil, "expense.err.receipt_unsupported"
	}
}

// expenseAction checks that the caller may decide and reads the form and
// the id.
func (s *Server) expenseAction(w http.ResponseWriter, r *http.Request) (*orgAccess, int64, bool) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanDecideExpenses)
	if !ok {
		return nil, 0, false
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return nil, 0, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.notFound(w, r)
		return nil, 0, false
	}
	return a, id, true
}

// expenseApprove approves an expense and books it in the ledger.
func (s *Server) expenseApprove(w http.ResponseWriter, r *http.Request) {
	a, id, ok := s.expenseAction(w, r)
	if !ok {
		return
	}
	_, err := s.expenseStore().Approve(r.Context(), a.Org.ID, id, expenseActor(a))
	s.afterExpenseAction(w, r, a, err, "expense.flash.approved")
}

// expenseReject rejects an expense with a reason.
func (s *Server) expenseReject(w http.ResponseWriter, r *http.Request) {
	a, id, ok := s.expenseAction(w, r)
	if !ok {
		return
	}
	err := s.expenseStore().Reject(r.Context(), a.Org.ID, id, r.PostForm.Get("reason"), expenseActor(a))
	s.afterExpenseAction(w, r, a, err, "expense.flash.rejected")
}

// expenseCorrect corrects an approved expense by a reversing entry.
func (s *Server) expenseCorrect(w http.ResponseWriter, r *http.Request) {
	a, id, ok := s.expenseAction(w, r)
	if !ok {
		return
	}
	_, err := s.expenseStore().Correct(r.Context(), a.Org.ID, id, r.PostForm.Get("reason"), expenseActor(a))
	s.afterExpenseAction(w, r, a, err, "expense.flash.corrected")
}

// afterExpenseAction redirects back to the list, or shows the page with
// why the action was refused.
func (s *Server) afterExpenseAction(w http.ResponseWriter, r *http.Request, a *orgAccess, err error, flash string) {
	var ve validate.Errors
	var ce *expense.CapError
	switch {
	case err == nil:
		s.flash(w, flash)
	case errors.Is(err, expense.ErrNotPending), errors.Is(err, expense.ErrNotCorrectable):
		s.flash(w, "expense.flash.already")
	case errors.Is(err, expense.ErrSameMaker):
		s.renderExpenses(w, r, http.StatusForbidden, a, nil, validate.Errors{"decision": "expense.err.same_maker"}, nil)
		return
	case errors.As(err, &ve):
		s.renderExpenses(w, r, http.StatusUnprocessableEntity, a, nil, ve, nil)
		return
	case errors.As(err, &ce):
		s.renderExpenses(w, r, http.StatusConflict, a, nil, nil, ce)
		return
	default:
		s.fail(w, r, err)
		return
	}
	redirect(w, r, expensesURL(a))
}

// expenseReceipt streams an expense's receipt to the money managers.
func (s *Server) expenseReceipt(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManageMoney)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.notFound(w, r)
		return
	}
	e, err := s.expenseStore().Get(r.Context(), a.Org.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if e.ReceiptKey == "" {
		s.notFound(w, r)
		return
	}
	rc, contentType, err := s.blobs.Open(r.Context(), e.ReceiptKey)
	if errors.Is(err, blob.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	defer rc.Close()
	ext, disposition := ".jpg", "inline"
	switch contentType {
	case "application/pdf":
		ext, disposition = ".pdf", "attachment"
	case "image/png":
		ext = ".png"
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Cache-Control", "private, no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("Content-Disposition", mime.FormatMediaType(disposition,
		map[string]string{"filename": "nota-" + strconv.FormatInt(id, 10) + ext}))
	w.WriteHeader(http.StatusOK)
	_, _ = io.Copy(w, rc)
}
