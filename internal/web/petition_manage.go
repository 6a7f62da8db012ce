package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"

	"lokadaya/internal/audit"
	"lokadaya/internal/campaign"
	"lokadaya/internal/i18n"
	"lokadaya/internal/petition"
)

// Who sees what of a campaign's petitions:
//
//   - every member and the platform admin (campaignRead) see the counts:
//     verified, waiting and verified per kabupaten/kota. These are
//     figures, not people;
//   - owners, admins and editors, who run the campaign and hand the
//     petition over, may also download the list of verified signers.
//     Treasurers and viewers have no task that needs it, and the platform
//     admin oversees organisations without needing their supporters'
//     names, so personal data goes no further than the people who use it
//     (data minimisation, UU 27/2022).
//
// The list carries no e-mails: signers gave their address to prove they
// are real and distinct and, if they asked, for news, not to be contacted
// by the organisation or the authority; an anonymous signer is listed
// without a name.

// petitionExport may download the list of verified signers.
func petitionExport(a *orgAccess) bool { return a.Role.CanEditProfile() }

// petitionStats is one petition of a campaign with its figures.
type petitionStats struct {
	Need      campaign.Need
	Counts    petition.Counts
	ByKab     []petition.KabCount
	ExportURL string
	PublicURL string
}

// petitionManagePage is the organisation's view of a campaign's
// petitions.
type petitionManagePage struct {
	*campaignCtx
	Petitions []petitionStats
	CanExport bool
}

// petitionManageURL is the organisation's petition page of a campaign.
func petitionManageURL(c *campaignCtx) string {
	return campaignsURL(c.Access) + "/" + c.Campaign.Slug + "/petisi"
}

// petitionManage shows the counts of a campaign's petitions.
func (s *Server) petitionManage(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadCampaign(w, r, campaignRead)
	if !ok {
		return
	}
	ctx := r.Context()
	p := &petitionManagePage{campaignCtx: c, CanExport: petitionExport(c.Access)}
	store := s.petitionStore()
	for _, n := range c.Campaign.Needs {
		if n.Kind != campaign.KindAdvokasi {
			continue
		}
		st := petitionStats{Need: n, PublicURL: petitionURL(c.Campaign, n.ID),
			ExportURL: petitionManageURL(c) + "/" + strconv.FormatInt(n.ID, 10) + "/unduh"}
		var err error
		if st.Counts, err = store.Counts(ctx, n.ID); err == nil {
			st.ByKab, err = store.ByKab(ctx, n.ID)
		}
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		p.Petitions = append(p.Petitions, st)
	}
	s.render(w, r, http.StatusOK, "petition_manage",
		s.view(r, i18n.T(lang(r), "petition.manage.title", c.Campaign.Title), p))
}

// petitionDownload sends a petition's verified signatures as CSV, to hand
// to its addressee. Every download is written to the audit log: it moves
// personal data out of the platform.
func (s *Server) petitionDownload(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadCampaign(w, r, petitionExport)
	if !ok {
		return
	}
	n, ok := findNeed(c.Campaign, r.PathValue("need"), campaign.KindAdvokasi)
	if !ok {
		s.notFound(w, r)
		return
	}
	ctx := r.Context()
	rows, err := s.petitionStore().Export(ctx, n.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	l := lang(r)
	labels := petition.ExportLabels{Anonymous: i18n.T(l, "petition.csv.anonymous")}
	for _, k := range []string{"name", "region", "kab", "province", "date", "comment"} {
		labels.Header = append(labels.Header, i18n.T(l, "petition.csv."+k))
	}
	var buf bytes.Buffer
	buf.WriteString("\ufeff") // so that spreadsheets read the names as UTF-8
	if err := petition.WriteCSV(&buf, labels, rows, c.Zone()); err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := audit.Record(ctx, s.db, audit.Entry{ActorID: c.Access.User.ID, ActorName: c.Access.User.Name,
		Action: "petition.export", TargetType: "campaign_need", TargetID: strconv.FormatInt(n.ID, 10),
		Detail: fmt.Sprintf("%s: %d", c.Campaign.Slug, len(rows))}); err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="petisi-%s-%d.csv"`, c.Campaign.Slug, n.ID))
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}
