package web

import (
	"errors"
	"net/http"
	"strings"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/validate"
)

// signupForm shows the sign-up form.
func (s *Server) signupForm(w http.ResponseWriter, r *http.Request) {
	if currentUser(r) != nil {
		redirect(w, r, "/akun")
		return
	}
	s.render(w, r, http.StatusOK, "account_signup", s.view(r, i18n.T(lang(r), "account.signup.title"), nil))
}

// signup creates an account, queues the verification e-mail and logs the
// new user in; unverified users may use the site but see a banner.
func (s *Server) signup(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.badForm(w, r)
		return
	}
	v := s.view(r, i18n.T(lang(r), "account.signup.title"), nil)
	v.Form = keepForm(r, "name", "email", "phone", "consent")
	reg, e := readSignup(r)
	if len(e) > 0 {
		v.Errors = e
		s.render(w, r, http.StatusUnprocessableEntity, "account_signup", v)
		return
	}
	if !s.allow(w, r, s.limits.signup, "signup:"+clientIP(r, s.cfg.TrustProxy)) {
		return
	}
	reg.Locale = string(lang(r))
	u, err := s.accounts.Register(r.Context(), reg, func(tx *db.Tx, u *account.User) error {
		return s.queueVerification(r.Context(), r, tx, u)
	})
	if errors.Is(err, account.ErrEmailTaken) {
		v.Errors.Add("email", "account.err.email_taken")
		s.render(w, r, http.StatusUnprocessableEntity, "account_signup", v)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := s.startSession(w, r, u); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.flash(w, "account.flash.signed_up")
	redirect(w, r, "/akun")
}

// readSignup validates the sign-up form.
func readSignup(r *http.Request) (account.Registration, validate.Errors) {
	e := validate.Errors{}
	reg := account.Registration{
		Name:     strings.TrimSpace(r.PostForm.Get("name")),
		Email:    account.NormalizeEmail(r.PostForm.Get("email")),
		Password: r.PostForm.Get("password"),
	}
	if e.Required("name", reg.Name) {
		e.MaxLen("name", reg.Name, 100)
	}
	if e.Required("email", reg.Email) && !validate.Email(reg.Email) {
		e.Add("email", "account.err.email")
	}
	if p := strings.TrimSpace(r.PostForm.Get("phone")); p != "" {
		phone, ok := validate.Phone(p)
		if !ok {
			e.Add("phone", "account.err.phone")
		}
		reg.Phone = phone
	}
	checkNewPassword(e, "password", reg.Password, reg.Email)
	if r.PostForm.Get("consent") == "" {
		e.Add("consent", "account.err.consent")
	}
	return reg, e
}

// keepForm copies the named fields of the posted form, so a re-rendered
// form shows what the user typed. Passwords are never among them.
func keepForm(r *http.Request, fields ...string) map[string][]string {
	out := map[string][]string{}
	for _, f := range fields {
		if v, ok := r.PostForm[f]; ok {
			out[f] = v
		}
	}
	return out
}

// badForm answers a request body that could not be read.
func (s *Server) badForm(w http.ResponseWriter, r *http.Request) {
	s.accountMessage(w, r, http.StatusBadRequest, "account.err.form_title", "account.err.form")
}

// accountMessage shows a page with one message, e.g. for a dead link.
func (s *Server) accountMessage(w http.ResponseWriter, r *http.Request, status int, titleKey, bodyKey string) {
	l := lang(r)
	v := s.view(r, i18n.T(l, titleKey), map[string]string{"Body": i18n.T(l, bodyKey)})
	s.render(w, r, status, "account_message", v)
}
