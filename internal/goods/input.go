package goods

import (
	"errors"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/validate"
)

// Input is a pledge form as typed, already read.
type Input struct {
	Quantity     int64 // 0 when missing or unreadable
	QuantityRaw  string
	Delivery     string
	ExpectedOn   string // YYYY-MM-DD or ""
	DeliveryNote string
	Name         string
	Anonymous    bool
	Message      string
	Email        string
	Phone        string
	Kabar        bool   // wants the campaign's news by e-mail
	Lang         string // the page's language; "id" when not "en"
	Token        string // the form's one-time token
}

// Target is the need a pledge goes to; the caller resolves it from the
// campaign page.
type Target struct {
	CampaignID int64
	NeedID     int64
	OrgID      int64
	Item       string // the need's title
	Unit       string
}

// ErrQuantity is a quantity that cannot be read as a whole number.
var ErrQuantity = errors.New("goods: unreadable quantity")

// ParseQuantity reads a whole number of items as people type it: "12",
// " 12 ", "1.000" or "1,000" (thousands grouped by threes). Fractions,
// signs and words are refused rather than guessed at: "1,5" and "-3" are
// errors.
func ParseQuantity(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 13 {
		return 0, ErrQuantity
	}
	var n int64
	digits, group := 0, -1 // group: digits since the last separator, -1 before any
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int64(r-'0')
			digits++
			if group >= 0 {
				group++
			}
		case r == '.' || r == ',':
			if digits == 0 || (group >= 0 && group != 3) || (group < 0 && digits > 3) {
				return 0, ErrQuantity
			}
			group = 0
		default:
			return 0, ErrQuantity
		}
	}
	if group >= 0 && group != 3 {
		return 0, ErrQuantity
	}
	return n, nil
}

// FromForm reads the pledge form: "quantity", "delivery", "expected_on",
// "delivery_note", "name", "anonymous", "message", "email", "phone",
// "kabar" and the one-time "token".
func FromForm(f url.Values) Input {
	in := Input{
		QuantityRaw:  strings.TrimSpace(f.Get("quantity")),
		Delivery:     strings.TrimSpace(f.Get("delivery")),
		ExpectedOn:   strings.TrimSpace(f.Get("expected_on")),
		DeliveryNote: strings.TrimSpace(f.Get("delivery_note")),
		Name:         strings.Join(strings.Fields(f.Get("name")), " "),
		Anonymous:    f.Get("anonymous") != "",
		Message:      strings.TrimSpace(f.Get("message")),
		Email:        strings.TrimSpace(f.Get("email")),
		Phone:        strings.TrimSpace(f.Get("phone")),
		Kabar:        f.Get("kabar") != "",
		Token:        strings.TrimSpace(f.Get("token")),
	}
	if n, err := ParseQuantity(in.QuantityRaw); err == nil {
		in.Quantity = n
	}
	return in
}

// Check validates in as of today (a moment in the organisation's zone)
// and normalises the e-mail and phone in place. Whether the quantity is
// still needed is the store's to decide.
func (in *Input) Check(today time.Time) validate.Errors {
	e := validate.Errors{}
	switch {
	case in.QuantityRaw == "" && in.Quantity == 0:
		e.Add("quantity", "form.required")
	case in.Quantity <= 0:
		e.Add("quantity", "goods.err.quantity")
	case in.Quantity > MaxQuantity:
		e.Add("quantity", "goods.err.quantity_max")
	}
	if in.Delivery == "" {
		e.Add("delivery", "goods.err.delivery")
	} else if !ValidDelivery(in.Delivery) {
		e.Add("delivery", "goods.err.delivery")
	}
	if in.ExpectedOn != "" {
		if key := checkDay(in.ExpectedOn, today, true); key != "" {
			e.Add("expected_on", key)
		}
	}
	if !in.Anonymous {
		e.Required("name", in.Name)
	}
	for field, v := range map[string]string{"name": in.Name, "message": in.Message, "delivery_note": in.DeliveryNote} {
		if !utf8.ValidString(v) {
			e.Add(field, "goods.err.text")
		}
	}
	e.MaxLen("name", in.Name, MaxName)
	e.MaxLen("message", in.Message, MaxMessage)
	e.MaxLen("delivery_note", in.DeliveryNote, MaxNote)
	in.Email = strings.ToLower(in.Email)
	if in.Email != "" && !validate.Email(in.Email) {
		e.Add("email", "goods.err.email")
	}
	if in.Phone != "" {
		if p, ok := validate.Phone(in.Phone); ok {
			in.Phone = p
		} else {
			e.Add("phone", "goods.err.phone")
		}
	}
	if in.Email == "" && in.Phone == "" {
		e.Add("email", "goods.err.contact")
	}
	if len(in.Token) < MinToken || len(in.Token) > MaxToken {
		e.Add("token", "goods.err.token")
	}
	if in.Lang != "en" {
		in.Lang = "id"
	}
	return e
}

// checkDay checks a YYYY-MM-DD day against today: an expected delivery
// (ahead) may not be past nor too far; a receipt day may not be in the
// future. It returns an i18n key, or "".
func checkDay(day string, today time.Time, ahead bool) string {
	t, err := time.Parse(DateLayout, day)
	if err != nil || t.Format(DateLayout) != day {
		return "goods.err.date"
	}
	now := today.Format(DateLayout)
	switch {
	case ahead && day < now:
		return "goods.err.date_past"
	case ahead && day > today.Add(MaxAhead).Format(DateLayout):
		return "goods.err.date_far"
	case !ahead && day > now:
		return "goods.err.date_future"
	}
	return ""
}

// ReceiptInput is the form that records goods arriving.
type ReceiptInput struct {
	Quantity    int64
	QuantityRaw string
	ReceivedOn  string // YYYY-MM-DD; today when blank
	Note        string
}

// ReceiptFromForm reads "quantity", "received_on" and "note".
func ReceiptFromForm(f url.Values) ReceiptInput {
	in := ReceiptInput{QuantityRaw: strings.TrimSpace(f.Get("quantity")),
		ReceivedOn: strings.TrimSpace(f.Get("received_on")), Note: strings.TrimSpace(f.Get("note"))}
	if n, err := ParseQuantity(in.QuantityRaw); err == nil {
		in.Quantity = n
	}
	return in
}

// Check validates a receipt as of today (in the organisation's zone),
// filling in today when no day is given.
func (in *ReceiptInput) Check(today time.Time) validate.Errors {
	e := validate.Errors{}
	switch {
	case in.QuantityRaw == "" && in.Quantity == 0:
		e.Add("quantity", "form.required")
	case in.Quantity <= 0:
		e.Add("quantity", "goods.err.quantity")
	case in.Quantity > MaxQuantity:
		e.Add("quantity", "goods.err.quantity_max")
	}
	if in.ReceivedOn == "" {
		in.ReceivedOn = today.Format(DateLayout)
	} else if key := checkDay(in.ReceivedOn, today, false); key != "" {
		e.Add("received_on", key)
	}
	if !utf8.ValidString(in.Note) {
		e.Add("note", "goods.err.text")
	}
	e.MaxLen("note", in.Note, MaxNote)
	return e
}
