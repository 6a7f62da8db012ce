package web

import (
	"errors"
	"net/http"
	"strconv"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/notify"
)

// notifyPrefsPage is the preferences form: the member's organisations and
// their choices per kind of event.
type notifyPrefsPage struct {
	Memberships []notify.Membership
	Modes       []notify.Mode
	Action      string // where the form posts
	ViaLink     string // the organisation's name when opened from an e-mail link
}

// ModeField is the form field of one organisation's kind.
func (notifyPrefsPage) ModeField(orgID int64, kind notify.Kind) string {
	return "mode_" + strconv.FormatInt(orgID, 10) + "_" + string(kind)
}

// notifyPrefs shows the logged-in member's choices in every organisation:
// GET /akun/notifikasi.
func (s *Server) notifyPrefs(w http.ResponseWriter, r *http.Request) {
	u, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	s.renderNotifyPrefs(w, r, u.ID, 0, "/akun/notifikasi")
}

// notifyPrefsSave stores them: POST /akun/notifikasi.
func (s *Server) notifyPrefsSave(w http.ResponseWriter, r *http.Request) {
	u, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	s.saveNotifyPrefs(w, r, u.ID, 0, "/akun/notifikasi")
}

// notifyLinkPrefs shows one organisation's choices from the one-click
// link in a notification, without logging in: GET /notifikasi/{token}.
func (s *Server) notifyLinkPrefs(w http.ResponseWriter, r *http.Request) {
	userID, orgID, ok := s.notifyLink(w, r)
	if !ok {
		return
	}
	s.renderNotifyPrefs(w, r, userID, orgID, r.URL.Path)
}

// notifyLinkPrefsSave stores them: POST /notifikasi/{token}.
func (s *Server) notifyLinkPrefsSave(w http.ResponseWriter, r *http.Request) {
	userID, orgID, ok := s.notifyLink(w, r)
	if !ok {
		return
	}
	s.saveNotifyPrefs(w, r, userID, orgID, r.URL.Path)
}

// notifyLink reads the member and organisation of a preferences link;
// an unknown link, or one of a former member, is 404.
func (s *Server) notifyLink(w http.ResponseWriter, r *http.Request) (userID, orgID int64, ok bool) {
	userID, orgID, err := notify.ByToken(r.Context(), s.db, r.PathValue("token"))
	if err != nil {
		s.fail(w, r, err)
		return 0, 0, false
	}
	return userID, orgID, true
}

func (s *Server) notifyPrefsData(r *http.Request, userID, orgID int64, action string) (*notifyPrefsPage, error) {
	ms, err := notify.Memberships(r.Context(), s.db, userID, orgID)
	if err != nil {
		return nil, err
	}
	p := &notifyPrefsPage{Memberships: ms, Modes: notify.Modes, Action: action}
	if orgID != 0 {
		o, err := s.orgs.ByID(r.Context(), orgID)
		if err != nil {
			return nil, err
		}
		p.ViaLink = o.Name
	}
	return p, nil
}

func (s *Server) renderNotifyPrefs(w http.ResponseWriter, r *http.Request, userID, orgID int64, action string) {
	p, err := s.notifyPrefsData(r, userID, orgID, action)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := s.view(r, i18n.T(lang(r), "notify.prefs.title"), p)
	for _, m := range p.Memberships {
		for _, c := range m.Choices {
			v.Form.Set(p.ModeField(m.OrgID, c.Kind), string(c.Mode))
		}
	}
	s.render(w, r, http.StatusOK, "notify_prefs", v)
}

// saveNotifyPrefs reads one mode per organisation and kind shown; a kind
// left out keeps its choice, an unknown mode is refused.
func (s *Server) saveNotifyPrefs(w http.ResponseWriter, r *http.Request, userID, orgID int64, action string) {
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	p, err := s.notifyPrefsData(r, userID, orgID, action)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	bad := false
	chosen := map[int64]map[notify.Kind]notify.Mode{}
	for _, m := range p.Memberships {
		chosen[m.OrgID] = map[notify.Kind]notify.Mode{}
		for _, c := range m.Choices {
			raw := r.PostForm.Get(p.ModeField(m.OrgID, c.Kind))
			if raw == "" {
				continue
			}
			if mode := notify.Mode(raw); mode.Valid() {
				chosen[m.OrgID][c.Kind] = mode
			} else {
				bad = true
			}
		}
	}
	if bad {
		v := s.view(r, i18n.T(lang(r), "notify.prefs.title"), p)
		v.Form = r.PostForm
		v.Errors.Add("modes", "notify.prefs.bad")
		s.render(w, r, http.StatusUnprocessableEntity, "notify_prefs", v)
		return
	}
	for id, modes := range chosen {
		if err := notify.SetModes(r.Context(), s.db, userID, id, modes); err != nil {
			if errors.Is(err, db.ErrNotFound) {
				s.notFound(w, r)
				return
			}
			s.serverError(w, r, err)
			return
		}
	}
	s.flash(w, "notify.prefs.saved")
	redirect(w, r, action)
}
