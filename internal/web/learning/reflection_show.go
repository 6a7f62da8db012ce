package learning

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"lokadaya/internal/cycle"
	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
	"lokadaya/internal/reflection"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// sessionPage is a session with everything it gathered and produced.
type sessionPage struct {
	*sessionDesk
	Initiatives []*initiative.Initiative // under review
	Cycle       *cycle.Cycle             // the cycle the session reflects on; nil when none
	// Next is the organisation's open cycle after the session's, where a
	// "new initiative" finding opens its draft; nil when there is none.
	Next       *cycle.Cycle
	Evidence   *evidence
	Groups     []*reflection.Group
	Findings   []findingSection
	Assessment *reflection.Assessment
	Actions    []*reflection.Action
	Members    []org.Member // who may own an action (writers only)
	Today      string
	// Failed names the form refused ("group", "input", "finding",
	// "action"); FailedGroup the group whose input was refused.
	Failed      string
	FailedGroup int64
}

// findingSection is the findings of one kind, under its heading.
type findingSection struct {
	Kind  string
	Items []*reflection.Finding
}

// GroupKinds, InputKinds and FindingKinds are the choices of the forms.
func (p *sessionPage) GroupKinds() []string   { return reflection.GroupKinds }
func (p *sessionPage) InputKinds() []string   { return reflection.InputKinds }
func (p *sessionPage) FindingKinds() []string { return reflection.FindingKinds }

// GroupName is the name of the group with id, for a finding's origin.
func (p *sessionPage) GroupName(id int64) string {
	for _, g := range p.Groups {
		if g.ID == id {
			return g.Name
		}
	}
	return ""
}

// IndicatorName is the name of the indicator with id among the
// evidence's, "" when it is not one of them.
func (p *sessionPage) IndicatorName(id int64) string {
	if p.Evidence == nil || id == 0 {
		return ""
	}
	for _, i := range p.Evidence.Indicators {
		if i.ID == id {
			return i.Name
		}
	}
	return ""
}

// FindingTitle is the title of the finding with id, for an action.
func (p *sessionPage) FindingTitle(id int64) string {
	for _, s := range p.Findings {
		for _, f := range s.Items {
			if f.ID == id {
				return f.Title
			}
		}
	}
	return ""
}

func (h *handlers) sessionShow(w http.ResponseWriter, r *http.Request) {
	d, ok := h.openSession(w, r, nil)
	if !ok {
		return
	}
	h.renderSession(w, r, d, "", 0, nil, nil)
}

// renderSession shows the session page; a refused inline form (failed)
// comes back with the user's input and its errors at the top.
func (h *handlers) renderSession(w http.ResponseWriter, r *http.Request, d *sessionDesk, failed string, group int64,
	form url.Values, errs validate.Errors) {
	p, err := h.loadSession(r.Context(), d)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p.Failed, p.FailedGroup = failed, group
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
	}
	h.site.Render(w, r, kit.Page{Name: "learning_reflection", Title: d.Session.Title, Data: p, Status: status,
		Form: form, Errors: errs})
}

func (h *handlers) loadSession(ctx context.Context, d *sessionDesk) (*sessionPage, error) {
	s, a := d.Session, d.Access
	p := &sessionPage{sessionDesk: d, Today: h.Now().In(region.Zone(a.Org.RegionCode)).Format(time.DateOnly)}
	var err error
	if p.Initiatives, err = h.underReview(ctx, s); err != nil {
		return nil, err
	}
	if err := h.loadCycles(ctx, p); err != nil {
		return nil, err
	}
	if p.Evidence, err = h.gatherEvidence(ctx, a.Org, s, p.Initiatives); err != nil {
		return nil, err
	}
	if p.Groups, err = h.Reflections.Groups(ctx, s.ID); err != nil {
		return nil, err
	}
	findings, err := h.Reflections.Findings(ctx, s.ID)
	if err != nil {
		return nil, err
	}
	p.Findings = sections(findings)
	if p.Assessment, err = h.Reflections.AssessmentOf(ctx, a.Org.ID, s, !a.CanRead()); err != nil {
		return nil, err
	}
	if p.Actions, err = h.Reflections.SessionActions(ctx, s.ID); err != nil {
		return nil, err
	}
	if a.CanWrite() {
		if p.Members, err = h.Orgs.Members(ctx, a.Org.ID); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func sections(findings []*reflection.Finding) []findingSection {
	var out []findingSection
	for _, k := range reflection.FindingKinds {
		sec := findingSection{Kind: k}
		for _, f := range findings {
			if f.Kind == k {
				sec.Items = append(sec.Items, f)
			}
		}
		out = append(out, sec)
	}
	return out
}

func (h *handlers) underReview(ctx context.Context, s *reflection.Session) ([]*initiative.Initiative, error) {
	var out []*initiative.Initiative
	for _, id := range s.InitiativeIDs {
		i, err := h.Initiatives.ByID(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, i)
	}
	return out, nil
}

// loadCycles finds the session's cycle and the open cycle after it.
func (h *handlers) loadCycles(ctx context.Context, p *sessionPage) error {
	cycles, err := h.Cycles.List(ctx, p.Access.Org.ID)
	if err != nil {
		return err
	}
	for i := range cycles {
		c := &cycles[i]
		if c.ID == p.Session.CycleID {
			p.Cycle = c
		}
	}
	for i := range cycles {
		c := &cycles[i]
		if c.Open() && (p.Cycle == nil || c.Number > p.Cycle.Number) {
			p.Next = c
		}
	}
	return nil
}
