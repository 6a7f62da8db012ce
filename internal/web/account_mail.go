package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/mail"
	"lokadaya/internal/ratelimit"
	"lokadaya/internal/validate"
)

// minPassword is the shortest password accepted, in characters.
const minPassword = 10

// checkNewPassword records what is wrong with a new password.
func checkNewPassword(e validate.Errors, field, password, email string) {
	switch {
	case utf8.RuneCountInString(password) < minPassword:
		e.Add(field, "account.err.password_short")
	case utf8.RuneCountInString(password) > 200:
		e.Add(field, "form.too_long")
	case strings.EqualFold(strings.TrimSpace(password), account.NormalizeEmail(email)):
		e.Add(field, "account.err.password_email")
	}
}

// absURL turns a path into a link for an e-mail: the configured public
// address, or the one this request came to.
func (s *Server) absURL(r *http.Request, path string) string {
	base := strings.TrimSuffix(s.cfg.BaseURL, "/")
	if base == "" {
		scheme := "http"
		if isTLS(r, s.cfg.TrustProxy) {
			scheme = "https"
		}
		base = scheme + "://" + r.Host
	}
	return base + path
}

// userLang is the language to write to u in: their preference.
func userLang(u *account.User) i18n.Lang { return i18n.Parse(u.Locale) }

// queueVerification issues a verification token for u and queues the
// e-mail carrying its link, both on q.
func (s *Server) queueVerification(ctx context.Context, r *http.Request, q db.Querier, u *account.User) error {
	token, err := account.IssueToken(ctx, q, u.ID, account.PurposeVerify, account.VerifyTTL)
	if err != nil {
		return err
	}
	l := userLang(u)
	return mail.Queue(ctx, q, mail.Message{To: u.Email, Subject: i18n.T(l, "account.mail.verify_subject"),
		Text: i18n.T(l, "account.mail.verify_body", u.Name, s.absURL(r, "/verifikasi/"+token))})
}

// queueReset issues a password-reset token for u and queues its e-mail.
func (s *Server) queueReset(ctx context.Context, r *http.Request, q db.Querier, u *account.User) error {
	token, err := account.IssueToken(ctx, q, u.ID, account.PurposeReset, account.ResetTTL)
	if err != nil {
		return err
	}
	l := userLang(u)
	return mail.Queue(ctx, q, mail.Message{To: u.Email, Subject: i18n.T(l, "account.mail.reset_subject"),
		Text: i18n.T(l, "account.mail.reset_body", u.Name, s.absURL(r, "/atur-sandi/"+token))})
}

// allow asks limiter about key and answers 429, with Retry-After, when
// over; it reports whether the handler may go on.
func (s *Server) allow(w http.ResponseWriter, r *http.Request, limiter *ratelimit.Limiter, keys ...string) bool {
	for _, k := range keys {
		ok, err := limiter.Allow(r.Context(), k)
		if err == nil && !ok {
			err = setRetryAfter(w, r, limiter, k)
		}
		if err != nil {
			s.serverError(w, r, err)
			return false
		}
		if !ok {
			s.tooMany(w, r)
			return false
		}
	}
	return true
}

// setRetryAfter tells a refused client, in the Retry-After header, when
// limiter lets key try again.
func setRetryAfter(w http.ResponseWriter, r *http.Request, limiter *ratelimit.Limiter, key string) error {
	wait, err := limiter.RetryAfter(r.Context(), key)
	if err != nil {
		return err
	}
	w.Header().Set("Retry-After", strconv.Itoa(int(max(wait, time.Second).Seconds())))
	return nil
}

// startSession logs u in on this browser, ending the session the cookie
// held before, so that a session id planted before login is worthless.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, u *account.User) error {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		if err := s.accounts.DeleteSession(r.Context(), c.Value); err != nil {
			return err
		}
	}
	token, err := s.accounts.CreateSession(r.Context(), u.ID, r.UserAgent())
	if err != nil {
		return err
	}
	s.setSession(w, r, token)
	return nil
}
