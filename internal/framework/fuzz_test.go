package framework

import (
	"strconv"
	"strings"
	"testing"
)

// FuzzQuestionStage: question keys arrive from forms and URLs; whatever
// comes in, a key accepted for stage n starts with "n." and is found only
// if the current edition has it.
func FuzzQuestionStage(f *testing.F) {
	for _, s := range []string{"1.visi", "7.penguatan-lanjutan", "", "1.", "01.visi", "9999999999999999999999.a", "3.ä"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, key string) {
		n := QuestionStage(key)
		if n < 0 {
			t.Fatalf("negative stage for %q", key)
		}
		if n > 0 && !strings.HasPrefix(key, strconv.Itoa(n)+".") {
			t.Fatalf("QuestionStage(%q) = %d", key, n)
		}
		if q, st, ok := Current().Question(key); ok && (q.Key != key || st.Number != n) {
			t.Fatalf("Question(%q) = %v in stage %d", key, q, st.Number)
		}
	})
}
