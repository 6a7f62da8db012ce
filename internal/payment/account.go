package payment

import (
	"errors"
	"net/url"
	"strings"
	"unicode/utf8"

	"lokadaya/internal/validate"
)

// Limits of an account's fields.
const (
	MinAccountDigits = 6
	MaxAccountDigits = 20
	MaxAccountName   = 100
)

// Errors of NormalizeAccountNumber.
var (
	ErrAccountEmpty  = errors.New("payment: empty account number")
	ErrAccountDigits = errors.New("payment: account number is not digits")
	ErrAccountLength = errors.New("payment: account number length")
)

// NormalizeAccountNumber reads an account number as people copy it from a
// bank book or app: "123 456 7890", "123-456-7890" and "123.456.7890" all
// become "1234567890". Anything else but digits is refused rather than
// dropped, so a typo is not silently turned into another account.
func NormalizeAccountNumber(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", ErrAccountEmpty
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '.' || r == '\u00a0':
		default:
			return "", ErrAccountDigits
		}
	}
	n := b.String()
	if len(n) < MinAccountDigits || len(n) > MaxAccountDigits {
		return "", ErrAccountLength
	}
	return n, nil
}

// AccountInput is a bank-account form as typed.
type AccountInput struct {
	Bank          string
	AccountNumber string
	AccountName   string
}

// AccountFromForm reads the add-account form (fields bank, account_number,
// account_name).
func AccountFromForm(form url.Values) AccountInput {
	return AccountInput{
		Bank:          strings.TrimSpace(form.Get("bank")),
		AccountNumber: strings.TrimSpace(form.Get("account_number")),
		AccountName:   strings.Join(strings.Fields(form.Get("account_name")), " "),
	}
}

// Check validates the input and normalises the account number in place.
func (in *AccountInput) Check() validate.Errors {
	e := validate.Errors{}
	if in.Bank == "" {
		e.Add("bank", "form.required")
	} else if !Bank(in.Bank).Valid() {
		e.Add("bank", "payment.err.bank")
	}
	n, err := NormalizeAccountNumber(in.AccountNumber)
	switch {
	case errors.Is(err, ErrAccountEmpty):
		e.Add("account_number", "form.required")
	case errors.Is(err, ErrAccountDigits):
		e.Add("account_number", "payment.err.account_digits")
	case errors.Is(err, ErrAccountLength):
		e.Add("account_number", "payment.err.account_length")
	default:
		in.AccountNumber = n
	}
	if e.Required("account_name", in.AccountName) {
		if !utf8.ValidString(in.AccountName) {
			e.Add("account_name", "payment.err.account_name")
		}
		e.MaxLen("account_name", in.AccountName, MaxAccountName)
	}
	return e
}
