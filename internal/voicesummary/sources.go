package voicesummary

import (
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/feedback"
	"lokadaya/internal/service"
	"lokadaya/internal/survey"
)

// New is the builder with every capability wired in; a capability added
// later contributes its figures by adding its Source here. now is the
// clock that decides what is overdue (db.Now when nil).
func New(d *db.DB, now func() time.Time) *Builder {
	services := &service.Store{DB: d}
	return &Builder{DB: d, Sources: []Source{
		ReachSource{Store: services},
		FeedbackSource{Store: &feedback.Store{DB: d}},
		ComplaintSource{DB: d, Now: now},
		SurveySource{Store: &survey.Store{DB: d}, Service: services},
	}}
}
