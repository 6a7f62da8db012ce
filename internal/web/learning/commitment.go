package learning

import (
	"net/http"
	"strconv"

	"lokadaya/internal/commitment"
	"lokadaya/internal/region"
	"lokadaya/internal/web/kit"
)

// commitmentRoutes registers the pages and API of the commitments.
func (h *handlers) commitmentRoutes(mux kit.Router) {
	mux.HandleFunc("GET /organisasi/{slug}/janji", h.commitmentList)
	mux.HandleFunc("GET /organisasi/{slug}/janji/baru", h.commitmentNew)
	mux.HandleFunc("POST /organisasi/{slug}/janji/baru", h.commitmentCreate)
	mux.HandleFunc("GET /organisasi/{slug}/janji/{id}", h.commitmentDetail)
	mux.HandleFunc("GET /organisasi/{slug}/janji/{id}/ubah", h.commitmentEdit)
	mux.HandleFunc("POST /organisasi/{slug}/janji/{id}/ubah", h.commitmentUpdate)
	mux.HandleFunc("POST /organisasi/{slug}/janji/{id}/hapus", h.commitmentDelete)
	mux.HandleFunc("POST /organisasi/{slug}/janji/{id}/tindak-lanjut", h.followUpCreate)
	mux.HandleFunc("POST /organisasi/{slug}/janji/{id}/tindak-lanjut/{fid}/hapus", h.followUpDelete)
	mux.HandleFunc("GET /organisasi/{slug}/janji.csv", h.commitmentExport)
	mux.HandleFunc("GET /organisasi/{slug}/janji.xlsx", h.commitmentExport)
	mux.HandleFunc("GET /wilayah/{code}/janji", h.regionCommitments)
	mux.HandleFunc("GET /api/v1/organizations/{slug}/commitments", h.apiOrgCommitments)
	mux.HandleFunc("GET /api/v1/regions/{code}/commitments", h.apiRegionCommitments)
}

// commitmentListPage is an organisation's commitments: the published ones
// for everyone, all of them for its people.
type commitmentListPage struct {
	Access      *kit.Access
	Base        string
	Commitments []*commitment.Commitment
	Counts      commitment.Counts
	Statuses    []string
	Today       string
	Regions     map[string]string
	// Cadres is the number of active cadres by level, the only figure of
	// the register the public sees.
	Cadres map[string]int
	Levels []string
}

// Overdue counts the commitments whose next follow-up day has passed.
func (p *commitmentListPage) Overdue() int {
	n := 0
	for _, c := range p.Commitments {
		if c.Overdue(p.Today) {
			n++
		}
	}
	return n
}

// CadreTotal is the number of active cadres.
func (p *commitmentListPage) CadreTotal() int {
	n := 0
	for _, v := range p.Cadres {
		n += v
	}
	return n
}

func (h *handlers) commitmentList(w http.ResponseWriter, r *http.Request) {
	a, ok := kit.PublicOrg(h.site, h.Orgs, w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	list, err := h.Commitments.List(ctx, a.Org.ID, !a.CanRead())
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := &commitmentListPage{Access: a, Base: "/organisasi/" + a.Org.Slug, Commitments: list,
		Counts: commitment.Count(list), Statuses: commitment.Statuses, Today: h.Commitments.Today(a.Org.RegionCode)}
	if p.Regions, err = h.commitmentRegionNames(r, list); err == nil {
		p.Cadres, p.Levels, err = h.cadreLevels(r, a.Org.ID)
	}
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "learning_commitment_list", Title: h.t(r, "commitment.title_of", a.Org.Name), Data: p})
}

// commitmentRegionNames names the regions of list.
func (h *handlers) commitmentRegionNames(r *http.Request, list []*commitment.Commitment) (map[string]string, error) {
	out := map[string]string{}
	for _, c := range list {
		if c.RegionCode == "" || out[c.RegionCode] != "" {
			continue
		}
		reg, err := h.Regions.Get(r.Context(), c.RegionCode)
		if err != nil {
			return nil, err
		}
		out[c.RegionCode] = reg.ShortName()
	}
	return out, nil
}

