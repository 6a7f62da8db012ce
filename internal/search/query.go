package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Query limits: a search box holds a few words, not a page.
const (
	MaxQueryBytes = 200 // bytes of the query as typed
	MaxTerms      = 8   // words used; more are ignored
	maxWordRunes  = 40  // a longer word is cut
)

// Term is one word of a query: the word as typed (matched as a prefix, so
// a half-typed word finds the whole one) and its stem (matched whole).
type Term struct {
	Word string
	Stem string // "" when the word is its own stem
}

// InputError is input a search cannot use; Key is the i18n key of the
// message shown to the user.
type InputError struct{ Key string }

func (e *InputError) Error() string { return "search: " + e.Key }

// The input errors.
var (
	ErrQueryTooLong = &InputError{Key: "search.err.too_long"}
	ErrQueryNotText = &InputError{Key: "search.err.not_text"}
	ErrBadCursor    = &InputError{Key: "search.err.cursor"}
	ErrBadFilter    = &InputError{Key: "search.err.filter"}
)

// ParseQuery splits a typed query into terms. Everything that is not a
// letter or a digit separates words, so the syntax characters of either
// full-text engine (" * ( ) : - ^ NEAR AND OR …) are plain separators or
// plain words and never reach the database as syntax. An empty result
// (nothing searchable typed) is not an error: the caller browses.
func ParseQuery(q string) ([]Term, error) {
	if len(q) > MaxQueryBytes {
		return nil, ErrQueryTooLong
	}
	if !utf8.ValidString(q) {
		return nil, ErrQueryNotText
	}
	var terms []Term
	seen := map[string]bool{}
	for _, w := range Words(q) {
		if seen[w] {
			continue
		}
		seen[w] = true
		t := Term{Word: w}
		if utf8.RuneCountInString(w) >= 5 {
			if s := Stem(w); s != w {
				t.Stem = s
			}
		}
		terms = append(terms, t)
		if len(terms) == MaxTerms {
			break
		}
	}
	return terms, nil
}

// Words splits text into lower-case words of letters and digits, accents
// removed ("Bumdes-Maju, 2025" → bumdes maju 2025). Invalid UTF-8 bytes
// separate words.
func Words(text string) []string {
	text = norm.NFD.String(strings.ToValidUTF8(text, " "))
	var out []string
	var b strings.Builder
	n := 0
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
			n = 0
		}
	}
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if n < maxWordRunes {
				b.WriteRune(unicode.ToLower(r))
				n++
			}
		default:
			flush()
		}
	}
	flush()
	return out
}

// terms is the indexed text of a field: its words, then the stems that
// differ from them.
func terms(text string) string {
	words := Words(text)
	seen := make(map[string]bool, len(words))
	out := make([]string, 0, len(words)+len(words)/2)
	for _, w := range words {
		out = append(out, w)
		seen[w] = true
	}
	for _, w := range words {
		if s := Stem(w); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}

// ftsMatch is the FTS5 MATCH expression of terms: every term must match,
// each by its word as a prefix or by its stem. Terms hold only letters and
// digits, so quoting them is enough.
func ftsMatch(ts []Term) string {
	parts := make([]string, 0, len(ts))
	for _, t := range ts {
		p := `"` + t.Word + `"*`
		if t.Stem != "" {
			p = `(` + p + ` OR "` + t.Stem + `")`
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " AND ")
}

// tsQuery is the PostgreSQL tsquery of terms, with the same meaning.
func tsQuery(ts []Term) string {
	parts := make([]string, 0, len(ts))
	for _, t := range ts {
		p := t.Word + ":*"
		if t.Stem != "" {
			p = "(" + p + " | " + t.Stem + ")"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " & ")
}
