package service

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/validate"
)

// Record is one record of service delivered: on a day, at a point, one
// kind of service, the people served counted by sex, age band,
// disability and vulnerable group.
type Record struct {
	ID           int64
	OrgID        int64
	InitiativeID int64
	PointID      int64
	ServedOn     string // YYYY-MM-DD, the organisation's local day
	ServiceType  string
	Counts
	Note        string
	ImportID    string // "" when typed in
	CreatedName string
	CreatedAt   time.Time
}

// Counts are the people of a record, or the sum of many (reach).
type Counts struct {
	Total, Male, Female int64
	// Ages are the people per age band, in AgeBands order.
	Ages       [4]int64
	Disability int64
	// Groups are the people of each vulnerable group (Groups keys).
	Groups map[string]int64
}

// AgeBands are the age bands, in the order of Counts.Ages; their keys
// are those of the API.
var AgeBands = []string{"0-5", "6-17", "18-59", "60+"}

// VulnerableGroups are the vulnerable groups a record may count.
var VulnerableGroups = []string{"miskin", "ibu_hamil", "perempuan_kk", "adat", "pengungsi"}

// Limits of a record's fields.
const (
	MaxServiceType = 80
	MaxNote        = 500
	// MaxPeople bounds one record's count: a day at one point.
	MaxPeople = 100000
	// Earliest is the first day a record may have.
	Earliest = "2000-01-01"
)

// The form fields of a record, which are also the columns of the import
// template.
const (
	FieldDate        = "tanggal"
	FieldPoint       = "kode_titik"
	FieldType        = "jenis_layanan"
	FieldTotal       = "jumlah"
	FieldMale        = "laki_laki"
	FieldFemale      = "perempuan"
	FieldDisability  = "disabilitas"
	FieldNote        = "catatan"
	groupFieldPrefix = "rentan_"
)

// AgeFields are the form fields of the age bands, in AgeBands order.
var AgeFields = []string{"usia_0_5", "usia_6_17", "usia_18_59", "usia_60_plus"}

// GroupField is the form field of a vulnerable group.
func GroupField(group string) string { return groupFieldPrefix + group }

// Columns are the columns of the import template, in order.
func Columns() []string {
	cols := []string{FieldDate, FieldPoint, FieldType, FieldTotal, FieldMale, FieldFemale}
	cols = append(cols, AgeFields...)
	cols = append(cols, FieldDisability)
	for _, g := range VulnerableGroups {
		cols = append(cols, GroupField(g))
	}
	return append(cols, FieldNote)
}

// RecordInput is a record as typed in a form or a row of a file: each
// value by its field name.
type RecordInput map[string]string

// RecordFromForm reads a record form.
func RecordFromForm(form url.Values) RecordInput {
	in := RecordInput{}
	for _, c := range Columns() {
		in[c] = strings.TrimSpace(form.Get(c))
	}
	return in
}

// Checked is a record input that passed its checks, ready to store.
type Checked struct {
	ServedOn, PointCode, ServiceType, Note string
	Counts
}

// Check validates a record: a day not in the future (today is the
// organisation's local day, YYYY-MM-DD), a known point code, counts that
// are whole numbers and add up. Each problem is on its own field.
func (in RecordInput) Check(today string, points map[string]*Point) (*Checked, validate.Errors) {
	e := validate.Errors{}
	c := &Checked{ServiceType: in[FieldType], Note: in[FieldNote], Counts: Counts{Groups: map[string]int64{}}}
	day, ok := ParseDay(in[FieldDate])
	switch {
	case in[FieldDate] == "":
		e.Add(FieldDate, "form.required")
	case !ok:
		e.Add(FieldDate, "service.err.date")
	case day > today:
		e.Add(FieldDate, "service.err.date_future")
	case day < Earliest:
		e.Add(FieldDate, "service.err.date_old")
	}
	c.ServedOn = day
	c.PointCode = strings.ToUpper(in[FieldPoint])
	if c.PointCode == "" {
		e.Add(FieldPoint, "form.required")
	} else if points[c.PointCode] == nil {
		e.Add(FieldPoint, "service.err.point")
	}
	if e.Required(FieldType, c.ServiceType) {
		e.MaxLen(FieldType, c.ServiceType, MaxServiceType)
	}
	e.MaxLen(FieldNote, c.Note, MaxNote)
	if !utf8.ValidString(c.ServiceType+c.Note) || strings.ContainsRune(c.ServiceType+c.Note, 0) {
		e.Add(FieldNote, "service.err.text")
	}
	count := func(field string, required bool) int64 {
		n, key := parseCount(in[field], required)
		if key != "" {
			e.Add(field, key)
		}
		return n
	}
	c.Total = count(FieldTotal, true)
	if _, bad := e[FieldTotal]; !bad && c.Total == 0 {
		e.Add(FieldTotal, "service.err.total_zero")
	}
	c.Male, c.Female = count(FieldMale, true), count(FieldFemale, true)
	var ages int64
	for i, f := range AgeFields {
		c.Ages[i] = count(f, true)
		ages += c.Ages[i]
	}
	c.Disability = count(FieldDisability, false)
	for _, g := range VulnerableGroups {
		if n := count(GroupField(g), false); n > 0 {
			c.Groups[g] = n
		}
	}
	if len(e) > 0 {
		return nil, e
	}
	if c.Male+c.Female != c.Total {
		e.Add(FieldMale, "service.err.sex_sum")
		e.Add(FieldFemale, "service.err.sex_sum")
	}
	if ages != c.Total {
		for _, f := range AgeFields {
			e.Add(f, "service.err.age_sum")
		}
	}
	if c.Disability > c.Total {
		e.Add(FieldDisability, "service.err.over_total")
	}
	for g, n := range c.Groups {
		if n > c.Total {
			e.Add(GroupField(g), "service.err.over_total")
		}
	}
	if len(e) > 0 {
		return nil, e
	}
	return c, nil
}

// parseCount reads a count of people: a whole number from 0 to MaxPeople
// (written with or without thousands dots). Empty is 0 unless required.
func parseCount(s string, required bool) (int64, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		if required {
			return 0, "form.required"
		}
		return 0, ""
	}
	if !countPattern.MatchString(s) {
		return 0, "service.err.count"
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(s, ".", ""), 10, 64)
	switch {
	case err != nil:
		return 0, "service.err.count"
	case n > MaxPeople:
		return 0, "service.err.count_big"
	}
	return n, ""
}

// countPattern is a whole number, plain or with thousands dots (1.250).
var countPattern = regexp.MustCompile(`^(\d+|\d{1,3}(\.\d{3})+)$`)

// ParseDay reads a day written YYYY-MM-DD or DD/MM/YYYY (as Indonesian
// spreadsheets write it) and returns it as YYYY-MM-DD.
func ParseDay(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.DateOnly, "02/01/2006", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}

// Today is the local day in zone, YYYY-MM-DD.
func Today(now time.Time, zone *time.Location) string { return now.In(zone).Format(time.DateOnly) }

// Today is the store clock's local day in zone, YYYY-MM-DD: the last day
// a record may have.
func (s *Store) Today(zone *time.Location) string { return Today(s.now(), zone) }
