package i18n

import "strings"

// Words spells an integer out in lang: Bahasa Indonesia's terbilang ("satu
// juta dua ratus lima puluh ribu") or English ("one million two hundred
// fifty thousand"), as receipts write an amount beside its figures. Every
// int64 is spelt, the smallest included.
func Words(lang Lang, n int64) string {
	w := idWords
	if lang == EN {
		w = enWords
	}
	if n == 0 {
		return w.zero
	}
	// The magnitude as unsigned, so that the smallest int64 has one too.
	u := uint64(n)
	if n < 0 {
		u = -u
	}
	var groups []uint64 // thousands, least significant first
	for ; u > 0; u /= 1000 {
		groups = append(groups, u%1000)
	}
	var parts []string
	if n < 0 {
		parts = append(parts, w.minus)
	}
	for i := len(groups) - 1; i >= 0; i-- {
		g := groups[i]
		switch {
		case g == 0:
			continue
		case i == 1 && g == 1 && w.one000 != "":
			parts = append(parts, w.one000) // seribu
			continue
		}
		parts = append(parts, w.hundreds(int(g)))
		if i > 0 {
			parts = append(parts, w.scales[i-1])
		}
	}
	return strings.Join(parts, " ")
}

// RupiahWords is Words followed by the currency's name: what a receipt
// writes after "Terbilang:".
func RupiahWords(lang Lang, n int64) string { return Words(lang, n) + " rupiah" }

// speller holds one language's number words.
type speller struct {
	zero, minus string
	ones        [20]string // 0–19; ones[0] unused
	tens        [10]string // 20, 30, … at tens[2], tens[3], …
	tensJoin    string     // between a ten and a one: " " or "-"
	oneHundred  string     // a single hundred, when it has its own word
	hundred     string
	one000      string   // a single thousand, when it has its own word
	scales      []string // thousand, million, … for groups 1, 2, …
}

// hundreds spells 1–999.
func (w *speller) hundreds(n int) string {
	var parts []string
	if h := n / 100; h > 0 {
		if h == 1 && w.oneHundred != "" {
			parts = append(parts, w.oneHundred) // seratus
		} else {
			parts = append(parts, w.ones[h]+" "+w.hundred)
		}
	}
	switch r := n % 100; {
	case r == 0:
	case r < 20:
		parts = append(parts, w.ones[r])
	case r%10 == 0:
		parts = append(parts, w.tens[r/10])
	default:
		parts = append(parts, w.tens[r/10]+w.tensJoin+w.ones[r%10])
	}
	return strings.Join(parts, " ")
}

var idWords = &speller{
	zero: "nol", minus: "minus",
	ones: [20]string{"", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
		"sepuluh", "sebelas", "dua belas", "tiga belas", "empat belas", "lima belas", "enam belas",
		"tujuh belas", "delapan belas", "sembilan belas"},
	tens: [10]string{"", "", "dua puluh", "tiga puluh", "empat puluh", "lima puluh", "enam puluh",
		"tujuh puluh", "delapan puluh", "sembilan puluh"},
	tensJoin:   " ",
	oneHundred: "seratus", hundred: "ratus",
	one000: "seribu",
	scales: []string{"ribu", "juta", "miliar", "triliun", "kuadriliun", "kuintiliun"},
}

var enWords = &speller{
	zero: "zero", minus: "minus",
	ones: [20]string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
		"eighteen", "nineteen"},
	tens:     [10]string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"},
	tensJoin: "-",
	hundred:  "hundred",
	scales:   []string{"thousand", "million", "billion", "trillion", "quadrillion", "quintillion"},
}
