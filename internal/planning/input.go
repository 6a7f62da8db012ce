package planning

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/cycletool"
	"lokadaya/internal/validate"
)

// RoundInput is a new round as typed into its form: title, description,
// first_year, years and the region (read by the region picker).
type RoundInput struct {
	Title, Description string
	RegionCode         string
	FirstYear, Years   string
	OrgID              int64
}

// RoundFrom reads a RoundInput from a submitted form.
func RoundFrom(form url.Values, regionCode string, orgID int64) RoundInput {
	g := func(k string) string { return strings.TrimSpace(form.Get(k)) }
	return RoundInput{Title: g("title"), Description: g("description"), RegionCode: regionCode,
		FirstYear: g("first_year"), Years: g("years"), OrgID: orgID}
}

// check validates the shape and returns the round; thisYear bounds the
// first year (a round plans from this year up to ten years ahead).
func (in RoundInput) check(thisYear int) (Round, validate.Errors) {
	e := validate.Errors{}
	r := Round{Title: in.Title, Description: in.Description, RegionCode: in.RegionCode, OrgID: in.OrgID}
	if e.Required("title", in.Title) {
		e.MaxLen("title", in.Title, MaxTitle)
	}
	e.MaxLen("description", in.Description, MaxText)
	if in.RegionCode == "" {
		e.Add("region", "region.required")
	}
	y, err := strconv.Atoi(in.FirstYear)
	if err != nil || y < thisYear-1 || y > thisYear+10 {
		e.Add("first_year", "round.err.first_year")
	}
	n, err := strconv.Atoi(in.Years)
	if err != nil || n < 1 || n > MaxYears {
		e.Add("years", "round.err.years")
	}
	r.FirstYear, r.Years = y, n
	if in.OrgID == 0 {
		e.Add("org", "round.err.org")
	}
	return r, e
}

// Setup is what is agreed before scoring: stages, criteria and ceilings.
type Setup struct {
	Stages   []Stage
	Criteria []Criterion
	Ceilings []Year
}

// SetupFrom reads the setup form: rows stage_name_N, stage_from_N,
// stage_to_N; crit_name_N, crit_desc_N, crit_weight_N (blank rows are
// skipped); ceiling_YEAR for each year of r. It returns the setup and
// what is wrong with it, field by field.
func SetupFrom(form url.Values, r *Round) (Setup, validate.Errors) {
	e := validate.Errors{}
	var s Setup
	g := func(k string) string { return strings.TrimSpace(form.Get(k)) }
	for i := range MaxStages {
		n := strconv.Itoa(i)
		name, from, to := g("stage_name_"+n), g("stage_from_"+n), g("stage_to_"+n)
		if name == "" && from == "" && to == "" {
			continue
		}
		if e.Required("stage_name_"+n, name) {
			e.MaxLen("stage_name_"+n, name, MaxTitle)
		}
		f, errF := time.Parse(time.DateOnly, from)
		t, errT := time.Parse(time.DateOnly, to)
		switch {
		case errF != nil:
			e.Add("stage_from_"+n, "round.err.date")
		case errT != nil:
			e.Add("stage_to_"+n, "round.err.date")
		case t.Before(f):
			e.Add("stage_to_"+n, "round.err.date_order")
		}
		s.Stages = append(s.Stages, Stage{Name: name, StartsOn: from, EndsOn: to})
	}
	total := 0
	for i := range MaxCriteria {
		n := strconv.Itoa(i)
		name, desc, weight := g("crit_name_"+n), g("crit_desc_"+n), g("crit_weight_"+n)
		if name == "" && desc == "" && weight == "" {
			continue
		}
		if e.Required("crit_name_"+n, name) {
			e.MaxLen("crit_name_"+n, name, MaxTitle)
		}
		e.MaxLen("crit_desc_"+n, desc, MaxText)
		w, err := strconv.Atoi(strings.TrimSuffix(weight, "%"))
		if err != nil || w < 1 || w > 100 {
			e.Add("crit_weight_"+n, "round.err.weight")
		}
		total += w
		s.Criteria = append(s.Criteria, Criterion{Name: name, Description: desc, Weight: w})
	}
	if len(s.Criteria) > 0 && total != 100 && len(e) == 0 {
		e.Add("crit_weight_0", "round.err.weights")
	}
	for y := r.FirstYear; y <= r.LastYear(); y++ {
		field := "ceiling_" + strconv.Itoa(y)
		raw := g(field)
		if raw == "" {
			e.Add(field, "form.required")
			continue
		}
		c, err := cycletool.ParseRupiah(raw)
		if err != nil {
			e.Add(field, "round.err.ceiling")
			continue
		}
		s.Ceilings = append(s.Ceilings, Year{Year: y, Ceiling: c})
	}
	return s, e
}

// Form is the inverse of SetupFrom: the round's setup as form values.
func (r *Round) Form() url.Values {
	f := url.Values{}
	for i, st := range r.Stages {
		n := strconv.Itoa(i)
		f.Set("stage_name_"+n, st.Name)
		f.Set("stage_from_"+n, st.StartsOn)
		f.Set("stage_to_"+n, st.EndsOn)
	}
	for i, c := range r.Criteria {
		n := strconv.Itoa(i)
		f.Set("crit_name_"+n, c.Name)
		f.Set("crit_desc_"+n, c.Description)
		f.Set("crit_weight_"+n, strconv.Itoa(c.Weight))
	}
	for _, y := range r.Ceilings {
		f.Set("ceiling_"+strconv.Itoa(y.Year), strconv.FormatInt(y.Ceiling, 10))
	}
	return f
}

// ScoresFrom reads a scoring form: score_CRITERIONID = 1…5 for every
// criterion of the round. Every criterion must be scored.
func ScoresFrom(form url.Values, criteria []Criterion) (map[int64]int, validate.Errors) {
	e := validate.Errors{}
	out := map[int64]int{}
	for _, c := range criteria {
		field := "score_" + strconv.FormatInt(c.ID, 10)
		v, err := strconv.Atoi(strings.TrimSpace(form.Get(field)))
		if err != nil || v < MinScore || v > MaxScore {
			e.Add(field, "round.err.score")
			continue
		}
		out[c.ID] = v
	}
	return out, e
}
