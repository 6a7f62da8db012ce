package bankstatement

import (
	"slices"
	"strings"
	"time"
)

// Format names one export layout of a bank's internet banking. A bank may
// export several (personal and business banking, English and Indonesian);
// one layout may serve two banks (Mandiri's business layout is also BSI's,
// the former Bank Syariah Mandiri).
type Format string

// The formats read.
const (
	FormatKlikBCA        Format = "klikbca"        // KlikBCA Individu, Indonesian
	FormatKlikBCAEnglish Format = "klikbca_en"     // KlikBCA Individual, English
	FormatKlikBCABisnis  Format = "klikbca_bisnis" // KlikBCA Bisnis
	FormatBRI            Format = "bri"            // BRI internet banking, BRImo
	FormatMandiri        Format = "mandiri"        // Mandiri Online, Livin', MCM
	FormatMandiriBisnis  Format = "mandiri_bisnis" // Mandiri Kopra (business), BSI's business export
	FormatBNI            Format = "bni"            // BNI internet banking, BNIDirect, wondr
	FormatBSI            Format = "bsi"            // BSI Net Banking, BSI Mobile
)

// bankFormats are the formats of each bank's statements, the usual one
// first.
var bankFormats = map[Bank][]Format{
	BCA:     {FormatKlikBCA, FormatKlikBCAEnglish, FormatKlikBCABisnis},
	BRI:     {FormatBRI},
	Mandiri: {FormatMandiri, FormatMandiriBisnis},
	BNI:     {FormatBNI},
	BSI:     {FormatBSI, FormatMandiriBisnis},
}

// layout is what the package knows of a format: how to recognise it and
// how to read it.
type layout struct {
	format Format
	name   string // how people know it, for messages and the docs
	// sniff recognises the format from the lower-cased head of a file.
	sniff func(head string) bool
	parse func(data []byte, ref time.Time) (*Statement, error)
}

// layouts in detection order: the most specific signatures first.
var layouts = []layout{
	{FormatBRI, "BRI (internet banking, BRImo)", sniffBRI, parseBRI},
	{FormatMandiriBisnis, "Mandiri Kopra / BSI bisnis", sniffMandiriBisnis, parseMandiriBisnis},
	{FormatBSI, "BSI (Net Banking, BSI Mobile)", sniffBSI, parseBSI},
	{FormatBNI, "BNI (internet banking, BNIDirect, wondr)", sniffBNI, parseBNI},
	{FormatMandiri, "Mandiri (Livin', Mandiri Online, MCM)", sniffMandiri, parseMandiri},
	{FormatKlikBCAEnglish, "KlikBCA Individual (English)", sniffKlikBCAEnglish, parseBCA},
	{FormatKlikBCABisnis, "KlikBCA Bisnis", sniffKlikBCABisnis, parseBCA},
	{FormatKlikBCA, "KlikBCA Individu", sniffKlikBCA, parseBCA},
}

func layoutOf(f Format) (layout, bool) {
	for _, l := range layouts {
		if l.format == f {
			return l, true
		}
	}
	return layout{}, false
}

// Name is how people know the format ("KlikBCA Bisnis").
func (f Format) Name() string {
	if l, ok := layoutOf(f); ok {
		return l.name
	}
	return string(f)
}

// Serves reports whether statements of bank come in format f.
func (f Format) Serves(bank Bank) bool { return slices.Contains(bankFormats[bank], f) }

// Formats lists the formats of bank's statements, the usual one first.
func Formats(bank Bank) []Format { return bankFormats[bank] }

// FormatNames lists every format read, for the message shown when a file
// is not recognised.
func FormatNames() string {
	var all []Format
	for _, b := range Banks {
		all = append(all, bankFormats[b]...)
	}
	return formatNames(all)
}

func formatNames(formats []Format) string {
	var names []string
	for _, f := range formats {
		if n := f.Name(); !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return strings.Join(names, "; ")
}

// bankName is how messages name a bank.
func bankName(b Bank) string {
	if b == Mandiri {
		return "Mandiri"
	}
	return strings.ToUpper(string(b))
}
