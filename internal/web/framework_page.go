package web

import (
	"net/http"
	"strconv"
	"strings"

	"lokadaya/internal/framework"
	"lokadaya/internal/i18n"
)

// frameworkQuestion is a guiding question in one language.
type frameworkQuestion struct {
	Key  string `json:"key"`
	Text string `json:"text"`
}

// frameworkStage is a stage of the cycle in one language, as the public
// page and the API show it.
type frameworkStage struct {
	Key        string
	Number     int
	Title      string
	Narrative  []string
	Attitudes  []string
	Questions  []frameworkQuestion
	MinAnswers int
	BackTo     []int
}

// BackToList names the stages this one may return to ("4 atau 3").
func (st frameworkStage) BackToList(lang i18n.Lang) string {
	parts := make([]string, len(st.BackTo))
	for i, n := range st.BackTo {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, i18n.T(lang, "framework.or"))
}

// frameworkData is the whole framework in one language.
type frameworkData struct {
	Version   string
	Title     string
	Intro     []string
	Stages    []frameworkStage
	NextCycle frameworkStage
}

func texts(list []framework.Text, lang i18n.Lang) []string {
	out := make([]string, len(list))
	for i, t := range list {
		out[i] = t.In(lang)
	}
	return out
}

func localStage(st framework.Stage, lang i18n.Lang) frameworkStage {
	qs := make([]frameworkQuestion, len(st.Questions))
	for i, q := range st.Questions {
		qs[i] = frameworkQuestion{Key: q.Key, Text: q.Text.In(lang)}
	}
	return frameworkStage{Key: st.Key, Number: st.Number, Title: st.Title.In(lang),
		Narrative: texts(st.Narrative, lang), Attitudes: texts(st.Attitudes, lang),
		Questions: qs, MinAnswers: st.MinAnswers, BackTo: st.BackTo}
}

// localFramework renders edition f into lang.
func localFramework(f *framework.Framework, lang i18n.Lang) *frameworkData {
	d := &frameworkData{Version: f.Version, Title: f.Title.In(lang), Intro: texts(f.Intro, lang),
		NextCycle: localStage(f.NextCycle, lang)}
	for _, st := range f.Stages {
		d.Stages = append(d.Stages, localStage(st, lang))
	}
	return d
}

// frameworkSection pairs a stage with the page's view, so the shared
// "framework-stage" template can translate its headings.
type frameworkSection struct {
	V *View
	S frameworkStage
}

// frameworkPageData feeds framework.html.
type frameworkPageData struct {
	*frameworkData
	Sections []frameworkSection
	Next     frameworkSection
}

// frameworkPage is GET /siklus: the public explanation of the development
// cycle, every stage with its narrative, attitudes and guiding questions,
// in the visitor's language. It is plain and printable for OMS meetings.
func (s *Server) frameworkPage(w http.ResponseWriter, r *http.Request) {
	d := localFramework(framework.Current(), lang(r))
	page := &frameworkPageData{frameworkData: d}
	v := s.view(r, d.Title, page)
	for _, st := range d.Stages {
		page.Sections = append(page.Sections, frameworkSection{V: v, S: st})
	}
	page.Next = frameworkSection{V: v, S: d.NextCycle}
	s.render(w, r, http.StatusOK, "framework", v)
}
