package survey_test

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
	"lokadaya/internal/survey"
	"lokadaya/internal/validate"
)

const today = "2025-06-15"

type world struct {
	d          *db.DB
	store      *survey.Store
	org        int64
	initiative int64
	other      int64 // another organisation's initiative
	staff      survey.Actor
}

func setup(t *testing.T, d *db.DB) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{d: d, store: &survey.Store{DB: d}}
	accounts, orgs := &account.Store{DB: d}, &org.Store{DB: d}
	var ids []int64
	for _, name := range []string{"ani", "budi"} {
		u, err := accounts.Create(ctx, name+"@example.org", "Bu "+name, "", "kata-sandi-panjang")
		if err != nil {
			t.Fatal(err)
		}
		o, err := orgs.Create(ctx, u.ID, org.Input{Name: "Klinik " + name, Slug: "klinik-" + name,
			LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
		if err != nil {
			t.Fatal(err)
		}
		now := db.Now()
		var ini int64
		if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
			VALUES (?, ?, 'Posyandu', 'published', ?, ?) RETURNING id`, o.ID, "posyandu-"+name, now, now).Scan(&ini); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, o.ID, ini)
		if w.staff.ID == 0 {
			w.staff = survey.Actor{ID: u.ID, Name: u.Name}
		}
	}
	w.org, w.initiative, w.other = ids[0], ids[1], ids[3]
	return w
}

func (w *world) round(t *testing.T, from, to, population string) *survey.Round {
	t.Helper()
	in := survey.RoundFromForm(url.Values{"title": {"SKM " + from}, "from": {from}, "to": {to}, "population": {population}})
	r, err := w.store.CreateRound(context.Background(), w.staff, w.org, w.initiative, in, today)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

var tokens int

func form(scores [9]int, extra ...string) survey.ResponseInput {
	tokens++
	f := url.Values{"token": {"tok-" + strconv.Itoa(tokens)}}
	for i, v := range scores {
		if v != 0 {
			f.Set(survey.ScoreField(i), strconv.Itoa(v))
		}
	}
	for i := 0; i+1 < len(extra); i += 2 {
		f.Set(extra[i], extra[i+1])
	}
	return survey.ResponseFromForm(f)
}

func TestRoundsAndResults(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := setup(t, d)
		q2 := w.round(t, "2025-04-01", "2025-06-30", "100")
		q1 := w.round(t, "2025-01-01", "2025-03-31", "")
		if len(q2.Code) != survey.CodeLength || q2.Code == q1.Code {
			t.Fatalf("codes %q %q", q2.Code, q1.Code)
		}
		rows := [][9]int{
			{3, 3, 2, 4, 3, 3, 4, 2, 3},
			{4, 3, 3, 3, 3, 4, 4, 3, 3},
			{3, 2, 3, 4, 2, 3, 3, 2, 4},
		}
		for _, s := range rows {
			if _, err := w.store.RespondOnline(ctx, q2, form(s, "sex", "P", "age", "30-44")); err != nil {
				t.Fatal(err)
			}
		}
		paper := form([9]int{3, 4, 3, 3, 4, 3, 3, 3, 2}, "paper_ref", "017")
		if _, err := w.store.EnterPaper(ctx, w.staff, q2, paper); err != nil {
			t.Fatal(err)
		}
		// The same sheet again is refused; the same online form again is
		// the response already made.
		_, err := w.store.EnterPaper(ctx, w.staff, q2, form([9]int{1, 1, 1, 1, 1, 1, 1, 1, 1}, "paper_ref", "017"))
		var ve validate.Errors
		if !errors.As(err, &ve) || ve["paper_ref"] != "survey.err.paper_twice" {
			t.Fatalf("same sheet twice: %v", err)
		}
		again := form([9]int{4, 4, 4, 4, 4, 4, 4, 4, 4})
		first, err := w.store.RespondOnline(ctx, q1, again)
		if err != nil {
			t.Fatal(err)
		}
		second, err := w.store.RespondOnline(ctx, q1, again)
		if err != nil || second.ID != first.ID {
			t.Fatalf("resubmit: %v, %d vs %d", err, second.ID, first.ID)
		}

		rounds, err := w.store.Rounds(ctx, w.initiative)
		if err != nil || len(rounds) != 2 || rounds[0].ID != q1.ID || rounds[1].ID != q2.ID {
			t.Fatalf("rounds by period: %v %+v", err, rounds)
		}
		res, err := w.store.Results(ctx, []int64{q1.ID, q2.ID})
		if err != nil {
			t.Fatal(err)
		}
		// The four responses of the worked example in TestIKMWorkedExamples.
		if ikm, ok := res[q2.ID].IKM(); !ok || ikm != 77.08 || res[q2.ID].Respondents != 4 || res[q2.ID].Grade() != "B" {
			t.Fatalf("q2: %v %v %d %s", ikm, ok, res[q2.ID].Respondents, res[q2.ID].Grade())
		}
		if ikm, _ := res[q1.ID].IKM(); ikm != 100 || res[q1.ID].Respondents != 1 {
			t.Fatalf("q1: %v %d", ikm, res[q1.ID].Respondents)
		}

		// Population: service records first, the typed number otherwise.
		sum := survey.Summarize(q2, res[q2.ID], 0)
		if sum.FromRecords || sum.Sample != (survey.Sample{Known: true, Population: 100, Required: 80}) {
			t.Fatalf("typed population: %+v", sum)
		}
		sum = survey.Summarize(q2, res[q2.ID], 4)
		if !sum.FromRecords || !sum.Sample.Enough || sum.Sample.Required != 4 {
			t.Fatalf("recorded population: %+v", sum)
		}
		if s := survey.Summarize(q1, res[q1.ID], 0); s.Sample.Known {
			t.Fatalf("no population: %+v", s)
		}

		prof, err := w.store.ProfileCounts(ctx, q2.ID)
		if err != nil || prof["sex"]["P"] != 3 || prof["sex"][""] != 1 || prof["age"]["30-44"] != 3 {
			t.Fatalf("profile: %v %v", err, prof)
		}

		// A closed round takes no online answers; staff may still type in paper.
		if err := w.store.SetOpen(ctx, w.staff, q2, false); err != nil {
			t.Fatal(err)
		}
		got, _ := w.store.RoundByCode(ctx, q2.Code)
		if got.Open {
			t.Fatal("still open")
		}
		if _, err := w.store.RespondOnline(ctx, got, form([9]int{4, 4, 4, 4, 4, 4, 4, 4, 4})); !errors.Is(err, survey.ErrClosed) {
			t.Fatalf("closed round: %v", err)
		}
		if _, err := w.store.EnterPaper(ctx, w.staff, got, form([9]int{4, 4, 4, 4, 4, 4, 4, 4, 4}, "paper_ref", "018")); err != nil {
			t.Fatal(err)
		}

		// A mistyped sheet is removed with a reason, kept in the audit log.
		list, err := w.store.Responses(ctx, q2.ID, 0)
		if err != nil || len(list) != 5 {
			t.Fatalf("responses: %v %d", err, len(list))
		}
		if err := w.store.DeleteResponse(ctx, w.staff, got, list[0].ID, "salah ketik"); err != nil {
			t.Fatal(err)
		}
		var logged int
		d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'survey.response.delete'`).Scan(&logged)
		if logged != 1 {
			t.Fatalf("audit entries %d", logged)
		}
		if err := w.store.DeleteResponse(ctx, w.staff, got, list[0].ID, "lagi"); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("delete twice: %v", err)
		}
	})
}

