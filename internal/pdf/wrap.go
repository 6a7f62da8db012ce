package pdf

import "bytes"

var doubleSpace = []byte("  ")

// Wrap breaks the WinAnsi-encoded text s into lines no wider than width
// points in font f at size: at spaces where it can, inside a word only
// when the word alone is wider than a line. Runs of spaces collapse to
// one; a blank s gives no lines. A line may share s's bytes.
func Wrap(s []byte, f Font, size, width float64) [][]byte {
	// Most lines of a long report fit as they are: nothing to split.
	if len(s) > 0 && s[0] != ' ' && s[len(s)-1] != ' ' && !bytes.Contains(s, doubleSpace) &&
		f.Width(s, size) <= width {
		return [][]byte{s}
	}
	var lines [][]byte
	var cur []byte
	space := f.Width([]byte{' '}, size)
	curW := 0.0
	for _, word := range fields(s) {
		w := f.Width(word, size)
		switch {
		case len(cur) > 0 && curW+space+w <= width:
			cur = append(append(cur, ' '), word...)
			curW += space + w
			continue
		case len(cur) > 0:
			lines = append(lines, cur)
			cur, curW = nil, 0
		}
		for w > width && len(word) > 1 {
			n := fit(word, f, size, width)
			lines = append(lines, word[:n:n])
			w -= f.Width(word[:n], size)
			word = word[n:]
		}
		cur, curW = append([]byte(nil), word...), w
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// fields splits s at ordinary spaces (a no-break space 0xA0 holds words
// together, as in "Rp 1.000").
func fields(s []byte) [][]byte {
	var out [][]byte
	start := -1
	for i, c := range s {
		if c == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// fit is how many leading bytes of word fit in width; at least one, so a
// line always makes progress.
func fit(word []byte, f Font, size, width float64) int {
	w := 0.0
	for i := range word {
		w += f.Width(word[i:i+1], size)
		if w > width && i > 0 {
			return i
		}
	}
	return len(word)
}
