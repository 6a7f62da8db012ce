package collab

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"lokadaya/internal/db"
	"lokadaya/internal/planning"
	"lokadaya/internal/region"
	"lokadaya/internal/web/kit"
)

// apiRound is a round as the API gives it: its rules, the scores so far
// and, once settled, the ranked list by year and what was carried over.
// Scores are points on the 1–5 scale with up to three decimals.
type apiRound struct {
	ID           int64          `json:"id"`
	Title        string         `json:"title"`
	RegionCode   string         `json:"region_code"`
	Period       string         `json:"period"`
	FirstYear    int            `json:"first_year"`
	LastYear     int            `json:"last_year"`
	Status       string         `json:"status"`
	Convener     apiOrg         `json:"convener"`
	Stages       []apiStage     `json:"stages"`
	Criteria     []apiCriterion `json:"criteria"`
	Participants map[string]int `json:"participants"`
	Entries      []apiEntry     `json:"entries"`
	Years        []apiYear      `json:"years"`
	Beyond       []apiItem      `json:"beyond"`
	CarriedOver  []apiCarried   `json:"carried_over"`
	URL          string         `json:"url"`
}

type apiOrg struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

type apiStage struct {
	Name     string `json:"name"`
	StartsOn string `json:"starts_on"`
	EndsOn   string `json:"ends_on"`
}

type apiCriterion struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Weight      int    `json:"weight"`
}

// apiEntry is a proposal in the round with its scores by group.
type apiEntry struct {
	Proposal int64              `json:"proposal"`
	Title    string             `json:"title"`
	Cost     int64              `json:"cost"`
	Score    float64            `json:"score"`
	ByGroup  map[string]float64 `json:"scores_by_group"`
	Scorers  map[string]int     `json:"scorers_by_group"`
}

type apiYear struct {
	Year    int       `json:"year"`
	Ceiling int64     `json:"ceiling"`
	Decided bool      `json:"decided"`
	Items   []apiItem `json:"items"`
}

type apiItem struct {
	Proposal int64   `json:"proposal"`
	Rank     int     `json:"rank"`
	Score    float64 `json:"score"`
	Cost     int64   `json:"cost"`
	Funded   bool    `json:"funded"`
	// FirstYear is the year first planned, when it moved since.
	FirstYear *int `json:"first_planned_year,omitempty"`
}

type apiCarried struct {
	Proposal int64  `json:"proposal"`
	FromYear int    `json:"from_year"`
	ToYear   *int   `json:"to_year"`
	Reason   string `json:"reason"`
}

func points(milli int) float64 { return float64(milli) / 1000 }

func roundToAPI(d *roundPage) apiRound {
	rd := d.Round
	a := apiRound{ID: rd.ID, Title: rd.Title, RegionCode: rd.RegionCode, Period: rd.Period(), FirstYear: rd.FirstYear,
		LastYear: rd.LastYear(), Status: rd.Status, Convener: apiOrg{Slug: rd.OrgSlug, Name: rd.OrgName},
		Stages: []apiStage{}, Criteria: []apiCriterion{}, Participants: map[string]int{}, Entries: []apiEntry{},
		Years: []apiYear{}, Beyond: []apiItem{}, CarriedOver: []apiCarried{}, URL: planning.Path(rd.ID)}
	for _, st := range rd.Stages {
		a.Stages = append(a.Stages, apiStage{Name: st.Name, StartsOn: st.StartsOn, EndsOn: st.EndsOn})
	}
	for _, c := range rd.Criteria {
		a.Criteria = append(a.Criteria, apiCriterion{Name: c.Name, Description: c.Description, Weight: c.Weight})
	}
	for _, g := range planning.Groups {
		a.Participants[g] = d.Participants[g]
	}
	for _, e := range d.Entries {
		ae := apiEntry{Proposal: e.ProposalID, Title: e.Title, Cost: e.Cost, Score: points(e.Combined),
			ByGroup: map[string]float64{}, Scorers: map[string]int{}}
		for g, m := range e.Groups {
			ae.ByGroup[g], ae.Scorers[g] = points(m), e.Scorers[g]
		}
		a.Entries = append(a.Entries, ae)
	}
	for _, y := range d.Years {
		ay := apiYear{Year: y.Year, Ceiling: y.Ceiling, Decided: y.Decided, Items: []apiItem{}}
		for _, e := range y.Items {
			ay.Items = append(ay.Items, itemOf(e))
		}
		a.Years = append(a.Years, ay)
	}
	for _, e := range d.Beyond {
		a.Beyond = append(a.Beyond, itemOf(e))
	}
	for _, m := range d.Moves {
		c := apiCarried{Proposal: m.ProposalID, FromYear: m.From, Reason: m.Reason}
		if m.To != 0 {
			to := m.To
			c.ToYear = &to
		}
		a.CarriedOver = append(a.CarriedOver, c)
	}
	return a
}

