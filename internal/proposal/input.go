package proposal

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"lokadaya/internal/cycletool"
	"lokadaya/internal/lesson"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// Input is a proposal as written.
type Input struct {
	Kind, Title, What, RegionCode, Where, Beneficiaries string
	Count, Cost                                         *int64
	Evidence                                            []Evidence
	// Datasets are the ids of the catalogue datasets cited; nil leaves
	// what the proposal cites as it is.
	Datasets []int64

	// formErrs are what reading a form found wrong (a cost that is not an
	// amount, an evidence line without an address).
	formErrs validate.Errors
}

// FromForm reads the proposal form: kind, title, what, the region picker,
// where, beneficiaries, count, cost (rupiah as typed) and evidence (one
// link a line, "label | address" or the address alone).
func FromForm(form url.Values) Input {
	g := func(k string) string { return strings.TrimSpace(form.Get(k)) }
	in := Input{Kind: g("kind"), Title: g("title"), What: g("what"), RegionCode: region.FromForm(form),
		Where: g("where"), Beneficiaries: g("beneficiaries"), formErrs: validate.Errors{}}
	if s := g("count"); s != "" {
		n, err := strconv.ParseInt(strings.ReplaceAll(s, ".", ""), 10, 64)
		if err != nil || n < 0 || n > MaxCount {
			in.formErrs.Add("count", "proposal.err.count")
		} else {
			in.Count = &n
		}
	}
	if s := g("cost"); s != "" {
		n, err := cycletool.ParseRupiah(s)
		if err != nil {
			in.formErrs.Add("cost", cycletool.AmountErrKey(err))
		} else {
			in.Cost = &n
		}
	}
	ev, key := lesson.ParseEvidence(form.Get("evidence"))
	if key != "" {
		in.formErrs.Add("evidence", key)
	}
	in.Evidence = ev
	if form.Get("datasets_shown") != "" {
		// The form showed the catalogue's datasets: what is ticked is the
		// whole set, none ticked clears it.
		in.Datasets = []int64{}
		for _, v := range form["dataset"] {
			id, err := strconv.ParseInt(v, 10, 64)
			if err != nil || id <= 0 {
				in.formErrs.Add("dataset", "dataset.err.not_published")
				continue
			}
			in.Datasets = append(in.Datasets, id)
		}
	}
	return in
}

// Form is the proposal as form values, for its edit page.
func (p *Proposal) Form() url.Values {
	f := url.Values{"kind": {p.Kind}, "title": {p.Title}, "what": {p.What}, region.FieldCode: {p.RegionCode},
		"where": {p.Where}, "beneficiaries": {p.Beneficiaries}, "evidence": {lesson.FormatEvidence(p.Evidence)}}
	if p.Count != nil {
		f.Set("count", strconv.FormatInt(*p.Count, 10))
	}
	if p.Cost != nil {
		f.Set("cost", strconv.FormatInt(*p.Cost, 10))
	}
	return f
}

// check validates the input's shape and tidies it; whether the region
// exists is the store's question.
func (in *Input) check() validate.Errors {
	e := validate.Errors{}
	for f, k := range in.formErrs {
		e.Add(f, k)
	}
	in.Title, in.What = strings.TrimSpace(in.Title), strings.TrimSpace(in.What)
	in.Where, in.Beneficiaries = strings.TrimSpace(in.Where), strings.TrimSpace(in.Beneficiaries)
	if !slices.Contains(Kinds, in.Kind) {
		e.Add("kind", "proposal.err.kind")
	}
	if e.Required("title", in.Title) {
		e.MaxLen("title", in.Title, MaxTitle)
	}
	if e.Required("what", in.What) {
		e.MaxLen("what", in.What, MaxWhat)
	}
	e.MaxLen("where", in.Where, MaxWhere)
	e.MaxLen("beneficiaries", in.Beneficiaries, MaxBeneficiaries)
	for f, s := range map[string]string{"title": in.Title, "what": in.What, "where": in.Where, "beneficiaries": in.Beneficiaries} {
		if !plainText(s) {
			e.Add(f, "proposal.err.text")
		}
	}
	if in.Count != nil && (*in.Count < 0 || *in.Count > MaxCount) {
		e.Add("count", "proposal.err.count")
	}
	if in.Cost != nil && (*in.Cost < 0 || *in.Cost > cycletool.MaxAmount) {
		e.Add("cost", "tools.err.amount_invalid")
	}
	if _, done := e["evidence"]; !done {
		// Evidence given in code (not through the form) is checked the
		// same way as the form's lines.
		if _, key := lesson.ParseEvidence(lesson.FormatEvidence(in.Evidence)); key != "" || len(in.Evidence) > lesson.MaxEvidence {
			if key == "" {
				key = "lesson.err.evidence_many"
			}
			e.Add("evidence", key)
		}
	}
	return e
}

// plainText reports whether s is valid text without control characters.
func plainText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == 0 || (unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t') {
			return false
		}
	}
	return true
}
