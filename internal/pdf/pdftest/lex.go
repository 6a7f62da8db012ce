package pdftest

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strconv"
)

// Kinds of token in PDF syntax.
type kind int

const (
	tEOF kind = iota
	tNumber
	tString // literal or hex, already decoded to bytes
	tName
	tKeyword // operators and words like obj, R, true
	tArrayOpen
	tArrayClose
	tDictOpen
	tDictClose
)

type token struct {
	kind kind
	text string // decoded bytes of a string, a name without '/', a keyword
	num  float64
}

// lexer splits PDF syntax into tokens.
type lexer struct {
	b   []byte
	pos int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool { return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0 }

func (l *lexer) next() (token, error) {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isSpace(c) {
			l.pos++
			continue
		}
		if c == '%' { // comment to end of line
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		break
	}
	if l.pos >= len(l.b) {
		return token{kind: tEOF}, nil
	}
	c := l.b[l.pos]
	switch {
	case c == '(':
		return l.literal()
	case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
		l.pos += 2
		return token{kind: tDictOpen}, nil
	case c == '>' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '>':
		l.pos += 2
		return token{kind: tDictClose}, nil
	case c == '<':
		end := bytes.IndexByte(l.b[l.pos:], '>')
		if end < 0 {
			return token{}, errors.New("unterminated hex string")
		}
		h := bytes.Map(func(r rune) rune {
			if isSpace(byte(r)) {
				return -1
			}
			return r
		}, l.b[l.pos+1:l.pos+end])
		if len(h)%2 == 1 {
			h = append(h, '0')
		}
		l.pos += end + 1
		out := make([]byte, len(h)/2)
		if _, err := hex.Decode(out, h); err != nil {
			return token{}, err
		}
		return token{kind: tString, text: string(out)}, nil
	case c == '[':
		l.pos++
		return token{kind: tArrayOpen}, nil
	case c == ']':
		l.pos++
		return token{kind: tArrayClose}, nil
	case c == '/':
		l.pos++
		return token{kind: tName, text: l.word()}, nil
	case c == ')' || c == '>' || c == '{' || c == '}':
		return token{}, errors.New("unexpected " + string(c))
	}
	w := l.word()
	if f, err := strconv.ParseFloat(w, 64); err == nil {
		return token{kind: tNumber, num: f, text: w}, nil
	}
	return token{kind: tKeyword, text: w}, nil
}

func (l *lexer) word() string {
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	return string(l.b[start:l.pos])
}

// literal reads a (string) with nested parentheses and escapes.
func (l *lexer) literal() (token, error) {
	l.pos++ // (
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return token{kind: tString, text: string(out)}, nil
			}
		case '\\':
			if l.pos >= len(l.b) {
				return token{}, errors.New("unterminated string")
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\n':
				continue
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e // \( \) \\ and unknown escapes stand for the character
				}
			}
		}
		out = append(out, c)
	}
	return token{}, errors.New("unterminated string")
}
