// Package framework holds the LOKADAYA development cycle (Siklus
// Pengembangan Inisiatif Layanan Lokal) as data: its seven stages, the
// narrative, supporting attitudes and guiding questions of each, and
// "Menggeser Titik Tolak" that opens the next cycle.
//
// Editions are versioned files under data/; answers record the edition they
// were given under, so a later edition never breaks old answers. Keys of
// stages and questions are stable across editions.
package framework

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"lokadaya/internal/i18n"
)

//go:embed data/*.json
var files embed.FS

// Text is a piece of framework text in both languages.
type Text struct {
	ID string `json:"id"`
	EN string `json:"en"`
}

// In returns the text in lang.
func (t Text) In(lang i18n.Lang) string {
	if lang == i18n.EN && t.EN != "" {
		return t.EN
	}
	return t.ID
}

// Question is one guiding question (pertanyaan panduan).
type Question struct {
	Key  string `json:"key"`
	Text Text   `json:"text"`
}

// Stage is one stage of the cycle.
type Stage struct {
	Key       string     `json:"key"`
	Number    int        `json:"number"`
	Title     Text       `json:"title"`
	Narrative []Text     `json:"narrative"`
	Attitudes []Text     `json:"attitudes"`
	Questions []Question `json:"questions"`
	// MinAnswers is how many guiding questions must be answered before the
	// organisation may move on from this stage.
	MinAnswers int `json:"min_answers"`
	// BackTo lists the earlier stages this one may return to for
	// correction or modification (stage 4 → 3; stage 5 → 4 or 3).
	BackTo []int `json:"back_to"`
}

// Framework is one edition of the cycle.
type Framework struct {
	Version string  `json:"version"`
	Title   Text    `json:"title"`
	Intro   []Text  `json:"intro"`
	Stages  []Stage `json:"stages"`
	// NextCycle is "Menggeser Titik Tolak": closing a cycle and opening the
	// next one from the previous answers.
	NextCycle Stage `json:"next_cycle"`
}

// Stage returns the stage numbered n.
func (f *Framework) Stage(n int) (*Stage, bool) {
	for i := range f.Stages {
		if f.Stages[i].Number == n {
			return &f.Stages[i], true
		}
	}
	return nil, false
}

// Question returns the guiding question with key and its stage.
func (f *Framework) Question(key string) (*Question, *Stage, bool) {
	for i := range f.Stages {
		st := &f.Stages[i]
		for j := range st.Questions {
			if st.Questions[j].Key == key {
				return &st.Questions[j], st, true
			}
		}
	}
	return nil, nil, false
}

// CanGoBack reports whether the cycle may return from stage `from` to `to`.
func (f *Framework) CanGoBack(from, to int) bool {
	st, ok := f.Stage(from)
	if !ok {
		return false
	}
	for _, b := range st.BackTo {
		if b == to {
			return true
		}
	}
	return false
}

var (
	loadOnce sync.Once
	editions map[string]*Framework
	current  string
	loadErr  error
)

func load() {
	editions = map[string]*Framework{}
	names, err := files.ReadDir("data")
	if err != nil {
		loadErr = err
		return
	}
	var versions []string
	for _, n := range names {
		b, err := files.ReadFile("data/" + n.Name())
		if err != nil {
			loadErr = err
			return
		}
		var f Framework
		if err := json.Unmarshal(b, &f); err != nil {
			loadErr = fmt.Errorf("framework: %s: %w", n.Name(), err)
			return
		}
		if f.Version != strings.TrimSuffix(n.Name(), ".json") {
			loadErr = fmt.Errorf("framework: %s declares version %q", n.Name(), f.Version)
			return
		}
		editions[f.Version] = &f
		versions = append(versions, f.Version)
	}
	sort.Strings(versions)
	if len(versions) == 0 {
		loadErr = fmt.Errorf("framework: no edition embedded")
		return
	}
	current = versions[len(versions)-1]
}

// Current returns the newest edition. It panics if the embedded data is
// broken, which the package's tests rule out before a release.
func Current() *Framework {
	loadOnce.Do(load)
	if loadErr != nil {
		panic(loadErr)
	}
	return editions[current]
}

// Edition returns the edition named version.
func Edition(version string) (*Framework, error) {
	loadOnce.Do(load)
	if loadErr != nil {
		return nil, loadErr
	}
	f, ok := editions[version]
	if !ok {
		return nil, fmt.Errorf("framework: unknown edition %q", version)
	}
	return f, nil
}
