package web

import (
	"net/http"
	"regexp"
	"strings"

	"lokadaya/internal/i18n"
	"lokadaya/internal/mail"
)

// outboxLimit is how many messages the dev outbox lists.
const outboxLimit = 50

// textPart is a piece of an e-mail body: plain text, or a link.
type textPart struct {
	Text string
	Link bool
}

var linkPattern = regexp.MustCompile(`https?://[^\s<>"]+`)

// linkParts splits text around its http(s) links so the template can make
// them clickable while escaping everything.
func linkParts(text string) []textPart {
	var parts []textPart
	last := 0
	for _, m := range linkPattern.FindAllStringIndex(text, -1) {
		// A sentence's full stop or closing bracket is not part of the link.
		for m[1] > m[0] && strings.ContainsRune(".,;:!?)", rune(text[m[1]-1])) {
			m[1]--
		}
		if m[0] > last {
			parts = append(parts, textPart{Text: text[last:m[0]]})
		}
		parts = append(parts, textPart{Text: text[m[0]:m[1]], Link: true})
		last = m[1]
	}
	if last < len(text) {
		parts = append(parts, textPart{Text: text[last:]})
	}
	return parts
}

// outboxEntry is one message as the outbox page shows it.
type outboxEntry struct {
	mail.OutboxItem
	Parts []textPart
}

// devOutbox lists the mail the platform queued, newest first. It exists
// only in demo mode, where mail is usually not sent at all, and only for
// platform admins: the messages hold working reset, invitation and
// verification links.
func (s *Server) devOutbox(w http.ResponseWriter, r *http.Request) {
	if !s.cfg.Demo {
		s.notFound(w, r)
		return
	}
	if _, ok := s.requireAdmin(w, r); !ok {
		return
	}
	items, err := mail.Outbox(r.Context(), s.db, outboxLimit)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	entries := make([]outboxEntry, len(items))
	for i, it := range items {
		entries[i] = outboxEntry{OutboxItem: it, Parts: linkParts(it.Message.Text)}
	}
	s.render(w, r, http.StatusOK, "dev_outbox", s.view(r, i18n.T(lang(r), "account.outbox.title"), entries))
}
