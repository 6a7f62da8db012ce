package planning_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
	"lokadaya/internal/planning"
	"lokadaya/internal/proposal"
)

const pajang = "33.72.01.1001" // Pajang, Laweyan, Kota Surakarta

type world struct {
	s                      *planning.Store
	d                      *db.DB
	lurah, oms, warga, out planning.Actor
	office                 int64
	proposals              []int64 // in the order created: costs 60, 60, 30, 50 (juta)
}

func newWorld(t *testing.T, d *db.DB) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{s: &planning.Store{DB: d}, d: d}
	user := func(email string) planning.Actor {
		u, err := (&account.Store{DB: d}).Create(ctx, email, "Pengguna "+email, "", "kata-sandi-panjang")
		if err != nil {
			t.Fatal(err)
		}
		return planning.Actor{ID: u.ID}
	}
	w.lurah, w.oms, w.warga, w.out = user("lurah@example.org"), user("oms@example.org"), user("warga@example.org"), user("luar@example.org")
	orgs := &org.Store{DB: d}
	mk := func(owner int64, in org.Input) int64 {
		o, err := orgs.Create(ctx, owner, in)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `UPDATE organizations SET status = 'verified' WHERE id = ?`, o.ID); err != nil {
			t.Fatal(err)
		}
		return o.ID
	}
	w.office = mk(w.lurah.ID, org.Input{Name: "Kantor Kelurahan Pajang", Kind: "desa", RegionCode: pajang})
	mk(w.oms.ID, org.Input{Name: "Sanggar Pajang", Kind: "oms", LegalForm: "komunitas", RegionCode: pajang})
	ps := &proposal.Store{DB: d}
	for i, cost := range []int64{60, 60, 30, 50} {
		c := cost * 1_000_000
		p, err := ps.Create(ctx, proposal.Actor{ID: w.warga.ID, Name: "Warga"}, proposal.Input{Kind: "kegiatan",
			Title: "Usulan " + string(rune('A'+i)), What: "Kegiatan untuk warga", RegionCode: pajang, Cost: &c})
		if err != nil {
			t.Fatal(err)
		}
		w.proposals = append(w.proposals, p.ID)
	}
	// An issue is not ranked: only activities are.
	if _, err := ps.Create(ctx, proposal.Actor{ID: w.warga.ID}, proposal.Input{Kind: "isu", Title: "Isu banjir",
		What: "Banjir tiap tahun", RegionCode: pajang}); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *world) round(t *testing.T) *planning.Round {
	t.Helper()
	ctx := context.Background()
	r, err := w.s.Create(ctx, w.lurah, planning.RoundInput{Title: "Musrenbang Kelurahan Pajang 2027–2029",
		RegionCode: pajang, FirstYear: "2027", Years: "3", OrgID: w.office})
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{"stage_name_0": {"Penilaian"}, "stage_from_0": {"2027-01-05"}, "stage_to_0": {"2027-01-20"},
		"crit_name_0": {"Manfaat bagi warga"}, "crit_weight_0": {"60"}, "crit_name_1": {"Kesiapan"}, "crit_weight_1": {"40"},
		"ceiling_2027": {"100.000.000"}, "ceiling_2028": {"Rp 100.000.000"}, "ceiling_2029": {"50000000"}}
	setup, errs := planning.SetupFrom(form, r)
	if err := w.s.SaveSetup(ctx, r, setup, errs); err != nil {
		t.Fatal(err)
	}
	if r, err = w.s.Get(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRoundFromScoresToCarriedProposals runs a round end to end: setup,
// participants by group (refusing a government seat to a resident),
// scoring (refusing outsiders and second scores), the ranked periodised
// list, year one funded in part, and the unfunded proposal carried to
// year two with its history and its proposer's e-mail.
func TestRoundFromScoresToCarriedProposals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		r := w.round(t)
		if len(r.Criteria) != 2 || r.Ceiling(2028) != 100_000_000 || r.Period() != "2027–2029" {
			t.Fatalf("rules: %+v", r)
		}
		for _, c := range []struct {
			email, group string
			want         error
		}{
			{"lurah@example.org", "pemerintah", nil},
			{"oms@example.org", "oms", nil},
			{"warga@example.org", "warga", nil},
			{"warga@example.org", "pemerintah", planning.ErrGroup},
			{"tidak-ada@example.org", "warga", planning.ErrNoUser},
		} {
			if err := w.s.AddParticipant(ctx, r, c.email, c.group); !errors.Is(err, c.want) {
				t.Errorf("%s as %s: %v, want %v", c.email, c.group, err, c.want)
			}
		}
		if g, _ := w.s.GroupOf(ctx, r.ID, w.warga.ID); g != "warga" {
			t.Errorf("a refused seat changed the group: %q", g)
		}
		if err := w.s.OpenScoring(ctx, r); err != nil {
			t.Fatal(err)
		}
		if r, _ = w.s.Get(ctx, r.ID); r.Status != planning.StatusScoring {
			t.Fatalf("status %s", r.Status)
		}
		c1, c2 := r.Criteria[0].ID, r.Criteria[1].ID
		a, b, c, dd := w.proposals[0], w.proposals[1], w.proposals[2], w.proposals[3]
		// Scores give the ranking a (5) > c (4) > b (3) > d (2) in every group.
		for _, who := range []planning.Actor{w.lurah, w.oms, w.warga} {
			for p, v := range map[int64]int{a: 5, b: 3, c: 4, dd: 2} {
				if err := w.s.Score(ctx, r, who, p, map[int64]int{c1: v, c2: v}); err != nil {
					t.Fatal(err)
				}
			}
		}
		for name, err := range map[string]error{
			"twice":     w.s.Score(ctx, r, w.warga, a, map[int64]int{c1: 1, c2: 1}),
			"outsider":  w.s.Score(ctx, r, w.out, a, map[int64]int{c1: 5, c2: 5}),
			"partial":   w.s.Score(ctx, r, w.out, a, map[int64]int{c1: 5}),
			"not in it": w.s.Score(ctx, r, w.lurah, a+100, map[int64]int{c1: 5, c2: 5}),
		} {
			if err == nil {
				t.Errorf("%s: a score was accepted", name)
			}
		}
		if err := w.s.Settle(ctx, r, "https://lokadaya.test"); err != nil {
			t.Fatal(err)
		}
		r, _ = w.s.Get(ctx, r.ID)
		entries, err := w.s.Entries(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		// 100 + 100 + 50 (juta): a (60) and c (30) in 2027, b (60) in
		// 2028, d (50) in 2029.
		if got := plan(entries); got != "A:1:2027 C:2:2027 B:3:2028 D:4:2029" {
			t.Errorf("settled plan %s", got)
		}
		if s, ok := entries[0].GroupScore("warga"); !ok || s != 5000 || entries[0].Combined != 5000 || entries[0].Scorers["oms"] != 1 {
			t.Errorf("scores of A: %+v", entries[0])
		}
		// 2029 cannot be decided before 2027; 2027 funds A only.
		if err := w.s.DecideYear(ctx, r, 2029, nil, ""); !errors.Is(err, planning.ErrYearOrder) {
			t.Errorf("out of order: %v", err)
		}
		if err := w.s.DecideYear(ctx, r, 2027, map[int64]bool{b: true}, ""); !errors.Is(err, planning.ErrNotInRound) {
			t.Errorf("funding a 2028 proposal in 2027: %v", err)
		}
		mails := countMail(t, d)
		if err := w.s.DecideYear(ctx, r, 2027, map[int64]bool{a: true}, "https://lokadaya.test"); err != nil {
			t.Fatal(err)
		}
		if err := w.s.DecideYear(ctx, r, 2027, map[int64]bool{a: true}, ""); !errors.Is(err, planning.ErrYearDecided) {
			t.Errorf("decided twice: %v", err)
		}
		r, _ = w.s.Get(ctx, r.ID)
		entries, _ = w.s.Entries(ctx, r)
		// C (30) moves to 2028 ahead of B; B (60) still fits 2028's 100.
		if got := plan(entries); got != "A:1:2027+ C:2:2028 B:3:2028 D:4:2029" {
			t.Errorf("after 2027 %s", got)
		}
		if !entries[1].Carried() || entries[2].Carried() {
			t.Errorf("carried flags: C %v, B %v", entries[1].Carried(), entries[2].Carried())
		}
		// A told it is funded, C told it moved: two e-mails.
		if n := countMail(t, d) - mails; n != 2 {
			t.Errorf("%d e-mails, want 2", n)
		}
		var body string
		if err := d.QueryRow(ctx, `SELECT payload FROM jobs WHERE kind = 'mail' ORDER BY id DESC LIMIT 1`).Scan(&body); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(body, "Usulan C") || !strings.Contains(body, "2028") || !strings.Contains(body, "/usulan/") {
			t.Errorf("carried e-mail: %s", body)
		}
		hist, err := w.s.History(ctx, c)
		if err != nil || len(hist) != 2 || hist[1].Event != "dipindah" || hist[1].From != 2027 || hist[1].To != 2028 ||
			hist[1].Reason != planning.ReasonNotFunded || hist[1].Rank != 2 {
			t.Errorf("history of C: %+v, %v", hist, err)
		}
		moves, _ := w.s.Moves(ctx, r.ID)
		if len(moves) != 1 || moves[0].ProposalID != c {
			t.Errorf("moves %+v", moves)
		}
		var status string
		if err := d.QueryRow(ctx, `SELECT status FROM proposals WHERE id = ?`, a).Scan(&status); err != nil || status != "didanai" {
			t.Errorf("funded proposal status %q, %v", status, err)
		}
	})
}

