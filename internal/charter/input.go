package charter

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/cycletool"
	"lokadaya/internal/validate"
)

// Limits of the fields, in characters: short lines for the service, the
// time and the signer; a few paragraphs for the rest, so the charter still
// fits a poster.
const (
	MaxLine = 200
	MaxName = 120
	MaxText = 1500
)

// The cost kinds of the form.
const (
	CostFree = "gratis"
	CostPaid = "bayar"
)

// Input is a charter form as typed.
type Input struct {
	Service, Requirements, Procedure, TimeToServe string
	CostKind, Cost                                string
	ComplaintChannels, Rights, Obligations        string
	SignerName, SignerRole, SignedOn              string
	cost                                          int64
}

// FromForm reads a charter form.
func FromForm(form url.Values) Input {
	get := func(k string) string { return strings.TrimSpace(strings.ReplaceAll(form.Get(k), "\r\n", "\n")) }
	return Input{Service: get("service"), Requirements: get("requirements"), Procedure: get("procedure"),
		TimeToServe: get("time_to_serve"), CostKind: get("cost_kind"), Cost: get("cost"),
		ComplaintChannels: get("complaint_channels"), Rights: get("rights"), Obligations: get("obligations"),
		SignerName: get("signer_name"), SignerRole: get("signer_role"), SignedOn: get("signed_on")}
}

// Form is the version as form values, the start of the next version.
func (c *Charter) Form() url.Values {
	f := url.Values{"service": {c.Service}, "requirements": {c.Requirements}, "procedure": {c.Procedure},
		"time_to_serve": {c.TimeToServe}, "cost_kind": {CostFree}, "complaint_channels": {c.ComplaintChannels},
		"rights": {c.Rights}, "obligations": {c.Obligations}, "signer_name": {c.SignerName},
		"signer_role": {c.SignerRole}, "signed_on": {c.SignedOn}}
	if !c.Free() {
		f.Set("cost_kind", CostPaid)
		f.Set("cost", strconv.FormatInt(c.Cost, 10))
	}
	return f
}

// Check validates the input; today is the day in the organisation's zone,
// after which no charter can have been signed.
func (in *Input) Check(today time.Time) validate.Errors {
	e := validate.Errors{}
	for _, f := range []struct {
		field, value string
		max          int
		required     bool
	}{
		{"service", in.Service, MaxLine, true},
		{"requirements", in.Requirements, MaxText, true},
		{"procedure", in.Procedure, MaxText, true},
		{"time_to_serve", in.TimeToServe, MaxLine, true},
		{"complaint_channels", in.ComplaintChannels, MaxText, true},
		{"rights", in.Rights, MaxText, true},
		{"obligations", in.Obligations, MaxText, true},
		{"signer_name", in.SignerName, MaxName, false},
		{"signer_role", in.SignerRole, MaxName, false},
	} {
		switch {
		case strings.ContainsRune(f.value, 0) || !utf8.ValidString(f.value):
			e.Add(f.field, "charter.err.text")
		case f.required && !e.Required(f.field, f.value):
		default:
			e.MaxLen(f.field, f.value, f.max)
		}
	}
	in.checkCost(e)
	in.checkSignature(e, today)
	return e
}

func (in *Input) checkCost(e validate.Errors) {
	in.cost = 0
	switch in.CostKind {
	case CostFree:
	case CostPaid:
		n, err := cycletool.ParseRupiah(in.Cost)
		switch {
		case err != nil:
			e.Add("cost", cycletool.AmountErrKey(err))
		case n == 0:
			e.Add("cost", "charter.err.cost_zero")
		default:
			in.cost = n
		}
	default:
		e.Add("cost_kind", "charter.err.cost_kind")
	}
}

// checkSignature: a signature is a name and a day, both or neither; the
// role is optional but belongs to a signature.
func (in *Input) checkSignature(e validate.Errors, today time.Time) {
	if in.SignerName == "" && in.SignedOn == "" {
		if in.SignerRole != "" {
			e.Add("signer_name", "charter.err.signer_name")
		}
		return
	}
	if in.SignerName == "" {
		e.Add("signer_name", "charter.err.signer_name")
	}
	d, err := time.Parse(DateLayout, in.SignedOn)
	switch {
	case in.SignedOn == "":
		e.Add("signed_on", "charter.err.signed_on")
	case err != nil:
		e.Add("signed_on", "charter.err.date")
	case d.After(today):
		e.Add("signed_on", "charter.err.future")
	case d.Year() < 2000:
		e.Add("signed_on", "charter.err.date")
	}
}
