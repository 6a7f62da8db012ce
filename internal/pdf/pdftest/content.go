package pdftest

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// parseValue reads one object: a number, reference, string, name,
// keyword, array or dictionary.
func parseValue(l *lexer) (any, error) {
	t, err := l.next()
	if err != nil {
		return nil, err
	}
	return valueOf(l, t)
}

func valueOf(l *lexer, t token) (any, error) {
	switch t.kind {
	case tEOF:
		return nil, errors.New("unexpected end")
	case tNumber:
		// "N 0 R" is a reference; look ahead without consuming otherwise.
		save := l.pos
		if g, err := l.next(); err == nil && g.kind == tNumber && g.text == "0" {
			if r, err := l.next(); err == nil && r.kind == tKeyword && r.text == "R" {
				return ref(int(t.num)), nil
			}
		}
		l.pos = save
		return t.num, nil
	case tString, tName:
		return t.text, nil
	case tKeyword:
		return keyword(t.text), nil
	case tArrayOpen:
		var arr []any
		for {
			t, err := l.next()
			if err != nil {
				return nil, err
			}
			if t.kind == tArrayClose {
				return arr, nil
			}
			v, err := valueOf(l, t)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
	case tDictOpen:
		d := dict{}
		for {
			k, err := l.next()
			if err != nil {
				return nil, err
			}
			if k.kind == tDictClose {
				return d, nil
			}
			if k.kind != tName {
				return nil, fmt.Errorf("dictionary key %q is not a name", k.text)
			}
			v, err := parseValue(l)
			if err != nil {
				return nil, err
			}
			d[k.text] = v
		}
	}
	return nil, fmt.Errorf("unexpected token %q", t.text)
}

// keyword is a bare word (true, false, null, an operator).
type keyword string

// extract runs a content stream's text operators and returns the lines
// shown: pieces on the same baseline join with a space.
func extract(content []byte) ([]string, error) {
	l := &lexer{b: content}
	var (
		stack  []any
		lines  []string
		lineY  = math.NaN()
		x, y   float64
		inText bool
	)
	show := func(s string) error {
		if !inText {
			return errors.New("text shown outside BT … ET")
		}
		s = decodeWinAnsi(s)
		if len(lines) > 0 && math.Abs(y-lineY) < 0.01 {
			lines[len(lines)-1] += " " + s
		} else {
			lines = append(lines, s)
			lineY = y
		}
		return nil
	}
	for {
		t, err := l.next()
		if err != nil {
			return nil, err
		}
		if t.kind == tEOF {
			break
		}
		if t.kind != tKeyword {
			v, err := valueOf(l, t)
			if err != nil {
				return nil, err
			}
			stack = append(stack, v)
			continue
		}
		nums := func(n int) ([]float64, error) {
			if len(stack) < n {
				return nil, fmt.Errorf("%s needs %d operands", t.text, n)
			}
			out := make([]float64, n)
			for i, v := range stack[len(stack)-n:] {
				f, ok := v.(float64)
				if !ok {
					return nil, fmt.Errorf("%s: operand %v is not a number", t.text, v)
				}
				out[i] = f
			}
			return out, nil
		}
		switch t.text {
		case "BT":
			if inText {
				return nil, errors.New("nested BT")
			}
			inText, x, y = true, 0, 0
		case "ET":
			inText = false
		case "Td", "TD":
			v, err := nums(2)
			if err != nil {
				return nil, err
			}
			x, y = x+v[0], y+v[1]
		case "Tm":
			v, err := nums(6)
			if err != nil {
				return nil, err
			}
			x, y = v[4], v[5]
		case "Tj", "'", "\"":
			if len(stack) == 0 {
				return nil, fmt.Errorf("%s without a string", t.text)
			}
			s, ok := stack[len(stack)-1].(string)
			if !ok {
				return nil, fmt.Errorf("%s operand is not a string", t.text)
			}
			if err := show(s); err != nil {
				return nil, err
			}
		case "TJ":
			arr, ok := lastArray(stack)
			if !ok {
				return nil, errors.New("TJ without an array")
			}
			var b strings.Builder
			for _, v := range arr {
				switch v := v.(type) {
				case string:
					b.WriteString(v)
				case float64:
					if v < -250 { // a kern this wide reads as a space
						b.WriteByte(' ')
					}
				}
			}
			if err := show(b.String()); err != nil {
				return nil, err
			}
		}
		stack = stack[:0]
	}
	if inText {
		return nil, errors.New("BT without ET")
	}
	return lines, nil
}

func lastArray(stack []any) ([]any, bool) {
	if len(stack) == 0 {
		return nil, false
	}
	a, ok := stack[len(stack)-1].([]any)
	return a, ok
}

// cp1252 is Windows-1252's 0x80–0x9F, written out independently of the
// writer's own table so the two check each other.
var cp1252 = []rune("€\x00‚ƒ„…†‡ˆ‰Š‹Œ\x00Ž\x00\x00‘’“”•–—˜™š›œ\x00žŸ")

// decodeWinAnsi turns WinAnsiEncoding bytes into UTF-8.
func decodeWinAnsi(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80 && c <= 0x9F && cp1252[c-0x80] != 0:
			b.WriteRune(cp1252[c-0x80])
		case c >= 0x80:
			b.WriteRune(rune(c))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
