package pdf

import (
	"strings"
	"testing"
)

func TestEncode(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"Rp1.500.000", "Rp1.500.000"},
		{"Pertanyaan panduan — visi", "Pertanyaan panduan \x97 visi"},
		{"“kutip” dan ‘kutip’", "\x93kutip\x94 dan \x91kutip\x92"},
		{"1–7 … • €5", "1\x967 \x85 \x95 \x805"},
		{"Café Œuvre ŠŽ šž Ÿ ƒ ™ ‰", "Caf\xe9 \x8cuvre \x8a\x8e \x9a\x9e \x9f \x83 \x99 \x89"},
		{"Jl.\u00a0Merdeka", "Jl.\xa0Merdeka"},
		{"a\tb", "a b"},
		{"nol\u200blebar\ufeff", "nollebar"},
		{"sof\u00adt\r", "soft"},
		{"日本 🙂", "?? ?"},
		{"bad \xff\xfe utf8", "bad ?? utf8"},
		{"ctl \x01\x7f", "ctl ??"},
		{"−5 ‐ ‑", "-5 - -"},
		{"", ""},
	} {
		if got := string(Encode(tc.in)); got != tc.want {
			t.Errorf("Encode(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDecodeIsEncodesInverse(t *testing.T) {
	for _, s := range []string{
		"Pertanyaan panduan — visi", "“Rp1.500.000” – ‘Å’ … • € ™ Ÿ",
		"Ñandú, àéîõü ÀÉÎÕÜ ß æ ø ¿¡ © ® ° ± µ ¶ · ¼ ½ ¾ × ÷",
	} {
		if got := Decode(Encode(s)); got != s {
			t.Errorf("Decode(Encode(%q)) = %q", s, got)
		}
	}
	// Every defined WinAnsi code survives the round trip the other way.
	for c := 0x20; c <= 0xFF; c++ {
		if c == 0x7F || c == 0xAD || (c >= 0x80 && c <= 0x9F && cp1252High[c-0x80] == 0) {
			continue
		}
		b := []byte{byte(c)}
		if got := Encode(Decode(b)); string(got) != string(b) {
			t.Errorf("code %#x came back as %q", c, got)
		}
	}
}

func TestEscape(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"plain", "(plain)"},
		{`a\b`, `(a\\b)`},
		{"(x) and )(", `(\(x\) and \)\()`},
		{"line\nbreak\r\x00", `(line\012break\015\000)`},
		{"\x93hi\x94 \xff", `(\223hi\224 \377)`},
		{"", "()"},
	} {
		if got := escape([]byte(tc.in)); got != tc.want {
			t.Errorf("escape(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestTextString(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"Siklus 1", "(Siklus 1)"},
		{"a(b)", `(a\(b\))`},
		{"Siklus 1 — Taman", "<FEFF00530069006B006C007500730020003100202014002000540061006D0061006E>"},
		{"🙂", "<FEFFD83DDE42>"},
	} {
		if got := textString(tc.in); got != tc.want {
			t.Errorf("textString(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestWidth(t *testing.T) {
	for _, tc := range []struct {
		font Font
		text string
		size float64
		want float64
	}{
		{Regular, "Hello", 10, 22.78}, // 722+556+222+222+556
		{Bold, "Hello", 10, 24.45},    // 722+556+278+278+611
		{Regular, "Rp1.500.000", 1000, 722 + 556*8 + 278 + 278},
		{Bold, "W@", 1000, 944 + 975},
		{Regular, "\x97\x85\x80", 1000, 1000 + 1000 + 556},
		{Regular, "", 12, 0},
	} {
		if got := tc.font.Width([]byte(tc.text), tc.size); got < tc.want-1e-9 || got > tc.want+1e-9 {
			t.Errorf("%s width of %q at %v = %v, want %v", tc.font.baseFont(), tc.text, tc.size, got, tc.want)
		}
	}
}

func TestWrap(t *testing.T) {
	long := strings.Repeat("kata ", 60)
	for _, tc := range []struct {
		name  string
		text  string
		width float64
		lines int // 0: just check the invariants
	}{
		{"empty", "", 100, 0},
		{"blank", "   ", 100, 0},
		{"fits", "Rp1.500.000 untuk buku", TextWidth, 1},
		{"two words per line", "aaaa bbbb cccc dddd", Regular.Width([]byte("aaaa bbbb"), 10), 2},
		{"long paragraph", long, TextWidth, 0},
		{"long word", strings.Repeat("x", 200), 50, 0},
		{"spaces collapse", "a    b", TextWidth, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines := Wrap([]byte(tc.text), Regular, 10, tc.width)
			if tc.lines > 0 && len(lines) != tc.lines {
				t.Errorf("%d lines, want %d: %q", len(lines), tc.lines, lines)
			}
			var joined []string
			for _, l := range lines {
				if w := Regular.Width(l, 10); w > tc.width+1e-9 {
					t.Errorf("line %q is %v wide, more than %v", l, w, tc.width)
				}
				joined = append(joined, string(l))
			}
			got, want := strings.Join(joined, " "), strings.Join(strings.Fields(tc.text), " ")
			if tc.name == "long word" { // broken inside the word
				got = strings.ReplaceAll(got, " ", "")
			}
			if got != want {
				t.Errorf("lines %q do not give back the text", lines)
			}
		})
	}
	// A single glyph wider than the line still goes on a line of its own.
	if got := Wrap([]byte("WW"), Regular, 10, 1); len(got) != 2 {
		t.Errorf("narrow wrap = %q", got)
	}
}

func TestNum(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 1: "1", 1.5: "1.5", 595.28: "595.28", -0.001: "0", 10.005: "10.01", -3.25: "-3.25"} {
		if got := num(in); got != want {
			t.Errorf("num(%v) = %s, want %s", in, got, want)
		}
	}
}
