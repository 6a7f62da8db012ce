package collab

import (
	"net/http"

	"lokadaya/internal/forum"
	"lokadaya/internal/region"
	"lokadaya/internal/web/kit"
)

type apiForum struct {
	ID           int64          `json:"id"`
	Title        string         `json:"title"`
	Issue        string         `json:"issue"`
	ProposalID   *int64         `json:"proposal_id"`
	RegionCode   string         `json:"region_code"`
	HeldOn       string         `json:"held_on"`
	Place        string         `json:"place"`
	Convener     *apiConvener   `json:"convener"`
	Participants map[string]int `json:"participants"`
	Causes       string         `json:"causes"`
	Implications string         `json:"implications"`
	Initiatives  string         `json:"initiatives"`
	DataNeeds    string         `json:"data_needs"`
	Teams        []apiTeamRef   `json:"teams"`
}

type apiConvener struct {
	ID   int64  `json:"id"`
	Slug string `json:"slug"`
	Name string `json:"name"`
}

type apiTeamRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

func forumToAPI(f *forum.Forum) apiForum {
	a := apiForum{ID: f.ID, Title: f.Title, Issue: f.Issue, RegionCode: f.RegionCode, HeldOn: f.HeldOn, Place: f.Place,
		Participants: map[string]int{}, Causes: f.Causes, Implications: f.Implications, Initiatives: f.Initiatives,
		DataNeeds: f.DataNeeds, Teams: []apiTeamRef{}}
	if f.ProposalID != 0 {
		id := f.ProposalID
		a.ProposalID = &id
	}
	if f.OrgID != 0 {
		a.Convener = &apiConvener{ID: f.OrgID, Slug: f.OrgSlug, Name: f.OrgName}
	}
	for _, g := range forum.Groups {
		a.Participants[g] = f.Counts[g]
	}
	for _, t := range f.Teams {
		a.Teams = append(a.Teams, apiTeamRef{ID: t.ID, Name: t.Name})
	}
	return a
}

// apiForums is GET /api/v1/forums?region=: the published forums of a
// region and those below it (all when no region), latest first.
func (h *handlers) apiForums(w http.ResponseWriter, r *http.Request) {
	code := r.URL.Query().Get("region")
	if code != "" {
		c, ok := region.ParseCode(code)
		if !ok {
			kit.APIError(w, http.StatusBadRequest, "bad_request", h.t(r, "proposal.err.region_code"))
			return
		}
		code = c
	}
	list, err := h.Forums.List(r.Context(), forum.ListParams{Region: code})
	if err != nil {
		kit.APIServerError(h.site, w, r, err)
		return
	}
	items := make([]apiForum, 0, len(list))
	for _, f := range list {
		g, err := h.Forums.Get(r.Context(), f.ID) // with its teams
		if err != nil {
			kit.APIServerError(h.site, w, r, err)
			return
		}
		items = append(items, forumToAPI(g))
	}
	kit.JSON(w, http.StatusOK, map[string]any{"items": items})
}

type apiMember struct {
	Name         string  `json:"name"`
	Organization string  `json:"organization"`
	OrgSlug      *string `json:"organization_slug"`
	Role         string  `json:"role"`
}

type apiActivity struct {
	ID        int64  `json:"id"`
	What      string `json:"what"`
	Owner     string `json:"owner"`
	StartsOn  string `json:"starts_on"`
	DueOn     string `json:"due_on"`
	Budget    int64  `json:"budget"`
	Indicator string `json:"indicator"`
	Datasets  string `json:"datasets_to_open"`
	Status    string `json:"status"`
}

type apiDataset struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

type apiReview struct {
	DueOn string            `json:"due_on"`
	Held  bool              `json:"held"`
	Notes map[string]string `json:"notes"`
}

type apiSitting struct {
	Round        int            `json:"round"`
	Side         string         `json:"side"`
	HeldOn       string         `json:"held_on"`
	Participants int            `json:"participants"`
	Scores       map[string]int `json:"scores"`
	Mean         float64        `json:"mean"`
	Notes        string         `json:"notes"`
}

// apiTeam is GET /api/v1/action-teams/{id}: the members by side (names
// and organisation, never e-mail), the plan, the datasets it cites, the
// review dates and the sittings' assessments.
func (h *handlers) apiTeam(w http.ResponseWriter, r *http.Request) {
	notFound := func() { kit.APIError(w, http.StatusNotFound, "not_found", h.t(r, "team.err.not_found")) }
	id := pathID(r, "id")
	if id == 0 {
		notFound()
		return
	}
	t, err := h.Forums.Team(r.Context(), id)
	if err == nil && !t.Forum.Published {
		notFound()
		return
	}
	if err != nil {
		if isNotFound(err) {
			notFound()
			return
		}
		kit.APIServerError(h.site, w, r, err)
		return
	}
	cited, err := h.citedBy(r.Context(), forum.CiteTeamPlan, t.ID)
	if err != nil {
		kit.APIServerError(h.site, w, r, err)
		return
	}
	members := map[string][]apiMember{}
	for _, side := range forum.MemberSides {
		members[side] = []apiMember{}
	}
	for _, m := range t.Members {
		am := apiMember{Name: m.Name, Organization: m.OrgName, Role: m.Role}
		if m.OrgSlug != "" {
			s := m.OrgSlug
			am.OrgSlug = &s
		}
		members[m.Side] = append(members[m.Side], am)
	}
	plan := []apiActivity{}
	names := map[int64]string{}
	for _, a := range t.Activities {
		names[a.ID] = a.What
		plan = append(plan, apiActivity{ID: a.ID, What: a.What, Owner: a.OwnerName, StartsOn: a.StartsOn, DueOn: a.DueOn,
			Budget: a.Budget, Indicator: a.Indicator, Datasets: a.Datasets, Status: a.Status})
	}
	datasets := []apiDataset{}
	for _, d := range cited {
		datasets = append(datasets, apiDataset{ID: d.ID, Title: d.Title, URL: h.site.BaseURL() + d.Path})
	}
	reviews := []apiReview{}
	for _, rv := range t.Reviews {
		ar := apiReview{DueOn: rv.DueOn, Held: rv.Held, Notes: map[string]string{}}
		for aid, n := range rv.Notes {
			ar.Notes[itoa(aid)] = n
		}
		reviews = append(reviews, ar)
	}
	sittings := []apiSitting{}
	for _, s := range t.Sittings {
		sittings = append(sittings, apiSitting{Round: s.Round, Side: s.Side, HeldOn: s.HeldOn, Participants: s.Participants,
			Scores: s.Scores, Mean: s.Mean(), Notes: s.Notes})
	}
	kit.JSON(w, http.StatusOK, map[string]any{
		"id": t.ID, "name": t.Name, "purpose": t.Purpose,
		"forum":   map[string]any{"id": t.Forum.ID, "title": t.Forum.Title, "region_code": t.Forum.RegionCode},
		"members": members, "plan": plan, "budget": t.Budget(), "cited_datasets": datasets,
		"reviews": reviews, "assessments": sittings, "questions": forum.Questions,
	})
}
