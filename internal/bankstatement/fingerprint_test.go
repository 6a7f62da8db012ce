package bankstatement

import (
	"os"
	"strings"
	"testing"
)

func TestFingerprintsStableAndDistinct(t *testing.T) {
	for _, f := range allFormats() {
		t.Run(string(f), func(t *testing.T) {
			a, b := parseFile(t, f), parseFile(t, f)
			seen := map[string]int{}
			for i, l := range a.Lines {
				if len(l.Fingerprint) != 32 {
					t.Errorf("line %d: fingerprint %q", l.Number, l.Fingerprint)
				}
				if l.Fingerprint != b.Lines[i].Fingerprint {
					t.Errorf("line %d: fingerprint changed between two reads", l.Number)
				}
				if prev, dup := seen[l.Fingerprint]; dup {
					t.Errorf("lines %d and %d share a fingerprint", prev, l.Number)
				}
				seen[l.Fingerprint] = l.Number
			}
		})
	}
}

// The same transactions exported with other line ends, zeros written
// differently and no byte-order mark keep their fingerprints: the identity is in the
// values, not the bytes.
func TestFingerprintIgnoresFileFormatting(t *testing.T) {
	raw, err := os.ReadFile("testdata/bri.csv")
	if err != nil {
		t.Fatal(err)
	}
	orig, err := Parse(BRI, strings.NewReader(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	other := strings.TrimPrefix(strings.ReplaceAll(string(raw), "\n", "\r\n"), "\ufeff")
	other = strings.ReplaceAll(other, ";0,00;", ";0;")
	if other == string(raw) {
		t.Fatal("the variant is not different")
	}
	again, err := Parse(BRI, strings.NewReader(other))
	if err != nil {
		t.Fatal(err)
	}
	for i := range orig.Lines {
		if orig.Lines[i].Fingerprint != again.Lines[i].Fingerprint {
			t.Errorf("line %d: fingerprint depends on formatting", orig.Lines[i].Number)
		}
	}
}

// Two identical transfers on one day are two lines; the ordinal keeps
// them apart, and a third changes neither of the first two.
func TestFingerprintOrdinal(t *testing.T) {
	const head = "TGL_TRAN;DESK_TRAN;MUTASI_DEBET;MUTASI_KREDIT\n"
	row := "2025-03-14;TRANSFER;0;100777\n"
	two, _ := Parse(BRI, strings.NewReader(head+row+row))
	three, _ := Parse(BRI, strings.NewReader(head+row+row+row))
	if two == nil || three == nil {
		t.Fatal("parse failed")
	}
	if two.Lines[0].Fingerprint == two.Lines[1].Fingerprint {
		t.Error("identical lines share a fingerprint")
	}
	for i := range two.Lines {
		if two.Lines[i].Fingerprint != three.Lines[i].Fingerprint {
			t.Errorf("line %d changed when a third copy was added", i)
		}
	}
	other, _ := Parse(BRI, strings.NewReader(head+"2025-03-14;TRANSFER;0;100778\n"))
	if other.Lines[0].Fingerprint == two.Lines[0].Fingerprint {
		t.Error("a different amount has the same fingerprint")
	}
}
