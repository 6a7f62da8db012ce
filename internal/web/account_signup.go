package web

import (
	"errors"
	"net/http"
	"strings"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/mail"
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

// signup creates an account and queues the verification e-mail, then
// sends the person to the login page (unverified users may use the site
// but see a banner). An address that already has an account gets the same
// answer, and its owner an e-mail saying someone tried: the form never
// tells a stranger whether an address is registered.
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
	_, err := s.accounts.Register(r.Context(), reg, func(tx *db.Tx, u *account.User) error {
		return s.queueVerification(r.Context(), r, tx, u)
	})
	if errors.Is(err, account.ErrEmailTaken) {
		err = s.noticeSignupAttempt(w, r, reg.Email)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.flash(w, "account.flash.signup_sent")
	redirect(w, r, "/masuk")
}

// noticeSignupAttempt tells the owner of email that someone tried to sign
// up with it, at most as often as password resets are sent, so the form
// cannot flood their inbox.
func (s *Server) noticeSignupAttempt(w http.ResponseWriter, r *http.Request, email string) error {
	u, err := s.accounts.ByEmail(r.Context(), email)
	if err != nil {
		return err
	}
	ok, err := s.limits.reset.Allow(r.Context(), "signup-notice:"+itoa(u.ID))
	if err != nil || !ok {
		return err
	}
	l := userLang(u)
	return mail.Queue(r.Context(), s.db, mail.Message{To: u.Email, Subject: i18n.T(l, "account.mail.signup_again_subject"),
		Text: i18n.T(l, "account.mail.signup_again_body", u.Name, s.absURL(r, "/masuk"), s.absURL(r, "/lupa-sandi"))})
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
