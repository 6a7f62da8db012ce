package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strconv"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/db"
	"lokadaya/internal/feedback"
	"lokadaya/internal/service"
)

// feedbackInitiatives are the organisations whose first initiative's
// service points collect red / yellow / green feedback, with the member
// who moderates and types in the paper box.
var feedbackInitiatives = []struct{ org, staff string }{
	{"terang-kampung", "editor"},
	{"bank-sampah-bersinar", "pengurus1"},
}

// feedbackNotes are notes the people served left, with the colour they
// chose; the first ones staff showed, the rest wait.
var feedbackNotes = []struct{ colour, note, kind string }{
	{feedback.Hijau, "Lampu di gang kami sekarang menyala tiap malam, anak-anak pulang mengaji lebih aman.", "Perbaikan lampu"},
	{feedback.Kuning, "Teknisi datang, tapi baru tiga hari setelah dilaporkan.", "Laporan lampu mati"},
	{feedback.Merah, "Lampu dekat musala mati seminggu, sudah lapor dua kali.", "Laporan lampu mati"},
	{feedback.Hijau, "Petugasnya ramah dan menjelaskan cara merawat panel.", ""},
	{feedback.Kuning, "Jam buka posko kurang jelas, tolong ditempel di depan.", ""},
}

// giveFeedback fills six months of feedback on the demo service points:
// votes from the QR page (mostly green), notes staff showed or still have
// to read, the paper box typed in each month, and one noisy burst from a
// single phone a few days ago, flagged and waiting for a decision.
func giveFeedback(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	rng := rand.New(rand.NewPCG(11, 2026))
	clock := db.Now()
	store := &feedback.Store{DB: d, Now: func() time.Time { return clock }}
	for _, fi := range feedbackInitiatives {
		points, err := demoPoints(ctx, d, fi.org)
		if err != nil {
			return err
		}
		staff := feedback.Actor{ID: users[fi.staff].ID, Name: users[fi.staff].Name}
		phone := 0
		vote := func(p *service.Point, in feedback.VoteInput, device string) (*feedback.Vote, error) {
			if device == "" {
				phone++
				device = fi.org + "-phone-" + strconv.Itoa(phone)
			}
			return store.Vote(ctx, p, in, feedback.Source{Device: device, Address: device}, feedback.DefaultLimits)
		}
		now := db.Now()
		for _, p := range points {
			for daysAgo := 180; daysAgo >= 1; daysAgo -= 1 + rng.IntN(3) {
				clock = now.AddDate(0, 0, -daysAgo).Add(time.Duration(rng.IntN(9)) * time.Hour)
				if _, err := vote(p, feedback.VoteInput{Colour: demoColour(rng)}, ""); err != nil {
					return fmt.Errorf("demo: feedback: %w", err)
				}
			}
			clock = now
			if err := demoPaperBoxes(ctx, store, staff, p, now); err != nil {
				return err
			}
		}
		for i, n := range feedbackNotes {
			clock = now.AddDate(0, 0, -20+3*i)
			v, err := vote(points[i%len(points)], feedback.VoteInput{Colour: n.colour, Note: n.note, ServiceType: n.kind}, "")
			if err != nil {
				return fmt.Errorf("demo: feedback note: %w", err)
			}
			if i < 3 {
				if err := store.Moderate(ctx, staff, v.InitiativeID, v.ID, true); err != nil {
					return err
				}
			}
		}
		if fi.org != surplusOrg {
			continue
		}
		// The noisy burst: one phone pressing merah twelve times in a
		// few minutes; past the day's allowance the votes are flagged.
		for i := range 12 {
			clock = now.AddDate(0, 0, -3).Add(time.Duration(i) * 40 * time.Second)
			if _, err := vote(points[0], feedback.VoteInput{Colour: feedback.Merah}, "the-noisy-phone"); err != nil {
				return err
			}
		}
	}
	return nil
}

// demoColour draws a colour: most people served are content.
func demoColour(rng *rand.Rand) string {
	switch n := rng.IntN(20); {
	case n < 2:
		return feedback.Merah
	case n < 6:
		return feedback.Kuning
	}
	return feedback.Hijau
}

// demoPaperBoxes types in the paper box of each of the last five whole
// months, counted on the first day of the next.
func demoPaperBoxes(ctx context.Context, store *feedback.Store, staff feedback.Actor, p *service.Point, now time.Time) error {
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	for m := 5; m >= 1; m-- {
		from := first.AddDate(0, -m, 0)
		to := from.AddDate(0, 1, -1)
		in := feedback.PaperFromForm(url.Values{"from": {from.Format(time.DateOnly)}, "to": {to.Format(time.DateOnly)},
			"counted_on": {to.AddDate(0, 0, 1).Format(time.DateOnly)}, "counted_by": {"Pak RT " + strconv.Itoa(m)},
			"merah": {strconv.Itoa(m % 3)}, "kuning": {strconv.Itoa(2 + m%2)}, "hijau": {strconv.Itoa(6 + 2*m)}})
		if _, err := store.AddPaper(ctx, staff, p, in); err != nil {
			return fmt.Errorf("demo: paper box %s: %w", p.Name, err)
		}
	}
	return nil
}

// demoPoints are the service points of the organisation's first
// initiative.
func demoPoints(ctx context.Context, d *db.DB, orgSlug string) ([]*service.Point, error) {
	var iniID int64
	if err := d.QueryRow(ctx, `SELECT i.id FROM organizations o JOIN initiatives i ON i.org_id = o.id
		WHERE o.slug = ? ORDER BY i.id LIMIT 1`, orgSlug).Scan(&iniID); err != nil {
		return nil, fmt.Errorf("demo: points of %s: %w", orgSlug, err)
	}
	points, err := (&service.Store{DB: d}).Points(ctx, iniID)
	if err == nil && len(points) == 0 {
		err = fmt.Errorf("demo: %s has no service points for feedback", orgSlug)
	}
	return points, err
}
