package framework

import (
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"lokadaya/internal/i18n"
)

func TestCurrentEdition(t *testing.T) {
	f := Current()
	if f.Version != "2025.1" {
		t.Errorf("current version = %q", f.Version)
	}
	if err := f.Check(); err != nil {
		t.Fatal(err)
	}
	if f.Title.In(i18n.ID) != "Siklus Pengembangan Inisiatif Layanan Lokal" {
		t.Errorf("title = %q", f.Title.ID)
	}
	if len(f.Intro) == 0 {
		t.Error("no intro")
	}
}

func TestStages(t *testing.T) {
	want := []struct {
		key, title string
	}{
		{"titik-mula", "Titik Mula"},
		{"periksa-diri", "Periksa Diri & Sistem Lokal"},
		{"kreasi-inisiatif", "Kreasi Inisiatif Layanan"},
		{"uji-skema", "Uji Skema Pertukaran Sumber Daya"},
		{"jangkau-penerima", "Jangkau Penerima Manfaat"},
		{"alokasi-surplus", "Alokasi & Distribusi Surplus"},
		{"perluas-dampak", "Memperluas Lingkaran Dampak"},
	}
	f := Current()
	if len(f.Stages) != len(want) {
		t.Fatalf("%d stages, want %d", len(f.Stages), len(want))
	}
	for i, w := range want {
		st, ok := f.Stage(i + 1)
		if !ok {
			t.Fatalf("no stage %d", i+1)
		}
		if st.Key != w.key || st.Title.ID != w.title || st.Title.EN == "" {
			t.Errorf("stage %d = %q %q/%q, want %q %q", i+1, st.Key, st.Title.ID, st.Title.EN, w.key, w.title)
		}
	}
	if f.NextCycle.Key != "menggeser-titik-tolak" || f.NextCycle.Title.ID != "Menggeser Titik Tolak" {
		t.Errorf("next cycle = %q %q", f.NextCycle.Key, f.NextCycle.Title.ID)
	}
	for _, n := range []int{0, 8, -1} {
		if _, ok := f.Stage(n); ok {
			t.Errorf("Stage(%d) found", n)
		}
	}
}

// TestStageContent insists every stage and the next cycle carry narrative,
// attitudes and questions in both languages.
func TestStageContent(t *testing.T) {
	f := Current()
	all := append(slices.Clone(f.Stages), f.NextCycle)
	for _, st := range all {
		t.Run(st.Key, func(t *testing.T) {
			if len(st.Narrative) == 0 || len(st.Attitudes) == 0 || len(st.Questions) == 0 {
				t.Fatalf("narrative %d, attitudes %d, questions %d",
					len(st.Narrative), len(st.Attitudes), len(st.Questions))
			}
			texts := append(append([]Text{st.Title}, st.Narrative...), st.Attitudes...)
			for _, q := range st.Questions {
				texts = append(texts, q.Text)
			}
			for _, x := range texts {
				if strings.TrimSpace(x.ID) == "" || strings.TrimSpace(x.EN) == "" || x.ID == x.EN {
					t.Errorf("untranslated text %+v", x)
				}
				// The seed's bold markers and line breaks must not leak in.
				if strings.Contains(x.ID+x.EN, "**") || strings.ContainsAny(x.ID+x.EN, "\n\r") {
					t.Errorf("extraction artefact in %q", x.ID)
				}
			}
			if st.MinAnswers < 1 || st.MinAnswers > len(st.Questions) {
				t.Errorf("min_answers %d for %d questions", st.MinAnswers, len(st.Questions))
			}
			// The documented rule: every question of a short stage, three
			// of a longer one.
			if want := min(len(st.Questions), 3); st.MinAnswers != want {
				t.Errorf("min_answers %d, rule says %d", st.MinAnswers, want)
			}
		})
	}
}

