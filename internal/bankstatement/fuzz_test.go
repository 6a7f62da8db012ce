package bankstatement

import (
	"errors"
	"os"
	"strings"
	"testing"

	"lokadaya/internal/i18n"
)

func addSeeds(f *testing.F, bank Bank, extra ...string) {
	raw, err := os.ReadFile("testdata/" + string(bank) + ".csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	f.Add(raw[:len(raw)/2])
	for _, s := range extra {
		f.Add([]byte(s))
	}
	f.Add([]byte{})
	f.Add([]byte("\ufeff\"\n;;,,\r\n\"\"\"x"))
}

// checkParse runs Parse and checks what must hold for any input: no
// panic, errors are ParseErrors with a known message that takes exactly
// the arguments given, and results are well formed.
func checkParse(t *testing.T, bank Bank, data []byte) {
	st, err := Parse(bank, strings.NewReader(string(data)))
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %v is not a ParseError", err)
		}
		if !i18n.Has(pe.Key) {
			t.Fatalf("unknown key %q", pe.Key)
		}
		if msg := i18n.T(i18n.EN, pe.Key, pe.Args()...); strings.Contains(msg, "%!") {
			t.Fatalf("message %q for %v", msg, err)
		}
		return
	}
	if len(st.Lines) == 0 || st.From.After(st.To) {
		t.Fatalf("statement without lines or with a reversed period: %+v", st)
	}
	seen := map[string]bool{}
	for _, l := range st.Lines {
		if l.Amount > MaxAmount || l.Amount < -MaxAmount || l.Number < 1 || seen[l.Fingerprint] {
			t.Fatalf("bad line %+v", l)
		}
		seen[l.Fingerprint] = true
	}
	_ = Match(st.Lines, []Pending{{ID: 1, Amount: st.Lines[0].Amount, CreatedAt: st.From, ExpiresAt: st.To}}, 0)
}

func FuzzParseBCA(f *testing.F) {
	addSeeds(f, BCA, bcaHead+"'03/03,A,0,\"1,000.00 CR\",\"5,000.00\"\nSaldo Awal : 1,500,000.00\n", bcaHead+"PEND,A,0,1,CR,\n")
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, BCA, data) })
}

func FuzzParseBRI(f *testing.F) {
	addSeeds(f, BRI, "TGL_TRAN,DESK_TRAN,MUTASI_DEBET,MUTASI_KREDIT\n14/03/25,A,1.500.000,0\n")
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, BRI, data) })
}

func FuzzParseMandiri(f *testing.F) {
	addSeeds(f, Mandiri, "Account No,Date,Description,Debit,Credit\n1,03/03/2025,A,.00,1,500,000.00\n")
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, Mandiri, data) })
}

func FuzzDetect(f *testing.F) {
	for _, b := range Banks {
		raw, err := os.ReadFile("testdata/" + string(b) + ".csv")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add([]byte("tgl_tran"))
	f.Add([]byte{0xff, 0xfe, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		bank, err := Detect(strings.NewReader(string(data)))
		if err == nil && !slicesContains(Banks, bank) {
			t.Fatalf("Detect = %q", bank)
		}
		if err != nil && !errors.Is(err, ErrUnknownBank) {
			t.Fatalf("Detect error %v", err)
		}
		// Whatever Detect says, parsing must not panic.
		_, _ = ParseAuto(strings.NewReader(string(data)))
	})
}

func slicesContains(bs []Bank, b Bank) bool {
	for _, x := range bs {
		if x == b {
			return true
		}
	}
	return false
}
