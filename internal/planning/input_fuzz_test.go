package planning

import (
	"net/url"
	"testing"
)

// FuzzSetupFrom feeds arbitrary form values to the setup parser: it must
// never panic, and what it accepts must hold to the round's rules.
func FuzzSetupFrom(f *testing.F) {
	f.Add("Musrenbang", "2027-01-05", "2027-01-20", "Manfaat", "60", "40", "Rp 150.000.000")
	f.Add("", "2027-13-01", "x", "", "101", "-1", "1,5")
	f.Fuzz(func(t *testing.T, stage, from, to, crit, w1, w2, ceiling string) {
		form := url.Values{"stage_name_0": {stage}, "stage_from_0": {from}, "stage_to_0": {to},
			"crit_name_0": {crit}, "crit_weight_0": {w1}, "crit_name_1": {"Kedua"}, "crit_weight_1": {w2},
			"ceiling_2027": {ceiling}}
		r := &Round{FirstYear: 2027, Years: 1}
		s, errs := SetupFrom(form, r)
		if len(errs) > 0 {
			return
		}
		total := 0
		for _, c := range s.Criteria {
			if c.Weight < 1 || c.Weight > 100 || c.Name == "" {
				t.Fatalf("accepted criterion %+v", c)
			}
			total += c.Weight
		}
		if total != 100 || len(s.Ceilings) != 1 || s.Ceilings[0].Ceiling < 0 {
			t.Fatalf("accepted setup %+v", s)
		}
	})
}

// FuzzScoresFrom checks that only whole scores 1–5 are accepted.
func FuzzScoresFrom(f *testing.F) {
	f.Add("3")
	f.Add("6")
	f.Add(" 1 ")
	f.Fuzz(func(t *testing.T, v string) {
		got, errs := ScoresFrom(url.Values{"score_7": {v}}, []Criterion{{ID: 7}})
		if len(errs) == 0 && (got[7] < MinScore || got[7] > MaxScore) {
			t.Fatalf("accepted %q as %d", v, got[7])
		}
	})
}
