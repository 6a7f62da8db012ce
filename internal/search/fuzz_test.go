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

// FuzzDecodeCursor reads any cursor a visitor may send: it is refused as
// ErrBadCursor or read into a cursor that writes back to itself.
func FuzzDecodeCursor(f *testing.F) {
	for _, c := range []cursor{{Int: 5, ID: 9}, {Float: -1.25, ID: 3, Band: 700}, {Band: 41, Start: true}} {
		f.Add(encodeCursor(SortRelevance, c), SortRelevance)
		f.Add(encodeCursor(SortNewest, c), SortNewest)
	}
	f.Add("not-a-cursor", SortEnding)
	f.Fuzz(func(t *testing.T, s, sort string) {
		c, err := decodeCursor(s, sort)
		if err != nil {
			if err != ErrBadCursor {
				t.Fatalf("%q: unexpected error %v", s, err)
			}
			return
		}
		again, err := decodeCursor(encodeCursor(sort, c), sort)
		if err != nil || again != c {
			t.Fatalf("%q read as %+v, written back and read as %+v (%v)", s, c, again, err)
		}
	})
}