func plan(entries []*planning.Entry) string {
	var parts []string
	for _, e := range entries {
		s := strings.TrimPrefix(e.Title, "Usulan ") + ":" + itoa(e.Rank) + ":" + itoa(e.Year)
		if e.Funded {
			s += "+"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func countMail(t *testing.T, d *db.DB) int {
	t.Helper()
	var n int
	if err := d.QueryRow(context.Background(), `SELECT COUNT(*) FROM jobs WHERE kind = 'mail'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestSetupRules refuses bad setups and opening without agreed rules,
// and keeps the rules once scoring opened.
func TestSetupRules(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		r, err := w.s.Create(ctx, w.lurah, planning.RoundInput{Title: "Putaran", RegionCode: pajang, FirstYear: "2027", Years: "2", OrgID: w.office})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.s.OpenScoring(ctx, r); !errors.Is(err, planning.ErrNoCriteria) {
			t.Errorf("open without rules: %v", err)
		}
		for name, c := range map[string]struct {
			form  url.Values
			field string
		}{
			"weights": {url.Values{"crit_name_0": {"A"}, "crit_weight_0": {"50"}, "ceiling_2027": {"1"}, "ceiling_2028": {"1"}}, "crit_weight_0"},
			"ceiling": {url.Values{"crit_name_0": {"A"}, "crit_weight_0": {"100"}, "ceiling_2027": {"banyak"}, "ceiling_2028": {"1"}}, "ceiling_2027"},
			"dates":   {url.Values{"stage_name_0": {"X"}, "stage_from_0": {"2027-02-01"}, "stage_to_0": {"2027-01-01"}}, "stage_to_0"},
		} {
			s, errs := planning.SetupFrom(c.form, r)
			if errs[c.field] == "" {
				t.Errorf("%s: no error on %s: %v", name, c.field, errs)
			}
			if err := w.s.SaveSetup(ctx, r, s, errs); err == nil {
				t.Errorf("%s: saved", name)
			}
		}
		if _, err := w.s.Create(ctx, w.lurah, planning.RoundInput{Title: "", RegionCode: pajang, FirstYear: "1990", Years: "9", OrgID: w.office}); err == nil {
			t.Error("a bad round was created")
		}
		r = w.round(t)
		if err := w.s.OpenScoring(ctx, r); err != nil {
			t.Fatal(err)
		}
		r, _ = w.s.Get(ctx, r.ID)
		s, errs := planning.SetupFrom(r.Form(), r)
		if err := w.s.SaveSetup(ctx, r, s, errs); !errors.Is(err, planning.ErrNotSetup) {
			t.Errorf("rules changed after opening: %v", err)
		}
		if err := w.s.Settle(ctx, r, ""); !errors.Is(err, planning.ErrNoScores) {
			t.Errorf("settled without scores: %v", err)
		}
		entries, _ := w.s.Entries(ctx, r)
		if len(entries) != 4 {
			t.Errorf("%d proposals entered, want the 4 activities", len(entries))
		}
	})
}
