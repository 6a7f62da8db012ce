package voicesummary_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"lokadaya/internal/account"
	"lokadaya/internal/complaint"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/feedback"
	"lokadaya/internal/i18n"
	"lokadaya/internal/notify"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
	"lokadaya/internal/service"
	"lokadaya/internal/survey"
	"lokadaya/internal/voicesummary"
)

const desa = "32.73.01.1001" // Kota Bandung, WIB

// world is an organisation with an owner, an editor who reads the weekly
// summary in the daily digest and a viewer who turned it off, one
// initiative with a service point, and a clock tests set.
type world struct {
	d       *db.DB
	now     time.Time
	org     *org.Organization
	ini     int64
	point   *service.Point
	users   map[org.Role]*account.User
	service *service.Store
	builder *voicesummary.Builder
}

func newWorld(t *testing.T, d *db.DB) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{d: d, now: time.Date(2026, 3, 9, 1, 0, 0, 0, time.UTC), users: map[org.Role]*account.User{}}
	accounts, orgs := &account.Store{DB: d}, &org.Store{DB: d}
	for _, role := range []org.Role{org.RoleOwner, org.RoleEditor, org.RoleViewer} {
		u, err := accounts.Create(ctx, string(role)+"@example.org", "Bu "+string(role), "", "kata-sandi-panjang")
		if err != nil {
			t.Fatal(err)
		}
		w.users[role] = u
	}
	var err error
	w.org, err = orgs.Create(ctx, w.users[org.RoleOwner].ID, org.Input{Name: "Posyandu Mawar", Slug: "posyandu-mawar",
		LegalForm: "komunitas", RegionCode: desa})
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range []org.Role{org.RoleEditor, org.RoleViewer} {
		if err := orgs.AddMember(ctx, w.org.ID, w.users[role].ID, role); err != nil {
			t.Fatal(err)
		}
	}
	if err := notify.SetModes(ctx, d, w.users[org.RoleEditor].ID, w.org.ID, map[notify.Kind]notify.Mode{notify.KindVoiceWeekly: notify.ModeDigest}); err != nil {
		t.Fatal(err)
	}
	if err := notify.SetModes(ctx, d, w.users[org.RoleViewer].ID, w.org.ID, map[notify.Kind]notify.Mode{notify.KindVoiceWeekly: notify.ModeOff}); err != nil {
		t.Fatal(err)
	}
	if err := d.QueryRow(ctx, `INSERT INTO initiatives (org_id, slug, name, status, created_at, updated_at)
		VALUES (?, 'timbang-balita', 'Timbang Balita', 'published', ?, ?) RETURNING id`, w.org.ID, w.now, w.now).Scan(&w.ini); err != nil {
		t.Fatal(err)
	}
	w.service = &service.Store{DB: d}
	actor := service.Actor{ID: w.users[org.RoleOwner].ID, Name: "Bu owner"}
	if w.point, err = w.service.CreatePoint(ctx, actor, w.org.ID, w.ini, service.PointInput{Name: "Pos RW 02", RegionCode: desa}); err != nil {
		t.Fatal(err)
	}
	surveys := &survey.Store{DB: d}
	w.builder = &voicesummary.Builder{DB: d, Sources: []voicesummary.Source{
		voicesummary.ReachSource{Store: w.service},
		voicesummary.FeedbackSource{Store: &feedback.Store{DB: d}},
		voicesummary.ComplaintSource{DB: d, Now: func() time.Time { return w.now }},
		voicesummary.SurveySource{Store: surveys, Service: w.service},
	}}
	return w
}

