package demo

import (
	"context"
	"fmt"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/region"
	"lokadaya/internal/volunteer"
)

// demoVolunteer is a sign-up to a demo relawan need: what becomes of it
// and the hours logged for it, in minutes per day given (days ago).
type demoVolunteer struct {
	in      volunteer.Input
	status  string
	minutes map[int]int64 // days ago → minutes
}

// demoVolunteers sign up for each active demo relawan need, as far as its
// slots go: most accepted with hours given, one waiting for a decision,
// one declined, one who did not come.
var demoVolunteers = []demoVolunteer{
	{in: volunteer.Input{Name: "Rudi Hartono", Email: "rudi.contoh@example.org", Phone: "081234567001",
		Skills: "Instalasi listrik rumah", Availability: "Sabtu dan Minggu"}, status: volunteer.StatusAccepted,
		minutes: map[int]int64{6: 240, 5: 180}},
	{in: volunteer.Input{Name: "Lina Marpaung", Email: "lina.contoh@example.org", Skills: "Pencatatan data",
		Availability: "Sore hari kerja", Kabar: true}, status: volunteer.StatusAccepted, minutes: map[int]int64{6: 150}},
	{in: volunteer.Input{Name: "Yusuf Ramadhan", Email: "yusuf.contoh@example.org", HideName: true,
		Availability: "Minggu pagi"}, status: volunteer.StatusAccepted, minutes: map[int]int64{5: 90}},
	{in: volunteer.Input{Name: "Desi Kartika", Email: "desi.contoh@example.org", Phone: "085712345002",
		Skills: "Fotografi dokumentasi"}, status: volunteer.StatusAccepted},
	{in: volunteer.Input{Name: "Hendro Saputro", Email: "hendro.contoh@example.org"}, status: volunteer.StatusAbsent},
	{in: volunteer.Input{Name: "Maya Sari", Email: "maya.contoh@example.org", Availability: "Kapan saja akhir pekan"},
		status: volunteer.StatusDeclined},
	{in: volunteer.Input{Name: "Agung Prabowo", Email: "agung.contoh@example.org", Skills: "Pertukangan"},
		status: volunteer.StatusPending},
}

// signUpVolunteers fills the public demo campaigns' relawan needs with
// sign-ups decided by each organisation's owner, sets the first need's
// next activity a week from now, and logs the hours given.
func signUpVolunteers(ctx context.Context, d *db.DB, users map[string]*account.User) error {
	type relawanNeed struct {
		id, campaignID, orgID, target int64
		slug, regionCode              string
	}
	rows, err := d.Query(ctx, `SELECT n.id, n.campaign_id, c.org_id, n.target, o.slug, o.region_code
		FROM campaign_needs n JOIN campaigns c ON c.id = n.campaign_id JOIN organizations o ON o.id = c.org_id
		WHERE c.status IN ('active', 'ended') AND n.kind = 'relawan' ORDER BY n.id`)
	if err != nil {
		return fmt.Errorf("demo: volunteers: %w", err)
	}
	var list []relawanNeed
	for rows.Next() {
		var n relawanNeed
		if err := rows.Scan(&n.id, &n.campaignID, &n.orgID, &n.target, &n.slug, &n.regionCode); err != nil {
			rows.Close()
			return fmt.Errorf("demo: volunteers: %w", err)
		}
		list = append(list, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("demo: volunteers: %w", err)
	}
	// Those who ticked the news box get the campaign's news, as on the form.
	store := &volunteer.Store{DB: d, OnSignup: func(ctx context.Context, q db.Querier, v *volunteer.Signup, in volunteer.Input) error {
		if !in.Kabar {
			return nil
		}
		return campaign.Subscribe(ctx, q, v.CampaignID, v.Email, v.Name, v.Lang)
	}}
	for i, n := range list {
		owner := users[ownerOf(n.slug)]
		actor := volunteer.Actor{ID: owner.ID, Name: owner.Name}
		zone := region.Zone(n.regionCode)
		from, to, err := campaignSpan(ctx, d, n.campaignID)
		if err != nil {
			return err
		}
		store.Now = nil
		now := time.Now().In(zone)
		if i == 0 {
			// The need's schedule says weekends: a Saturday a week or more ahead.
			day := time.Date(now.Year(), now.Month(), now.Day()+7, 8, 0, 0, 0, zone)
			for day.Weekday() != time.Saturday {
				day = day.AddDate(0, 0, 1)
			}
			act := volunteer.ActivityInput{Starts: day.UTC(), Ends: day.Add(7 * time.Hour).UTC()}
			if err := store.SetActivity(ctx, n.campaignID, n.id, act, actor); err != nil {
				return fmt.Errorf("demo: activity: %w", err)
			}
		}
		t := volunteer.Target{CampaignID: n.campaignID, NeedID: n.id, OrgID: n.orgID}
		for j, dv := range demoVolunteers {
			if int64(j) >= n.target {
				break
			}
			in := dv.in
			in.Token = fmt.Sprintf("demo-relawan-%d-%d", n.id, j)
			// Signed up in the first third of the campaign, decided an
			// hour later; hours given in its last week.
			signed := within(from, to, j+1, 3*(len(demoVolunteers)+1))
			store.Now = func() time.Time { return signed }
			v, _, err := store.SignUp(ctx, t, in)
			if err != nil {
				return fmt.Errorf("demo: sign-up %s: %w", in.Name, err)
			}
			store.Now = func() time.Time { return signed.Add(time.Hour) }
			if err := decideDemo(ctx, store, v, dv, actor, to.In(zone)); err != nil {
				return err
			}
		}
	}
	return nil
}

// decideDemo takes the owner's decision on a demo sign-up and logs its
// hours, given in the days before now.
func decideDemo(ctx context.Context, store *volunteer.Store, v *volunteer.Signup, dv demoVolunteer,
	actor volunteer.Actor, now time.Time) error {
	var err error
	switch dv.status {
	case volunteer.StatusAccepted, volunteer.StatusAbsent:
		if _, err = store.Accept(ctx, v.CampaignID, v.ID, actor); err == nil {
			store.Now = func() time.Time { return now } // the hours are logged at the end
			for ago, m := range dv.minutes {
				day := now.AddDate(0, 0, -ago).Format("2006-01-02")
				if err = store.LogHours(ctx, v.CampaignID, v.ID, volunteer.HoursInput{Day: day, Minutes: m,
					Note: "Pemasangan dan pendataan"}, actor); err != nil {
					break
				}
			}
		}
		if err == nil && dv.status == volunteer.StatusAbsent {
			_, err = store.MarkAbsent(ctx, v.CampaignID, v.ID, actor)
		}
	case volunteer.StatusDeclined:
		_, err = store.Decline(ctx, v.CampaignID, v.ID, "Slot untuk keahlian ini sudah cukup; terima kasih atas kesediaannya.", actor)
	}
	if err != nil {
		return fmt.Errorf("demo: decide %s: %w", v.Name, err)
	}
	return nil
}
