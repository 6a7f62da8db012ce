package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
	"lokadaya/internal/surplus"
	"lokadaya/internal/validate"
)

// surplusPage is stage 6's working tool: an initiative's surplus over a
// period, the form to allocate it and the organisation's decisions.
type surplusPage struct {
	Access      *orgAccess
	Initiatives []surplus.Relative
	Kinds       []surplus.Kind
	Table       *surplus.Table // nil while the period form has errors
	Allocations []*surplus.Allocation
	Zone        *time.Location
	// CanDecide: owners and admins of the organisation decide.
	CanDecide bool
}

// surplusURL is the address of an organisation's surplus tool.
func surplusURL(o *org.Organization) string { return orgURL(o) + "/surplus" }

// canDecideSurplus: surplus is allocated by the organisation's owners and
// admins; the other members read.
func (a *orgAccess) canDecideSurplus() bool {
	return a.Role == org.RoleOwner || a.Role == org.RoleAdmin
}

// surplusShow shows the tool to the organisation's members (and platform
// admins): ?inisiatif=&dari=&sampai=&cadangan= choose the computation.
func (s *Server) surplusShow(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).Insider)
	if !ok {
		return
	}
	form := r.URL.Query()
	s.renderSurplus(w, r, http.StatusOK, a, form, nil)
}

// surplusAllocate records a decision (owners and admins).
func (s *Server) surplusAllocate(w http.ResponseWriter, r *http.Request) {
	a, ok := s.orgFor(w, r, (*orgAccess).canDecideSurplus)
	if !ok {
		return
	}
	// limitForms has read the form (at most maxFormBytes).
	zone := region.Zone(a.Org.RegionCode)
	dec, errs := surplus.ParseDecision(r.PostForm, zone, db.Now())
	if len(errs) > 0 {
		s.renderSurplus(w, r, http.StatusUnprocessableEntity, a, r.PostForm, errs)
		return
	}
	_, err := surplus.Allocate(r.Context(), s.db, a.Org.ID, surplus.Actor{ID: a.User.ID, Name: a.User.Name}, dec)
	var ve validate.Errors
	if errors.As(err, &ve) {
		s.renderSurplus(w, r, http.StatusUnprocessableEntity, a, r.PostForm, ve)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	q := url.Values{}
	for _, f := range []string{surplus.FieldInitiative, surplus.FieldFrom, surplus.FieldTo, surplus.FieldReserve} {
		q.Set(f, r.PostForm.Get(f))
	}
	http.Redirect(w, r, surplusURL(a.Org)+"?"+q.Encode(), http.StatusSeeOther)
}

// renderSurplus fills the period with defaults (where the organisation
// left off: its latest decision's initiative and period; before any, its
// first initiative and the last twelve whole months), computes its table
// when the period is valid, and renders the page with form and errs.
func (s *Server) renderSurplus(w http.ResponseWriter, r *http.Request, status int, a *orgAccess, form url.Values, errs validate.Errors) {
	ctx := r.Context()
	zone := region.Zone(a.Org.RegionCode)
	p := &surplusPage{Access: a, Kinds: surplus.Kinds, Zone: zone, CanDecide: a.canDecideSurplus()}
	var err error
	if p.Initiatives, err = surplus.Initiatives(ctx, s.db, a.Org.ID); err == nil {
		p.Allocations, err = surplus.List(ctx, s.db, a.Org.ID)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	form = cloneValues(form)
	if form.Get(surplus.FieldInitiative) == "" && len(p.Allocations) > 0 {
		last := p.Allocations[0]
		form.Set(surplus.FieldInitiative, strconv.FormatInt(last.InitiativeID, 10))
		if form.Get(surplus.FieldFrom) == "" && form.Get(surplus.FieldTo) == "" {
			form.Set(surplus.FieldFrom, last.From.In(zone).Format(time.DateOnly))
			form.Set(surplus.FieldTo, last.To.In(zone).AddDate(0, 0, -1).Format(time.DateOnly))
		}
	}
	if form.Get(surplus.FieldInitiative) == "" && len(p.Initiatives) > 0 {
		form.Set(surplus.FieldInitiative, strconv.FormatInt(p.Initiatives[0].ID, 10))
	}
	if form.Get(surplus.FieldFrom) == "" && form.Get(surplus.FieldTo) == "" {
		now := db.Now().In(zone)
		first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, zone)
		form.Set(surplus.FieldFrom, first.AddDate(-1, 0, 0).Format(time.DateOnly))
		form.Set(surplus.FieldTo, first.AddDate(0, 0, -1).Format(time.DateOnly))
	}
	if len(p.Initiatives) > 0 {
		per, perrs := surplus.ParsePeriod(form, zone, db.Now())
		if len(perrs) == 0 {
			p.Table, err = surplus.Compute(ctx, s.db, a.Org.ID, per)
			if errors.Is(err, db.ErrNotFound) {
				perrs = validate.Errors{surplus.FieldInitiative: "surplus.err.initiative"}
			} else if err != nil {
				s.serverError(w, r, err)
				return
			}
		}
		if errs == nil && len(perrs) > 0 {
			errs = perrs
		}
		if p.Table != nil && p.Table.Fixed {
			form.Set(surplus.FieldReserve, strconv.FormatInt(p.Table.Period.Reserve, 10))
		}
	}
	v := s.view(r, i18n.T(lang(r), "surplus.title"), p)
	v.Form = form
	if errs != nil {
		v.Errors = errs
	}
	s.render(w, r, status, "surplus_tool", v)
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
