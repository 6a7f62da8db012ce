package bankstatement

import (
	"strings"
	"testing"
	"time"
)

// checkRoundTrip writes in in every format and reads it back.
func checkRoundTrip(t *testing.T, in SampleInput) {
	t.Helper()
	for _, f := range allFormats() {
		data, err := WriteSample(f, in)
		if err != nil {
			t.Fatal(err)
		}
		bank := firstBank(f)
		st, err := ParseAt(bank, strings.NewReader(string(data)), in.To.Add(36*time.Hour))
		if err != nil {
			t.Fatalf("%s: %v\n%s", f, err, data)
		}
		if st.Format != f {
			t.Errorf("%s read back as %s", f, st.Format)
		}
		if st.Account != "" && st.Account != in.Account {
			t.Errorf("%s: account %q", f, st.Account)
		}
		var want []Line
		for _, l := range in.Lines {
			if !l.Pending || f == FormatKlikBCA || f == FormatKlikBCAEnglish || f == FormatKlikBCABisnis {
				want = append(want, l)
			}
		}
		if len(st.Lines) != len(want) {
			t.Fatalf("%s: %d lines, want %d\n%s", f, len(st.Lines), len(want), data)
		}
		for i, l := range st.Lines {
			w := want[i]
			if !strings.HasPrefix(l.Description, w.Description) || l.Amount != w.Amount || l.Pending != w.Pending ||
				(!w.Pending && !l.Date.Equal(w.Date)) {
				t.Errorf("%s line %d = %+v, want %+v", f, i, l, w)
			}
		}
	}
}

func TestSampleRoundTrip(t *testing.T) {
	from := day(2024, time.December, 28)
	checkRoundTrip(t, SampleInput{Account: "1234567890", Name: "Komunitas Terang Kampung", From: from, To: day(2025, time.January, 3),
		Opening: 2_500_000, Lines: []Line{
			{Date: from, Description: "TRSF E-BANKING CR SITI, RAHMAWATI", Amount: 150_123},
			{Date: day(2025, time.January, 2), Description: "BIAYA ADM", Amount: -10_000},
			{Date: day(2025, time.January, 3), Description: "HAMBA ALLAH", Amount: 75_000, Pending: true},
		}})
}

func TestWriteSampleUnknownFormat(t *testing.T) {
	if _, err := WriteSample(Format("btn"), SampleInput{}); err == nil {
		t.Fatal("a sample of an unknown format")
	}
}
