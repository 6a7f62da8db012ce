package planning

import (
	"math"
	"sort"
	"strconv"
)

func itoa(n int) string { return strconv.Itoa(n) }

// tally is the scores of one proposal, summed per group and criterion.
type tally struct {
	sum, count map[string]map[int64]int // group → criterion → …
}

func newTally() *tally {
	return &tally{sum: map[string]map[int64]int{}, count: map[string]map[int64]int{}}
}

func (t *tally) add(group string, criterion int64, score int) {
	if t.sum[group] == nil {
		t.sum[group], t.count[group] = map[int64]int{}, map[int64]int{}
	}
	t.sum[group][criterion] += score
	t.count[group][criterion]++
}

// groupMilli is a group's weighted score in thousandths of a point: the
// weighted mean, over the criteria the group scored, of its mean score on
// each; ok is false when the group scored nothing.
func (t *tally) groupMilli(group string, criteria []Criterion) (int, bool) {
	var weighted float64
	var weights int
	for _, c := range criteria {
		n := t.count[group][c.ID]
		if n == 0 {
			continue
		}
		weighted += float64(c.Weight) * float64(t.sum[group][c.ID]) / float64(n)
		weights += c.Weight
	}
	if weights == 0 {
		return 0, false
	}
	return int(math.Round(1000 * weighted / float64(weights))), true
}

// combinedMilli is the mean of the groups' scores, each group counting
// once whatever its size: residents, OMS and government weigh alike.
func combinedMilli(groups map[string]int) int {
	if len(groups) == 0 {
		return 0
	}
	total := 0
	for _, m := range groups {
		total += m
	}
	return int(math.Round(float64(total) / float64(len(groups))))
}

// ranked is one proposal in a round's ranking.
type ranked struct {
	ProposalID int64
	Score      int // combined, thousandths
	Cost       int64
	Supporters int
	Rank       int
	Year       int // planned year; 0 when beyond the round
	Funded     bool
}

// rankOrder sorts by combined score, then by supporters, then by age
// (the older proposal first), and numbers the ranks from 1.
func rankOrder(list []*ranked) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Supporters != b.Supporters {
			return a.Supporters > b.Supporters
		}
		return a.ProposalID < b.ProposalID
	})
	for i, r := range list {
		r.Rank = i + 1
	}
}

// place plans every proposal not funded yet, in rank order, into the
// earliest year from `from` on whose ceiling still holds its cost; the
// years before `from` are decided and keep only what they funded, so what
// they did not fund moves forward in rank order. A proposal
// that fits no year is left beyond the round (Year 0). list is in rank
// order.
func place(list []*ranked, years []Year, from int) {
	left := map[int]int64{}
	for _, y := range years {
		if y.Year >= from {
			left[y.Year] = y.Ceiling
		}
	}
	for _, r := range list {
		if r.Funded {
			continue
		}
		r.Year = 0
		for _, y := range years {
			if y.Year >= from && left[y.Year] >= r.Cost {
				r.Year = y.Year
				left[y.Year] -= r.Cost
				break
			}
		}
	}
}

// sortByRank orders a settled round's list by the ranks it was given.
func sortByRank(list []*ranked) {
	sort.SliceStable(list, func(i, j int) bool { return list[i].Rank < list[j].Rank })
}