// record adds the people served on a day: total, of whom female are women.
func (w *world) record(t *testing.T, day string, total, female int) {
	t.Helper()
	in := service.RecordInput{"tanggal": day, "kode_titik": w.point.Code, "jenis_layanan": "Timbang", "jumlah": strconv.Itoa(total),
		"laki_laki": strconv.Itoa(total - female), "perempuan": strconv.Itoa(female), "usia_0_5": strconv.Itoa(total),
		"usia_6_17": "0", "usia_18_59": "0", "usia_60_plus": "0", "disabilitas": "1"}
	c, errs := in.Check("2026-12-31", map[string]*service.Point{w.point.Code: w.point})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if _, err := w.service.AddRecord(context.Background(), service.Actor{Name: "x"}, w.org.ID, w.ini, c); err != nil {
		t.Fatal(err)
	}
}

// complain files a complaint at the given instant; answered, when not
// zero, is how long the first answer took.
func (w *world) complain(t *testing.T, at time.Time, answered time.Duration) {
	t.Helper()
	ctx := context.Background()
	clock := at
	s := &complaint.Store{DB: w.d, Now: func() time.Time { return clock }}
	c, _, err := s.Create(ctx, complaint.Input{OrgID: w.org.ID, InitiativeID: &w.ini, Text: "Antrean terlalu lama sekali",
		Visibility: complaint.VisPublic, Channel: complaint.ChannelPaper, Lang: "id", ReceivedAt: at})
	if err != nil {
		t.Fatal(err)
	}
	if answered > 0 {
		clock = at.Add(answered)
		if err := s.Answer(ctx, complaint.Actor{ID: w.users[org.RoleOwner].ID, Name: "Bu owner"}, c, "Kami tambah petugas."); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSummaryOfAPeriod(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ctx := context.Background()
		w.record(t, "2026-02-28", 9, 5) // before the period
		w.record(t, "2026-03-02", 10, 6)
		w.record(t, "2026-03-08", 5, 2)
		wib := region.Zone(desa)
		// 1 March 00:30 WIB is still 28 February in UTC: inside.
		w.complain(t, time.Date(2026, 3, 1, 0, 30, 0, 0, wib), 3*time.Hour)
		w.complain(t, time.Date(2026, 3, 3, 9, 0, 0, 0, wib), 60*time.Hour) // late
		w.complain(t, time.Date(2026, 3, 6, 9, 0, 0, 0, wib), 0)            // overdue at the clock
		w.complain(t, time.Date(2026, 2, 28, 23, 0, 0, 0, wib), time.Hour)  // before

		for i, colour := range []string{feedback.Hijau, feedback.Hijau, feedback.Merah, feedback.Kuning} {
			day := time.Date(2026, 3, 3, 10, 0, 0, 0, wib)
			if i == 3 {
				day = time.Date(2026, 3, 12, 10, 0, 0, 0, wib) // after the period
			}
			votes := &feedback.Store{DB: d, Now: func() time.Time { return day }}
			src := feedback.Source{Device: "hp-" + strconv.Itoa(i), Address: "10.0.0." + strconv.Itoa(i)}
			if _, err := votes.Vote(ctx, w.point, feedback.VoteInput{Colour: colour}, src, feedback.DefaultLimits); err != nil {
				t.Fatal(err)
			}
		}
		surveys := &survey.Store{DB: d}
		in := survey.RoundFromForm(url.Values{"title": {"SKM Maret"}, "from": {"2026-03-01"}, "to": {"2026-03-31"}})
		round, err := surveys.CreateRound(ctx, survey.Actor{ID: w.users[org.RoleOwner].ID, Name: "Bu owner"}, w.org.ID, w.ini, in, "2026-03-09")
		if err != nil {
			t.Fatal(err)
		}
		for i, score := range []int{4, 3} {
			f := url.Values{"paper_ref": {"kertas-" + strconv.Itoa(i)}, "token": {"t" + strconv.Itoa(i)}}
			for e := range survey.NumElements {
				f.Set(survey.ScoreField(e), strconv.Itoa(score))
			}
			if _, err := surveys.EnterPaper(ctx, survey.Actor{ID: w.users[org.RoleOwner].ID, Name: "Bu owner"}, round, survey.ResponseFromForm(f)); err != nil {
				t.Fatal(err)
			}
		}

		s, err := w.builder.Build(ctx, w.org.ID, w.ini, service.Period{From: "2026-03-01", To: "2026-03-08"}, wib)
		if err != nil {
			t.Fatal(err)
		}
		if s.Reach.Total != 15 || s.Reach.Female != 8 || s.Reach.Male != 7 || s.Reach.Disability != 2 {
			t.Errorf("reach %+v", s.Reach)
		}
		k := s.Complaints
		if k == nil || k.Received != 3 || k.Answered != 2 || k.OnTime != 1 || k.Overdue != 1 || k.Decided != 3 {
			t.Fatalf("complaints %+v", k)
		}
		if p, ok := k.OnTimePermille(); !ok || p != 333 {
			t.Errorf("on time %d‰", p)
		}
		if k.MedianFirstAnswer != (3*time.Hour+60*time.Hour)/2 {
			t.Errorf("median %v", k.MedianFirstAnswer)
		}
		// IKM of one respondent scoring 4 and one 3 everywhere: 3.5 × 25.
		sat := s.Satisfaction
		if sat == nil || sat.Respondents != 2 || !sat.HasIKM || sat.IKM != 87.5 || sat.Grade != "B" {
			t.Fatalf("satisfaction %+v", sat)
		}
		// The round's population is the people served in March (15): 14
		// respondents are needed.
		if !sat.SampleKnown || sat.SampleEnough || sat.SampleRequired != survey.SampleSize(15) {
			t.Errorf("sample %+v", sat)
		}
		if f := s.Feedback; f == nil || f.Hijau != 2 || f.Merah != 1 || f.Kuning != 0 || s.Empty() {
			t.Errorf("feedback %+v, empty %v", s.Feedback, s.Empty())
		}
		lines := strings.Join(voicesummary.Lines(i18n.ID, s), "\n")
		for _, want := range []string{"Dilayani: 15 orang (laki-laki 7, perempuan 8; penyandang disabilitas 2)",
			"Penilaian: 2 hijau, 0 kuning, 1 merah",
			"Pengaduan baru: 3; dijawab tepat waktu 1 dari 3; kini melewati batas waktu: 1", "IKM 87,50 (mutu B)"} {
			if !strings.Contains(lines, want) {
				t.Errorf("lines lack %q:\n%s", want, lines)
			}
		}

		// No round and nothing else in another period.
		if s, err = w.builder.Build(ctx, w.org.ID, w.ini, service.Period{From: "2025-01-01", To: "2025-01-31"}, wib); err != nil ||
			!s.Empty() || s.Satisfaction != nil {
			t.Errorf("an empty period: %+v %v", s, err)
		}
	})
}

