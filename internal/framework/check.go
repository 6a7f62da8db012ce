package framework

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var (
	versionPattern  = regexp.MustCompile(`^[0-9]{4}\.[0-9]+$`)
	slugPattern     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	questionPattern = regexp.MustCompile(`^([1-9][0-9]*)\.([a-z0-9]+(-[a-z0-9]+)*)$`)
)

// Check reports the first way an edition breaks the rules every edition
// must keep: stages numbered 1..n in order, stable well-formed keys, text
// in both languages, a reachable minimum of answers and back-moves that
// only go to earlier stages. Editions are checked when they are loaded, so
// a broken data file stops the program at start rather than a user later.
func (f *Framework) Check() error {
	if !versionPattern.MatchString(f.Version) {
		return fmt.Errorf("version %q is not YEAR.N", f.Version)
	}
	if err := checkText("title", f.Title); err != nil {
		return err
	}
	if len(f.Stages) == 0 {
		return errors.New("no stages")
	}
	seen := map[string]bool{}
	for i := range f.Stages {
		st := &f.Stages[i]
		if st.Number != i+1 {
			return fmt.Errorf("stage %q is numbered %d, want %d", st.Key, st.Number, i+1)
		}
		if err := checkStage(st, seen); err != nil {
			return err
		}
		for _, q := range st.Questions {
			if QuestionStage(q.Key) != st.Number {
				return fmt.Errorf("question %q is not numbered for stage %d", q.Key, st.Number)
			}
		}
		for _, b := range st.BackTo {
			if b < 1 || b >= st.Number {
				return fmt.Errorf("stage %d may not go back to %d", st.Number, b)
			}
		}
	}
	return f.checkNextCycle(seen)
}

// checkNextCycle checks "Menggeser Titik Tolak". Its guiding questions are
// those of stage 1, under the same keys, because the next cycle answers
// them in its own stage 1.
func (f *Framework) checkNextCycle(seen map[string]bool) error {
	nc := &f.NextCycle
	if seen[nc.Key] {
		return fmt.Errorf("next cycle key %q is also a stage key", nc.Key)
	}
	if err := checkStage(nc, map[string]bool{}); err != nil {
		return err
	}
	if len(nc.BackTo) != 0 {
		return errors.New("next cycle cannot go back")
	}
	first := f.Stages[0]
	for _, q := range nc.Questions {
		if _, st, ok := f.Question(q.Key); !ok || st.Number != first.Number {
			return fmt.Errorf("next cycle question %q is not a stage 1 question", q.Key)
		}
	}
	return nil
}

// checkStage checks one stage's own content; seen collects stage and
// question keys so that none is used twice in an edition.
func checkStage(st *Stage, seen map[string]bool) error {
	if !slugPattern.MatchString(st.Key) || seen[st.Key] {
		return fmt.Errorf("stage key %q is malformed or repeated", st.Key)
	}
	seen[st.Key] = true
	name := "stage " + st.Key
	if err := checkText(name+" title", st.Title); err != nil {
		return err
	}
	for what, list := range map[string][]Text{"narrative": st.Narrative, "attitudes": st.Attitudes} {
		if len(list) == 0 {
			return fmt.Errorf("%s has no %s", name, what)
		}
		for _, t := range list {
			if err := checkText(name+" "+what, t); err != nil {
				return err
			}
		}
	}
	if len(st.Questions) == 0 {
		return fmt.Errorf("%s has no guiding questions", name)
	}
	for _, q := range st.Questions {
		if !questionPattern.MatchString(q.Key) || seen[q.Key] {
			return fmt.Errorf("%s: question key %q is malformed or repeated", name, q.Key)
		}
		seen[q.Key] = true
		if err := checkText(name+" question "+q.Key, q.Text); err != nil {
			return err
		}
	}
	if st.MinAnswers < 1 || st.MinAnswers > len(st.Questions) {
		return fmt.Errorf("%s: min_answers %d outside 1..%d", name, st.MinAnswers, len(st.Questions))
	}
	return nil
}

func checkText(what string, t Text) error {
	if strings.TrimSpace(t.ID) == "" || strings.TrimSpace(t.EN) == "" {
		return fmt.Errorf("%s lacks Indonesian or English text", what)
	}
	return nil
}

// QuestionStage is the stage number a question key names ("3.segitiga" →
// 3), or 0 when key is not a well-formed question key.
func QuestionStage(key string) int {
	m := questionPattern.FindStringSubmatch(key)
	if m == nil {
		return 0
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		return 0
	}
	return n
}

// versionLess orders editions by year, then by number within the year, so
// that 2025.10 comes after 2025.9.
func versionLess(a, b string) bool {
	ay, an := splitVersion(a)
	by, bn := splitVersion(b)
	if ay != by {
		return ay < by
	}
	return an < bn
}

func splitVersion(v string) (year, n int) {
	y, rest, _ := strings.Cut(v, ".")
	year, _ = strconv.Atoi(y)
	n, _ = strconv.Atoi(rest)
	return year, n
}
