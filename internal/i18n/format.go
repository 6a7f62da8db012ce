package i18n

import (
	"math"
	"strconv"
	"time"
)

// Rupiah formats an integer amount the Indonesian way: Rp1.500.000, -Rp5.000.
func Rupiah(amount int64) string {
	sign := ""
	if amount < 0 {
		sign = "-"
		amount = -amount
	}
	return sign + "Rp" + groupThousands(strconv.FormatInt(amount, 10))
}

// Number formats an integer with dots between thousands: 83.762.
func Number(n int64) string {
	if n < 0 {
		return "-" + groupThousands(strconv.FormatInt(-n, 10))
	}
	return groupThousands(strconv.FormatInt(n, 10))
}

func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	out := make([]byte, 0, len(digits)+len(digits)/3)
	lead := len(digits) % 3
	if lead == 0 {
		lead = 3
	}
	out = append(out, digits[:lead]...)
	for i := lead; i < len(digits); i += 3 {
		out = append(out, '.')
		out = append(out, digits[i:i+3]...)
	}
	return string(out)
}

// Indonesia's three time zones and their customary abbreviations.
var (
	WIB  = time.FixedZone("WIB", 7*3600)
	WITA = time.FixedZone("WITA", 8*3600)
	WIT  = time.FixedZone("WIT", 9*3600)
)

var monthsID = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember"}

// Date formats t as a day in zone: "24 November 2026" in both languages
// (English readers understand the Indonesian month order; the month name is
// translated).
func Date(lang Lang, t time.Time, zone *time.Location) string {
	if zone == nil {
		zone = WIB
	}
	t = t.In(zone)
	month := monthsID[t.Month()-1]
	if lang == EN {
		month = t.Month().String()
	}
	return strconv.Itoa(t.Day()) + " " + month + " " + strconv.Itoa(t.Year())
}

// DateTime formats t with its hour and zone: "24 November 2026 13.05 WIB".
func DateTime(lang Lang, t time.Time, zone *time.Location) string {
	if zone == nil {
		zone = WIB
	}
	t = t.In(zone)
	clock := t.Format("15.04")
	if lang == EN {
		clock = t.Format("15:04")
	}
	name, _ := t.Zone()
	return Date(lang, t, zone) + " " + clock + " " + name
}

// Percent writes tenths of a percent as the language writes numbers:
// "1,6 %" in Indonesian (decimal comma, a non-breaking space before the
// sign, as PUEBI writes it) and "1.6%" in English; a whole number has no
// decimals ("10 %", "10%").
func Percent(lang Lang, tenths int64) string {
	sign := ""
	if tenths < 0 {
		sign, tenths = "-", -tenths
	}
	s := sign + strconv.FormatInt(tenths/10, 10)
	if d := tenths % 10; d != 0 {
		sep := ","
		if lang == EN {
			sep = "."
		}
		s += sep + strconv.FormatInt(d, 10)
	}
	if lang == EN {
		return s + "%"
	}
	return s + "\u00a0%"
}

// PercentOf writes part of whole as a percentage with Percent, rounded
// to the nearest tenth; "" when whole is not positive.
func PercentOf(lang Lang, part, whole int64) string {
	if whole <= 0 {
		return ""
	}
	return Percent(lang, Permille(part, whole))
}

// Permille is part of whole in tenths of a percent, rounded half up, as
// every share on the site is shown (4 of 6 is 66.7 %); 0 when whole is
// not positive. A page and its API give the same figure because both
// take it from here.
func Permille(part, whole int64) int64 {
	if whole <= 0 {
		return 0
	}
	return (part*1000 + whole/2) / whole
}

// PercentValue writes a percentage given as a number (1.6 for 1.6 %)
// with Percent, rounded to the nearest tenth.
func PercentValue(lang Lang, p float64) string {
	return Percent(lang, int64(math.Round(p*10)))
}
