package cycle_test

import (
	"context"
	"errors"
	"testing"

	"lokadaya/internal/audit"
	"lokadaya/internal/cycle"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/framework"
)

func TestAdvanceNeedsMinimumAnswers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := newFixture(t, d)
		c, err := f.s.Start(ctx, f.org.ID, f.actor)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := framework.Current().Stage(1)
		if st.MinAnswers > 0 {
			// A blank answer does not count.
			if _, err := f.s.SaveAnswer(ctx, c.ID, st.Questions[0].Key, "  \n ", 0, f.actor); err != nil {
				t.Fatal(err)
			}
			_, err := f.s.Advance(ctx, c.ID, f.actor)
			var nr *cycle.NotReadyError
			if !errors.As(err, &nr) || nr.Missing() != st.MinAnswers || nr.Stage != 1 {
				t.Fatalf("advance unanswered: %v", err)
			}
		}
		f.advanceTo(t, c, cycle.LastStage)
		if _, err := f.s.Advance(ctx, c.ID, f.actor); !errors.Is(err, cycle.ErrLastStage) {
			t.Fatalf("advance from the last stage: %v", err)
		}
		got, _ := f.s.Get(ctx, c.ID)
		if got.CurrentStage != cycle.LastStage {
			t.Fatalf("stage %d", got.CurrentStage)
		}
	})
}

func TestGoBackRules(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := newFixture(t, d)
		fw := framework.Current()
		c, err := f.s.Start(ctx, f.org.ID, f.actor)
		if err != nil {
			t.Fatal(err)
		}
		const reason = "Skema pertukaran perlu diubah"
		// Every move the framework does not allow is refused, at every stage.
		for stage := 1; stage <= cycle.LastStage; stage++ {
			f.advanceTo(t, c, stage)
			for to := 0; to <= cycle.LastStage+1; to++ {
				if fw.CanGoBack(stage, to) {
					continue
				}
				if _, err := f.s.GoBack(ctx, c.ID, to, reason, f.actor); !errors.Is(err, cycle.ErrBackNotAllowed) {
					t.Fatalf("back %d → %d: %v", stage, to, err)
				}
			}
		}
	})
}

func TestGoBackAndIterations(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := newFixture(t, d)
		c, err := f.s.Start(ctx, f.org.ID, f.actor)
		if err != nil {
			t.Fatal(err)
		}
		f.advanceTo(t, c, 4)
		if _, err := f.s.GoBack(ctx, c.ID, 3, "singkat", f.actor); !errors.Is(err, cycle.ErrReasonRequired) {
			t.Fatalf("short reason: %v", err)
		}
		back := func(to int) {
			t.Helper()
			got, err := f.s.GoBack(ctx, c.ID, to, "Perlu perbaikan skema layanan", f.actor)
			if err != nil {
				t.Fatalf("back %d → %d: %v", c.CurrentStage, to, err)
			}
			*c = *got
		}
		back(3) // 4 → 3
		f.advanceTo(t, c, 5)
		back(4) // 5 → 4
		f.advanceTo(t, c, 5)
		back(3) // 5 → 3
		counts, err := f.s.IterationCounts(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := map[int]int{1: 1, 2: 1, 3: 3, 4: 3, 5: 2}
		for stage, n := range want {
			if counts[stage] != n {
				t.Errorf("stage %d entered %d times, want %d (%v)", stage, counts[stage], n, counts)
			}
		}
		moves, _ := f.s.Timeline(ctx, c.ID)
		last := moves[len(moves)-1]
		if last.Kind != cycle.KindBack || last.From != 5 || last.To != 3 || last.Reason != "Perlu perbaikan skema layanan" ||
			last.ActorName != "Bu Pemilik" || last.ActorID != f.actor.ID {
			t.Fatalf("last move %+v", last)
		}
		p, err := audit.List(ctx, d, audit.Filter{Action: "cycle.back"})
		if err != nil || len(p.Entries) != 3 {
			t.Fatalf("audit of back moves: %d, %v", len(p.Entries), err)
		}
	})
}

