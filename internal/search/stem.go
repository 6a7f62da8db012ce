package search

import (
	_ "embed"
	"strings"
	"unicode/utf8"
)

// The stemmer strips Indonesian affixes in the confix-stripping manner of
// Nazief and Adriani (as Sastrawi does): particles (-lah, -kah, -tah,
// -pun), possessives (-ku, -mu, -nya), derivational suffixes (-kan, -an,
// -i) and up to three prefixes (di-, ke-, se-, ter-, ber-, meN-, peN-,
// per-…), with the sound changes of meN-/peN- undone (menulis → tulis,
// memukul → pukul, menyapu → sapu, mengirim → kirim).
//
// Every way of cutting a word is tried and the first one that leaves a
// known root word (roots.txt) wins. When none does, a fixed order of rules
// decides, so the same word always gives the same stem: in the index and
// in a query alike. The root list is a short list of common words, written
// for this project and licensed with it; a missing root only makes the
// stem less exact, never the search wrong, because the plain words are
// indexed too.

//go:embed roots.txt
var rootsText string

var roots = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(rootsText, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		for _, w := range strings.Fields(line) {
			m[strings.ToLower(w)] = true
		}
	}
	return m
}()

// minStem is the shortest stem the rules leave, in letters.
const minStem = 3

// Stem returns the root of an Indonesian word given in lower case. Words
// shorter than four letters, words with digits and known roots come back
// unchanged.
func Stem(w string) string {
	if utf8.RuneCountInString(w) < 4 || roots[w] || !allLetters(w) {
		return w
	}
	// Inflections first: a particle, then a possessive.
	for _, suf := range []string{"lah", "kah", "tah", "pun"} {
		if s, ok := cut(w, suf); ok {
			if roots[s] {
				return s
			}
			w = s
			break
		}
	}
	for _, suf := range []string{"nya", "ku", "mu"} {
		if s, ok := cut(w, suf); ok {
			if roots[s] {
				return s
			}
			w = s
			break
		}
	}
	// Then every derivational suffix with every chain of prefixes.
	for _, suf := range []string{"", "kan", "an", "i"} {
		base, ok := cut(w, suf)
		if !ok {
			continue
		}
		if roots[base] {
			return base
		}
		if r, ok := prefixed(base, 3); ok {
			return r
		}
	}
	return fallback(w)
}

// cut removes suffix from w when enough is left.
func cut(w, suffix string) (string, bool) {
	if suffix == "" {
		return w, true
	}
	s, ok := strings.CutSuffix(w, suffix)
	if !ok || utf8.RuneCountInString(s) < minStem {
		return w, false
	}
	return s, true
}

// prefixed looks for a root under up to depth prefixes of w.
func prefixed(w string, depth int) (string, bool) {
	for _, c := range prefixCuts(w) {
		if roots[c] {
			return c, true
		}
		if depth > 1 {
			if r, ok := prefixed(c, depth-1); ok {
				return r, true
			}
		}
	}
	return "", false
}

// fallback stems without the root list: the first suffix that leaves a
// word of four letters or more, then the first prefix cut, up to three
// times.
func fallback(w string) string {
	for _, suf := range []string{"kan", "an", "i"} {
		if s, ok := strings.CutSuffix(w, suf); ok && utf8.RuneCountInString(s) >= 4 && hasPrefix(s) {
			w = s
			break
		}
	}
	for range 3 {
		cuts := prefixCuts(w)
		if len(cuts) == 0 {
			break
		}
		w = cuts[0]
	}
	return w
}

// hasPrefix reports whether w starts with a prefix the stemmer knows, so
// that a suffix is only taken from a word that also looks derived.
func hasPrefix(w string) bool { return len(prefixCuts(w)) > 0 }

func isVowel(b byte) bool { return strings.IndexByte("aiueo", b) >= 0 }

// prefixCuts lists the words w may be with one prefix taken off, the most
// likely first. Each leaves at least minStem letters.
func prefixCuts(w string) []string {
	var out []string
	add := func(s string) {
		if utf8.RuneCountInString(s) >= minStem {
			out = append(out, s)
		}
	}
	at := func(i int) byte {
		if i < len(w) {
			return w[i]
		}
		return 0
	}
	switch {
	case strings.HasPrefix(w, "meng"), strings.HasPrefix(w, "peng"):
		rest := w[4:]
		if c := at(4); isVowel(c) {
			if c == 'e' {
				add("k" + rest)
				add(rest[1:])
			}
			add(rest)
			add("k" + rest)
		} else if c == 'g' || c == 'h' || c == 'k' || c == 'q' {
			add(rest)
		}
	case strings.HasPrefix(w, "meny"), strings.HasPrefix(w, "peny"):
		if isVowel(at(4)) {
			add("s" + w[4:])
			add("ny" + w[4:])
		}
	case strings.HasPrefix(w, "mem"), strings.HasPrefix(w, "pem"):
		rest := w[3:]
		switch c := at(3); {
		case c == 'b' || c == 'f' || c == 'v' || c == 'p':
			add(rest)
		case isVowel(c):
			add("p" + rest)
			add("m" + rest)
		}
	case strings.HasPrefix(w, "men"), strings.HasPrefix(w, "pen"):
		rest := w[3:]
		switch c := at(3); {
		case c == 'c' || c == 'd' || c == 'j' || c == 'z' || c == 's' || c == 't':
			add(rest)
		case isVowel(c):
			add("t" + rest)
			add("n" + rest)
		}
	case strings.HasPrefix(w, "me"):
		if c := at(2); c == 'l' || c == 'm' || c == 'n' || c == 'r' || c == 'w' || c == 'y' {
			add(w[2:])
		}
	case strings.HasPrefix(w, "ber"):
		add(w[3:])
		add(w[2:])
	case strings.HasPrefix(w, "bel"):
		add(w[3:])
		add(w[2:])
	case strings.HasPrefix(w, "be"):
		add(w[2:])
	case strings.HasPrefix(w, "per"):
		add(w[3:])
		add(w[2:])
	case strings.HasPrefix(w, "pel"):
		add(w[3:])
		add(w[2:])
	case strings.HasPrefix(w, "pe"):
		if c := at(2); c == 'l' || c == 'm' || c == 'n' || c == 'r' || c == 'w' || c == 'y' || c == 'k' || c == 't' || c == 'd' || c == 'g' || c == 'j' || c == 's' || c == 'b' {
			add(w[2:])
		}
	case strings.HasPrefix(w, "ter"):
		add(w[3:])
		add(w[2:])
	case strings.HasPrefix(w, "di"), strings.HasPrefix(w, "ke"), strings.HasPrefix(w, "se"):
		add(w[2:])
	}
	return out
}

func allLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
