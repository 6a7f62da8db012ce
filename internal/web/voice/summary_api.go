package voice

import (
	"net/http"
	"time"

	"lokadaya/internal/region"
	"lokadaya/internal/web/kit"
)

// apiVoice is the voice of the people an initiative serves within
// ?from=&to=: reach, ratings, complaints and the latest IKM, the summary
// stage 5, stage 7 and the weekly e-mail show. Every figure in it is
// public already; nothing names anyone.
func (h *handlers) apiVoice(w http.ResponseWriter, r *http.Request) {
	i, ok := h.apiInitiative(w, r)
	if !ok {
		return
	}
	period, ok := h.apiPeriod(w, r)
	if !ok {
		return
	}
	o, err := h.Orgs.ByID(r.Context(), i.OrgID)
	if err != nil {
		h.apiServerError(w, r, err)
		return
	}
	s, err := h.Summary.Build(r.Context(), o.ID, i.ID, period, region.Zone(o.RegionCode))
	if err != nil {
		h.apiServerError(w, r, err)
		return
	}
	out := map[string]any{"from": period.From, "to": period.To,
		"reach": map[string]any{"total": s.Reach.Total, "by_sex": map[string]int64{"L": s.Reach.Male, "P": s.Reach.Female},
			"disability": s.Reach.Disability},
		"feedback": nil, "complaints": nil, "satisfaction": nil}
	if f := s.Feedback; f != nil {
		out["feedback"] = map[string]int64{"merah": f.Merah, "kuning": f.Kuning, "hijau": f.Hijau}
	}
	if c := s.Complaints; c != nil {
		cm := map[string]any{"received": c.Received, "answered": c.Answered, "answered_on_time": c.OnTime,
			"deadline_decided": c.Decided, "overdue": c.Overdue, "escalated": c.Escalated, "median_hours_to_first_answer": nil}
		if c.Answered > 0 {
			cm["median_hours_to_first_answer"] = float64(c.MedianFirstAnswer.Round(time.Minute)) / float64(time.Hour)
		}
		out["complaints"] = cm
	}
	if sat := s.Satisfaction; sat != nil {
		sm := map[string]any{"round": sat.RoundTitle, "from": sat.From, "to": sat.To, "respondents": sat.Respondents,
			"ikm": nil, "grade": nil, "sample_enough": nil}
		if sat.HasIKM {
			sm["ikm"], sm["grade"] = sat.IKM, sat.Grade
		}
		if sat.SampleKnown {
			sm["sample_enough"] = sat.SampleEnough
		}
		out["satisfaction"] = sm
	}
	kit.JSON(w, http.StatusOK, out)
}