func TestDueWeek(t *testing.T) {
	wit := region.Zone("94") // Papua, UTC+9
	for _, tc := range []struct {
		now  time.Time
		want string
	}{
		// Monday 9 March 2026, 06:59 WIT: last week is not over for the
		// digest yet; the week before is due.
		{time.Date(2026, 3, 8, 21, 59, 0, 0, time.UTC), "2026-02-23/2026-03-01"},
		{time.Date(2026, 3, 8, 22, 0, 0, 0, time.UTC), "2026-03-02/2026-03-08"},
		{time.Date(2026, 3, 15, 14, 0, 0, 0, time.UTC), "2026-03-02/2026-03-08"}, // Sunday 23:00 WIT
	} {
		p := voicesummary.DueWeek(tc.now, wit)
		if got := p.From + "/" + p.To; got != tc.want {
			t.Errorf("%v: %s, want %s", tc.now, got, tc.want)
		}
	}
}

// TestWeeklySummaryStopsWhenAsked: a long batch of summaries ends with
// the process, between organisations.
func TestWeeklySummaryStopsWhenAsked(t *testing.T) {
	d := dbtest.SQLite(t)
	w := newWorld(t, d)
	weekly := &voicesummary.Weekly{DB: d, Builder: w.builder, Notifier: &notify.Notifier{DB: d, BaseURL: "https://lokadaya.test"}}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := weekly.SendDue(ctx, time.Date(2026, 3, 9, 0, 30, 0, 0, time.UTC)); err == nil {
		t.Error("SendDue went on after its context ended")
	}
}

func TestWeeklySummarySentOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ctx := context.Background()
		w.record(t, "2026-03-02", 10, 6)
		weekly := &voicesummary.Weekly{DB: d, Builder: w.builder, Notifier: &notify.Notifier{DB: d, BaseURL: "https://lokadaya.test"}}
		mails := func() []string {
			rows, err := d.Query(ctx, `SELECT payload FROM jobs WHERE kind = 'mail' ORDER BY id`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var out []string
			for rows.Next() {
				var p string
				if err := rows.Scan(&p); err != nil {
					t.Fatal(err)
				}
				out = append(out, p)
			}
			return out
		}
		// Sunday 8 March, 20:00 WIB: the week of 2 March is not over.
		if n, err := weekly.SendDue(ctx, time.Date(2026, 3, 8, 13, 0, 0, 0, time.UTC)); err != nil || n != 0 {
			t.Fatalf("before the week is over: %d %v", n, err)
		}
		if m := mails(); len(m) != 0 {
			t.Fatalf("mailed too early: %v", m)
		}
		// Monday 9 March, 07:30 WIB, two instances at once.
		monday := time.Date(2026, 3, 9, 0, 30, 0, 0, time.UTC)
		var wg sync.WaitGroup
		sent := make([]int, 2)
		for i := range sent {
			wg.Go(func() {
				n, err := weekly.SendDue(ctx, monday)
				if err != nil {
					t.Error(err)
				}
				sent[i] = n
			})
		}
		wg.Wait()
		if sent[0]+sent[1] != 1 {
			t.Errorf("sent %v, want one e-mail round", sent)
		}
		m := mails()
		if len(m) != 1 || !strings.Contains(m[0], "owner@example.org") {
			t.Fatalf("mails %v", m)
		}
		for _, want := range []string{"Ringkasan mingguan penerima manfaat Posyandu Mawar", "Pekan 2 Maret 2026–8 Maret 2026: 10 orang dilayani",
			"Timbang Balita", "Dilayani: 10 orang (laki-laki 4, perempuan 6", "https://lokadaya.test/organisasi/posyandu-mawar/layanan"} {
			if !strings.Contains(m[0], want) {
				t.Errorf("the e-mail lacks %q:\n%s", want, m[0])
			}
		}
		// The editor reads it in the daily digest; the viewer turned it off.
		var items int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM notify_digest_items WHERE user_id = ? AND kind = 'voice_weekly'
			AND summary LIKE '%10 orang dilayani%'`, w.users[org.RoleEditor].ID).Scan(&items); err != nil || items != 1 {
			t.Errorf("editor's digest items %d %v", items, err)
		}
		// Later the same week: nothing more, and no organisation to look at.
		if n, err := weekly.Pending(ctx, monday.Add(30*time.Hour)); err != nil || n != 0 {
			t.Errorf("%d organisations still pending this week (%v)", n, err)
		}
		if n, err := weekly.Pending(ctx, monday.AddDate(0, 0, 7)); err != nil || n != 1 {
			t.Errorf("%d organisations pending next week, want 1 (%v)", n, err)
		}
		if n, err := weekly.SendDue(ctx, monday.Add(30*time.Hour)); err != nil || n != 0 || len(mails()) != 1 {
			t.Errorf("again: %d %v", n, err)
		}
		// A week with nothing in it is claimed without an e-mail.
		if n, err := weekly.SendDue(ctx, monday.AddDate(0, 0, 7)); err != nil || n != 0 || len(mails()) != 1 {
			t.Errorf("an empty week: %d %v", n, err)
		}
		var weeks int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM voice_weekly_digests WHERE org_id = ?`, w.org.ID).Scan(&weeks); err != nil || weeks != 3 { // the week before, empty, too
			t.Errorf("%d weeks claimed", weeks)
		}
	})
}
