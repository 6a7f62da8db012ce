package voicesummary

import (
	"strings"
	"time"

	"lokadaya/internal/i18n"
	"lokadaya/internal/notify"
	"lokadaya/internal/service"
)

// weeklyEvent is the week's summary as a notification: one line for the
// digest, and the figures of each initiative for the e-mail.
func weeklyEvent(o weeklyOrg, week service.Period, list []Named) notify.Event {
	var total Summary
	total.Reach.Groups = map[string]int64{}
	var votes int64
	var complaints int
	for _, s := range list {
		total.Reach.Total += s.Reach.Total
		if s.Feedback != nil {
			votes += s.Feedback.Total()
		}
		if s.Complaints != nil {
			complaints += s.Complaints.Received
		}
	}
	from, to := day(week.From, o.zone), day(week.To, o.zone)
	return notify.Event{Kind: notify.KindVoiceWeekly, OrgID: o.id, Path: "/organisasi/" + o.slug + "/layanan",
		Summary: func(l i18n.Lang) string {
			return i18n.T(l, "voicesum.weekly.summary", i18n.Date(l, from, o.zone), i18n.Date(l, to, o.zone),
				i18n.Number(total.Reach.Total), i18n.Number(votes), i18n.Number(int64(complaints)))
		},
		Detail: func(l i18n.Lang) string {
			var b strings.Builder
			for _, s := range list {
				b.WriteString(s.Name + "\n")
				for _, line := range Lines(l, s.Summary) {
					b.WriteString("- " + line + "\n")
				}
				b.WriteString("\n")
			}
			return b.String()
		}}
}

// day is a YYYY-MM-DD day at midnight in zone.
func day(s string, zone *time.Location) time.Time {
	t, _ := time.ParseInLocation(time.DateOnly, s, zone)
	return t
}

// Lines are the summary's figures as sentences in l, one per capability
// that has something to say, for e-mail.
func Lines(l i18n.Lang, s *Summary) []string {
	c := s.Reach
	out := []string{i18n.T(l, "voicesum.reach", i18n.Number(c.Total), i18n.Number(c.Male), i18n.Number(c.Female),
		i18n.Number(c.Disability))}
	if f := s.Feedback; f != nil && f.Total() > 0 {
		out = append(out, i18n.T(l, "voicesum.feedback", i18n.Number(f.Hijau), i18n.Number(f.Kuning), i18n.Number(f.Merah)))
	}
	if k := s.Complaints; k != nil && k.Received > 0 {
		out = append(out, i18n.T(l, "voicesum.complaints", k.Received, k.OnTime, k.Decided, k.Overdue))
	}
	if sat := s.Satisfaction; sat != nil {
		if sat.HasIKM {
			out = append(out, i18n.T(l, "voicesum.ikm", i18n.Decimal(l, sat.IKM, 2), sat.Grade, sat.RoundTitle, sat.Respondents))
		} else {
			out = append(out, i18n.T(l, "voicesum.ikm_none", sat.RoundTitle, sat.Respondents))
		}
	}
	return out
}
