package lesson

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"lokadaya/internal/org"
	"lokadaya/internal/region"
	"lokadaya/internal/validate"
)

// Input is a lesson as written, by a form or by another part of the
// platform (a reflection session's outcome).
type Input struct {
	OrgID        int64
	InitiativeID int64 // 0: none
	Stage        int   // 1–7, 0: none
	Title, Body  string
	Issues       []string
	RegionCode   string // "": the organisation's region
	LedTo        string
	SourceKind   string // "": other
	SourceID     int64
	Evidence     []Evidence
	Published    bool

	// formErrs are what reading a form found wrong (a stage that is not a
	// number, an evidence line without an address).
	formErrs validate.Errors
}

// FromForm reads the lesson form: title, body, stage, issues (repeated),
// the region picker, initiative, led_to, evidence (one link a line),
// source_kind and source_id (hidden, from the page it was started on).
func FromForm(orgID int64, form url.Values) Input {
	g := func(k string) string { return strings.TrimSpace(form.Get(k)) }
	in := Input{OrgID: orgID, Title: g("title"), Body: g("body"), Issues: form["issues"],
		RegionCode: region.FromForm(form), LedTo: g("led_to"), SourceKind: g("source_kind"), formErrs: validate.Errors{}}
	if s := g("stage"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			in.formErrs.Add("stage", "lesson.err.stage")
		}
		in.Stage = n
	}
	if s := g("initiative"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 {
			in.formErrs.Add("initiative", "lesson.err.initiative")
		}
		in.InitiativeID = n
	}
	if s := g("source_id"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 {
			in.formErrs.Add("source_kind", "lesson.err.source")
		}
		in.SourceID = n
	}
	ev, key := ParseEvidence(form.Get("evidence"))
	if key != "" {
		in.formErrs.Add("evidence", key)
	}
	in.Evidence = ev
	return in
}

// Form is the lesson as form values, for its edit page.
func (l *Lesson) Form() url.Values {
	f := url.Values{"title": {l.Title}, "body": {l.Body}, "issues": l.Issues, region.FieldCode: {l.RegionCode},
		"led_to": {l.LedTo}, "source_kind": {l.SourceKind}, "evidence": {FormatEvidence(l.Evidence)}}
	if l.Stage > 0 {
		f.Set("stage", strconv.Itoa(l.Stage))
	}
	if l.InitiativeID > 0 {
		f.Set("initiative", strconv.FormatInt(l.InitiativeID, 10))
	}
	if l.SourceID > 0 {
		f.Set("source_id", strconv.FormatInt(l.SourceID, 10))
	}
	return f
}

// ParseEvidence reads the evidence field: one link a line, its address
// last ("Laporan keuangan 2025 | /organisasi/x/buku", or the address
// alone). Blank lines are skipped. It returns the i18n key of what is
// wrong, "" when nothing is; every address is checked by ValidURL.
func ParseEvidence(text string) ([]Evidence, string) {
	if len(text) > MaxEvidenceRaw {
		return nil, "lesson.err.evidence_many"
	}
	if !utf8.ValidString(text) {
		return nil, "lesson.err.evidence_url"
	}
	var out []Evidence
	for _, line := range strings.Split(text, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		addr := fields[len(fields)-1]
		label := strings.TrimSpace(strings.Join(fields[:len(fields)-1], " "))
		label = strings.TrimRightFunc(label, func(r rune) bool { return r == '|' || r == '-' || r == ':' || r == '–' || unicode.IsSpace(r) })
		if label == "" {
			label = addr
		}
		out = append(out, Evidence{Label: label, URL: addr})
	}
	if len(out) > MaxEvidence {
		return nil, "lesson.err.evidence_many"
	}
	for _, e := range out {
		if key := checkEvidence(e); key != "" {
			return out, key
		}
	}
	return out, ""
}

// FormatEvidence writes links back as the evidence field's lines.
func FormatEvidence(list []Evidence) string {
	lines := make([]string, len(list))
	for i, e := range list {
		lines[i] = e.Label + " | " + e.URL
		if e.Label == e.URL {
			lines[i] = e.URL
		}
	}
	return strings.Join(lines, "\n")
}

func checkEvidence(e Evidence) string {
	if e.Label == "" || utf8.RuneCountInString(e.Label) > MaxLabel || !plainText(e.Label) {
		return "lesson.err.evidence_label"
	}
	if !ValidURL(e.URL) {
		return "lesson.err.evidence_url"
	}
	return ""
}

// ValidURL reports whether u may be shown as an evidence link: a path of
// this site ("/organisasi/x/buku", never "//host" which browsers read as
// another site) or an absolute http or https address with a host. Every
// other scheme (javascript:, data:, file:…) is refused.
func ValidURL(u string) bool {
	if u == "" || len(u) > MaxURL || !utf8.ValidString(u) {
		return false
	}
	for _, r := range u {
		if r <= ' ' || r == 0x7f || r == '\\' || unicode.IsSpace(r) {
			return false
		}
	}
	p, err := url.Parse(u)
	if err != nil || p.User != nil || p.Opaque != "" {
		return false
	}
	if u[0] == '/' {
		return !strings.HasPrefix(u, "//") && p.Scheme == "" && p.Host == ""
	}
	s := strings.ToLower(p.Scheme)
	return (s == "https" || s == "http") && p.Host != "" && p.Hostname() != ""
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

// check validates the input's shape and tidies it (issues without
// duplicates, the default source kind); whether the initiative, region
// and source belong to the organisation is the store's question.
func (in *Input) check() validate.Errors {
	e := validate.Errors{}
	in.Title, in.Body, in.LedTo = strings.TrimSpace(in.Title), strings.TrimSpace(in.Body), strings.TrimSpace(in.LedTo)
	for f, k := range in.formErrs {
		e.Add(f, k)
	}
	if e.Required("title", in.Title) {
		e.MaxLen("title", in.Title, MaxTitle)
	}
	if e.Required("body", in.Body) {
		e.MaxLen("body", in.Body, MaxBody)
	}
	e.MaxLen("led_to", in.LedTo, MaxLedTo)
	for f, s := range map[string]string{"title": in.Title, "body": in.Body, "led_to": in.LedTo} {
		if !plainText(s) {
			e.Add(f, "lesson.err.text")
		}
	}
	if in.Stage < 0 || in.Stage > Stages {
		e.Add("stage", "lesson.err.stage")
	}
	var issues []string
	for _, k := range in.Issues {
		k = strings.TrimSpace(k)
		switch {
		case k == "":
		case !org.ValidFocusIssue(k):
			e.Add("issues", "lesson.err.issue")
		case !slices.Contains(issues, k):
			issues = append(issues, k)
		}
	}
	in.Issues = issues
	if in.SourceKind == "" {
		in.SourceKind = SourceElsewhere
	}
	switch {
	case !slices.Contains(SourceKinds, in.SourceKind):
		e.Add("source_kind", "lesson.err.source")
	case in.SourceKind == SourceElsewhere && in.SourceID != 0, in.SourceKind != SourceElsewhere && in.SourceID <= 0:
		e.Add("source_kind", "lesson.err.source")
	}
	if len(in.Evidence) > MaxEvidence {
		e.Add("evidence", "lesson.err.evidence_many")
	} else if _, done := e["evidence"]; !done {
		for _, ev := range in.Evidence {
			if key := checkEvidence(ev); key != "" {
				e.Add("evidence", key)
				break
			}
		}
	}
	return e
}
