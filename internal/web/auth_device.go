package web

import (
	"net/http"

	"lokadaya/internal/account"
)

// deviceCookie marks a browser where an account logged in before. It is
// sent only to the pages that read it (devicePaths): the login page and
// the password-reset request.
const deviceCookie = "lokadaya_device"

// devicePaths are the pages the device cookie is set for, one cookie each.
var devicePaths = []string{"/masuk", "/lupa-sandi"}

// knownDevice reports whether this browser is a known device of the
// account with email.
func (s *Server) knownDevice(r *http.Request, email string) (bool, error) {
	c, err := r.Cookie(deviceCookie)
	if err != nil || email == "" {
		return false, nil
	}
	return s.accounts.KnownDevice(r.Context(), c.Value, email)
}

// rememberDevice makes this browser a known device of u, after a
// successful login or password reset.
func (s *Server) rememberDevice(w http.ResponseWriter, r *http.Request, u *account.User) error {
	token, err := s.accounts.RememberDevice(r.Context(), u.ID)
	if err != nil {
		return err
	}
	for _, path := range devicePaths {
		http.SetCookie(w, &http.Cookie{Name: deviceCookie, Value: token, Path: path, HttpOnly: true,
			SameSite: http.SameSiteLaxMode, Secure: isTLS(r, s.cfg.TrustProxy), MaxAge: int(account.DeviceTTL.Seconds())})
	}
	return nil
}

// loginNotHeld reports whether a login from a browser that is not a known
// device of the account may be tried; when the account's failed attempts
// from such browsers are over the limit it answers 429 with Retry-After
// and the login form, which points to the password reset, and returns
// false.
func (s *Server) loginNotHeld(w http.ResponseWriter, r *http.Request, v *View, failKey string) bool {
	over, err := s.limits.loginFail.Over(r.Context(), failKey)
	if err == nil && over {
		err = setRetryAfter(w, r, s.limits.loginFail, failKey)
	}
	if err != nil {
		s.serverError(w, r, err)
		return false
	}
	if over {
		v.Errors.Add("email", "account.login.held")
		s.render(w, r, http.StatusTooManyRequests, "auth_login", v)
		return false
	}
	return true
}

// loginFailed answers wrong credentials; from a browser that is not a
// known device of the account the failure counts against the account.
func (s *Server) loginFailed(w http.ResponseWriter, r *http.Request, v *View, known bool, failKey string) {
	if !known {
		if err := s.limits.loginFail.Record(r.Context(), failKey); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	v.Errors.Add("email", "account.err.credentials")
	s.render(w, r, http.StatusUnprocessableEntity, "auth_login", v)
}
