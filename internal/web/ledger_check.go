package web

import (
	"net/http"

	"lokadaya/internal/i18n"
	"lokadaya/internal/ledger"
	"lokadaya/internal/org"
)

// ledgerCheckPage is the books' check for people: the organisation's whole
// chain recomputed now, said in words, beside the same answer for
// programs (the API's ledger/verify).
type ledgerCheckPage struct {
	Org *org.Organization
	chainCheck
}

// JSONPath is the same check for programs.
func (p *ledgerCheckPage) JSONPath() string {
	return "/api/v1/organizations/" + p.Org.Slug + "/ledger/verify"
}

// ledgerCheckPath is the address of o's books' check page.
func ledgerCheckPath(o *org.Organization) string { return orgURL(o) + "/buku/periksa" }

// ledgerCheck shows the books' check: GET /organisasi/{slug}/buku/periksa.
func (s *Server) ledgerCheck(w http.ResponseWriter, r *http.Request) {
	a, ok := s.loadOrg(w, r)
	if !ok {
		return
	}
	p := &ledgerCheckPage{Org: a.Org}
	var err error
	if p.Result, err = ledger.Verify(r.Context(), s.db, a.Org.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "ledger_check", s.view(r, i18n.T(lang(r), "ledger.check.title", a.Org.Name), p))
}
