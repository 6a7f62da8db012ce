package bankimport

import (
	"context"
	"slices"
	"strings"
	"time"

	"lokadaya/internal/bankstatement"
	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/i18n"
	"lokadaya/internal/payment"
)

// sampleDays is how far back a sample statement reaches for the
// account's waiting transfers.
const sampleDays = 30

// Sample writes a statement of the organisation's account in format, as of
// now, that people can download and import to see the import at work: it
// pays every transfer still waiting for the account (on the day it was
// made, for the exact amount with its unique code), and holds what real
// statements hold besides — a cash deposit that pays no donation, a bank
// fee, and, in the formats that show them, a transfer the bank has not
// posted yet. Nothing in it is stored.
func (s *Store) Sample(ctx context.Context, orgID int64, account *payment.BankAccount,
	format bankstatement.Format, now time.Time) ([]byte, error) {
	if account.OrgID != orgID || !format.Serves(bankstatement.Bank(account.Bank)) {
		return nil, db.ErrNotFound
	}
	today := wibDay(now)
	waiting, err := s.Donations.OpenTransfers(ctx, s.DB, orgID, account.ID, today.AddDate(0, 0, -sampleDays), now)
	if err != nil {
		return nil, err
	}
	in := bankstatement.SampleInput{Account: account.AccountNumber, Name: account.AccountName,
		From: today.AddDate(0, 0, -6), To: today, Opening: 2_500_000}
	taken := map[int64]bool{}
	for _, d := range waiting {
		if d.Status != donation.StatusPending {
			continue
		}
		on := wibDay(d.CreatedAt)
		if on.After(today) {
			on = today
		}
		if on.Before(in.From) {
			in.From = on
		}
		in.Lines = append(in.Lines, bankstatement.Line{Date: on, Amount: d.Amount, Description: transferText(d)})
		taken[d.Amount] = true
	}
	in.Lines = append(in.Lines,
		bankstatement.Line{Date: in.From, Amount: unused(1_000_250, taken), Description: "SETORAN TUNAI KOTAK AMAL"},
		bankstatement.Line{Date: today, Amount: -10_000, Description: "BIAYA ADM"},
		bankstatement.Line{Date: today, Amount: unused(75_321, taken), Description: "TRSF E-BANKING CR HAMBA ALLAH", Pending: true})
	slices.SortStableFunc(in.Lines, func(a, b bankstatement.Line) int {
		switch {
		case a.Pending != b.Pending: // pending lines come last, as banks print them
			if a.Pending {
				return 1
			}
			return -1
		default:
			return a.Date.Compare(b.Date)
		}
	})
	return bankstatement.WriteSample(format, in)
}

// transferText is how a statement describes an incoming transfer.
func transferText(d *donation.Donation) string {
	name := strings.ToUpper(strings.TrimSpace(d.DonorName))
	if d.Anonymous || name == "" {
		name = "HAMBA ALLAH"
	}
	return "TRSF E-BANKING CR " + name
}

// unused is the first amount from v up that no waiting transfer asks for,
// so the sample's other credits never pay a donation by chance.
func unused(v int64, taken map[int64]bool) int64 {
	for taken[v] {
		v++
	}
	return v
}

// wibDay is the WIB midnight of the day t falls on in WIB.
func wibDay(t time.Time) time.Time {
	y, m, d := t.In(i18n.WIB).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, i18n.WIB)
}
