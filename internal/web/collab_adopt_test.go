package web_test

import (
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/i18n"
)

// TestProposalAdoption shows the demo's adopted proposal with what its
// campaign mobilised, recomputed from the data, on the proposal, its
// region and the API; an OMS editor takes the carried-over posyandu
// proposal up as a new draft initiative; a viewer, a government office
// and outsiders may not.
func TestProposalAdoption(t *testing.T) {
	w := newDemoWorld(t)
	lamps := w.proposalID(t, "Lampu jalan tenaga surya di gang sempit")
	money := int64(w.countOf(t, `SELECT COALESCE(SUM(m.confirmed), 0) FROM campaign_money m JOIN campaigns c ON c.id = m.campaign_id
		WHERE c.title = '100 Lampu Surya untuk Gang Kampung'`))
	donors := w.countOf(t, `SELECT COALESCE(SUM(m.donors), 0) FROM campaign_money m JOIN campaigns c ON c.id = m.campaign_id
		WHERE c.title = '100 Lampu Surya untuk Gang Kampung'`)
	want := i18n.T(i18n.ID, "proposal.mobilised", i18n.Rupiah(money), i18n.Number(int64(donors)))
	page := w.get(t, "", "/usulan/"+lamps)
	if !strings.Contains(page.body, `id="proposal-adoptions"`) || !strings.Contains(page.body, want) ||
		!strings.Contains(page.body, "100 Lampu Surya untuk Gang Kampung") {
		t.Errorf("adopted proposal page lacks %q", want)
	}
	if r := w.get(t, "", "/wilayah/"+w.org.RegionCode); !strings.Contains(r.body, `id="region-adopted"`) || !strings.Contains(r.body, want) {
		t.Errorf("region page lacks the adoption")
	}
	if r := w.get(t, "", "/api/v1/proposals/"+lamps); !strings.Contains(r.body, `"adopted_by":[{"organization":{"slug":"terang-kampung"`) {
		t.Errorf("API adoption: %s", r.body)
	}

	posyandu := w.proposalID(t, posyanduTitle)
	if r := w.get(t, "owner", "/usulan/"+posyandu); !strings.Contains(r.body, `action="/usulan/`+posyandu+`/ambil"`) {
		t.Errorf("the owner is not offered to take it up")
	}
	if r := w.get(t, "viewer", "/usulan/"+posyandu); strings.Contains(r.body, `/ambil"`) {
		t.Errorf("a viewer is offered to take it up")
	}
	w.signIn(t, "lurah", "lurah.pajang@lokadaya.test")
	officeID := w.countOf(t, `SELECT id FROM organizations WHERE slug = 'kelurahan-pajang'`)
	orgID := w.countOf(t, `SELECT id FROM organizations WHERE slug = 'terang-kampung'`)
	for _, c := range []struct {
		role   string
		org    int
		status int
	}{
		{"", orgID, 303}, {"viewer", orgID, 403}, {"owner2", orgID, 403}, {"lurah", officeID, 303},
	} {
		before := w.countOf(t, `SELECT COUNT(*) FROM proposal_adoptions`)
		r := w.post(t, c.role, "/usulan/"+posyandu+"/ambil", url.Values{"org": {itoa(int64(c.org))}, "as": {"baru"}})
		if r.status != c.status || w.countOf(t, `SELECT COUNT(*) FROM proposal_adoptions`) != before {
			t.Errorf("%q adopts: %d", c.role, r.status)
		}
	}
	drafts := w.countOf(t, `SELECT COUNT(*) FROM initiatives WHERE org_id = ?`, orgID)
	if r := w.post(t, "owner", "/usulan/"+posyandu+"/ambil", url.Values{"org": {itoa(int64(orgID))}, "as": {"baru"}}); r.status != 303 {
		t.Fatalf("owner adopts = %d", r.status)
	}
	if got := w.countOf(t, `SELECT COUNT(*) FROM initiatives WHERE org_id = ?`, orgID); got != drafts+1 {
		t.Errorf("no draft initiative: %d", got)
	}
	r := w.get(t, "owner", "/usulan/"+posyandu)
	if !strings.Contains(r.body, "Diambil OMS") || !strings.Contains(r.body, `<span class="badge">draf</span>`) {
		t.Errorf("adopted draft not shown")
	}
	aid := itoa(int64(w.countOf(t, `SELECT MAX(id) FROM proposal_adoptions`)))
	if r := w.post(t, "owner2", "/usulan/"+posyandu+"/ambil/"+aid+"/batal", nil); r.status != 403 {
		t.Errorf("another OMS let it go: %d", r.status)
	}
	if r := w.post(t, "owner", "/usulan/"+posyandu+"/ambil/"+aid+"/batal", nil); r.status != 303 ||
		w.countOf(t, `SELECT COUNT(*) FROM proposal_adoptions WHERE id = ?`, aid) != 0 {
		t.Errorf("let go = %d", r.status)
	}
}
