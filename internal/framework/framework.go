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
	"errors"
	"fmt"
	"io/fs"
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

// ErrUnknownEdition is returned by Edition for a version no data file has.
var ErrUnknownEdition = errors.New("framework: unknown edition")

var (
	loadOnce sync.Once
	editions map[string]*Framework
	current  string
	loadErr  error
)

func load() {
	editions, current, loadErr = parse(files)
}

// parse reads every data/*.json edition of fsys, checks each and returns
// them by version with the newest version's name.
func parse(fsys fs.FS) (map[string]*Framework, string, error) {
	names, err := fs.ReadDir(fsys, "data")
	if err != nil {
		return nil, "", err
	}
	out := map[string]*Framework{}
	var versions []string
	for _, n := range names {
		if n.IsDir() || !strings.HasSuffix(n.Name(), ".json") {
			continue
		}
		b, err := fs.ReadFile(fsys, "data/"+n.Name())
		if err != nil {
			return nil, "", err
		}
		var f Framework
		if err := json.Unmarshal(b, &f); err != nil {
			return nil, "", fmt.Errorf("framework: %s: %w", n.Name(), err)
		}
		if f.Version != strings.TrimSuffix(n.Name(), ".json") {
			return nil, "", fmt.Errorf("framework: %s declares version %q", n.Name(), f.Version)
		}
		if err := f.Check(); err != nil {
			return nil, "", fmt.Errorf("framework: %s: %w", n.Name(), err)
		}
		out[f.Version] = &f
		versions = append(versions, f.Version)
	}
	if len(versions) == 0 {
		return nil, "", fmt.Errorf("framework: no edition embedded")
	}
	sort.Slice(versions, func(i, j int) bool { return versionLess(versions[i], versions[j]) })
	return out, versions[len(versions)-1], nil
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
		return nil, fmt.Errorf("framework: edition %q: %w", version, ErrUnknownEdition)
	}
	return f, nil
}

// Versions lists every embedded edition, oldest first.
func Versions() []string {
	loadOnce.Do(load)
	out := make([]string, 0, len(editions))
	for v := range editions {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return versionLess(out[i], out[j]) })
	return out
}
