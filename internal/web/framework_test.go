package web_test

import (
	"encoding/json"
	"html"
	"io"
	"net/http"
	"strings"
	"testing"

	"lokadaya/internal/framework"
	"lokadaya/internal/i18n"
)

// TestFrameworkPageEveryRole: /siklus is public; everyone sees the same
// explanation, in their language.
func TestFrameworkPageEveryRole(t *testing.T) {
	w := newOrgWorld(t)
	for _, role := range orgRoles {
		res := w.get(t, role, "/siklus")
		if res.status != http.StatusOK {
			t.Fatalf("%s: status %d", role, res.status)
		}
		if !strings.Contains(res.body, "Menggeser Titik Tolak") {
			t.Errorf("%s: page lacks the next cycle", role)
		}
	}
}

func TestFrameworkPageContent(t *testing.T) {
	ts := foundationServer(t)
	f := framework.Current()
	for _, tc := range []struct {
		name, path string
		lang       i18n.Lang
		heading    string
	}{
		{"Indonesian by default", "/siklus", i18n.ID, "Pertanyaan panduan"},
		{"English by query", "/siklus?lang=en", i18n.EN, "Guiding questions"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := http.Get(ts.URL + tc.path)
			if err != nil {
				t.Fatal(err)
			}
			body := frameworkBody(t, res)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			page := html.UnescapeString(body)
			want := []string{f.Title.In(tc.lang), f.Intro[0].In(tc.lang), tc.heading,
				f.NextCycle.Title.In(tc.lang), f.NextCycle.Narrative[0].In(tc.lang)}
			for _, st := range f.Stages {
				want = append(want, st.Title.In(tc.lang), st.Narrative[len(st.Narrative)-1].In(tc.lang),
					st.Attitudes[0].In(tc.lang))
				for _, q := range st.Questions {
					want = append(want, q.Text.In(tc.lang))
				}
			}
			for _, s := range want {
				if !strings.Contains(page, s) {
					t.Errorf("page lacks %q", s)
				}
			}
			if strings.Contains(body, "<script>") || strings.Contains(body, "style=") {
				t.Error("inline script or style")
			}
		})
	}
}

// TestFrameworkLinked: the home page and every page's footer lead to /siklus.
func TestFrameworkLinked(t *testing.T) {
	ts := foundationServer(t)
	for _, path := range []string{"/", "/wilayah"} {
		res, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		if body := frameworkBody(t, res); !strings.Contains(body, `href="/siklus"`) {
			t.Errorf("%s has no link to /siklus", path)
		}
	}
}

// frameworkAPIStage mirrors one stage of GET /api/v1/framework.
type frameworkAPIStage struct {
	Key       string   `json:"key"`
	Number    int      `json:"number"`
	Title     string   `json:"title"`
	Narrative string   `json:"narrative"`
	Attitudes []string `json:"attitudes"`
	Questions []struct {
		Key  string `json:"key"`
		Text string `json:"text"`
	} `json:"questions"`
}

func TestFrameworkAPI(t *testing.T) {
	ts := foundationServer(t)
	f := framework.Current()
	for _, tc := range []struct {
		name, path, cookie string
		lang               i18n.Lang
	}{
		{"Indonesian by default", "/api/v1/framework", "", i18n.ID},
		{"English", "/api/v1/framework?lang=en", "", i18n.EN},
		{"explicit Indonesian", "/api/v1/framework?lang=id", "", i18n.ID},
		// The cookie does not change a cacheable public answer.
		{"cookie ignored", "/api/v1/framework", "lang=en", i18n.ID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodGet, ts.URL+tc.path, nil)
			if tc.cookie != "" {
				req.Header.Set("Cookie", tc.cookie)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			raw := frameworkBody(t, res)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", res.StatusCode, raw)
			}
			if got := res.Header.Get("Cache-Control"); got != "public, max-age=3600" {
				t.Errorf("Cache-Control = %q", got)
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type = %q", ct)
			}
			checkFrameworkShape(t, raw)
			var body struct {
				Version   string              `json:"version"`
				Stages    []frameworkAPIStage `json:"stages"`
				NextCycle frameworkAPIStage   `json:"next_cycle"`
			}
			if err := json.Unmarshal([]byte(raw), &body); err != nil {
				t.Fatal(err)
			}
			if body.Version != f.Version || len(body.Stages) != len(f.Stages) {
				t.Fatalf("version %q with %d stages", body.Version, len(body.Stages))
			}
			for i, st := range f.Stages {
				checkFrameworkAPIStage(t, body.Stages[i], st, tc.lang)
			}
			checkFrameworkAPIStage(t, body.NextCycle, f.NextCycle, tc.lang)
		})
	}
}

func checkFrameworkAPIStage(t *testing.T, got frameworkAPIStage, want framework.Stage, l i18n.Lang) {
	t.Helper()
	if got.Key != want.Key || got.Number != want.Number || got.Title != want.Title.In(l) {
		t.Errorf("stage %d: %q %q", want.Number, got.Key, got.Title)
	}
	var paras []string
	for _, p := range want.Narrative {
		paras = append(paras, p.In(l))
	}
	if got.Narrative != strings.Join(paras, "\n\n") {
		t.Errorf("stage %d narrative = %q", want.Number, got.Narrative)
	}
	if len(got.Attitudes) != len(want.Attitudes) || got.Attitudes[0] != want.Attitudes[0].In(l) {
		t.Errorf("stage %d attitudes = %q", want.Number, got.Attitudes)
	}
	if len(got.Questions) != len(want.Questions) {
		t.Fatalf("stage %d: %d questions", want.Number, len(got.Questions))
	}
	for i, q := range want.Questions {
		if got.Questions[i].Key != q.Key || got.Questions[i].Text != q.Text.In(l) {
			t.Errorf("question %d = %+v", i, got.Questions[i])
		}
	}
}

// checkFrameworkShape insists on exactly the documented fields.
func checkFrameworkShape(t *testing.T, raw string) {
	t.Helper()
	var top map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &top); err != nil {
		t.Fatal(err)
	}
	frameworkKeys(t, "body", top, "version", "title", "stages", "next_cycle")
	var stages []map[string]json.RawMessage
	if err := json.Unmarshal(top["stages"], &stages); err != nil {
		t.Fatal(err)
	}
	var next map[string]json.RawMessage
	if err := json.Unmarshal(top["next_cycle"], &next); err != nil {
		t.Fatal(err)
	}
	for _, st := range append(stages, next) {
		frameworkKeys(t, "stage", st, "key", "number", "title", "narrative", "attitudes", "questions")
		var qs []map[string]json.RawMessage
		if err := json.Unmarshal(st["questions"], &qs); err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			frameworkKeys(t, "question", q, "key", "text")
		}
	}
}

func frameworkKeys(t *testing.T, what string, obj map[string]json.RawMessage, keys ...string) {
	t.Helper()
	if len(obj) != len(keys) {
		t.Errorf("%s has %d fields, want %v", what, len(obj), keys)
	}
	for _, k := range keys {
		if _, ok := obj[k]; !ok {
			t.Errorf("%s lacks %q", what, k)
		}
	}
}

// frameworkBody reads and closes an answer's body.
func frameworkBody(t *testing.T, res *http.Response) string {
	t.Helper()
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
