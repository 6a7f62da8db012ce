package survey

import (
	"math/big"
)

// Result is the index of a set of responses, computed as PermenPANRB
// 14/2017 sets out:
//
//   - the average of each element (nilai rata-rata per unsur, NRR) is the
//     sum of its scores over the number of respondents who scored it;
//   - the index is the weighted average of the nine element averages, each
//     with weight 1/9 (the regulation writes the weight as 0,111), on the
//     1–4 scale;
//   - the index is converted to 25–100 by multiplying by 25 (IKM).
//
// Everything is kept as an exact fraction: the weight is 1/9 itself, so
// nine elements all scored 4 give exactly 100 (with 0,111 they would give
// 99,90). Figures are rounded only when shown, half away from zero: IKM to
// two decimals, element averages to three. The grade is read from the IKM
// rounded to two decimals, so the regulation's table has no gaps.
type Result struct {
	Respondents int
	sums        [NumElements]int64
	counts      [NumElements]int64
}

// Add counts one respondent's scores.
func (r *Result) Add(s Scores) {
	r.Respondents++
	for i, v := range s {
		if v >= 1 && v <= 4 {
			r.sums[i] += int64(v)
			r.counts[i]++
		}
	}
}

// Complete reports whether every element has at least one score: without
// that the index cannot be computed.
func (r *Result) Complete() bool {
	for _, n := range r.counts {
		if n == 0 {
			return false
		}
	}
	return true
}

// Average is element i's average score (1–4) as an exact fraction, nil
// when no one scored it.
func (r *Result) Average(i int) *big.Rat {
	if r.counts[i] == 0 {
		return nil
	}
	return big.NewRat(r.sums[i], r.counts[i])
}

// Averages are the nine element averages rounded to three decimals, 0 for
// an element no one scored.
func (r *Result) Averages() [NumElements]float64 {
	var out [NumElements]float64
	for i := range out {
		if a := r.Average(i); a != nil {
			out[i] = Float(a, 3)
		}
	}
	return out
}

// Index is the IKM (25–100) as an exact fraction, nil when Complete is
// false: 25 × Σ (average × 1/9).
func (r *Result) Index() *big.Rat {
	if !r.Complete() {
		return nil
	}
	sum := new(big.Rat)
	for i := range r.sums {
		sum.Add(sum, r.Average(i))
	}
	return sum.Mul(sum, big.NewRat(25, NumElements))
}

// IKM is the index rounded to two decimals, and false when it cannot be
// computed.
func (r *Result) IKM() (float64, bool) {
	idx := r.Index()
	if idx == nil {
		return 0, false
	}
	return Float(idx, 2), true
}

// Grade is the quality grade (mutu pelayanan) of the IKM: A, B, C or D, ""
// when it cannot be computed.
func (r *Result) Grade() string {
	idx := r.Index()
	if idx == nil {
		return ""
	}
	return GradeOf(idx)
}

// ElementGrade grades element i by its average converted to 25–100 (the
// regulation's per-element reading), "" when no one scored it.
func (r *Result) ElementGrade(i int) string {
	a := r.Average(i)
	if a == nil {
		return ""
	}
	return GradeOf(new(big.Rat).Mul(a, big.NewRat(25, 1)))
}

// GradeOf grades a converted value (25–100) by PermenPANRB 14/2017:
// A 88,31–100 (sangat baik), B 76,61–88,30 (baik), C 65,00–76,60 (kurang
// baik), D 25,00–64,99 (tidak baik), after rounding it to two decimals.
func GradeOf(v *big.Rat) string {
	h := Hundredths(v)
	switch {
	case h >= 8831:
		return "A"
	case h >= 7661:
		return "B"
	case h >= 6500:
		return "C"
	default:
		return "D"
	}
}

// Hundredths is v rounded half away from zero to a whole number of
// hundredths (88.305 → 8831).
func Hundredths(v *big.Rat) int64 {
	return roundScaled(v, 100)
}

// Float is v rounded half away from zero to the given decimals.
func Float(v *big.Rat, decimals int) float64 {
	scale := int64(1)
	for range decimals {
		scale *= 10
	}
	f, _ := big.NewRat(roundScaled(v, scale), scale).Float64()
	return f
}

// roundScaled is v×scale rounded half away from zero.
func roundScaled(v *big.Rat, scale int64) int64 {
	x := new(big.Rat).Mul(v, big.NewRat(scale, 1))
	num, den := new(big.Int).Abs(x.Num()), x.Denom()
	// ⌊(2·num + den) / (2·den)⌋ rounds a positive fraction half up.
	q := new(big.Int).Add(new(big.Int).Lsh(num, 1), den)
	q.Quo(q, new(big.Int).Lsh(den, 1))
	if x.Sign() < 0 {
		q.Neg(q)
	}
	return q.Int64()
}

// Converted is element i's average converted to 25–100 (× 25) and rounded
// to two decimals, 0 when no one scored it.
func (r *Result) Converted(i int) float64 {
	a := r.Average(i)
	if a == nil {
		return 0
	}
	return Float(new(big.Rat).Mul(a, big.NewRat(25, 1)), 2)
}

// HasIKM reports whether the index can be computed (for templates).
func (r *Result) HasIKM() bool { return r.Complete() }

// IKMValue is the IKM rounded to two decimals, 0 when it cannot be
// computed (for templates; check HasIKM).
func (r *Result) IKMValue() float64 {
	v, _ := r.IKM()
	return v
}
