package i18n

import (
	"math"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		n      int64
		id, en string
	}{
		{0, "nol", "zero"},
		{1, "satu", "one"},
		{10, "sepuluh", "ten"},
		{11, "sebelas", "eleven"},
		{12, "dua belas", "twelve"},
		{19, "sembilan belas", "nineteen"},
		{20, "dua puluh", "twenty"},
		{21, "dua puluh satu", "twenty-one"},
		{100, "seratus", "one hundred"},
		{101, "seratus satu", "one hundred one"},
		{111, "seratus sebelas", "one hundred eleven"},
		{250, "dua ratus lima puluh", "two hundred fifty"},
		{1000, "seribu", "one thousand"},
		{1001, "seribu satu", "one thousand one"},
		{1100, "seribu seratus", "one thousand one hundred"},
		{2000, "dua ribu", "two thousand"},
		{11000, "sebelas ribu", "eleven thousand"},
		{101000, "seratus satu ribu", "one hundred one thousand"},
		{1_000_000, "satu juta", "one million"},
		{1_001_000, "satu juta seribu", "one million one thousand"},
		{1_250_000, "satu juta dua ratus lima puluh ribu", "one million two hundred fifty thousand"},
		{1_000_000_000, "satu miliar", "one billion"},
		{1_000_000_000_000, "satu triliun", "one trillion"},
		{1_000_000_000_000_000, "satu kuadriliun", "one quadrillion"},
		{-5000, "minus lima ribu", "minus five thousand"},
		{math.MaxInt64, "sembilan kuintiliun dua ratus dua puluh tiga kuadriliun tiga ratus tujuh puluh dua triliun " +
			"tiga puluh enam miliar delapan ratus lima puluh empat juta tujuh ratus tujuh puluh lima ribu delapan ratus tujuh",
			"nine quintillion two hundred twenty-three quadrillion three hundred seventy-two trillion " +
				"thirty-six billion eight hundred fifty-four million seven hundred seventy-five thousand eight hundred seven"},
		{math.MinInt64, "minus sembilan kuintiliun dua ratus dua puluh tiga kuadriliun tiga ratus tujuh puluh dua triliun " +
			"tiga puluh enam miliar delapan ratus lima puluh empat juta tujuh ratus tujuh puluh lima ribu delapan ratus delapan",
			"minus nine quintillion two hundred twenty-three quadrillion three hundred seventy-two trillion " +
				"thirty-six billion eight hundred fifty-four million seven hundred seventy-five thousand eight hundred eight"},
	} {
		if got := Words(ID, tc.n); got != tc.id {
			t.Errorf("Words(ID, %d) = %q, want %q", tc.n, got, tc.id)
		}
		if got := Words(EN, tc.n); got != tc.en {
			t.Errorf("Words(EN, %d) = %q, want %q", tc.n, got, tc.en)
		}
	}
	if got := RupiahWords(ID, 1_250_000); got != "satu juta dua ratus lima puluh ribu rupiah" {
		t.Errorf("RupiahWords = %q", got)
	}
}

// FuzzWords reads every spelt number back: the Indonesian words give the
// number again, and neither language uses a word outside its vocabulary
// or leaves a double space.
func FuzzWords(f *testing.F) {
	for _, n := range []int64{0, 1, 11, 100, 1000, 1_000_000, 1_250_000, math.MaxInt64, math.MinInt64, -1} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		id := Words(ID, n)
		if got, ok := readIndonesian(id); !ok || got != n {
			t.Fatalf("Words(ID, %d) = %q, read back as %d (%v)", n, id, got, ok)
		}
		en := Words(EN, n)
		if en == "" || strings.Contains(en, "  ") || strings.TrimSpace(en) != en {
			t.Fatalf("Words(EN, %d) = %q", n, en)
		}
		for _, w := range strings.Fields(strings.ReplaceAll(en, "-", " ")) {
			if !enVocabulary[w] {
				t.Fatalf("Words(EN, %d) = %q: unknown word %q", n, en, w)
			}
		}
	})
}

var enVocabulary = func() map[string]bool {
	m := map[string]bool{"zero": true, "minus": true, "hundred": true}
	for _, w := range enWords.ones[1:] {
		m[w] = true
	}
	for _, w := range enWords.tens[2:] {
		m[w] = true
	}
	for _, w := range enWords.scales {
		m[w] = true
	}
	return m
}()

// readIndonesian parses terbilang back into a number, independently of
// how Words builds it.
func readIndonesian(s string) (int64, bool) {
	digits := map[string]uint64{"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
		"tujuh": 7, "delapan": 8, "sembilan": 9}
	scales := map[string]uint64{"ribu": 1e3, "juta": 1e6, "miliar": 1e9, "triliun": 1e12,
		"kuadriliun": 1e15, "kuintiliun": 1e18}
	words := strings.Split(s, " ")
	negative := words[0] == "minus"
	if negative {
		words = words[1:]
	}
	if len(words) == 1 && words[0] == "nol" {
		return 0, !negative
	}
	var total, group, small uint64
	for _, w := range words {
		switch {
		case digits[w] > 0:
			small += digits[w]
		case w == "sepuluh":
			small += 10
		case w == "sebelas":
			small += 11
		case w == "belas":
			small += 10
		case w == "puluh":
			small *= 10
		case w == "seratus":
			group += 100
		case w == "ratus":
			group, small = group+small*100, 0
		case w == "seribu":
			total += 1000
		case scales[w] > 0:
			total, group, small = total+(group+small)*scales[w], 0, 0
		default:
			return 0, false
		}
	}
	total += group + small
	if negative {
		return -int64(total), true
	}
	return int64(total), true
}
