package indicator

import (
	"regexp"
	"slices"
	"strings"
	"time"

	"lokadaya/internal/validate"
)

// Input is an indicator as typed into its form.
type Input struct {
	Key, Name, Kind, Unit, Direction string
	Baseline, Target                 string
	Period, From, To                 string
	Verification, Disaggregation     string
	Source                           string
}

// keyPattern is a key: a slug of lower-case letters, digits and dashes.
var keyPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// checked is an Input once read: its values parsed.
type checked struct {
	Input
	baseline, target Value
}

// check reads in and lists what is wrong with it, field by field.
func (in Input) check() (checked, validate.Errors) {
	e := validate.Errors{}
	c := checked{Input: in}
	c.Key = strings.ToLower(strings.TrimSpace(in.Key))
	c.Name, c.Unit = strings.TrimSpace(in.Name), strings.TrimSpace(in.Unit)
	c.Verification = strings.TrimSpace(in.Verification)
	if e.Required("key", c.Key) && (len(c.Key) > 60 || !keyPattern.MatchString(c.Key)) {
		e.Add("key", "indicator.err.key")
	}
	if e.Required("name", c.Name) {
		e.MaxLen("name", c.Name, 200)
	}
	if e.Required("unit", c.Unit) {
		e.MaxLen("unit", c.Unit, 40)
	}
	e.MaxLen("verification", c.Verification, 2000)
	oneOf(e, "kind", in.Kind, KindOutput, KindOutcome)
	oneOf(e, "direction", in.Direction, Rise, Fall)
	oneOf(e, "period", in.Period, Monthly, Quarterly, Yearly)
	if in.Disaggregation != "" {
		oneOf(e, "disaggregation", in.Disaggregation, BySex, ByAge)
	}
	if in.Source != "" {
		oneOf(e, "source", in.Source, Sources...)
	}
	money := in.Source == SourceDonations || IsMoneyUnit(c.Unit)
	c.baseline = value(e, "baseline", in.Baseline, money)
	c.target = value(e, "target", in.Target, money)
	if e["baseline"] == "" && e["target"] == "" {
		switch {
		case in.Direction == Rise && c.target < c.baseline:
			e.Add("target", "indicator.err.target_below")
		case in.Direction == Fall && c.target > c.baseline:
			e.Add("target", "indicator.err.target_above")
		}
	}
	from, fok := day(e, "from", in.From)
	to, tok := day(e, "to", in.To)
	if fok && tok && to < from {
		e.Add("to", "indicator.err.to_before_from")
	}
	c.From, c.To = from, to
	return c, e
}

func oneOf(e validate.Errors, field, v string, allowed ...string) {
	if e.Required(field, v) && !slices.Contains(allowed, v) {
		e.Add(field, "indicator.err.choice")
	}
}

// value parses a required number; money must be whole rupiah.
func value(e validate.Errors, field, s string, money bool) Value {
	if !e.Required(field, s) {
		return 0
	}
	v, ok := ParseValue(s)
	switch {
	case !ok:
		e.Add(field, "indicator.err.number")
	case money && !v.IsWhole():
		e.Add(field, "indicator.err.whole_rupiah")
	}
	return v
}

// day parses a required YYYY-MM-DD date.
func day(e validate.Errors, field, s string) (string, bool) {
	s = strings.TrimSpace(s)
	if !e.Required(field, s) {
		return s, false
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		e.Add(field, "indicator.err.date")
		return s, false
	}
	return s, true
}

// ActualInput is a typed-in actual as typed into its form; Parts holds
// the value per group of the indicator's disaggregation ("" when not
// given).
type ActualInput struct {
	Period, Value, Note string
	Parts               map[string]string
}

// checkActual reads an actual of ind and lists what is wrong with it.
func checkActual(ind *Indicator, in ActualInput) (Value, map[string]Value, validate.Errors) {
	e := validate.Errors{}
	period := strings.TrimSpace(in.Period)
	if e.Required("period", period) {
		from, to, ok := PeriodRange(ind.Period, period)
		switch {
		case !ok:
			e.Add("period", "indicator.err.period_"+ind.Period)
		case from > ind.To || to < ind.From:
			e.Add("period", "indicator.err.period_outside")
		}
	}
	v := value(e, "value", in.Value, ind.Money())
	e.MaxLen("note", in.Note, 2000)
	parts := map[string]Value{}
	var sum Value
	for _, g := range Groups[ind.Disaggregation] {
		s := strings.TrimSpace(in.Parts[g])
		if s == "" {
			continue
		}
		p, ok := ParseValue(s)
		if !ok {
			e.Add("part_"+g, "indicator.err.number")
			continue
		}
		parts[g] = p
		sum += p
	}
	if len(parts) > 0 && e["value"] == "" && sum != v {
		e.Add("parts", "indicator.err.parts_sum")
	}
	return v, parts, e
}