// commitmentPage is one commitment with its follow-ups and, for writers,
// the follow-up form.
type commitmentPage struct {
	Access     *kit.Access
	Base       string
	C          *commitment.Commitment
	RegionName string
	Today      string
	Statuses   []string
}

// openCommitment loads the organisation for any caller and its
// commitment {id}: an unpublished one is 404 to those who may not read
// the organisation.
func (h *handlers) openCommitment(w http.ResponseWriter, r *http.Request) (*kit.Access, *commitment.Commitment, bool) {
	a, ok := kit.PublicOrg(h.site, h.Orgs, w, r)
	if !ok {
		return nil, nil, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.site.NotFound(w, r)
		return nil, nil, false
	}
	c, err := h.Commitments.Get(r.Context(), a.Org.ID, id)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, nil, false
	}
	if !c.Published && !a.CanRead() {
		h.site.NotFound(w, r)
		return nil, nil, false
	}
	return a, c, true
}

// openCommitmentToWrite is openCommitment for the organisation's writers:
// others are sent to log in or refused.
func (h *handlers) openCommitmentToWrite(w http.ResponseWriter, r *http.Request) (*kit.Access, *commitment.Commitment, bool) {
	if _, ok := h.site.Org(w, r, (*kit.Access).CanWrite); !ok {
		return nil, nil, false
	}
	return h.openCommitment(w, r)
}

func (h *handlers) commitmentDetail(w http.ResponseWriter, r *http.Request) {
	a, c, ok := h.openCommitment(w, r)
	if !ok {
		return
	}
	h.renderCommitment(w, r, http.StatusOK, a, c, nil, nil)
}

func (h *handlers) renderCommitment(w http.ResponseWriter, r *http.Request, status int, a *kit.Access,
	c *commitment.Commitment, form map[string][]string, errs map[string]string) {
	p := &commitmentPage{Access: a, Base: "/organisasi/" + a.Org.Slug, C: c,
		Today: h.Commitments.Today(a.Org.RegionCode), Statuses: commitment.Statuses}
	if c.RegionCode != "" {
		names, err := h.commitmentRegionNames(r, []*commitment.Commitment{c})
		if err != nil {
			h.site.ServerError(w, r, err)
			return
		}
		p.RegionName = names[c.RegionCode]
	}
	if form == nil {
		form = map[string][]string{"done_on": {p.Today}, "status": {c.Status}}
	}
	h.site.Render(w, r, kit.Page{Name: "learning_commitment_detail", Title: h.t(r, "commitment.of", c.Who), Data: p,
		Status: status, Form: form, Errors: errs})
}

// regionCommitmentsPage is the published commitments of a region.
type regionCommitmentsPage struct {
	Region      region.Region
	Parents     []region.Region
	Commitments []*commitment.Commitment
	Orgs        map[int64]commitment.OrgRef
	Counts      commitment.Counts
	Statuses    []string
	Regions     map[string]string
}

func (h *handlers) regionCommitments(w http.ResponseWriter, r *http.Request) {
	chain, err := h.Regions.Ancestors(r.Context(), r.PathValue("code"))
	if err != nil {
		h.site.Fail(w, r, err)
		return
	}
	reg := chain[len(chain)-1]
	list, orgs, err := h.Commitments.InRegion(r.Context(), reg.Code)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	p := &regionCommitmentsPage{Region: reg, Parents: chain[:len(chain)-1], Commitments: list, Orgs: orgs,
		Counts: commitment.Count(list), Statuses: commitment.Statuses}
	if p.Regions, err = h.commitmentRegionNames(r, list); err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "learning_commitment_region", Title: h.t(r, "commitment.region_title", reg.Name), Data: p})
}
