package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"lokadaya/internal/cycletool"
	"lokadaya/internal/i18n"
	"lokadaya/internal/validate"
)

// toolFundingPage is the stage 1 funding table.
type toolFundingPage struct {
	*toolCtx
	Grid *cycletool.FundingGrid
}

// Pct formats a share in percent with one decimal, in the reader's language.
func (p *toolFundingPage) Pct(l i18n.Lang, share float64) string {
	return i18n.PercentValue(l, share)
}

// fundingField names the form field of a cell.
func fundingField(kind, source string, year int) string {
	return kind + "_" + source + "_" + strconv.Itoa(year)
}

// Field is fundingField for templates.
func (p *toolFundingPage) Field(kind, source string, year int) string {
	return fundingField(kind, source, year)
}

// toolFunding shows the funding table of a cycle.
func (s *Server) toolFunding(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadTool(w, r, 1)
	if !ok {
		return
	}
	s.renderFunding(w, r, http.StatusOK, c, nil, nil)
}

// renderFunding shows the table with the stored amounts, overridden by
// what the user typed (typed) when a save failed.
func (s *Server) renderFunding(w http.ResponseWriter, r *http.Request, status int, c *toolCtx, typed url.Values, errs validate.Errors) {
	cells, err := s.toolStore().Funding(r.Context(), c.Cycle.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	g := cycletool.Grid(cells)
	shown := url.Values{}
	for _, row := range g.Rows {
		for _, cell := range row.Cells {
			shown.Set(fundingField("amount", cell.Source, cell.Year), i18n.Number(cell.Amount))
			shown.Set(fundingField("note", cell.Source, cell.Year), cell.Note)
		}
	}
	for k, vs := range typed {
		shown[k] = vs
	}
	v := s.view(r, i18n.T(lang(r), "tools.funding.title"), &toolFundingPage{toolCtx: c, Grid: g})
	v.Form = shown
	if errs != nil {
		v.Errors = errs
	}
	s.render(w, r, status, "tool_funding", v)
}

// toolFundingSave adds or removes a year, or saves the amounts.
func (s *Server) toolFundingSave(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadTool(w, r, 1)
	if !ok || !s.toolWrite(w, r, c) {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	ctx, back := r.Context(), toolStageURL(c.Access.Org.Slug, c.Cycle.Number, 1)+"/pendanaan"
	switch r.PostForm.Get("action") {
	case "add_year", "remove_year":
		year, err := strconv.Atoi(strings.TrimSpace(r.PostForm.Get("year")))
		if err != nil || year < cycletool.MinYear || year > cycletool.MaxYear {
			s.renderFunding(w, r, http.StatusUnprocessableEntity, c, url.Values{"year": {r.PostForm.Get("year")}},
				validate.Errors{"year": "tools.err.year"})
			return
		}
		if r.PostForm.Get("action") == "add_year" {
			err = s.toolStore().AddYear(ctx, c.Cycle.ID, year)
		} else {
			err = s.toolStore().RemoveYear(ctx, c.Cycle.ID, year)
		}
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		redirect(w, r, back)
		return
	}
	cells, errs, err := s.fundingFromForm(r, c)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if len(errs) > 0 {
		s.renderFunding(w, r, http.StatusUnprocessableEntity, c, r.PostForm, errs)
		return
	}
	if err := s.toolStore().SaveFunding(ctx, c.Cycle.ID, cells); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.flash(w, "tools.flash.saved")
	redirect(w, r, back)
}

// fundingFromForm reads every cell of the stored years; a blank amount
// is zero.
func (s *Server) fundingFromForm(r *http.Request, c *toolCtx) ([]cycletool.FundingCell, validate.Errors, error) {
	stored, err := s.toolStore().Funding(r.Context(), c.Cycle.ID)
	if err != nil {
		return nil, nil, err
	}
	g := cycletool.Grid(stored)
	errs := validate.Errors{}
	var cells []cycletool.FundingCell
	for _, y := range g.Years {
		for _, src := range cycletool.FundingSources {
			field := fundingField("amount", src, y)
			raw := strings.TrimSpace(r.PostForm.Get(field))
			var amount int64
			if raw != "" {
				n, err := cycletool.ParseRupiah(raw)
				if err != nil {
					errs.Add(field, cycletool.AmountErrKey(err))
					continue
				}
				amount = n
			}
			note := strings.TrimSpace(r.PostForm.Get(fundingField("note", src, y)))
			if len([]rune(note)) > 500 {
				errs.Add(fundingField("note", src, y), "tools.err.too_long")
				continue
			}
			cells = append(cells, cycletool.FundingCell{Year: y, Source: src, Amount: amount, Note: note})
		}
	}
	return cells, errs, nil
}
