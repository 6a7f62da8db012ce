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
	"lokadaya/internal/distribution"
	"lokadaya/internal/region"
	"lokadaya/internal/survey"
)

// demoRound is a satisfaction survey round of Terang Kampung's lamps: the
// quarter it covers (months back from this month), how many answered
// online and on paper, and how good the service felt (the chance, in %,
// that an answer is a 4, a 3 and a 2; the rest are 1s).
type demoRound struct {
	title            string
	monthsBack       int
	online, paper    int
	four, three, two int
	open             bool
}

// demoRounds: the first quarter's sample falls short of the people
// served; the second is large enough and better rated.
var demoRounds = []demoRound{
	{"SKM Triwulan I layanan lampu gang", 6, 70, 40, 20, 55, 20, false},
	{"SKM Triwulan II layanan lampu gang", 3, 180, 70, 35, 55, 8, true},
}

// surveyAndHandOut gives Terang Kampung's first initiative two survey
// rounds over its recorded service and hands out the lamps and poles it
// bought, confirmed by the RT and RW heads. Keep it after recordService
// and recordExpenses.
func surveyAndHandOut(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	var orgID, iniID int64
	var regionCode string
	if err := d.QueryRow(ctx, `SELECT o.id, o.region_code, i.id FROM organizations o JOIN initiatives i ON i.org_id = o.id
		WHERE o.slug = 'terang-kampung' ORDER BY i.id LIMIT 1`).Scan(&orgID, &regionCode, &iniID); err != nil {
		return fmt.Errorf("demo: survey: %w", err)
	}
	zone := region.Zone(regionCode)
	now := db.Now().In(zone)
	today := now.Format(time.DateOnly)
	thisMonth := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, zone)
	editor := users["editor"]
	store := &survey.Store{DB: d}
	rng := rand.New(rand.NewPCG(11, 2017))
	for _, dr := range demoRounds {
		from := thisMonth.AddDate(0, -dr.monthsBack, 0)
		in := survey.RoundInput{Title: dr.title, From: from.Format(time.DateOnly),
			To: from.AddDate(0, 3, -1).Format(time.DateOnly)}
		rd, err := store.CreateRound(ctx, survey.Actor{ID: editor.ID, Name: editor.Name}, orgID, iniID, in, today)
		if err != nil {
			return fmt.Errorf("demo: round %s: %w", dr.title, err)
		}
		for n := range dr.online + dr.paper {
			f := dr.answers(rng, rd.Code, n)
			if n < dr.online {
				_, err = store.RespondOnline(ctx, rd, survey.ResponseFromForm(f))
			} else {
				f.Set("paper_ref", strconv.Itoa(n-dr.online+1))
				_, err = store.EnterPaper(ctx, survey.Actor{ID: editor.ID, Name: editor.Name}, rd, survey.ResponseFromForm(f))
			}
			if err != nil {
				return fmt.Errorf("demo: answer %d of %s: %w", n, dr.title, err)
			}
		}
		if !dr.open {
			if err := store.SetOpen(ctx, survey.Actor{ID: editor.ID, Name: editor.Name}, rd, false); err != nil {
				return err
			}
		}
	}
	return handOutLamps(ctx, d, users["bendahara"], orgID, today)
}

// answers is one respondent's questionnaire, drawn from the round's mood.
func (dr demoRound) answers(rng *rand.Rand, code string, n int) url.Values {
	f := url.Values{"token": {"demo-" + code + "-" + strconv.Itoa(n)}}
	for i := range survey.NumElements {
		score := 1
		switch p := rng.IntN(100); {
		case p < dr.four:
			score = 4
		case p < dr.four+dr.three:
			score = 3
		case p < dr.four+dr.three+dr.two:
			score = 2
		}
		f.Set(survey.ScoreField(i), strconv.Itoa(score))
	}
	if rng.IntN(10) < 8 { // most say who they are, some do not
		f.Set("sex", survey.Sexes[rng.IntN(len(survey.Sexes))])
		f.Set("age", survey.AgeBands[1+rng.IntN(len(survey.AgeBands)-1)])
		f.Set("education", survey.Educations[1+rng.IntN(4)])
		f.Set("occupation", survey.Occupations[3+rng.IntN(len(survey.Occupations)-3)])
	}
	if n%25 == 3 {
		f.Set("saran", "Mohon lampu di ujung gang diperiksa lebih sering saat musim hujan.")
	}
	return f
}

// handOutLamps hands out the solar lamps and the poles Terang Kampung
// bought: the lamps to three RTs (two heads have confirmed, one not yet),
// the poles to two lanes, both confirmed.
func handOutLamps(ctx context.Context, d *db.DB, u *account.User, orgID int64, today string) error {
	store := &distribution.Store{DB: d}
	actor := distribution.Actor{ID: u.ID, Name: u.Name}
	for _, h := range []struct {
		expense, item, unit, quantity, place, recipients string
		confirm                                          []string // confirmer per recipient, "" for none yet
	}{
		{"Lampu jalan tenaga surya, 3 unit", "Lampu jalan tenaga surya", "unit", "3", "Balai RW 05",
			"RT 01/RW 05; 1; kelompok\nRT 02/RW 05; 1; kelompok\nRT 03/RW 05; 1; kelompok", []string{"ketua_rt", "ketua_rt", ""}},
		{"Kabel dan tiang lampu gang", "Tiang lampu gang", "batang", "4", "Gang Melati dan Gang Kenanga",
			"Gang Melati; 2; kelompok\nGang Kenanga; 2; kelompok", []string{"ketua_rt", "ketua_rw"}},
	} {
		var expenseID int64
		if err := d.QueryRow(ctx, `SELECT id FROM expenses WHERE org_id = ? AND description = ? AND status = 'disetujui'`,
			orgID, h.expense).Scan(&expenseID); err != nil {
			return fmt.Errorf("demo: expense %s: %w", h.expense, err)
		}
		in := distribution.FromForm(url.Values{"source": {"expense:" + strconv.FormatInt(expenseID, 10)}, "item": {h.item},
			"unit": {h.unit}, "quantity": {h.quantity}, "place": {h.place}, "date": {today}, "recipients": {h.recipients}})
		dist, _, err := store.Create(ctx, actor, orgID, in, today)
		if err != nil {
			return fmt.Errorf("demo: hand out %s: %w", h.item, err)
		}
		rs, err := store.Recipients(ctx, dist.ID)
		if err != nil {
			return err
		}
		for i, who := range h.confirm {
			if who == "" {
				continue
			}
			c := distribution.ConfirmFromForm(url.Values{"confirmer": {who}, "via": {distribution.ViaQR}})
			if err := store.Confirm(ctx, rs[i], c); err != nil {
				return fmt.Errorf("demo: confirm %s: %w", rs[i].Label, err)
			}
		}
	}
	return nil
}
