package proposal_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/lesson"
	"lokadaya/internal/proposal"
)

// FuzzFromForm feeds the form's free fields through reading and checking:
// nothing panics, and whatever passes has only addresses the site may show
// as links and no negative or absurd amounts.
func FuzzFromForm(f *testing.F) {
	f.Add("Rp 1.500.000", "1.200", "Aduan | /pengaduan/ABC123\nhttps://example.org/x")
	f.Add("-5", "x", "Foto | javascript:alert(1)")
	f.Add("1,5", "99999999999999999999", "//evil.example")
	f.Add("", "", "a | b | c\n\n   \n")
	f.Fuzz(func(t *testing.T, cost, count, evidence string) {
		in := proposal.FromForm(url.Values{"kind": {"isu"}, "title": {"Judul"}, "what": {"Isi"},
			"cost": {cost}, "count": {count}, "evidence": {evidence}})
		// The region is left empty so the check never reaches a database.
		_, err := (&proposal.Store{}).Create(context.Background(), proposal.Actor{}, in)
		e, ok := proposal.ValidationErrors(err)
		if !ok {
			t.Fatalf("not field errors: %v", err)
		}
		if _, bad := e["evidence"]; !bad {
			for _, ev := range in.Evidence {
				if !lesson.ValidURL(ev.URL) || strings.HasPrefix(strings.ToLower(ev.URL), "javascript:") {
					t.Fatalf("accepted %q", ev.URL)
				}
			}
		}
		if _, bad := e["cost"]; !bad && in.Cost != nil && *in.Cost < 0 {
			t.Fatalf("negative cost %d accepted", *in.Cost)
		}
		if _, bad := e["count"]; !bad && in.Count != nil && (*in.Count < 0 || *in.Count > proposal.MaxCount) {
			t.Fatalf("count %d accepted", *in.Count)
		}
	})
}