func TestNextCycleAndCompare(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := newFixture(t, d)
		c, err := f.s.Start(ctx, f.org.ID, f.actor)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.NextCycle(ctx, f.org.ID, f.actor); !errors.Is(err, cycle.ErrNotLastStage) {
			t.Fatalf("next cycle from stage 1: %v", err)
		}
		f.advanceTo(t, c, cycle.LastStage)
		f.answerMinimum(t, c, cycle.LastStage)
		before, _ := f.s.Latest(ctx, c.ID)
		next, err := f.s.NextCycle(ctx, f.org.ID, f.actor)
		if err != nil {
			t.Fatal(err)
		}
		if next.Number != 2 || next.CurrentStage != 1 || !next.Open() {
			t.Fatalf("next = %+v", next)
		}
		old, _ := f.s.ByNumber(ctx, f.org.ID, 1)
		if old.Open() || old.ClosedAt == nil {
			t.Fatalf("old cycle %+v", old)
		}
		cur, _ := f.s.Current(ctx, f.org.ID)
		if cur.ID != next.ID {
			t.Fatalf("Current = cycle %d", cur.Number)
		}
		after, _ := f.s.Latest(ctx, next.ID)
		if len(after) != len(before) {
			t.Fatalf("%d answers carried, want %d", len(after), len(before))
		}
		for k, a := range before {
			b := after[k]
			if b.Version != 1 || !b.CarriedOver || b.Body != a.Body || b.AuthorName != a.AuthorName {
				t.Errorf("carried %s = %+v", k, b)
			}
		}
		if _, err := f.s.Advance(ctx, old.ID, f.actor); !errors.Is(err, cycle.ErrClosed) {
			t.Errorf("advance closed: %v", err)
		}
		if _, err := f.s.NextCycle(ctx, f.org.ID, f.actor); !errors.Is(err, cycle.ErrNotLastStage) {
			t.Errorf("next again: %v", err)
		}
		p, _ := audit.List(ctx, d, audit.Filter{Action: "cycle.next"})
		if len(p.Entries) != 1 {
			t.Errorf("%d next-cycle audit entries", len(p.Entries))
		}
		// Change one answer in cycle 2 and compare.
		var changed string
		for k := range after {
			changed = k
			break
		}
		if changed != "" {
			if _, err := f.s.SaveAnswer(ctx, next.ID, changed, "Jawaban baru", 1, f.actor); err != nil {
				t.Fatal(err)
			}
			if _, err := f.s.SaveAnswer(ctx, old.ID, changed, "x", 1, f.actor); !errors.Is(err, cycle.ErrClosed) {
				t.Errorf("save in closed cycle: %v", err)
			}
		}
		ca, cb, stages, err := f.s.Compare(ctx, f.org.ID, 1, 2)
		if err != nil || ca.Number != 1 || cb.Number != 2 || len(stages) != cycle.LastStage {
			t.Fatalf("Compare: %v", err)
		}
		for _, st := range stages {
			for _, row := range st.Rows {
				if row.Question.Key == changed && (row.A == nil || row.B == nil || row.B.Body != "Jawaban baru" || row.A.Body == row.B.Body) {
					t.Errorf("compare row %+v", row)
				}
			}
		}
		if _, _, _, err := f.s.Compare(ctx, f.org.ID, 1, 3); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("compare with a missing cycle: %v", err)
		}
	})
}

func TestCommentsAndAttachments(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := newFixture(t, d)
		c, err := f.s.Start(ctx, f.org.ID, f.actor)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.AddComment(ctx, c.ID, 2, "", "  ", f.actor); !errors.Is(err, cycle.ErrEmpty) {
			t.Fatalf("empty comment: %v", err)
		}
		if _, err := f.s.AddComment(ctx, c.ID, 2, "", "Bagus, lanjutkan", f.actor); err != nil {
			t.Fatal(err)
		}
		cs, err := f.s.Comments(ctx, c.ID, 2)
		if err != nil || len(cs) != 1 || cs[0].Body != "Bagus, lanjutkan" || cs[0].AuthorName != "Bu Pemilik" {
			t.Fatalf("Comments = %+v, %v", cs, err)
		}
		a := &cycle.Attachment{CycleID: c.ID, Stage: 2, BlobKey: "cycle/1/abc.pdf", FileName: "notulen.pdf",
			ContentType: "application/pdf", Size: 10}
		if err := f.s.AddAttachment(ctx, a, f.actor); err != nil {
			t.Fatal(err)
		}
		got, err := f.s.Attachment(ctx, c.ID, a.ID)
		if err != nil || got.FileName != "notulen.pdf" || got.UploaderName != "Bu Pemilik" {
			t.Fatalf("Attachment = %+v, %v", got, err)
		}
		if _, err := f.s.Attachment(ctx, c.ID+1, a.ID); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("attachment of another cycle: %v", err)
		}
		list, _ := f.s.Attachments(ctx, c.ID, 2)
		if len(list) != 1 {
			t.Fatalf("%d attachments", len(list))
		}
	})
}
