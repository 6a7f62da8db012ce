package collab

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/org"
	"lokadaya/internal/planning"
	"lokadaya/internal/proposal"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// showPage is a proposal's public page.
type showPage struct {
	Proposal    *proposal.Proposal
	RegionLabel string
	// Target is the proposal it was merged into, nil when not merged.
	Target   *proposal.Proposal
	SignedIn bool
	Mine     proposal.Mine
	// Orgs are the signer's organisations, each with whether it supports
	// the proposal already: "support on behalf of …".
	Orgs     []orgChoice
	Editable bool
	CanMerge bool
	// History is the proposal's rank history in planning rounds.
	History []planning.Event
	// Datasets are the catalogue datasets it cites.
	Datasets []citedDataset
	// Adoptions are the OMS that took it up; Adopters the user's OMS
	// that may.
	Adoptions []proposal.Adoption
	Adopters  []adopter
}

// Score formats thousandths of a point.
func (d *showPage) Score(milli int) string { return planning.FormatScore(milli) }

// YearOr writes a year, or none for 0 (beyond a round's years).
func (d *showPage) YearOr(year int, none string) string {
	if year == 0 {
		return none
	}
	return strconv.Itoa(year)
}

type orgChoice struct {
	ID         int64
	Name       string
	Supporting bool
}

// Paragraphs splits the proposal's text at line breaks into the
// paragraphs the page shows.
func (d *showPage) Paragraphs() []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(d.Proposal.What, "\r\n", "\n"), "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// show is GET /usulan/{id}, public.
func (h *handlers) show(w http.ResponseWriter, r *http.Request) {
	p, ok := h.load(w, r)
	if !ok {
		return
	}
	h.renderShow(w, r, p, http.StatusOK, nil, nil)
}

func (h *handlers) renderShow(w http.ResponseWriter, r *http.Request, p *proposal.Proposal, status int, form url.Values, errs validate.Errors) {
	ctx := r.Context()
	d := &showPage{Proposal: p, RegionLabel: h.regionLabel(ctx, p.RegionCode)}
	var err error
	if d.History, err = h.Rounds.History(ctx, p.ID); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if d.Adoptions, err = h.Proposals.Adoptions(ctx, p.ID); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if d.Datasets, err = h.citedBy(ctx, proposal.CiteKind, p.ID); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	if p.Merged() {
		t, err := h.Proposals.Get(ctx, p.MergedInto)
		if err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		d.Target = t
	}
	if u := h.site.User(r); u != nil {
		d.SignedIn = true
		var err error
		if d.Mine, err = h.Proposals.SupportsBy(ctx, u.ID, p.ID); err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		ms, err := h.Orgs.MembershipsOf(ctx, u.ID)
		if err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		if !p.Merged() {
			if d.Adopters, err = h.adopters(r, ms); err != nil {
				h.site.ServerError(w, r, err)
				return
			}
		}
		for _, m := range ms {
			if m.Org.Status == org.StatusRejected || m.Org.Status == org.StatusSuspended {
				continue
			}
			d.Orgs = append(d.Orgs, orgChoice{ID: m.Org.ID, Name: m.Org.Name, Supporting: d.Mine.Orgs[m.Org.ID]})
		}
		if d.Editable, err = h.Proposals.Editable(ctx, p, u.ID); err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		if !p.Merged() {
			if d.CanMerge, err = h.Proposals.CanMerge(ctx, actor(r, h.site), p.RegionCode); err != nil {
				h.site.ServerError(w, r, err)
				return
			}
		}
	}
	h.site.Render(w, r, kit.Page{Name: "collab_proposal", Title: p.Title, Data: d, Status: status, Form: form, Errors: errs})
}

func (h *handlers) support(w http.ResponseWriter, r *http.Request)   { h.setSupport(w, r, true) }
func (h *handlers) unsupport(w http.ResponseWriter, r *http.Request) { h.setSupport(w, r, false) }

// setSupport is POST /usulan/{id}/dukung and /batal-dukung: as a person,
// or on behalf of the organisation of the "org" field.
func (h *handlers) setSupport(w http.ResponseWriter, r *http.Request, on bool) {
	if _, ok := h.site.RequireUser(w, r); !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		h.site.NotFound(w, r)
		return
	}
	var orgID int64
	if s := r.PostForm.Get("org"); s != "" {
		if orgID, err = strconv.ParseInt(s, 10, 64); err != nil || orgID <= 0 {
			h.site.Forbidden(w, r)
			return
		}
	}
	do, flash := h.Proposals.Unsupport, "proposal.flash.unsupported"
	if on {
		do, flash = h.Proposals.Support, "proposal.flash.supported"
	}
	err = do(r.Context(), actor(r, h.site), id, orgID)
	switch {
	case errors.Is(err, db.ErrNotFound):
		h.site.NotFound(w, r)
		return
	case errors.Is(err, proposal.ErrNotMember):
		h.site.Forbidden(w, r)
		return
	case errors.Is(err, proposal.ErrMerged):
		flash = proposal.ErrMerged.Key
	case err != nil:
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Flash(w, flash)
	kit.Redirect(w, r, path(id)+"#dukungan")
}

// merge is POST /usulan/{id}/gabung with "into", the id of the proposal
// this one duplicates: for a hub coordinator covering both or an admin.
func (h *handlers) merge(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.site.RequireUser(w, r); !ok || !kit.ParseForm(h.site, w, r) {
		return
	}
	p, ok := h.load(w, r)
	if !ok {
		return
	}
	a := actor(r, h.site)
	if can, err := h.Proposals.CanMerge(r.Context(), a, p.RegionCode); err != nil || !can {
		if err != nil {
			h.site.ServerError(w, r, err)
		} else {
			h.site.Forbidden(w, r)
		}
		return
	}
	into, err := strconv.ParseInt(r.PostForm.Get("into"), 10, 64)
	if err != nil {
		into = 0
	}
	err = h.Proposals.Merge(r.Context(), a, p.ID, into)
	var errs validate.Errors
	switch {
	case errors.As(err, &errs):
		h.renderShow(w, r, p, http.StatusUnprocessableEntity, r.PostForm, errs)
		return
	case errors.Is(err, proposal.ErrNotAllowed):
		h.site.Forbidden(w, r)
		return
	case errors.Is(err, proposal.ErrMerged):
		h.site.Flash(w, proposal.ErrMerged.Key)
	case err != nil:
		h.site.ServerError(w, r, err)
		return
	default:
		h.site.Flash(w, "proposal.flash.merged")
	}
	kit.Redirect(w, r, path(p.ID))
}
