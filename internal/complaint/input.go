package complaint

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/imaging"
	"lokadaya/internal/validate"
)

// Input is a new complaint as the complainant (or staff, or the gateway)
// gave it. The caller resolves the organisation and the initiative.
type Input struct {
	OrgID        int64
	InitiativeID *int64
	Category     string // one of Categories; "" is lainnya
	Text         string
	Visibility   string
	ContactName  string
	Contact      string // an e-mail address or a phone number
	Channel      string
	Lang         string // the complainant's language, "id" or "en"
	// Token is the web form's one-time token; a second submit with it
	// returns the first complaint.
	Token string
	// ReceivedAt is when staff received a complaint on paper or by phone;
	// zero means now. It may not be in the future.
	ReceivedAt time.Time
	// LoggedBy is the member who logged a complaint from paper or phone.
	LoggedBy Actor
	// Photo is optional evidence from PreparePhoto.
	Photo *imaging.Result
}

// Normalize trims the input and fills defaults; Check calls it.
func (in *Input) Normalize() {
	in.Category = strings.TrimSpace(in.Category)
	if in.Category == "" {
		in.Category = CategoryOther
	}
	in.Text = strings.TrimSpace(strings.ReplaceAll(in.Text, "\r\n", "\n"))
	in.Visibility = strings.TrimSpace(in.Visibility)
	in.ContactName = strings.TrimSpace(in.ContactName)
	in.Contact = strings.TrimSpace(in.Contact)
	if in.Lang != "en" {
		in.Lang = "id"
	}
}

// Check normalises the input and reports what is wrong with it, field by
// field: text, category, visibility, contact_name, contact, channel,
// received_at. now is the store's clock.
func (in *Input) Check(now time.Time) validate.Errors {
	in.Normalize()
	errs := validate.Errors{}
	if errs.Required("text", in.Text) && errs.MaxLen("text", in.Text, MaxText) &&
		utf8.RuneCountInString(in.Text) < MinText {
		errs.Add("text", "complaint.error.text_short")
	}
	if !slices.Contains(Categories, in.Category) {
		errs.Add("category", "complaint.error.category")
	}
	switch {
	case in.Visibility == "":
		errs.Add("visibility", "form.required")
	case !slices.Contains(Visibilities, in.Visibility):
		errs.Add("visibility", "complaint.error.visibility")
	case in.Visibility == VisAnonymous && (in.Contact != "" || in.ContactName != ""):
		errs.Add("contact", "complaint.error.anonymous_contact")
	}
	errs.MaxLen("contact_name", in.ContactName, MaxName)
	if in.Contact != "" {
		if c, ok := normalizeContact(in.Contact); ok {
			in.Contact = c
		} else {
			errs.Add("contact", "complaint.error.contact")
		}
	}
	if in.Channel != ChannelWeb && !slices.Contains(StaffChannels, in.Channel) && !slices.Contains(GatewayChannels, in.Channel) {
		errs.Add("channel", "complaint.error.channel")
	}
	if !in.ReceivedAt.IsZero() && in.ReceivedAt.After(now) {
		errs.Add("received_at", "complaint.error.future")
	}
	if len(in.Token) > MaxToken {
		errs.Add("token", "form.invalid")
	}
	return errs
}

// normalizeContact accepts an e-mail address or an Indonesian phone
// number (kept as +62…).
func normalizeContact(s string) (string, bool) {
	if len(s) > MaxContact {
		return "", false
	}
	if strings.Contains(s, "@") {
		s = strings.ToLower(s)
		return s, validate.Email(s)
	}
	return validate.Phone(s)
}

// Masked is what stands in the public text for what was removed.
const Masked = "[disamarkan]"

var (
	emailPattern = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	// digitRun is a run of digits with the separators people write in
	// phone numbers, NIK and account numbers.
	digitRun = regexp.MustCompile(`\+?\d[\d .\-]{6,}\d`)
)

// minPrivateDigits is how many digits make a run personal data: phone
// numbers have at least nine, NIK sixteen; dates and small sums fewer.
const minPrivateDigits = 9

// MaskContacts replaces e-mail addresses and long digit runs (phone
// numbers, NIK, account numbers) with Masked, and reports whether it
// changed anything. Amounts written after "Rp" are kept.
func MaskContacts(s string) (string, bool) {
	out := emailPattern.ReplaceAllString(s, Masked)
	var b strings.Builder
	last := 0
	for _, m := range digitRun.FindAllStringIndex(out, -1) {
		run := out[m[0]:m[1]]
		if countDigits(run) < minPrivateDigits || afterRupiah(out[:m[0]]) {
			continue
		}
		b.WriteString(out[last:m[0]])
		b.WriteString(Masked)
		last = m[1]
	}
	b.WriteString(out[last:])
	return b.String(), b.String() != s
}

func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// afterRupiah reports whether before ends with "Rp", maybe followed by a
// space or a dot: the run that follows is an amount.
func afterRupiah(before string) bool {
	t := strings.TrimRight(before, " .")
	return strings.HasSuffix(strings.ToLower(t), "rp")
}

// Redact replaces every occurrence of phrase in s, ignoring case, with
// Masked, and reports how many it replaced.
func Redact(s, phrase string) (string, int) {
	phrase = strings.TrimSpace(phrase)
	if phrase == "" {
		return s, 0
	}
	lower, p := strings.ToLower(s), strings.ToLower(phrase)
	if len(lower) != len(s) {
		// Case folding changed byte lengths (rare scripts): match exactly.
		return strings.ReplaceAll(s, phrase, Masked), strings.Count(s, phrase)
	}
	var b strings.Builder
	n, last := 0, 0
	for {
		i := strings.Index(lower[last:], p)
		if i < 0 {
			break
		}
		b.WriteString(s[last : last+i])
		b.WriteString(Masked)
		last += i + len(p)
		n++
	}
	b.WriteString(s[last:])
	return b.String(), n
}