func itemOf(e *planning.Entry) apiItem {
	it := apiItem{Proposal: e.ProposalID, Rank: e.Rank, Score: points(e.Combined), Cost: e.Cost, Funded: e.Funded}
	if e.FirstYear != e.Year {
		fy := e.FirstYear
		it.FirstYear = &fy
	}
	return it
}

// apiRounds is GET /api/v1/rounds?cursor=: every round, newest first.
func (h *handlers) apiRounds(w http.ResponseWriter, r *http.Request) { h.apiRoundList(w, r, "") }

// apiRegionRounds is GET /api/v1/regions/{code}/rounds: the rounds of the
// region and the regions below it.
func (h *handlers) apiRegionRounds(w http.ResponseWriter, r *http.Request) {
	code, ok := region.ParseCode(r.PathValue("code"))
	if !ok {
		kit.APIError(w, http.StatusNotFound, "not_found", h.t(r, "round.err.region_code"))
		return
	}
	h.apiRoundList(w, r, code)
}

func (h *handlers) apiRoundList(w http.ResponseWriter, r *http.Request, code string) {
	var after int64
	if c := r.URL.Query().Get("cursor"); c != "" {
		var err error
		if after, err = strconv.ParseInt(c, 10, 64); err != nil || after <= 0 {
			kit.APIError(w, http.StatusBadRequest, "bad_request", h.t(r, "proposal.err.cursor"))
			return
		}
	}
	list, next, err := h.Rounds.List(r.Context(), planning.ListOptions{Region: code, After: after})
	if err != nil {
		kit.APIServerError(h.site, w, r, err)
		return
	}
	items := make([]apiRound, 0, len(list))
	for _, rd := range list {
		d, err := h.roundData(r.Context(), r, rd)
		if err != nil {
			kit.APIServerError(h.site, w, r, err)
			return
		}
		items = append(items, roundToAPI(d))
	}
	cursor := ""
	if next > 0 {
		cursor = strconv.FormatInt(next, 10)
	}
	kit.JSONPage(w, items, cursor)
}

// apiRound is GET /api/v1/rounds/{id}.
func (h *handlers) apiRound(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		kit.APIError(w, http.StatusNotFound, "not_found", h.t(r, "round.err.not_found"))
		return
	}
	rd, err := h.Rounds.Get(r.Context(), id)
	if errors.Is(err, db.ErrNotFound) {
		kit.APIError(w, http.StatusNotFound, "not_found", h.t(r, "round.err.not_found"))
		return
	}
	var d *roundPage
	if err == nil {
		d, err = h.roundData(r.Context(), r, rd)
	}
	if err != nil {
		kit.APIServerError(h.site, w, r, err)
		return
	}
	kit.JSON(w, http.StatusOK, roundToAPI(d))
}

// roundExport is GET /perencanaan/{id}/hasil.csv|xlsx: every proposal of
// the round with its scores by group, rank and year.
func (h *handlers) roundExport(w http.ResponseWriter, r *http.Request) {
	format := "csv"
	if strings.HasSuffix(r.URL.Path, ".xlsx") {
		format = "xlsx"
	}
	rd, ok := h.loadRound(w, r)
	if !ok {
		return
	}
	d, err := h.roundData(r.Context(), r, rd)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	t := func(k string) string { return h.t(r, k) }
	table := [][]string{{t("round.col.rank"), t("round.col.proposal"), t("round.col.title"), t("round.col.cost"),
		t("round.group.warga"), t("round.group.oms"), t("round.group.pemerintah"), t("round.col.combined"),
		t("round.col.year"), t("round.col.first_year"), t("round.col.funded")}}
	for _, e := range d.Entries {
		row := []string{itoaOr(e.Rank), strconv.FormatInt(e.ProposalID, 10), e.Title, strconv.FormatInt(e.Cost, 10)}
		for _, g := range planning.Groups {
			s := ""
			if m, ok := e.Groups[g]; ok {
				s = planning.FormatScore(m)
			}
			row = append(row, s)
		}
		funded := ""
		if e.Funded {
			funded = t("round.yes")
		}
		row = append(row, planning.FormatScore(e.Combined), itoaOr(e.Year), itoaOr(e.FirstYear), funded)
		table = append(table, row)
	}
	kit.WriteTable(h.site, w, r, format, "perencanaan-"+strconv.FormatInt(rd.ID, 10), t("round.sheet"), table, 0)
}

// itoaOr writes n, or nothing for 0.
func itoaOr(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
