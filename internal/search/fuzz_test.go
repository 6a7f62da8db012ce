package search

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"pemberdayaan", "pember", `"a" * ( ) : - NEAR AND OR ^`, "Gudáng BENIH", "\xff\xfe",
		strings.Repeat("x", 300), "a:* & b | !c <-> d", "日本語 テキスト", "x\x00y", "ﬁ ß İ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		ts, err := ParseQuery(q)
		if err != nil {
			if err != ErrQueryTooLong && err != ErrQueryNotText {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if len(ts) > MaxTerms {
			t.Fatalf("%d terms", len(ts))
		}
		for _, term := range ts {
			for _, w := range []string{term.Word, term.Stem} {
				if !utf8.ValidString(w) {
					t.Fatalf("invalid UTF-8 in %q", w)
				}
				for _, r := range w {
					if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
						t.Fatalf("term %q holds %q", w, r)
					}
				}
			}
			if term.Word == "" {
				t.Fatal("empty term")
			}
		}
		// The engines' expressions hold only terms and their own syntax.
		m := ftsMatch(ts)
		if strings.Count(m, `"`)%2 != 0 {
			t.Fatalf("unbalanced quotes in %q", m)
		}
		_ = tsQuery(ts)
	})
}
