package cycle_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/cycle"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/framework"
	"lokadaya/internal/org"
)

// fixture is an organisation with its owner, on a fresh database.
type fixture struct {
	d     *db.DB
	s     *cycle.Store
	org   *org.Organization
	actor cycle.Actor
}

func newFixture(t *testing.T, d *db.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	u, err := (&account.Store{DB: d}).Create(ctx, "pemilik@example.org", "Bu Pemilik", "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "Taman Baca", Slug: "taman-baca",
		LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{d: d, s: &cycle.Store{DB: d}, org: o, actor: cycle.Actor{ID: u.ID, Name: u.Name}}
}

// anyQuestion returns a guiding question of the current edition, skipping
// the test when the edition has none yet.
func anyQuestion(t *testing.T) (string, int) {
	t.Helper()
	for _, st := range framework.Current().Stages {
		if len(st.Questions) > 0 {
			return st.Questions[0].Key, st.Number
		}
	}
	t.Skip("the current framework edition has no guiding questions yet")
	return "", 0
}

// answerMinimum answers just enough questions of stage n to move on.
func (f *fixture) answerMinimum(t *testing.T, c *cycle.Cycle, n int) {
	t.Helper()
	st, _ := framework.Current().Stage(n)
	for i := 0; i < st.MinAnswers; i++ {
		q := st.Questions[i].Key
		latest, _ := f.s.LatestAnswer(context.Background(), c.ID, q)
		base := 0
		if latest != nil {
			base = latest.Version
		}
		if _, err := f.s.SaveAnswer(context.Background(), c.ID, q, "Jawaban "+q, base, f.actor); err != nil {
			t.Fatal(err)
		}
	}
}

func (f *fixture) advanceTo(t *testing.T, c *cycle.Cycle, stage int) {
	t.Helper()
	for c.CurrentStage < stage {
		f.answerMinimum(t, c, c.CurrentStage)
		next, err := f.s.Advance(context.Background(), c.ID, f.actor)
		if err != nil {
			t.Fatalf("advance from %d: %v", c.CurrentStage, err)
		}
		*c = *next
	}
}

func TestStartAndLoad(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := newFixture(t, d)
		if _, err := f.s.Current(ctx, f.org.ID); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("Current before start: %v", err)
		}
		c, err := f.s.Start(ctx, f.org.ID, f.actor)
		if err != nil {
			t.Fatal(err)
		}
		if c.Number != 1 || c.CurrentStage != 1 || !c.Open() || c.FrameworkVersion != framework.Current().Version {
			t.Fatalf("started %+v", c)
		}
		if _, err := f.s.Start(ctx, f.org.ID, f.actor); !errors.Is(err, cycle.ErrExists) {
			t.Fatalf("second start: %v", err)
		}
		got, err := f.s.ByNumber(ctx, f.org.ID, 1)
		if err != nil || got.ID != c.ID || !got.OpenedAt.Equal(c.OpenedAt) || got.OpenedBy != f.actor.ID {
			t.Fatalf("ByNumber = %+v, %v", got, err)
		}
		if _, err := f.s.ByNumber(ctx, f.org.ID, 2); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("ByNumber(2): %v", err)
		}
		list, err := f.s.List(ctx, f.org.ID)
		if err != nil || len(list) != 1 {
			t.Fatalf("List = %v, %v", list, err)
		}
		moves, err := f.s.Timeline(ctx, c.ID)
		if err != nil || len(moves) != 1 || moves[0].Kind != cycle.KindOpen || moves[0].To != 1 {
			t.Fatalf("Timeline = %+v, %v", moves, err)
		}
	})
}

func TestConcurrentStart(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		errs := make([]error, 4)
		var wg sync.WaitGroup
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = f.s.Start(context.Background(), f.org.ID, f.actor)
			}()
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case !errors.Is(err, cycle.ErrExists):
				t.Errorf("start: %v", err)
			}
		}
		if ok != 1 {
			t.Fatalf("%d starts succeeded, want 1", ok)
		}
	})
}

func TestSaveAnswerVersionsAndConflict(t *testing.T) {
	key, _ := anyQuestion(t)
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := newFixture(t, d)
		c, err := f.s.Start(ctx, f.org.ID, f.actor)
		if err != nil {
			t.Fatal(err)
		}
		a1, err := f.s.SaveAnswer(ctx, c.ID, key, "Pertama\r\nbaris dua", 0, f.actor)
		if err != nil || a1.Version != 1 || a1.Body != "Pertama\nbaris dua" {
			t.Fatalf("first save = %+v, %v", a1, err)
		}
		if _, err := f.s.SaveAnswer(ctx, c.ID, key, "Kedua", 1, f.actor); err != nil {
			t.Fatal(err)
		}
		// A writer who loaded version 1 saves late: nothing is overwritten.
		_, err = f.s.SaveAnswer(ctx, c.ID, key, "Punya saya", 1, f.actor)
		var ce *cycle.ConflictError
		if !errors.As(err, &ce) || !errors.Is(err, cycle.ErrConflict) || ce.Latest.Version != 2 || ce.Latest.Body != "Kedua" {
			t.Fatalf("stale save: %v", err)
		}
		hist, err := f.s.History(ctx, c.ID, key)
		if err != nil || len(hist) != 2 || hist[0].Version != 2 || hist[1].AuthorName != "Bu Pemilik" {
			t.Fatalf("History = %+v, %v", hist, err)
		}
		latest, err := f.s.Latest(ctx, c.ID)
		if err != nil || latest[key].Body != "Kedua" || len(latest) != 1 {
			t.Fatalf("Latest = %+v, %v", latest, err)
		}
		for _, tc := range []struct {
			key, body string
			want      error
		}{
			{"9.tidak-ada", "x", cycle.ErrUnknownQuestion},
			{key, strings.Repeat("a", cycle.MaxAnswerRunes+1), cycle.ErrTooLong},
		} {
			if _, err := f.s.SaveAnswer(ctx, c.ID, tc.key, tc.body, 2, f.actor); !errors.Is(err, tc.want) {
				t.Errorf("save %q: %v, want %v", tc.key, err, tc.want)
			}
		}
	})
}

func TestConcurrentSavesOnSameBase(t *testing.T) {
	key, _ := anyQuestion(t)
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := newFixture(t, d)
		c, err := f.s.Start(ctx, f.org.ID, f.actor)
		if err != nil {
			t.Fatal(err)
		}
		for round := 0; round < 5; round++ {
			const writers = 6
			errs := make([]error, writers)
			var wg sync.WaitGroup
			start := make(chan struct{})
			for i := range writers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					_, errs[i] = f.s.SaveAnswer(ctx, c.ID, key, fmt.Sprintf("penulis %d", i), round, f.actor)
				}()
			}
			close(start)
			wg.Wait()
			won := 0
			for _, err := range errs {
				if err == nil {
					won++
				} else if !errors.Is(err, cycle.ErrConflict) {
					t.Fatalf("round %d: %v", round, err)
				}
			}
			if won != 1 {
				t.Fatalf("round %d: %d saves won, want exactly 1", round, won)
			}
		}
		hist, _ := f.s.History(ctx, c.ID, key)
		if len(hist) != 5 {
			t.Fatalf("%d versions, want 5", len(hist))
		}
	})
}
