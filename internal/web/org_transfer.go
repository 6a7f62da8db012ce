package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/validate"
)

// transferPage is the data of the ownership-transfer page.
type transferPage struct {
	Access     *orgAccess
	Candidates []org.Member // every member but the owner
}

// orgTransferForm lets the owner choose who takes over.
func (s *Server) orgTransferForm(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).IsOwner)
	if !ok {
		return
	}
	s.renderTransfer(w, r, http.StatusOK, a, url.Values{}, nil)
}

// orgTransfer hands ownership to another member; the owner becomes admin.
func (s *Server) orgTransfer(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).IsOwner)
	if !ok {
		return
	}
	to, err := strconv.ParseInt(r.PostFormValue("to"), 10, 64)
	if err != nil || to == a.User.ID {
		s.renderTransfer(w, r, http.StatusUnprocessableEntity, a, r.PostForm, validate.Errors{"to": "org.err.transfer_to"})
		return
	}
	err = s.orgs.TransferOwnership(r.Context(), a.Org.ID, a.User.ID, to)
	if errors.Is(err, db.ErrNotFound) {
		s.renderTransfer(w, r, http.StatusUnprocessableEntity, a, r.PostForm, validate.Errors{"to": "org.err.transfer_to"})
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.flash(w, "org.flash.transferred")
	redirect(w, r, membersURL(a.Org))
}

func (s *Server) renderTransfer(w http.ResponseWriter, r *http.Request, status int, a *orgAccess,
	form url.Values, errs validate.Errors) {
	ms, err := s.orgs.Members(r.Context(), a.Org.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := &transferPage{Access: a}
	for _, m := range ms {
		if m.UserID != a.User.ID {
			p.Candidates = append(p.Candidates, m)
		}
	}
	v := s.view(r, i18n.T(lang(r), "org.transfer.title", a.Org.Name), p)
	v.Form = form
	if errs != nil {
		v.Errors = errs
	}
	s.render(w, r, status, "org_transfer", v)
}
