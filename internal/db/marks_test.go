package db

import "testing"

func TestMarks(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{-1, ""}, {0, ""}, {1, "?"}, {3, "?, ?, ?"}} {
		if got := Marks(c.n); got != c.want {
			t.Errorf("Marks(%d) = %q, want %q", c.n, got, c.want)
		}
	}
	if got := rebind(Postgres, "x IN ("+Marks(3)+")"); got != "x IN ($1, $2, $3)" {
		t.Errorf("rebound: %q", got)
	}
}
