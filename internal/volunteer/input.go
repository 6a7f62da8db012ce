package volunteer

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/validate"
)

// Input is a sign-up form as typed.
type Input struct {
	Name         string
	Email        string
	Phone        string
	RegionCode   string // already checked by the region picker; "" when none
	Skills       string
	Availability string
	HideName     bool
	Kabar        bool // wants the campaign's news by e-mail
	Waitlist     bool // agrees to wait when the need is full
	Lang         string
	Token        string
}

// FromForm reads the sign-up form; the region comes from the picker.
func FromForm(f url.Values) Input {
	return Input{
		Name:         strings.Join(strings.Fields(f.Get("name")), " "),
		Email:        strings.ToLower(strings.TrimSpace(f.Get("email"))),
		Phone:        strings.TrimSpace(f.Get("phone")),
		Skills:       text(f.Get("skills")),
		Availability: text(f.Get("availability")),
		HideName:     f.Get("hide_name") != "",
		Kabar:        f.Get("kabar") != "",
		Waitlist:     f.Get("waitlist") != "",
		Token:        strings.TrimSpace(f.Get("token")),
	}
}

// text trims a free-text field and normalises its line breaks.
func text(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}

// Check validates in and normalises the e-mail, phone number and language
// in place.
func (in *Input) Check() validate.Errors {
	e := validate.Errors{}
	in.Email = strings.ToLower(strings.TrimSpace(in.Email))
	e.Required("name", in.Name)
	e.Required("email", in.Email)
	for field, v := range map[string]string{"name": in.Name, "skills": in.Skills, "availability": in.Availability} {
		if !utf8.ValidString(v) {
			e.Add(field, "volunteer.err.text")
		}
	}
	e.MaxLen("name", in.Name, MaxName)
	e.MaxLen("skills", in.Skills, MaxText)
	e.MaxLen("availability", in.Availability, MaxText)
	if in.Email != "" && (!validate.Email(in.Email) || len(in.Email) > 254) {
		e.Add("email", "volunteer.err.email")
	}
	if in.Phone != "" {
		if p, ok := validate.Phone(in.Phone); ok {
			in.Phone = p
		} else {
			e.Add("phone", "volunteer.err.phone")
		}
	}
	if len(in.RegionCode) > 20 {
		e.Add("region", "volunteer.err.region")
	}
	if len(in.Token) < minToken || len(in.Token) > MaxToken {
		e.Add("token", "volunteer.err.token")
	}
	if in.Lang != "en" {
		in.Lang = "id"
	}
	return e
}

// ErrHours is a duration that cannot be read.
var ErrHours = errors.New("volunteer: unreadable duration")

// ParseDuration reads time given as people type it, into whole minutes:
// hours as a decimal ("2", "1,5", "1.25"), hours and minutes ("1:30",
// "1j 30m", "1 jam 30 menit") or minutes alone ("90m", "90 menit").
func ParseDuration(s string) (int64, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || len(s) > 30 || !utf8.ValidString(s) {
		return 0, ErrHours
	}
	if h, m, ok := strings.Cut(s, ":"); ok {
		hours, err1 := whole(h)
		mins, err2 := whole(m)
		if err1 != nil || err2 != nil || len(strings.TrimSpace(m)) != 2 || mins >= 60 {
			return 0, ErrHours
		}
		return check(hours*60 + mins)
	}
	tokens, ok := tokenize(s)
	if !ok {
		return 0, ErrHours
	}
	if len(tokens) == 1 {
		return decimalHours(tokens[0])
	}
	return unitDuration(tokens)
}

// tokenize splits "1j30m" or "1 jam 30 menit" into numbers and words;
// false when something else is in the way.
func tokenize(s string) ([]string, bool) {
	var out []string
	isNum := func(r rune) bool { return r >= '0' && r <= '9' || r == '.' || r == ',' }
	isWord := func(r rune) bool { return r >= 'a' && r <= 'z' }
	for i := 0; i < len(s); {
		r := rune(s[i])
		switch {
		case r == ' ':
			i++
		case isNum(r), isWord(r):
			same := isNum
			if isWord(r) {
				same = isWord
			}
			j := i
			for j < len(s) && same(rune(s[j])) {
				j++
			}
			out = append(out, s[i:j])
			i = j
		default:
			return nil, false
		}
	}
	return out, len(out) > 0
}

// unitDuration reads "N unit" pairs, hours before minutes:
// j/jam/h/hour(s) and m/mnt/menit/min/minute(s).
func unitDuration(f []string) (int64, error) {
	if len(f)%2 != 0 || len(f) > 4 {
		return 0, ErrHours
	}
	var total int64
	last := byte(0)
	for i := 0; i < len(f); i += 2 {
		var kind byte
		switch f[i+1] {
		case "j", "jam", "h", "hr", "hour", "hours":
			kind = 'h'
		case "m", "mnt", "menit", "min", "minute", "minutes":
			kind = 'm'
		default:
			return 0, ErrHours
		}
		if last == 'm' || kind == last {
			return 0, ErrHours
		}
		last = kind
		if kind == 'h' {
			m, err := decimalMinutes(f[i])
			if err != nil {
				return 0, err
			}
			total += m
			continue
		}
		n, err := whole(f[i])
		if err != nil {
			return 0, err
		}
		total += n
	}
	return check(total)
}

