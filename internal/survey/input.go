package survey

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/validate"
)

// Limits on what a form may hold.
const (
	MaxTitle      = 120
	MaxSuggestion = 1000
	MaxPaperRef   = 20
	// MaxPeriodDays is the longest period a round may cover.
	MaxPeriodDays = 366
	// MaxPopulation bounds the typed population (more than Indonesia's).
	MaxPopulation = 1_000_000_000
)

// RoundInput is the form that opens or changes a round.
type RoundInput struct {
	Title         string
	From, To      string // YYYY-MM-DD
	PopulationRaw string
	Population    int64 // 0 when not given
}

// RoundFromForm reads "title", "from", "to" and "population".
func RoundFromForm(f url.Values) RoundInput {
	return RoundInput{
		Title:         strings.TrimSpace(f.Get("title")),
		From:          strings.TrimSpace(f.Get("from")),
		To:            strings.TrimSpace(f.Get("to")),
		PopulationRaw: strings.TrimSpace(f.Get("population")),
	}
}

// Form gives the round's values back as its form holds them.
func (r *Round) Form() url.Values {
	f := url.Values{"title": {r.Title}, "from": {r.PeriodFrom}, "to": {r.PeriodTo}}
	if r.Population > 0 {
		f.Set("population", strconv.FormatInt(r.Population, 10))
	}
	return f
}

// Check validates the round as of today (YYYY-MM-DD): the period must have
// begun, end after it begins and last at most MaxPeriodDays; the
// population, if given, is a whole number of people.
func (in *RoundInput) Check(today string) validate.Errors {
	e := validate.Errors{}
	if e.Required("title", in.Title) {
		e.MaxLen("title", in.Title, MaxTitle)
	}
	from, okFrom := day(in.From)
	to, okTo := day(in.To)
	switch {
	case in.From == "":
		e.Add("from", "form.required")
	case !okFrom:
		e.Add("from", "survey.err.date")
	case in.From > today:
		e.Add("from", "survey.err.future")
	}
	switch {
	case in.To == "":
		e.Add("to", "form.required")
	case !okTo:
		e.Add("to", "survey.err.date")
	case okFrom && to.Before(from):
		e.Add("to", "survey.err.order")
	case okFrom && to.Sub(from) >= MaxPeriodDays*24*time.Hour:
		e.Add("to", "survey.err.long")
	}
	in.Population = 0
	if in.PopulationRaw != "" {
		n, err := strconv.ParseInt(strings.NewReplacer(".", "", ",", "").Replace(in.PopulationRaw), 10, 64)
		if err != nil || n <= 0 || n > MaxPopulation {
			e.Add("population", "survey.err.population")
		} else {
			in.Population = n
		}
	}
	return e
}

func day(s string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil && t.Format(time.DateOnly) == s
}

// ResponseInput is a filled-in questionnaire as typed.
type ResponseInput struct {
	Scores     Scores
	Profile    Profile
	Suggestion string
	PaperRef   string
	Token      string
	// raw keeps what was typed for each element, to show it back.
	raw [NumElements]string
}

// ResponseFromForm reads "u1" … "u9" (1–4), "sex", "age", "education",
// "occupation", "saran", "paper_ref" and the one-time "token".
func ResponseFromForm(f url.Values) ResponseInput {
	in := ResponseInput{
		Profile: Profile{
			Sex:        strings.TrimSpace(f.Get("sex")),
			AgeBand:    strings.TrimSpace(f.Get("age")),
			Education:  strings.TrimSpace(f.Get("education")),
			Occupation: strings.TrimSpace(f.Get("occupation")),
		},
		Suggestion: strings.TrimSpace(f.Get("saran")),
		PaperRef:   strings.TrimSpace(f.Get("paper_ref")),
		Token:      strings.TrimSpace(f.Get("token")),
	}
	for i := range in.Scores {
		in.raw[i] = strings.TrimSpace(f.Get(ScoreField(i)))
		if n, err := strconv.Atoi(in.raw[i]); err == nil && n >= 1 && n <= 4 {
			in.Scores[i] = n
		} else if in.raw[i] != "" {
			in.Scores[i] = -1 // typed but not a score
		}
	}
	return in
}

// ScoreField is the form field of element i: "u1" … "u9".
func ScoreField(i int) string { return "u" + strconv.Itoa(i+1) }

// Check validates a response from source. Online, every element needs a
// score; a paper questionnaire may leave elements blank but not all of
// them, and needs its sheet number.
func (in *ResponseInput) Check(source string) validate.Errors {
	e := validate.Errors{}
	for i, v := range in.Scores {
		switch {
		case v < 0:
			e.Add(ScoreField(i), "survey.err.score")
		case v == 0 && source == SourceWeb:
			e.Add(ScoreField(i), "survey.err.score_required")
		}
	}
	if source == SourcePaper && len(e) == 0 && in.Scores.Answered() == 0 {
		e.Add(ScoreField(0), "survey.err.no_scores")
	}
	p := in.Profile
	for _, c := range []struct {
		field, v string
		choices  []string
	}{{"sex", p.Sex, Sexes}, {"age", p.AgeBand, AgeBands}, {"education", p.Education, Educations},
		{"occupation", p.Occupation, Occupations}} {
		if c.v != "" && !oneOf(c.v, c.choices) {
			e.Add(c.field, "survey.err.choice")
		}
	}
	e.MaxLen("saran", in.Suggestion, MaxSuggestion)
	if source == SourcePaper {
		if e.Required("paper_ref", in.PaperRef) {
			e.MaxLen("paper_ref", in.PaperRef, MaxPaperRef)
		}
	} else {
		in.PaperRef = ""
	}
	if in.Token == "" || len(in.Token) > 100 {
		e.Add("token", "survey.err.token")
	}
	return e
}
