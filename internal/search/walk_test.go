package search

import "testing"

// A filtered browse walks further only when its first walk found some
// but too few, and then no further than its yield suggests.
func TestLongerWalk(t *testing.T) {
	for _, tc := range []struct {
		name                string
		walked, found, want int
		rows                int
	}{
		{"a few short: half again the rows the yield suggests", walkRows, 12, 21, 5250},
		{"one in a thousand: too long, read the lists", walkRows, 2, 21, 0},
		{"nothing found: nothing to go by", walkRows, 0, 21, 0},
		{"already the second walk", 5250, 20, 21, 0},
		{"within the bound", walkRows, 4, 21, 15750},
		{"just past the bound", walkRows, 3, 21, 0},
	} {
		if got := longerWalk(tc.walked, tc.found, tc.want); got != tc.rows {
			t.Errorf("%s: longerWalk(%d, %d, %d) = %d, want %d", tc.name, tc.walked, tc.found, tc.want, got, tc.rows)
		}
	}
}
