package web

import (
	"net/http"
	"strconv"
	"strings"

	"lokadaya/internal/account"
	"lokadaya/internal/i18n"
	"lokadaya/internal/validate"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// accountView is the account page with the form filled in.
func (s *Server) accountView(r *http.Request, u *account.User) *View {
	v := s.view(r, i18n.T(lang(r), "account.page.title"), map[string]any{"Locales": account.Locales})
	v.Form.Set("name", u.Name)
	v.Form.Set("phone", u.Phone)
	v.Form.Set("locale", u.Locale)
	return v
}

// accountPage shows the user's profile, verification status and the
// privacy actions (export, deletion).
func (s *Server) accountPage(w http.ResponseWriter, r *http.Request) {
	u, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "account", s.accountView(r, u))
}

// accountUpdate saves name, phone and language preference.
func (s *Server) accountUpdate(w http.ResponseWriter, r *http.Request) {
	u, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.badForm(w, r)
		return
	}
	name := strings.TrimSpace(r.PostForm.Get("name"))
	phone := strings.TrimSpace(r.PostForm.Get("phone"))
	locale := r.PostForm.Get("locale")
	e := validate.Errors{}
	if e.Required("name", name) {
		e.MaxLen("name", name, 100)
	}
	if phone != "" {
		p, ok := validate.Phone(phone)
		if !ok {
			e.Add("phone", "account.err.phone")
		}
		phone = p
	}
	if !account.ValidLocale(locale) {
		e.Add("locale", "account.err.locale")
	}
	if len(e) > 0 {
		v := s.accountView(r, u)
		v.Form = keepForm(r, "name", "phone", "locale")
		v.Errors = e
		s.render(w, r, http.StatusUnprocessableEntity, "account", v)
		return
	}
	if err := s.accounts.UpdateProfile(r.Context(), u.ID, name, phone, locale); err != nil {
		s.fail(w, r, err)
		return
	}
	// The cookie wins over the stored preference, so move it along too.
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: locale, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: isTLS(r, s.cfg.TrustProxy)})
	s.flash(w, "account.flash.saved")
	redirect(w, r, "/akun")
}