// decimalHours reads "2", "1,5" or "1.25" hours.
func decimalHours(s string) (int64, error) {
	m, err := decimalMinutes(s)
	if err != nil {
		return 0, err
	}
	return check(m)
}

// decimalMinutes turns decimal hours with at most two decimals into
// minutes, rounded to the nearest minute.
func decimalMinutes(s string) (int64, error) {
	s = strings.ReplaceAll(s, ",", ".")
	ip, fp, _ := strings.Cut(s, ".")
	hours, err := whole(ip)
	if err != nil || len(fp) > 2 || strings.Count(s, ".") > 1 {
		return 0, ErrHours
	}
	var frac int64 // hundredths of an hour
	if fp != "" {
		n, err := whole(fp)
		if err != nil {
			return 0, ErrHours
		}
		if len(fp) == 1 {
			n *= 10
		}
		frac = n
	}
	return hours*60 + (frac*60+50)/100, nil
}

// whole reads a small non-negative whole number of digits only.
func whole(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 5 {
		return 0, ErrHours
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, ErrHours
		}
	}
	return strconv.ParseInt(s, 10, 64)
}

func check(m int64) (int64, error) {
	if m <= 0 || m > MaxMinutesOnDay {
		return 0, ErrHours
	}
	return m, nil
}

// HoursInput is a line of hours as the organisation types it.
type HoursInput struct {
	Day     string // YYYY-MM-DD
	Minutes int64
	Note    string
}

// ParseHours reads and checks the hours form: "day", "duration", "note".
// today, in the organisation's zone, bounds the day: hours are logged
// for today or the past, not the future.
func ParseHours(f url.Values, today time.Time) (HoursInput, validate.Errors) {
	e := validate.Errors{}
	last := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	in := HoursInput{Day: strings.TrimSpace(f.Get("day")), Note: strings.Join(strings.Fields(f.Get("note")), " ")}
	if e.Required("day", in.Day) {
		d, err := time.Parse("2006-01-02", in.Day)
		switch {
		case err != nil:
			e.Add("day", "volunteer.err.day")
		case d.After(last):
			e.Add("day", "volunteer.err.day_future")
		}
	}
	if raw := f.Get("duration"); e.Required("duration", raw) {
		m, err := ParseDuration(raw)
		if err != nil {
			e.Add("duration", "volunteer.err.duration")
		}
		in.Minutes = m
	}
	if !utf8.ValidString(in.Note) {
		e.Add("note", "volunteer.err.text")
	}
	e.MaxLen("note", in.Note, MaxNote)
	return in, e
}

// ActivityInput is when a need's activity takes place, as typed in the
// organisation's zone: a day, a start and an end time, and an optional
// last day for an activity over several days.
type ActivityInput struct {
	Clear        bool // every field empty: the time is not known (any more)
	Starts, Ends time.Time
}

// ParseActivity reads "date", "start", "end" and "end_date" in zone.
func ParseActivity(f url.Values, zone *time.Location) (ActivityInput, validate.Errors) {
	g := func(k string) string { return strings.TrimSpace(f.Get(k)) }
	e := validate.Errors{}
	date, start, end, endDate := g("date"), g("start"), g("end"), g("end_date")
	if date == "" && start == "" && end == "" && endDate == "" {
		return ActivityInput{Clear: true}, e
	}
	if endDate == "" {
		endDate = date
	}
	at := func(field, day, clock string) time.Time {
		if !e.Required(field, clock) || day == "" {
			return time.Time{}
		}
		t, err := time.ParseInLocation("2006-01-02 15:04", day+" "+clock, zone)
		if err != nil {
			e.Add(field, "volunteer.err.time")
		}
		return t.UTC()
	}
	if e.Required("date", date) {
		if _, err := time.Parse("2006-01-02", date); err != nil {
			e.Add("date", "volunteer.err.day")
		}
	}
	if _, err := time.Parse("2006-01-02", endDate); err != nil && date != "" {
		e.Add("end_date", "volunteer.err.day")
	}
	in := ActivityInput{Starts: at("start", date, start), Ends: at("end", endDate, end)}
	if len(e) == 0 && !in.Ends.After(in.Starts) {
		e.Add("end", "volunteer.err.end_before_start")
	}
	if len(e) == 0 && in.Ends.Sub(in.Starts) > 31*24*time.Hour {
		e.Add("end_date", "volunteer.err.too_long")
	}
	return in, e
}