func TestRoundInputRefused(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := setup(t, d)
		for _, tc := range []struct {
			form  url.Values
			field string
			key   string
		}{
			{url.Values{"from": {"2025-01-01"}, "to": {"2025-03-31"}}, "title", "form.required"},
			{url.Values{"title": {"x"}, "from": {"2025-07-01"}, "to": {"2025-07-31"}}, "from", "survey.err.future"},
			{url.Values{"title": {"x"}, "from": {"2025-02-30"}, "to": {"2025-03-31"}}, "from", "survey.err.date"},
			{url.Values{"title": {"x"}, "from": {"2025-03-01"}, "to": {"2025-02-01"}}, "to", "survey.err.order"},
			{url.Values{"title": {"x"}, "from": {"2023-01-01"}, "to": {"2025-01-01"}}, "to", "survey.err.long"},
			{url.Values{"title": {"x"}, "from": {"2025-01-01"}, "to": {"2025-03-31"}, "population": {"-3"}}, "population", "survey.err.population"},
			{url.Values{"title": {"x"}, "from": {"2025-01-01"}, "to": {"2025-03-31"}, "population": {"banyak"}}, "population", "survey.err.population"},
		} {
			_, err := w.store.CreateRound(ctx, w.staff, w.org, w.initiative, survey.RoundFromForm(tc.form), today)
			var ve validate.Errors
			if !errors.As(err, &ve) || ve[tc.field] != tc.key {
				t.Errorf("%v: got %v, want %s=%s", tc.form, err, tc.field, tc.key)
			}
		}
		// Another organisation's initiative.
		_, err := w.store.CreateRound(ctx, w.staff, w.org, w.other, survey.RoundFromForm(url.Values{"title": {"x"},
			"from": {"2025-01-01"}, "to": {"2025-03-31"}}), today)
		var ve validate.Errors
		if !errors.As(err, &ve) || ve["initiative"] == "" {
			t.Fatalf("other org's initiative: %v", err)
		}
		var n int
		d.QueryRow(ctx, `SELECT COUNT(*) FROM survey_rounds`).Scan(&n)
		if n != 0 {
			t.Fatalf("%d rounds written", n)
		}
	})
}

