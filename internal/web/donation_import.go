package web

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"lokadaya/internal/bankimport"
	"lokadaya/internal/bankstatement"
	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/payment"
	"lokadaya/internal/validate"
)

// historySize is how many past imports the import page lists.
const historySize = 30

// importFormPage is the statement upload form with the import history.
type importFormPage struct {
	Access    *orgAccess
	Accounts  []payment.BankAccount // active accounts whose statements can be read
	Banks     map[int64]payment.BankAccount
	History   []*bankimport.Import
	FileError string // the translated reason a file was refused
	Samples   []sampleLinks
}

// sampleLinks are the sample files offered for one account, one per
// format its bank exports.
type sampleLinks struct {
	Account payment.BankAccount
	Formats []bankstatement.Format
}

// importPreviewPage is an import's preview, or its result once confirmed.
type importPreviewPage struct {
	Access  *orgAccess
	Account payment.BankAccount
	*bankimport.Preview
	Titles map[int64]string // campaign titles by id
}

// ConfirmCount is how many donations confirming would confirm.
func (p *importPreviewPage) ConfirmCount() int { return p.Matched }

func (s *Server) importStore() *bankimport.Store {
	return &bankimport.Store{DB: s.db, Donations: s.donationStore()}
}

func importActor(a *orgAccess) bankimport.Actor {
	return bankimport.Actor{ID: a.User.ID, Name: a.User.Name}
}

// importURL is the import page of an organisation.
func importURL(a *orgAccess) string { return donationsURL(a) + "/impor" }

// donationImport shows the upload form and the history of imports.
func (s *Server) donationImport(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManageMoney)
	if !ok {
		return
	}
	s.renderImportForm(w, r, http.StatusOK, a, "")
}

func (s *Server) renderImportForm(w http.ResponseWriter, r *http.Request, status int, a *orgAccess, fileError string) {
	ctx := r.Context()
	p := &importFormPage{Access: a, FileError: fileError, Banks: map[int64]payment.BankAccount{}}
	accounts, err := s.paymentStore().Accounts(ctx, a.Org.ID)
	if err == nil {
		p.History, err = s.importStore().History(ctx, a.Org.ID, historySize)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, acct := range accounts {
		p.Banks[acct.ID] = acct
		if acct.Active && bankimport.Importable(&acct) {
			p.Accounts = append(p.Accounts, acct)
			p.Samples = append(p.Samples, sampleLinks{acct, bankstatement.Formats(bankstatement.Bank(acct.Bank))})
		}
	}
	v := s.view(r, i18n.T(lang(r), "bankimport.title"), p)
	if fileError != "" {
		v.Errors, v.Form = validate.Errors{"file": "bankimport.err.file"}, r.PostForm
	}
	s.render(w, r, status, "donation_import", v)
}

// donationImportUpload reads an uploaded statement and keeps it as a
// pending import, then shows its preview; nothing else changes.
func (s *Server) donationImportUpload(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManageMoney)
	if !ok {
		return
	}
	l := lang(r)
	r.Body = http.MaxBytesReader(w, r.Body, bankstatement.MaxFileSize+64<<10)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		status, key := http.StatusUnprocessableEntity, "bankimport.err.file"
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			status, key = http.StatusRequestEntityTooLarge, bankstatement.KeyTooLarge
		}
		s.renderImportForm(w, r, status, a, i18n.T(l, key))
		return
	}
	account, ok := s.importAccount(r, a)
	if !ok {
		s.renderImportForm(w, r, http.StatusUnprocessableEntity, a, i18n.T(l, "bankimport.err.account"))
		return
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		s.renderImportForm(w, r, http.StatusUnprocessableEntity, a, i18n.T(l, "bankimport.err.file"))
		return
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, bankstatement.MaxFileSize+1))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	imp, err := s.importStore().Upload(r.Context(), a.Org.ID, account, hdr.Filename, data, importActor(a))
	var problem *bankimport.Problem
	switch {
	case errors.As(err, &problem):
		status := http.StatusUnprocessableEntity
		if errors.Is(err, bankstatement.ErrTooLarge) {
			status = http.StatusRequestEntityTooLarge
		}
		s.renderImportForm(w, r, status, a, i18n.T(l, problem.Key, problem.Args...))
	case err != nil:
		s.fail(w, r, err)
	default:
		redirect(w, r, importURL(a)+"/"+imp.ID)
	}
}

