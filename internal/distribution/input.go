package distribution

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/goods"
	"lokadaya/internal/validate"
)

// Limits of the form.
const (
	MaxItem       = 120
	MaxPlace      = 200
	MaxLabel      = 60
	MaxNote       = 300
	MaxRecipients = 500
	MaxQuantity   = goods.MaxQuantity
)

// Input is the form that records a distribution.
type Input struct {
	Item, Unit  string
	QuantityRaw string
	Quantity    int64
	Place       string
	Date        string // YYYY-MM-DD
	// Source is "expense:ID" or "receipt:ID": the entry of the open books
	// the goods came from.
	Source         string
	ExpenseID      int64
	GoodsReceiptID int64
	// RecipientsText has one recipient a line: "label; quantity", with
	// "; kelompok" added for a group whose RT/RW head confirms.
	RecipientsText string
	Recipients     []RecipientInput
}

// RecipientInput is one line of the recipients.
type RecipientInput struct {
	Label    string
	Quantity int64
	Kind     string
}

// FromForm reads "item", "unit", "quantity", "place", "date", "source" and
// "recipients".
func FromForm(f url.Values) Input {
	return Input{
		Item:           strings.TrimSpace(f.Get("item")),
		Unit:           strings.TrimSpace(f.Get("unit")),
		QuantityRaw:    strings.TrimSpace(f.Get("quantity")),
		Place:          strings.TrimSpace(f.Get("place")),
		Date:           strings.TrimSpace(f.Get("date")),
		Source:         strings.TrimSpace(f.Get("source")),
		RecipientsText: strings.TrimSpace(f.Get("recipients")),
	}
}

// LineError is a recipients line that cannot be read: the field error's
// key is "distribution.err.line" with the line number as its argument.
type LineError struct {
	Line int
	Key  string
}

// Check validates the form as of today (YYYY-MM-DD). It fills Quantity,
// ExpenseID or GoodsReceiptID, and Recipients. The first unreadable
// recipients line, if any, is returned too, for its line number.
func (in *Input) Check(today string) (validate.Errors, *LineError) {
	e := validate.Errors{}
	if e.Required("item", in.Item) {
		e.MaxLen("item", in.Item, MaxItem)
	}
	e.MaxLen("unit", in.Unit, 30)
	if e.Required("place", in.Place) {
		e.MaxLen("place", in.Place, MaxPlace)
	}
	if in.QuantityRaw == "" {
		e.Add("quantity", "form.required")
	} else if n, err := goods.ParseQuantity(in.QuantityRaw); err != nil || n <= 0 || n > MaxQuantity {
		e.Add("quantity", "distribution.err.quantity")
	} else {
		in.Quantity = n
	}
	if d, err := time.Parse(time.DateOnly, in.Date); in.Date == "" {
		e.Add("date", "form.required")
	} else if err != nil || d.Format(time.DateOnly) != in.Date {
		e.Add("date", "distribution.err.date")
	} else if in.Date > today {
		e.Add("date", "distribution.err.future")
	}
	in.ExpenseID, in.GoodsReceiptID = 0, 0
	kind, id, _ := strings.Cut(in.Source, ":")
	n, err := strconv.ParseInt(id, 10, 64)
	switch {
	case in.Source == "":
		e.Add("source", "distribution.err.source")
	case err != nil || n <= 0:
		e.Add("source", "distribution.err.source")
	case kind == "expense":
		in.ExpenseID = n
	case kind == "receipt":
		in.GoodsReceiptID = n
	default:
		e.Add("source", "distribution.err.source")
	}
	le := in.readRecipients()
	switch {
	case le != nil:
		e.Add("recipients", le.Key)
	case len(in.Recipients) == 0:
		e.Add("recipients", "distribution.err.no_recipients")
	case in.Quantity > 0 && in.shared() > in.Quantity:
		e.Add("recipients", "distribution.err.over")
	}
	return e, le
}

// shared is the quantity given to the recipients listed.
func (in *Input) shared() int64 {
	var n int64
	for _, r := range in.Recipients {
		n += r.Quantity
	}
	return n
}

// readRecipients parses RecipientsText, stopping at the first bad line.
func (in *Input) readRecipients() *LineError {
	in.Recipients = nil
	lines := strings.Split(in.RecipientsText, "\n")
	if len(lines) > MaxRecipients {
		return &LineError{Line: MaxRecipients + 1, Key: "distribution.err.too_many"}
	}
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		parts := strings.Split(line, ";")
		for j := range parts {
			parts[j] = strings.TrimSpace(parts[j])
		}
		r := RecipientInput{Label: parts[0], Kind: KindPerson}
		switch {
		case len(parts) < 2 || len(parts) > 3:
			return &LineError{Line: i + 1, Key: "distribution.err.line"}
		case r.Label == "" || len([]rune(r.Label)) > MaxLabel:
			return &LineError{Line: i + 1, Key: "distribution.err.label"}
		}
		q, err := goods.ParseQuantity(parts[1])
		if err != nil || q <= 0 || q > MaxQuantity {
			return &LineError{Line: i + 1, Key: "distribution.err.line_quantity"}
		}
		r.Quantity = q
		if len(parts) == 3 {
			if strings.ToLower(parts[2]) != KindGroup {
				return &LineError{Line: i + 1, Key: "distribution.err.line_kind"}
			}
			r.Kind = KindGroup
		}
		in.Recipients = append(in.Recipients, r)
	}
	return nil
}

// ConfirmInput is a recipient's answer on the confirmation page.
type ConfirmInput struct {
	ReceivedRaw string
	Received    int64
	Confirmer   string
	Note        string
	Via         string
}

// ConfirmFromForm reads "received", "confirmer", "note" and "via".
func ConfirmFromForm(f url.Values) ConfirmInput {
	return ConfirmInput{
		ReceivedRaw: strings.TrimSpace(f.Get("received")),
		Confirmer:   strings.TrimSpace(f.Get("confirmer")),
		Note:        strings.TrimSpace(f.Get("note")),
		Via:         strings.TrimSpace(f.Get("via")),
	}
}

// Check validates the answer for recipient r: how many arrived (at most
// the share; empty means all of it), who confirms (a group's RT or RW
// head; a household itself) and a short note.
func (in *ConfirmInput) Check(r *Recipient) validate.Errors {
	e := validate.Errors{}
	in.Received = r.Quantity
	if in.ReceivedRaw != "" {
		n, err := goods.ParseQuantity(in.ReceivedRaw)
		if err != nil || n > r.Quantity {
			e.Add("received", "distribution.err.received")
		} else {
			in.Received = n
		}
	}
	switch {
	case r.Kind == KindGroup && in.Confirmer != "ketua_rt" && in.Confirmer != "ketua_rw":
		e.Add("confirmer", "distribution.err.confirmer")
	case r.Kind == KindPerson && in.Confirmer == "":
		in.Confirmer = "penerima"
	case r.Kind == KindPerson && in.Confirmer != "penerima":
		e.Add("confirmer", "distribution.err.confirmer")
	}
	e.MaxLen("note", in.Note, MaxNote)
	if in.Via != ViaCode {
		in.Via = ViaQR
	}
	return e
}