func TestResponseInputRefused(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := setup(t, d)
		r := w.round(t, "2025-01-01", "2025-03-31", "")
		long := make([]byte, survey.MaxSuggestion+1)
		for i := range long {
			long[i] = 'a'
		}
		for _, tc := range []struct {
			name  string
			in    survey.ResponseInput
			paper bool
			field string
			key   string
		}{
			{"missing element online", form([9]int{4, 4, 4, 4, 4, 4, 4, 4, 0}), false, "u9", "survey.err.score_required"},
			{"score of five", form([9]int{4, 4, 4, 4, 4, 4, 4, 4, 4}, "u3", "5"), false, "u3", "survey.err.score"},
			{"sex not offered", form([9]int{4, 4, 4, 4, 4, 4, 4, 4, 4}, "sex", "X"), false, "sex", "survey.err.choice"},
			{"long suggestion", form([9]int{4, 4, 4, 4, 4, 4, 4, 4, 4}, "saran", string(long)), false, "saran", "form.too_long"},
			{"blank paper", form([9]int{}, "paper_ref", "1"), true, "u1", "survey.err.no_scores"},
			{"paper without sheet number", form([9]int{4, 0, 0, 0, 0, 0, 0, 0, 0}), true, "paper_ref", "form.required"},
		} {
			var err error
			if tc.paper {
				_, err = w.store.EnterPaper(ctx, w.staff, r, tc.in)
			} else {
				_, err = w.store.RespondOnline(ctx, r, tc.in)
			}
			var ve validate.Errors
			if !errors.As(err, &ve) || ve[tc.field] != tc.key {
				t.Errorf("%s: got %v, want %s=%s", tc.name, err, tc.field, tc.key)
			}
		}
		// A paper form may leave elements blank.
		if _, err := w.store.EnterPaper(ctx, w.staff, r, form([9]int{4, 0, 3}, "paper_ref", "2")); err != nil {
			t.Fatal(err)
		}
		res, _ := w.store.Results(ctx, []int64{r.ID})
		if res[r.ID].Respondents != 1 || res[r.ID].Complete() {
			t.Fatalf("partial paper: %+v", res[r.ID])
		}
	})
}
