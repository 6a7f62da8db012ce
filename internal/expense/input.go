package expense

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"lokadaya/internal/donation"
	"lokadaya/internal/validate"
)

// Limits, in characters and rupiah.
const (
	MaxDescription = 500
	MaxPayee       = 200
	MaxReason      = 300
	MaxAmount      = 1_000_000_000_000 // Rp1 trillion
)

// DayLayout is how spent_on is written.
const DayLayout = "2006-01-02"

// Input is the expense form as typed, already read.
type Input struct {
	AmountRaw     string
	Amount        int64 // 0 when missing or unreadable
	Category      string
	CampaignRaw   string
	CampaignID    int64
	InitiativeRaw string
	InitiativeID  int64
	Description   string
	Payee         string
	SpentOn       string
	// HasReceipt says a receipt file came with the form; the web layer
	// sets it after checking the file.
	HasReceipt bool
}

// FromForm reads the expense form: "amount" (as people type rupiah:
// "1.500.000"), "category", "campaign" and "initiative" (ids, optional),
// "description", "payee" and "spent_on" (YYYY-MM-DD).
func FromForm(f url.Values) Input {
	in := Input{
		AmountRaw:     strings.TrimSpace(f.Get("amount")),
		Category:      strings.TrimSpace(f.Get("category")),
		CampaignRaw:   strings.TrimSpace(f.Get("campaign")),
		InitiativeRaw: strings.TrimSpace(f.Get("initiative")),
		Description:   strings.TrimSpace(strings.ReplaceAll(f.Get("description"), "\r\n", "\n")),
		Payee:         strings.Join(strings.Fields(f.Get("payee")), " "),
		SpentOn:       strings.TrimSpace(f.Get("spent_on")),
	}
	if n, err := donation.ParseAmount(in.AmountRaw); err == nil {
		in.Amount = n
	}
	in.CampaignID = parseID(in.CampaignRaw)
	in.InitiativeID = parseID(in.InitiativeRaw)
	return in
}

// parseID reads an optional id: 0 when empty, -1 when unreadable.
func parseID(s string) int64 {
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return -1
	}
	return n
}

// Check validates what can be checked without the database, as of today
// (YYYY-MM-DD in the organisation's zone), with receiptAbove the amount
// above which a receipt is required. Whether the campaign or initiative is
// the organisation's, the zakat rule and the cap are the store's.
func (in *Input) Check(today string, receiptAbove int64) validate.Errors {
	e := validate.Errors{}
	switch {
	case in.AmountRaw == "":
		e.Add("amount", "form.required")
	case strings.HasPrefix(in.AmountRaw, "-"), strings.HasPrefix(in.AmountRaw, "−"):
		e.Add("amount", "tools.err.amount_negative") // not "without decimals": money out is never negative
	case in.Amount <= 0:
		e.Add("amount", "expense.err.amount")
	case in.Amount > MaxAmount:
		e.Add("amount", "expense.err.amount_max")
	}
	if in.Category == "" {
		e.Add("category", "expense.err.category")
	} else if !ValidCategory(in.Category) {
		e.Add("category", "expense.err.category")
	}
	if in.CampaignID < 0 {
		e.Add("campaign", "expense.err.campaign")
	}
	if in.InitiativeID < 0 {
		e.Add("initiative", "expense.err.initiative")
	}
	if in.CampaignID > 0 && in.InitiativeID > 0 {
		e.Add("initiative", "expense.err.both")
	}
	for field, v := range map[string]string{"description": in.Description, "payee": in.Payee} {
		if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
			e.Add(field, "expense.err.text")
		}
	}
	if e.Required("description", in.Description) {
		e.MaxLen("description", in.Description, MaxDescription)
	}
	if e.Required("payee", in.Payee) {
		e.MaxLen("payee", in.Payee, MaxPayee)
	}
	switch day, err := time.Parse(DayLayout, in.SpentOn); {
	case in.SpentOn == "":
		e.Add("spent_on", "form.required")
	case err != nil || day.Year() < 2000:
		e.Add("spent_on", "expense.err.date")
	case in.SpentOn > today:
		e.Add("spent_on", "expense.err.date_future")
	}
	if in.Amount > receiptAbove && !in.HasReceipt {
		e.Add("receipt", "expense.err.receipt_required")
	}
	return e
}

// CheckReason validates a reject or correction reason and returns it
// normalised.
func CheckReason(reason string) (string, validate.Errors) {
	reason = strings.Join(strings.Fields(reason), " ")
	e := validate.Errors{}
	if !utf8.ValidString(reason) || strings.ContainsRune(reason, 0) {
		e.Add("reason", "expense.err.text")
	} else if e.Required("reason", reason) {
		e.MaxLen("reason", reason, MaxReason)
	}
	if len(e) > 0 {
		return reason, e
	}
	return reason, nil
}