func TestQuestionKeys(t *testing.T) {
	f := Current()
	seen := map[string]bool{}
	for _, st := range f.Stages {
		for _, q := range st.Questions {
			if seen[q.Key] {
				t.Errorf("duplicate key %q", q.Key)
			}
			seen[q.Key] = true
			if QuestionStage(q.Key) != st.Number {
				t.Errorf("key %q in stage %d", q.Key, st.Number)
			}
			got, gst, ok := f.Question(q.Key)
			if !ok || got.Key != q.Key || gst.Number != st.Number {
				t.Errorf("Question(%q) = %v, %v, %v", q.Key, got, gst, ok)
			}
		}
	}
	// The next cycle asks stage 1's questions again, under stage 1's keys.
	first, _ := f.Stage(1)
	if len(f.NextCycle.Questions) != len(first.Questions) {
		t.Fatalf("next cycle has %d questions, stage 1 %d", len(f.NextCycle.Questions), len(first.Questions))
	}
	for i, q := range f.NextCycle.Questions {
		if q != first.Questions[i] {
			t.Errorf("next cycle question %d = %+v, want %+v", i, q, first.Questions[i])
		}
	}
	for _, k := range []string{"", "1.", "visi", "9.visi", "1.Visi", "1.visi-", "01.visi"} {
		if _, _, ok := f.Question(k); ok {
			t.Errorf("Question(%q) found", k)
		}
	}
}

func TestQuestionStage(t *testing.T) {
	for _, tc := range []struct {
		key  string
		want int
	}{
		{"1.visi", 1}, {"7.penguatan-lanjutan", 7}, {"12.x", 12},
		{"", 0}, {"visi", 0}, {"1.", 0}, {"0.visi", 0}, {"1.Visi", 0}, {"1.a--b", 0}, {"1.a b", 0},
	} {
		if got := QuestionStage(tc.key); got != tc.want {
			t.Errorf("QuestionStage(%q) = %d, want %d", tc.key, got, tc.want)
		}
	}
}

func TestCanGoBack(t *testing.T) {
	f := Current()
	allowed := map[[2]int]bool{{4, 3}: true, {5, 4}: true, {5, 3}: true}
	for from := 0; from <= 8; from++ {
		for to := 0; to <= 8; to++ {
			if got := f.CanGoBack(from, to); got != allowed[[2]int{from, to}] {
				t.Errorf("CanGoBack(%d, %d) = %v", from, to, got)
			}
		}
	}
}

// TestEditionsStayLoadable is the versioning promise: every data file is
// loadable by its version, and an unknown version is a clear error.
func TestEditionsStayLoadable(t *testing.T) {
	names, err := os.ReadDir("data")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		v := strings.TrimSuffix(n.Name(), ".json")
		f, err := Edition(v)
		if err != nil || f.Version != v {
			t.Errorf("Edition(%q) = %v, %v", v, f, err)
		}
	}
	if got := Versions(); got[len(got)-1] != Current().Version {
		t.Errorf("Versions() = %v, current %s", got, Current().Version)
	}
	if _, err := Edition("1999.1"); !errors.Is(err, ErrUnknownEdition) {
		t.Errorf("unknown edition: %v", err)
	}
}

// TestOlderEditionKept builds two editions and checks the newer one
// becomes current while the older stays reachable by version, so answers
// given under the older edition keep their questions.
func TestOlderEditionKept(t *testing.T) {
	cur, err := os.ReadFile("data/2025.1.json")
	if err != nil {
		t.Fatal(err)
	}
	older := strings.Replace(string(cur), `"version": "2025.1"`, `"version": "2024.9"`, 1)
	older = strings.Replace(older, `"1.visi"`, `"1.visi-lama"`, 2)
	newer := strings.Replace(string(cur), `"version": "2025.1"`, `"version": "2025.10"`, 1)
	fsys := fstest.MapFS{
		"data/2024.9.json":  {Data: []byte(older)},
		"data/2025.1.json":  {Data: cur},
		"data/2025.10.json": {Data: []byte(newer)},
		"data/README.txt":   {Data: []byte("not an edition")},
	}
	eds, latest, err := parse(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if latest != "2025.10" || len(eds) != 3 {
		t.Errorf("latest = %q of %d editions", latest, len(eds))
	}
	old := eds["2024.9"]
	if _, _, ok := old.Question("1.visi-lama"); !ok {
		t.Error("older edition lost its own question key")
	}
	if _, _, ok := eds[latest].Question("1.visi-lama"); ok {
		t.Error("newer edition has the older key")
	}
}

func TestParseRejectsBrokenEditions(t *testing.T) {
	cur, err := os.ReadFile("data/2025.1.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, old, new string }{
		{"wrong version", `"version": "2025.1"`, `"version": "2025.2"`},
		{"not JSON", `{`, `[`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			broken := strings.Replace(string(cur), tc.old, tc.new, 1)
			if _, _, err := parse(fstest.MapFS{"data/2025.1.json": {Data: []byte(broken)}}); err == nil {
				t.Error("accepted")
			}
		})
	}
	if _, _, err := parse(fstest.MapFS{}); err == nil {
		t.Error("empty data accepted")
	}
}

