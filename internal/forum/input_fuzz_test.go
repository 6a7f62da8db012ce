package forum_test

import (
	"context"
	"errors"
	"net/url"
	"testing"

	"lokadaya/internal/cycletool"
	"lokadaya/internal/forum"
	"lokadaya/internal/validate"
)

// FuzzActivityAndSittingForms feeds the free fields of the plan and
// sitting forms through reading and checking: nothing panics, and what
// passes has no negative or absurd budget, count or score. A required
// field is left empty so the check never reaches a database.
func FuzzActivityAndSittingForms(f *testing.F) {
	f.Add("Rp 1.500.000", "2026-10-01", "2026-09-01", "7", "4", "12")
	f.Add("-5", "x", "", "0", "6", "-1")
	f.Add("1,5", "2026-02-30", "9999-12-31", "99999999999999999999", "", "1e3")
	f.Fuzz(func(t *testing.T, budget, start, due, owner, score, people string) {
		in := forum.ActivityFromForm(url.Values{"what": {""}, "owner": {owner}, "starts_on": {start}, "due_on": {due},
			"budget": {budget}, "dataset": {owner}})
		_, err := (&forum.Store{}).SaveActivity(context.Background(), forum.Actor{}, &forum.Team{}, 0, in)
		var e validate.Errors
		if !errors.As(err, &e) {
			t.Fatalf("not field errors: %v", err)
		}
		if _, bad := e["budget"]; !bad && (in.Budget < 0 || in.Budget > cycletool.MaxAmount) {
			t.Fatalf("budget %d accepted", in.Budget)
		}
		if _, bad := e["due_on"]; !bad && e["starts_on"] == "" && in.DueOn < in.StartsOn {
			t.Fatalf("due %q before start %q accepted", in.DueOn, in.StartsOn)
		}
		s := forum.SittingFromForm(url.Values{"side": {"oms"}, "held_on": {""}, "participants": {people}, "q_kepercayaan": {score}})
		_, err = (&forum.Store{}).RecordSitting(context.Background(), forum.Actor{}, &forum.Team{}, s)
		e = nil
		if !errors.As(err, &e) {
			t.Fatalf("sitting: not field errors: %v", err)
		}
		if n := s.Scores["kepercayaan"]; e["q_kepercayaan"] == "" && (n < 1 || n > 5) {
			t.Fatalf("score %d accepted", n)
		}
		if _, bad := e["participants"]; !bad && (s.Participants < 0 || s.Participants > forum.MaxCount) {
			t.Fatalf("participants %d accepted", s.Participants)
		}
	})
}
