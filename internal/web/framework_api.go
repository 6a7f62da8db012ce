package web

import (
	"net/http"
	"strings"

	"lokadaya/internal/framework"
	"lokadaya/internal/i18n"
)

// apiFrameworkStage is a stage as the API shows it; the narrative's
// paragraphs are joined by blank lines.
type apiFrameworkStage struct {
	Key       string              `json:"key"`
	Number    int                 `json:"number"`
	Title     string              `json:"title"`
	Narrative string              `json:"narrative"`
	Attitudes []string            `json:"attitudes"`
	Questions []frameworkQuestion `json:"questions"`
}

// apiFrameworkBody is the body of GET /api/v1/framework.
type apiFrameworkBody struct {
	Version   string              `json:"version"`
	Title     string              `json:"title"`
	Stages    []apiFrameworkStage `json:"stages"`
	NextCycle apiFrameworkStage   `json:"next_cycle"`
}

// frameworkCacheControl lets clients keep the framework for an hour: it
// changes only with a new edition, that is with a new release.
const frameworkCacheControl = "public, max-age=3600"

func toAPIFrameworkStage(st frameworkStage) apiFrameworkStage {
	return apiFrameworkStage{Key: st.Key, Number: st.Number, Title: st.Title,
		Narrative: strings.Join(st.Narrative, "\n\n"), Attitudes: st.Attitudes, Questions: st.Questions}
}

// apiFramework is GET /api/v1/framework: the current edition of the
// development cycle in Indonesian, or in English with ?lang=en. Only the
// query picks the language (not the cookie), so that one URL is one answer
// and public caches may keep it.
func (s *Server) apiFramework(w http.ResponseWriter, r *http.Request) {
	d := localFramework(framework.Current(), i18n.Parse(r.URL.Query().Get("lang")))
	body := apiFrameworkBody{Version: d.Version, Title: d.Title,
		Stages: make([]apiFrameworkStage, 0, len(d.Stages)), NextCycle: toAPIFrameworkStage(d.NextCycle)}
	for _, st := range d.Stages {
		body.Stages = append(body.Stages, toAPIFrameworkStage(st))
	}
	w.Header().Set("Cache-Control", frameworkCacheControl)
	writeJSON(w, http.StatusOK, body)
}
