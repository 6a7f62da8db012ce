package survey

import (
	"math/big"
	"testing"
)

// Krejcie and Morgan's published table (Educational and Psychological
// Measurement 30, 1970), as PermenPANRB 14/2017 reprints it.
func TestSampleSizeMatchesKrejcieMorganTable(t *testing.T) {
	table := map[int64]int64{
		10: 10, 15: 14, 20: 19, 50: 44, 100: 80, 150: 108, 200: 132, 300: 169, 400: 196, 500: 217,
		1000: 278, 1500: 306, 2000: 322, 3000: 341, 5000: 357, 10000: 370, 20000: 377, 50000: 381,
		75000: 382, 1000000: 384,
	}
	for n, want := range table {
		if got := SampleSize(n); got != want {
			t.Errorf("SampleSize(%d) = %d, want %d", n, got, want)
		}
	}
	// The printed table lists 384 for 100 000 too, but the formula gives
	// 382,63: we follow the formula.
	if got := SampleSize(100000); got != 383 {
		t.Errorf("SampleSize(100000) = %d, want 383", got)
	}
	for _, n := range []int64{0, -5} {
		if got := SampleSize(n); got != 0 {
			t.Errorf("SampleSize(%d) = %d, want 0", n, got)
		}
	}
}

func TestCheckSample(t *testing.T) {
	for _, tc := range []struct {
		respondents int
		population  int64
		want        Sample
	}{
		{80, 100, Sample{Known: true, Population: 100, Required: 80, Enough: true}},
		{79, 100, Sample{Known: true, Population: 100, Required: 80, Enough: false}},
		{5, 0, Sample{}},
	} {
		if got := CheckSample(tc.respondents, tc.population); got != tc.want {
			t.Errorf("CheckSample(%d, %d) = %+v, want %+v", tc.respondents, tc.population, got, tc.want)
		}
	}
}

// resultOf builds a result whose element i has the given scores.
func resultOf(respondents [][NumElements]int) *Result {
	r := &Result{}
	for _, s := range respondents {
		r.Add(s)
	}
	return r
}

func TestIKMWorkedExamples(t *testing.T) {
	for _, tc := range []struct {
		name     string
		rows     [][NumElements]int
		averages [NumElements]float64
		ikm      float64
		grade    string
	}{
		{
			// All the best: exactly 100 with the weight 1/9 (0,111 would give 99,90).
			name:     "all four",
			rows:     [][NumElements]int{{4, 4, 4, 4, 4, 4, 4, 4, 4}},
			averages: [NumElements]float64{4, 4, 4, 4, 4, 4, 4, 4, 4},
			ikm:      100, grade: "A",
		},
		{
			name:     "all one",
			rows:     [][NumElements]int{{1, 1, 1, 1, 1, 1, 1, 1, 1}},
			averages: [NumElements]float64{1, 1, 1, 1, 1, 1, 1, 1, 1},
			ikm:      25, grade: "D",
		},
		{
			// Four respondents. Element averages 3,25 3,00 2,75 3,50 3,00 3,25
			// 3,50 2,50 3,00: sum 27,75; × 1/9 = 3,0833…; × 25 = 77,083… → 77,08, B.
			name: "four respondents",
			rows: [][NumElements]int{
				{3, 3, 2, 4, 3, 3, 4, 2, 3},
				{4, 3, 3, 3, 3, 4, 4, 3, 3},
				{3, 2, 3, 4, 2, 3, 3, 2, 4},
				{3, 4, 3, 3, 4, 3, 3, 3, 2},
			},
			averages: [NumElements]float64{3.25, 3, 2.75, 3.5, 3, 3.25, 3.5, 2.5, 3},
			ikm:      77.08, grade: "B",
		},
		{
			// Three respondents, one paper form with element 8 blank: its
			// average is over the two who answered it, (4+3)/2 = 3,5. Σ of
			// the averages = 27,5; × 25/9 = 76,388… → 76,39, C.
			name: "blank element",
			rows: [][NumElements]int{
				{3, 3, 3, 3, 3, 3, 3, 4, 3},
				{3, 3, 3, 3, 3, 3, 3, 0, 3},
				{3, 3, 3, 3, 3, 3, 3, 3, 3},
			},
			averages: [NumElements]float64{3, 3, 3, 3, 3, 3, 3, 3.5, 3},
			ikm:      76.39, grade: "C",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := resultOf(tc.rows)
			if got := r.Averages(); got != tc.averages {
				t.Errorf("averages = %v, want %v", got, tc.averages)
			}
			ikm, ok := r.IKM()
			if !ok || ikm != tc.ikm {
				t.Errorf("IKM = %v, %v; want %v", ikm, ok, tc.ikm)
			}
			if g := r.Grade(); g != tc.grade {
				t.Errorf("grade = %q, want %q", g, tc.grade)
			}
		})
	}
}

func TestIKMNeedsEveryElement(t *testing.T) {
	r := resultOf([][NumElements]int{{3, 3, 3, 3, 3, 3, 3, 3, 0}})
	if _, ok := r.IKM(); ok || r.Grade() != "" || r.Complete() {
		t.Fatal("an index without any score for element 9")
	}
	if (&Result{}).Complete() {
		t.Fatal("no respondents is not complete")
	}
}

func TestGradeBoundaries(t *testing.T) {
	for _, tc := range []struct {
		num, den int64
		want     string
	}{
		{100, 1, "A"}, {8831, 100, "A"}, {88305, 1000, "A"}, // 88,305 rounds to 88,31
		{88304, 1000, "B"}, {8830, 100, "B"}, {7661, 100, "B"},
		{76605, 1000, "B"}, {7660, 100, "C"}, {65, 1, "C"},
		{64995, 1000, "C"}, {6499, 100, "D"}, {25, 1, "D"},
	} {
		if got := GradeOf(big.NewRat(tc.num, tc.den)); got != tc.want {
			t.Errorf("GradeOf(%d/%d) = %s, want %s", tc.num, tc.den, got, tc.want)
		}
	}
}

func TestElementGrade(t *testing.T) {
	r := resultOf([][NumElements]int{{4, 4, 4, 4, 4, 4, 4, 4, 4}, {3, 3, 3, 3, 3, 3, 3, 3, 3}})
	if g := r.ElementGrade(0); g != "B" { // 3,5 × 25 = 87,5
		t.Errorf("element grade = %s, want B", g)
	}
	if g := (&Result{}).ElementGrade(0); g != "" {
		t.Errorf("element grade without scores = %q", g)
	}
}
