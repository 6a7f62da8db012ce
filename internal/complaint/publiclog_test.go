package complaint_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"lokadaya/internal/complaint"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
)

func TestPublicLogAndFigures(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newWorld(t, d)
		admin := w.actor(org.RoleAdmin)
		// Five complaints, a day apart; each answered after the delay
		// given (0: never). The last is too young to be late.
		delays := []time.Duration{5 * time.Hour, 30 * time.Hour, 60 * time.Hour, 0, 0}
		var filed []*complaint.Complaint
		for i := range delays {
			in := w.input("Keluhan nomor " + string(rune('A'+i)) + " tentang antrean.")
			if i == 1 {
				in.Visibility = complaint.VisConfidential
			}
			if i < 2 {
				in.InitiativeID = &w.initiative
			}
			filed = append(filed, w.file(t, in))
			w.clock.Add(24 * time.Hour)
		}
		// Answer each at received + delay, in time order.
		type answer struct {
			c  *complaint.Complaint
			at time.Time
		}
		var answers []answer
		for i, c := range filed {
			if delays[i] > 0 {
				answers = append(answers, answer{c, c.ReceivedAt.Add(delays[i])})
			}
		}
		slices.SortFunc(answers, func(a, b answer) int { return a.at.Compare(b.at) })
		end := w.clock.Now()
		for _, a := range answers {
			w.clock.Add(a.at.Sub(w.clock.Now()))
			if err := w.s.Answer(ctx, admin, w.reload(t, a.c), "Jawaban untuk "+a.c.Code); err != nil {
				t.Fatal(err)
			}
		}
		if end.After(w.clock.Now()) {
			w.clock.Add(end.Sub(w.clock.Now()))
		}
		w.clock.Add(time.Hour) // the fourth is now an hour past due
		now := w.clock.Now()

		// Recompute the expected figures from the data as filed.
		var want struct{ decided, onTime, overdue int }
		var waits []time.Duration
		for i, c := range filed {
			due := c.ReceivedAt.Add(48 * time.Hour)
			switch {
			case delays[i] > 0:
				want.decided++
				waits = append(waits, delays[i])
				if delays[i] <= 48*time.Hour {
					want.onTime++
				}
			case now.After(due):
				want.decided++
				want.overdue++
			}
		}
		slices.Sort(waits)
		wantMedian := waits[len(waits)/2] // three answers: the middle one

		f, err := w.s.Figures(ctx, complaint.LogFilter{OrgID: w.org.ID})
		if err != nil {
			t.Fatal(err)
		}
		if f.Total != 5 || f.Answered != len(waits) || f.Decided != want.decided || f.OnTime != want.onTime ||
			f.Overdue != want.overdue || f.MedianFirstAnswer != wantMedian {
			t.Errorf("figures %+v, want decided %d on time %d overdue %d median %v", f, want.decided, want.onTime,
				want.overdue, wantMedian)
		}
		if p, ok := f.OnTimePermille(); !ok || p != int64(want.onTime*1000/want.decided) {
			t.Errorf("on-time share %d‰", p)
		}
		// The initiative's log: the first two only.
		fi, err := w.s.Figures(ctx, complaint.LogFilter{OrgID: w.org.ID, InitiativeID: w.initiative})
		if err != nil || fi.Total != 2 || fi.OnTime != 2 || fi.MedianFirstAnswer != (5*time.Hour+30*time.Hour)/2 {
			t.Errorf("initiative figures %+v, %v", fi, err)
		}

		// Pages of two, newest first, with the marks.
		var all []complaint.PublicEntry
		var before int64
		for {
			page, next, err := w.s.PublicLog(ctx, complaint.LogFilter{OrgID: w.org.ID, Before: before, Limit: 2})
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, page...)
			if next == 0 {
				break
			}
			before = next
		}
		if len(all) != 5 || all[0].Ref != filed[4].Ref() || all[4].Ref != filed[0].Ref() {
			t.Fatalf("log of %d entries", len(all))
		}
		byCode := map[string]complaint.PublicEntry{}
		for _, e := range all {
			byCode[e.Ref] = e
		}
		if e := byCode[filed[2].Ref()]; !e.Late || e.Overdue || len(e.Answers) != 1 {
			t.Errorf("answered late: %+v", e)
		}
		if e := byCode[filed[3].Ref()]; !e.Late || !e.Overdue || e.FirstAnswerAt != nil {
			t.Errorf("unanswered past due: %+v", e)
		}
		if e := byCode[filed[4].Ref()]; e.Late || e.Overdue {
			t.Errorf("young complaint marked: %+v", e)
		}
		if e := byCode[filed[1].Ref()]; !e.Confidential || e.Text != "" || len(e.Answers) != 1 || e.Answers[0].Text != "" {
			t.Errorf("confidential entry shows words: %+v", e)
		}
		if e := byCode[filed[0].Ref()]; e.Text == "" || e.InitiativeSlug != "posyandu" {
			t.Errorf("public entry %+v", e)
		}
		if got, ok := byCode[filed[0].Ref()].TimeToFirstAnswer(); !ok || got != 5*time.Hour {
			t.Errorf("time to first answer %v", got)
		}
	})
}

func TestMedian(t *testing.T) {
	h := time.Hour
	for _, tc := range []struct {
		in   []time.Duration
		want time.Duration
	}{
		{nil, 0},
		{[]time.Duration{3 * h}, 3 * h},
		{[]time.Duration{10 * h, 2 * h}, 6 * h},
		{[]time.Duration{9 * h, 1 * h, 5 * h}, 5 * h},
	} {
		if got := complaint.Median(tc.in); got != tc.want {
			t.Errorf("Median(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