// TestCheckRejects breaks a copy of the current edition in each way Check
// must catch.
func TestCheckRejects(t *testing.T) {
	for _, tc := range []struct {
		name    string
		breakIt func(f *Framework)
	}{
		{"bad version", func(f *Framework) { f.Version = "v1" }},
		{"no stages", func(f *Framework) { f.Stages = nil }},
		{"stage numbering", func(f *Framework) { f.Stages[1].Number = 3 }},
		{"malformed stage key", func(f *Framework) { f.Stages[0].Key = "Titik Mula" }},
		{"duplicate stage key", func(f *Framework) { f.Stages[1].Key = f.Stages[0].Key }},
		{"malformed question key", func(f *Framework) { f.Stages[0].Questions[0].Key = "1.Visi" }},
		{"question in wrong stage", func(f *Framework) { f.Stages[1].Questions[0].Key = "3.pola" }},
		{"duplicate question key", func(f *Framework) { f.Stages[0].Questions[1].Key = f.Stages[0].Questions[0].Key }},
		{"missing English", func(f *Framework) { f.Stages[0].Title.EN = "" }},
		{"missing narrative", func(f *Framework) { f.Stages[2].Narrative = nil }},
		{"blank attitude", func(f *Framework) { f.Stages[2].Attitudes[0].ID = " " }},
		{"no questions", func(f *Framework) { f.Stages[6].Questions = nil }},
		{"back to a later stage", func(f *Framework) { f.Stages[3].BackTo = []int{5} }},
		{"back to itself", func(f *Framework) { f.Stages[3].BackTo = []int{4} }},
		{"min above questions", func(f *Framework) { f.Stages[0].MinAnswers = 9 }},
		{"min zero", func(f *Framework) { f.Stages[0].MinAnswers = 0 }},
		{"next cycle goes back", func(f *Framework) { f.NextCycle.BackTo = []int{1} }},
		{"next cycle foreign question", func(f *Framework) { f.NextCycle.Questions[0].Key = "2.pola-dukungan" }},
		{"next cycle reuses a stage key", func(f *Framework) { f.NextCycle.Key = "titik-mula" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := cloneCurrent(t)
			tc.breakIt(f)
			if err := f.Check(); err == nil {
				t.Error("accepted")
			}
		})
	}
}

// cloneCurrent is a deep copy of the current edition, safe to break.
func cloneCurrent(t *testing.T) *Framework {
	t.Helper()
	b, err := json.Marshal(Current())
	if err != nil {
		t.Fatal(err)
	}
	var f Framework
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	if err := f.Check(); err != nil {
		t.Fatal(err)
	}
	return &f
}

func TestVersionLess(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"2025.1", "2025.2", true}, {"2025.9", "2025.10", true}, {"2025.10", "2025.9", false},
		{"2024.12", "2025.1", true}, {"2025.1", "2025.1", false},
	} {
		if got := versionLess(tc.a, tc.b); got != tc.want {
			t.Errorf("versionLess(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

func TestTextIn(t *testing.T) {
	x := Text{ID: "Titik Mula", EN: "Starting Point"}
	if x.In(i18n.ID) != "Titik Mula" || x.In(i18n.EN) != "Starting Point" {
		t.Error("wrong language")
	}
	if (Text{ID: "hanya"}).In(i18n.EN) != "hanya" {
		t.Error("no fallback to Indonesian")
	}
}
