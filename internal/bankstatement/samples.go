package bankstatement

import (
	"embed"
)

// samples are the synthetic statements under testdata/ (no real people or
// accounts), offered on the import page for people to try.
//
//go:embed testdata/bca.csv testdata/bri.csv testdata/mandiri.csv
var samples embed.FS

// Sample returns the sample statement of bank.
func Sample(bank Bank) ([]byte, error) {
	switch bank {
	case BCA, BRI, Mandiri:
		return samples.ReadFile("testdata/" + string(bank) + ".csv")
	}
	return nil, &ParseError{Key: KeyUnknownBank, Err: ErrUnknownBank}
}
