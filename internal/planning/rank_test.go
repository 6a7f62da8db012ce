package planning

import (
	"fmt"
	"testing"
)

// TestPlace splits a ranked list into years within their ceilings, and
// after year one is decided moves what it did not fund forward in rank
// order, ahead of lower-ranked proposals.
func TestPlace(t *testing.T) {
	years := []Year{{Year: 2027, Ceiling: 100}, {Year: 2028, Ceiling: 100}, {Year: 2029, Ceiling: 50}}
	list := []*ranked{
		{ProposalID: 1, Cost: 60}, {ProposalID: 2, Cost: 60}, {ProposalID: 3, Cost: 30},
		{ProposalID: 4, Cost: 50}, {ProposalID: 5, Cost: 0}, {ProposalID: 6, Cost: 90},
	}
	place(list, years, 2027)
	if got := years_(list); got != "1:2027 2:2028 3:2027 4:2029 5:2027 6:0" {
		t.Errorf("settled: %s", got)
	}
	// 2027 funds proposal 1 only: 3 and 5 move to 2028, ahead of nothing
	// ranked below them; 2 keeps 2028.
	list[0].Funded = true
	place(list, years, 2028)
	if got := years_(list); got != "1:2027 2:2028 3:2028 4:2029 5:2028 6:0" {
		t.Errorf("after 2027: %s", got)
	}
	// 2028 funds nothing: 2 (60) and 3 (30) compete for 2029's 50.
	place(list, years, 2029)
	if got := years_(list); got != "1:2027 2:0 3:2029 4:0 5:2029 6:0" {
		t.Errorf("after 2028: %s", got)
	}
}

func years_(list []*ranked) string {
	s := ""
	for i, r := range list {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("%d:%d", r.ProposalID, r.Year)
	}
	return s
}

// TestScores weighs each group's criteria means and gives every group one
// voice in the combined score.
func TestScores(t *testing.T) {
	crit := []Criterion{{ID: 1, Weight: 60}, {ID: 2, Weight: 40}}
	tl := newTally()
	for _, s := range []struct {
		g     string
		c     int64
		score int
	}{{"warga", 1, 5}, {"warga", 1, 3}, {"warga", 2, 2}, {"pemerintah", 1, 1}, {"pemerintah", 2, 1}} {
		tl.add(s.g, s.c, s.score)
	}
	w, _ := tl.groupMilli("warga", crit)      // 0.6×4 + 0.4×2 = 3.2
	g, _ := tl.groupMilli("pemerintah", crit) // 1
	_, ok := tl.groupMilli("oms", crit)
	if w != 3200 || g != 1000 || ok {
		t.Errorf("group scores %d %d %v", w, g, ok)
	}
	if c := combinedMilli(map[string]int{"warga": w, "pemerintah": g}); c != 2100 {
		t.Errorf("combined %d", c)
	}
	list := []*ranked{{ProposalID: 3, Score: 2100}, {ProposalID: 2, Score: 2100, Supporters: 4}, {ProposalID: 1, Score: 4000}}
	rankOrder(list)
	if list[0].ProposalID != 1 || list[1].ProposalID != 2 || list[2].Rank != 3 {
		t.Errorf("rank order %+v %+v %+v", *list[0], *list[1], *list[2])
	}
}
