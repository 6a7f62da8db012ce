package web

import (
	"errors"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"lokadaya/internal/cycle"
	"lokadaya/internal/db"
	"lokadaya/internal/framework"
)

// cycleStore is the store of the development cycle workspace.
func (s *Server) cycleStore() *cycle.Store { return &cycle.Store{DB: s.db} }

// cycleActor is the caller as recorded on answers, moves and comments.
func cycleActor(a *cycleAccess) cycle.Actor {
	return cycle.Actor{ID: a.User.ID, Name: a.User.Name}
}

// workspaceURL is the address of an organisation's cycle list.
func workspaceURL(slug string) string { return "/organisasi/" + slug + "/siklus" }

// cycleURL is the address of a cycle's overview.
func cycleURL(slug string, n int) string { return workspaceURL(slug) + "/" + strconv.Itoa(n) }

// stageURL is the address of a stage page.
func stageURL(slug string, n, stage int) string {
	return cycleURL(slug, n) + "/tahap/" + strconv.Itoa(stage)
}

// loadCycle checks the caller may read the workspace and loads the cycle
// numbered by {n}; it answers 404 itself for a missing cycle.
func (s *Server) loadCycle(w http.ResponseWriter, r *http.Request) (*cycleAccess, *cycle.Cycle, bool) {
	a, ok := s.loadCycleAccess(w, r)
	if !ok {
		return nil, nil, false
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 1 {
		s.notFound(w, r)
		return nil, nil, false
	}
	c, err := s.cycleStore().ByNumber(r.Context(), a.Org.ID, n)
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	return a, c, true
}

// pathStage reads the {stage} path value of cycle c; it answers 404 itself
// for a stage the cycle's edition does not have.
func (s *Server) pathStage(w http.ResponseWriter, r *http.Request, c *cycle.Cycle) (*framework.Stage, bool) {
	n, err := strconv.Atoi(r.PathValue("stage"))
	if err == nil {
		if st, ok := c.Framework().Stage(n); ok {
			return st, true
		}
	}
	s.notFound(w, r)
	return nil, false
}

// cycleFail answers a store error that is not the caller's to fix.
func (s *Server) cycleFail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, db.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	s.serverError(w, r, err)
}

// linkify renders an answer as HTML: every character escaped, line breaks
// kept, and http(s) addresses turned into links that leave the site.
func linkify(text string) template.HTML {
	var b strings.Builder
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, line := range lines {
		if i > 0 {
			b.WriteString("<br>\n")
		}
		linkifyLine(&b, line)
	}
	return template.HTML(b.String()) //nolint:gosec // every piece of text was escaped above
}

func linkifyLine(b *strings.Builder, line string) {
	for line != "" {
		i := urlStart(line)
		if i < 0 {
			b.WriteString(html.EscapeString(line))
			return
		}
		b.WriteString(html.EscapeString(line[:i]))
		end := i
		for end < len(line) && !isURLStop(line[end]) {
			end++
		}
		// Punctuation closing a sentence is not part of the address.
		for end > i && strings.IndexByte(".,;:!?)]'", line[end-1]) >= 0 {
			end--
		}
		raw := line[i:end]
		if u, err := url.Parse(raw); err == nil && u.Host != "" && (u.Scheme == "http" || u.Scheme == "https") {
			esc := html.EscapeString(raw)
			b.WriteString(`<a href="` + esc + `" rel="nofollow noopener ugc" target="_blank">` + esc + `</a>`)
		} else {
			b.WriteString(html.EscapeString(raw))
		}
		if end == i { // nothing consumed: move on one byte
			end = i + 1
			b.WriteString(html.EscapeString(line[i:end]))
		}
		line = line[end:]
	}
}

// urlStart finds the first "http://" or "https://" in s.
func urlStart(s string) int {
	a, c := strings.Index(s, "http://"), strings.Index(s, "https://")
	switch {
	case a < 0:
		return c
	case c < 0:
		return a
	default:
		return min(a, c)
	}
}

func isURLStop(c byte) bool {
	return c <= ' ' || c == '<' || c == '>' || c == '"' || c == '`' || c == 0x7f
}
