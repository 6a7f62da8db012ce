package voicesummary

import (
	"lokadaya/internal/db"
	"lokadaya/internal/service"
	"lokadaya/internal/survey"
)

// New is the builder with every capability wired in. A capability that
// lands later adds its Source here (feedback: the red / yellow / green
// tally of feedback.Store.Tally for the initiative over the period, into
// Summary.Feedback).
func New(d *db.DB) *Builder {
	services := &service.Store{DB: d}
	return &Builder{DB: d, Sources: []Source{
		ReachSource{Store: services},
		ComplaintSource{DB: d},
		SurveySource{Store: &survey.Store{DB: d}, Service: services},
	}}
}
