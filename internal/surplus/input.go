package surplus

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/cycletool"
	"lokadaya/internal/validate"
)

// Form field names.
const (
	FieldInitiative = "inisiatif"
	FieldFrom       = "dari"
	FieldTo         = "sampai"
	FieldReserve    = "cadangan"
	FieldKind       = "jenis"
	FieldAmount     = "jumlah"
	FieldTarget     = "tujuan"
	FieldNewName    = "nama_baru"
	FieldRationale  = "alasan"
)

// TargetNew is the target field's value for a new initiative.
const TargetNew = "baru"

// PeriodInput is the period form: which initiative, which days, which
// reserve.
type PeriodInput struct {
	InitiativeID int64
	From, To     time.Time // instants, To excluded
	Reserve      int64
}

// ParsePeriod reads the period form: the initiative's id, the first and
// last day (YYYY-MM-DD, in zone, both included) and the reserve in rupiah
// (blank is 0). now is the current time: a period ends before today.
func ParsePeriod(form url.Values, zone *time.Location, now time.Time) (PeriodInput, validate.Errors) {
	e := validate.Errors{}
	var p PeriodInput
	if id, err := strconv.ParseInt(strings.TrimSpace(form.Get(FieldInitiative)), 10, 64); err == nil && id > 0 {
		p.InitiativeID = id
	} else {
		e.Add(FieldInitiative, "surplus.err.initiative")
	}
	from, okFrom := parseDay(e, FieldFrom, form.Get(FieldFrom), zone)
	last, okTo := parseDay(e, FieldTo, form.Get(FieldTo), zone)
	if okFrom && okTo {
		p.From, p.To = from.UTC(), last.AddDate(0, 0, 1).UTC()
		today := now.In(zone)
		today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, zone)
		switch {
		case last.Before(from):
			e.Add(FieldTo, "surplus.err.order")
		case last.Sub(from) > MaxDays*24*time.Hour:
			e.Add(FieldTo, "surplus.err.too_long")
		case p.To.After(today):
			e.Add(FieldTo, "surplus.err.not_ended")
		}
	}
	if v := strings.TrimSpace(form.Get(FieldReserve)); v != "" {
		n, err := cycletool.ParseRupiah(v)
		if err != nil {
			e.Add(FieldReserve, cycletool.AmountErrKey(err))
		} else {
			p.Reserve = n
		}
	}
	return p, e
}

func parseDay(e validate.Errors, field, v string, zone *time.Location) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		e.Add(field, "form.required")
		return time.Time{}, false
	}
	t, err := time.ParseInLocation(time.DateOnly, v, zone)
	if err != nil || t.Year() < 2000 || t.Year() > 2100 {
		e.Add(field, "surplus.err.date")
		return time.Time{}, false
	}
	return t, true
}

// Decision is the allocation form: a period, what to, how much and why.
type Decision struct {
	Period    PeriodInput
	Kind      Kind
	Amount    int64
	TargetID  int64  // 0 with a NewName: a new initiative
	NewName   string // the new initiative's name
	Rationale string
}

// ParseDecision reads the allocation form (which carries the period's
// fields too). The target is "baru" for a new initiative, named in
// nama_baru, or an initiative's id. Reserve allocations go to the
// initiative itself; a spin-off is always a new initiative; replication
// goes to a new initiative or another one; scale-up to an existing one,
// the initiative itself when blank. Whether the ids are the
// organisation's is checked by Allocate.
func ParseDecision(form url.Values, zone *time.Location, now time.Time) (Decision, validate.Errors) {
	p, e := ParsePeriod(form, zone, now)
	d := Decision{Period: p, Kind: Kind(strings.TrimSpace(form.Get(FieldKind))),
		NewName:   strings.Join(strings.Fields(form.Get(FieldNewName)), " "),
		Rationale: strings.TrimSpace(strings.ReplaceAll(form.Get(FieldRationale), "\r\n", "\n"))}
	if !d.Kind.Valid() {
		e.Add(FieldKind, "surplus.err.kind")
	}
	n, err := cycletool.ParseRupiah(form.Get(FieldAmount))
	switch {
	case err != nil:
		e.Add(FieldAmount, cycletool.AmountErrKey(err))
	case n <= 0:
		e.Add(FieldAmount, "surplus.err.amount_zero")
	default:
		d.Amount = n
	}
	if e.Required(FieldRationale, d.Rationale) {
		if !utf8.ValidString(d.Rationale) || strings.ContainsRune(d.Rationale, 0) {
			e.Add(FieldRationale, "surplus.err.text")
		}
		e.MaxLen(FieldRationale, d.Rationale, MaxRationale)
	}
	target := strings.TrimSpace(form.Get(FieldTarget))
	isNew := target == TargetNew
	if !isNew && target != "" {
		id, err := strconv.ParseInt(target, 10, 64)
		if err != nil || id <= 0 {
			e.Add(FieldTarget, "surplus.err.target")
		} else {
			d.TargetID = id
		}
	}
	switch d.Kind {
	case KindReserve:
		d.TargetID, d.NewName, isNew = p.InitiativeID, "", false
	case KindSpinOff:
		if !isNew {
			e.Add(FieldTarget, "surplus.err.spinoff_new")
		}
	case KindReplication:
		if !isNew && (d.TargetID == 0 || d.TargetID == p.InitiativeID) {
			e.Add(FieldTarget, "surplus.err.replication_target")
		}
	case KindScaleUp:
		if isNew {
			e.Add(FieldTarget, "surplus.err.scaleup_existing")
		} else if d.TargetID == 0 {
			d.TargetID = p.InitiativeID
		}
	}
	if isNew && d.Kind.Valid() && d.Kind != KindReserve && d.Kind != KindScaleUp {
		d.TargetID = 0
		if e.Required(FieldNewName, d.NewName) {
			if !utf8.ValidString(d.NewName) || strings.ContainsRune(d.NewName, 0) {
				e.Add(FieldNewName, "surplus.err.text")
			}
			e.MaxLen(FieldNewName, d.NewName, MaxName)
		}
	} else {
		d.NewName = ""
	}
	return d, e
}
