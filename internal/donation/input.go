package donation

import (
	"errors"
	"net/url"
	"strings"
	"unicode/utf8"

	"lokadaya/internal/validate"
)

// Input is a donation form as typed, already read.
type Input struct {
	Amount    int64 // 0 when missing or unreadable
	AmountRaw string
	Name      string
	Anonymous bool
	Message   string
	Email     string
	Phone     string
	Token     string // the form's one-time token
	News      bool   // the donor asked for the campaign's news by e-mail
	Lang      string // "id" or "en": the language of the page used
}

// Target is where a donation goes; the caller resolves it from the
// campaign page (its first dana need and the organisation's active bank
// account, or its confirmed QRIS).
type Target struct {
	CampaignID    int64
	NeedID        int64 // 0 when none
	OrgID         int64
	BankAccountID int64  // unused for QRIS
	Method        string // MethodTransfer when ""
}

// Presets are the amounts the form offers before a custom one.
var Presets = []int64{25_000, 50_000, 100_000}

// ErrAmount is a rupiah amount that cannot be read.
var ErrAmount = errors.New("donation: unreadable amount")

// ParseAmount reads a rupiah amount as people type it: "100000",
// "100.000", "Rp 100.000", "Rp100,000", and "100.000,00" with the sen
// written out as zeros, as invoices and bank apps do. Other decimals are
// refused rather than guessed at: "100.000,50" and "1.5" are errors.
func ParseAmount(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && strings.EqualFold(s[:2], "rp") {
		s = strings.TrimSpace(strings.TrimPrefix(s[2:], "."))
	}
	if whole, ok := strings.CutSuffix(s, ",00"); ok && !strings.Contains(whole, ",") {
		s = whole
	}
	if s == "" || len(s) > 20 {
		return 0, ErrAmount
	}
	var n int64
	digits, group := 0, -1 // group: digits since the last separator, -1 before any
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			if n > (1<<62)/10 {
				return 0, ErrAmount
			}
			n = n*10 + int64(r-'0')
			digits++
			if group >= 0 {
				group++
			}
		case r == '.' || r == ',' || r == ' ' || r == '\u00a0':
			// A thousands separator must follow 1–3 digits and close a
			// group of exactly three.
			if digits == 0 || (group >= 0 && group != 3) || (group < 0 && digits > 3) {
				return 0, ErrAmount
			}
			group = 0
		default:
			return 0, ErrAmount
		}
	}
	if digits == 0 || (group >= 0 && group != 3) {
		return 0, ErrAmount
	}
	return n, nil
}

// FromForm reads the donation form: a preset in "amount" unless
// "amount_custom" is filled in, "name", "anonymous", "message", "email",
// "phone", the one-time "token" and "kabar" (news by e-mail).
func FromForm(f url.Values) Input {
	raw := strings.TrimSpace(f.Get("amount_custom"))
	if raw == "" {
		raw = strings.TrimSpace(f.Get("amount"))
	}
	in := Input{
		AmountRaw: raw,
		Name:      strings.Join(strings.Fields(f.Get("name")), " "),
		Anonymous: f.Get("anonymous") != "",
		Message:   strings.TrimSpace(f.Get("message")),
		Email:     strings.TrimSpace(f.Get("email")),
		Phone:     strings.TrimSpace(f.Get("phone")),
		Token:     strings.TrimSpace(f.Get("token")),
		News:      f.Get("kabar") != "",
	}
	if n, err := ParseAmount(raw); err == nil {
		in.Amount = n
	}
	return in
}

// Check validates in against the minimum and maximum amount and
// normalises the phone number in place.
func (in *Input) Check(minimum, maximum int64) validate.Errors {
	e := validate.Errors{}
	switch {
	case in.Amount == 0 && in.AmountRaw == "":
		e.Add("amount", "form.required")
	case strings.HasPrefix(in.AmountRaw, "-"), strings.HasPrefix(in.AmountRaw, "−"):
		e.Add("amount", "tools.err.amount_negative")
	case in.Amount == 0:
		e.Add("amount", "donation.err.amount")
	case in.Amount < minimum:
		e.Add("amount", "donation.err.minimum")
	case in.Amount > maximum:
		e.Add("amount", "donation.err.maximum")
	}
	if !in.Anonymous {
		e.Required("name", in.Name)
	}
	for field, v := range map[string]string{"name": in.Name, "message": in.Message} {
		if !utf8.ValidString(v) {
			e.Add(field, "donation.err.text")
		}
	}
	e.MaxLen("name", in.Name, MaxName) // Add keeps the first problem only
	e.MaxLen("message", in.Message, MaxMessage)
	if in.Email != "" && !validate.Email(in.Email) {
		e.Add("email", "donation.err.email")
	}
	if in.Phone != "" {
		if p, ok := validate.Phone(in.Phone); ok {
			in.Phone = p
		} else {
			e.Add("phone", "donation.err.phone")
		}
	}
	if len(in.Token) < minToken || len(in.Token) > MaxToken {
		e.Add("token", "donation.err.token")
	}
	return e
}
