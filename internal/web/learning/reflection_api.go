package learning

import (
	"net/http"
	"time"

	"lokadaya/internal/org"
	"lokadaya/internal/reflection"
	"lokadaya/internal/web/kit"
)

// The API's published sessions. Nobody is named: groups are counted,
// an action says what and by when, not who owns it.
type apiSession struct {
	ID          int64        `json:"id"`
	Title       string       `json:"title"`
	HeldOn      string       `json:"held_on"`
	Place       string       `json:"place"`
	Facilitator string       `json:"facilitator"`
	PeriodFrom  string       `json:"period_from"`
	PeriodTo    string       `json:"period_to"`
	Initiatives []string     `json:"initiatives"`
	PublishedAt time.Time    `json:"published_at"`
	URL         string       `json:"url"`
	Groups      []apiGroup   `json:"groups"`
	Findings    []apiFinding `json:"findings"`
	Actions     []apiAction  `json:"actions"`
}

type apiGroup struct {
	Kind         string     `json:"kind"`
	Name         string     `json:"name"`
	Participants int        `json:"participants"`
	Women        int        `json:"women"`
	SatOn        string     `json:"sat_on,omitempty"`
	Inputs       []apiInput `json:"inputs"`
}

type apiInput struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

type apiFinding struct {
	Kind        string `json:"kind"`
	Title       string `json:"title"`
	Text        string `json:"text,omitempty"`
	AddressedTo string `json:"addressed_to,omitempty"`
	Group       string `json:"group,omitempty"`
	Initiative  string `json:"initiative,omitempty"` // the draft it opened
}

type apiAction struct {
	What   string `json:"what"`
	Due    string `json:"due"`
	Budget int64  `json:"budget"`
	Status string `json:"status"`
}

// apiReflections lists the organisation's published sessions, the latest
// first, with their groups, findings and actions.
func (h *handlers) apiReflections(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	o, err := h.Orgs.BySlug(ctx, r.PathValue("slug"))
	if err != nil || o.Status == org.StatusRejected || o.Status == org.StatusSuspended {
		kit.APIError(w, http.StatusNotFound, "not_found", h.t(r, "error.404.body"))
		return
	}
	sessions, err := h.Reflections.Sessions(ctx, o.ID, true)
	if err != nil {
		h.site.Log(r, err)
		kit.APIError(w, http.StatusInternalServerError, "internal", h.t(r, "error.500.body"))
		return
	}
	items := make([]apiSession, 0, len(sessions))
	for _, s := range sessions {
		d := &sessionDesk{Access: &kit.Access{Org: o}, Session: s}
		p, err := h.loadSession(ctx, d)
		if err != nil {
			h.site.Log(r, err)
			kit.APIError(w, http.StatusInternalServerError, "internal", h.t(r, "error.500.body"))
			return
		}
		items = append(items, apiSessionOf(p, h.site.BaseURL()))
	}
	kit.JSON(w, http.StatusOK, map[string]any{"items": items})
}

func apiSessionOf(p *sessionPage, base string) apiSession {
	s := p.Session
	out := apiSession{ID: s.ID, Title: s.Title, HeldOn: s.HeldOn, Place: s.Place, Facilitator: s.Facilitator,
		PeriodFrom: s.PeriodFrom, PeriodTo: s.PeriodTo, PublishedAt: *s.PublishedAt,
		URL: base + reflection.SessionPath(p.Access.Org.Slug, s.ID), Initiatives: []string{},
		Groups: []apiGroup{}, Findings: []apiFinding{}, Actions: []apiAction{}}
	for _, i := range p.Initiatives {
		out.Initiatives = append(out.Initiatives, i.Slug)
	}
	for _, g := range p.Groups {
		ag := apiGroup{Kind: g.Kind, Name: g.Name, Participants: g.Participants, Women: g.Women, SatOn: g.SatOn, Inputs: []apiInput{}}
		for _, in := range g.Inputs {
			ag.Inputs = append(ag.Inputs, apiInput{Kind: in.Kind, Text: in.Body})
		}
		out.Groups = append(out.Groups, ag)
	}
	for _, sec := range p.Findings {
		for _, f := range sec.Items {
			out.Findings = append(out.Findings, apiFinding{Kind: f.Kind, Title: f.Title, Text: f.Body,
				AddressedTo: f.AddressedTo, Group: p.GroupName(f.GroupID)})
		}
	}
	for _, x := range p.Actions {
		out.Actions = append(out.Actions, apiAction{What: x.What, Due: x.DueOn, Budget: x.Budget, Status: x.Status})
	}
	return out
}
