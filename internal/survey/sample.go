package survey

import "math/big"

// SampleSize is the least number of respondents for a population of n
// people served, by the Krejcie–Morgan formula PermenPANRB 14/2017 refers
// to:
//
//	s = X²·N·P(1−P) / (d²(N−1) + X²·P(1−P))
//
// with X² = 3,841 (chi-square, one degree of freedom, 95 % confidence),
// P = 0,5 and d = 0,05. With these constants it is exactly
// 3841·N / (10·N + 3831), rounded to the nearest whole respondent (half
// up), which reproduces Krejcie and Morgan's published table (N = 100 →
// 80, 1 000 → 278, 10 000 → 370). 0 for a population of 0 or less.
func SampleSize(n int64) int64 {
	if n <= 0 {
		return 0
	}
	bn := big.NewInt(n)
	num := new(big.Int).Mul(bn, big.NewInt(3841))
	den := new(big.Int).Add(new(big.Int).Mul(bn, big.NewInt(10)), big.NewInt(3831))
	return roundScaled(new(big.Rat).SetFrac(num, den), 1)
}

// Sample says whether the respondents of a round are enough for the
// people served in its period.
type Sample struct {
	// Known is false when the population is not known: no people served
	// recorded for the period and none typed in.
	Known      bool
	Population int64
	Required   int64
	Enough     bool
}

// CheckSample compares respondents with the sample size the population
// needs. A population of 0 or less is unknown.
func CheckSample(respondents int, population int64) Sample {
	if population <= 0 {
		return Sample{}
	}
	req := SampleSize(population)
	return Sample{Known: true, Population: population, Required: req, Enough: int64(respondents) >= req}
}
