package web

import (
	"context"
	"net/url"

	"lokadaya/internal/expense"
	"lokadaya/internal/validate"
)

// checkAppeal adds an error when the campaign form's "appeal" (umum or
// bencana, empty meaning umum) is not a kind of appeal.
func checkAppeal(form url.Values, errs validate.Errors) {
	if a := form.Get("appeal"); a != "" && !expense.ValidAppeal(a) {
		errs.Add("appeal", "expense.err.appeal")
	}
}

// saveAppeal stores the campaign form's kind of appeal, which decides the
// campaign's operational-cost cap.
func (s *Server) saveAppeal(ctx context.Context, campaignID int64, form url.Values) error {
	a := form.Get("appeal")
	if a == "" {
		a = expense.AppealGeneral
	}
	return expense.SetAppeal(ctx, s.db, campaignID, a)
}

// appealValue is a campaign's stored kind of appeal for its edit form.
func (s *Server) appealValue(ctx context.Context, campaignID int64) string {
	a, err := expense.AppealOf(ctx, s.db, campaignID)
	if err != nil {
		return expense.AppealGeneral
	}
	return a
}