// importAccount is the organisation's active account chosen in the form.
func (s *Server) importAccount(r *http.Request, a *orgAccess) (*payment.BankAccount, bool) {
	id, err := strconv.ParseInt(r.FormValue("account"), 10, 64)
	if err != nil {
		return nil, false
	}
	accounts, err := s.paymentStore().Accounts(r.Context(), a.Org.ID)
	if err != nil {
		return nil, false
	}
	for i := range accounts {
		if accounts[i].ID == id && accounts[i].Active {
			return &accounts[i], true
		}
	}
	return nil, false
}

// donationImportShow is an import's preview: each credit line with the
// donation it pays, or why none; once confirmed, what it recorded.
func (s *Server) donationImportShow(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManageMoney)
	if !ok {
		return
	}
	ctx := r.Context()
	imp, err := s.importStore().Get(ctx, a.Org.ID, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pv, err := s.importStore().Preview(ctx, imp)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := &importPreviewPage{Access: a, Preview: pv, Titles: map[int64]string{}}
	accounts, err := s.paymentStore().Accounts(ctx, a.Org.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, acct := range accounts {
		if acct.ID == imp.BankAccountID {
			p.Account = acct
		}
	}
	var list []*donation.Donation
	for _, row := range pv.Rows {
		if row.Donation != nil {
			list = append(list, row.Donation)
		}
		list = append(list, row.Candidates...)
	}
	for _, d := range list {
		if _, ok := p.Titles[d.CampaignID]; ok {
			continue
		}
		c, err := s.campaignStore().ByID(ctx, d.CampaignID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		p.Titles[d.CampaignID] = c.Title
	}
	title := "bankimport.preview.title"
	if !imp.Pending() {
		title = "bankimport.result.title"
	}
	s.render(w, r, http.StatusOK, "donation_import_preview", s.view(r, i18n.T(lang(r), title), p))
}

// donationImportConfirm applies a pending import: it records its credit
// lines and confirms the donations they pay, matched afresh on the
// server. A second confirmation changes nothing.
func (s *Server) donationImportConfirm(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManageMoney)
	if !ok {
		return
	}
	id := r.PathValue("id")
	_, err := s.importStore().Confirm(r.Context(), a.Org.ID, id, importActor(a))
	switch {
	case errors.Is(err, bankimport.ErrConfirmed):
		s.flash(w, "bankimport.flash.already")
	case err != nil:
		s.fail(w, r, err)
		return
	default:
		s.flash(w, "bankimport.flash.confirmed")
	}
	redirect(w, r, importURL(a)+"/"+id)
}

// donationImportSample serves a sample statement of one of the
// organisation's accounts (?rekening=ID, else its first account of the
// format's bank) in the format named by the path: it pays the transfers
// waiting for that account, so importing it shows real matches.
func (s *Server) donationImportSample(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).CanManageMoney)
	if !ok {
		return
	}
	format := bankstatement.Format(r.PathValue("bank"))
	account, ok := s.sampleAccount(r, a, format)
	if !ok {
		s.notFound(w, r)
		return
	}
	data, err := s.importStore().Sample(r.Context(), a.Org.ID, account, format, time.Now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="contoh-mutasi-`+string(format)+`-`+account.AccountNumber+`.csv"`)
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(data)
}

// sampleAccount is the active account a sample is asked for: the one in
// ?rekening, or the first whose bank exports format.
func (s *Server) sampleAccount(r *http.Request, a *orgAccess, format bankstatement.Format) (*payment.BankAccount, bool) {
	accounts, err := s.paymentStore().Accounts(r.Context(), a.Org.ID)
	if err != nil {
		return nil, false
	}
	want := r.URL.Query().Get("rekening")
	for i := range accounts {
		acct := &accounts[i]
		if acct.Active && format.Serves(bankstatement.Bank(acct.Bank)) && (want == "" || want == strconv.FormatInt(acct.ID, 10)) {
			return acct, true
		}
	}
	return nil, false
}
