package pdf

import (
	"strings"
	"unicode/utf8"
)

// cp1252High is what Windows-1252 (WinAnsiEncoding) places in 0x80–0x9F;
// 0 marks the five codes it leaves undefined.
var cp1252High = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// winAnsiExtra maps characters outside Latin-1 to their WinAnsi code: the
// 0x80–0x9F range plus a few look-alikes pasted from word processors.
var winAnsiExtra = map[rune]byte{
	'\u2010': '-', '\u2011': '-', '\u2012': 0x96, '\u2015': 0x97, '\u2212': '-',
	'\u2032': '\'', '\u2033': '"', '\u202F': 0xA0, '\u2007': 0xA0,
	'\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u200A': ' ', '\t': ' ',
	'\u2023': 0x95, '\u2043': '-', '\u25CF': 0x95,
}

func init() {
	for i, r := range cp1252High {
		if r != 0 {
			winAnsiExtra[r] = byte(0x80 + i)
		}
	}
}

// invisible characters are dropped rather than shown as '?'.
func invisible(r rune) bool {
	switch r {
	case '\r', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD':
		return true
	}
	return false
}

// Encode converts UTF-8 text to WinAnsiEncoding, the encoding of the
// standard fonts. A character the encoding lacks becomes '?', and so do
// invalid UTF-8 and control characters (callers split lines first).
func Encode(s string) []byte {
	out := make([]byte, 0, len(s))
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		switch {
		case r == utf8.RuneError && n <= 1:
			out = append(out, '?')
		case invisible(r):
		case r >= 0x20 && r < 0x7F, r >= 0xA0 && r <= 0xFF:
			out = append(out, byte(r))
		default:
			if c, ok := winAnsiExtra[r]; ok {
				out = append(out, c)
			} else {
				out = append(out, '?')
			}
		}
	}
	return out
}

// Decode converts WinAnsiEncoding back to UTF-8; it is Encode's inverse on
// every character Encode keeps, and is used to read documents back.
func Decode(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		switch {
		case c >= 0x80 && c <= 0x9F:
			if r := cp1252High[c-0x80]; r != 0 {
				sb.WriteRune(r)
			} else {
				sb.WriteByte('?')
			}
		case c >= 0xA0:
			sb.WriteRune(rune(c))
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// escape writes b as a PDF literal string: parentheses and backslashes
// are escaped, and so is every byte outside printable ASCII, in octal, so
// the file survives any line-ending conversion.
func escape(b []byte) string { return string(appendEscape(make([]byte, 0, len(b)+2), b)) }

// appendEscape appends escape(s) to b.
func appendEscape(b, s []byte) []byte {
	b = append(b, '(')
	for _, c := range s {
		switch {
		case c == '\\' || c == '(' || c == ')':
			b = append(b, '\\', c)
		case c < 0x20 || c >= 0x7F:
			b = append(b, '\\', '0'+c>>6, '0'+c>>3&7, '0'+c&7)
		default:
			b = append(b, c)
		}
	}
	return append(b, ')')
}
