package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func campaignWant(role string, allowed map[string]bool, ok int) int {
	switch {
	case allowed[role]:
		return ok
	case role == "anon":
		return http.StatusSeeOther
	}
	return http.StatusForbidden
}

func TestCampaignRoutesByRole(t *testing.T) {
	w := newCampaignWorld(t)
	draft := w.add(t, "Draf Kampanye", false)
	active := w.add(t, "Kampanye Aktif", true)
	for _, role := range orgRoles {
		gets := []struct {
			path    string
			allowed map[string]bool
		}{
			{campaignBase, campaignInsiders},
			{campaignBase + "/baru", campaignWriters},
			{campaignBase + "/" + draft.Slug + "/ubah", campaignWriters},
			{campaignBase + "/" + active.Slug + "/ubah?kebutuhan=" + itoa(active.Needs[0].ID), campaignWriters},
			{campaignBase + "/" + active.Slug + "/efektivitas", campaignInsiders},
		}
		for _, g := range gets {
			toolCheck(t, role+" GET "+g.path, w.get(t, role, g.path), campaignWant(role, g.allowed, http.StatusOK))
		}
		// Public pages: drafts only for insiders.
		toolCheck(t, role+" index", w.get(t, role, "/galang-daya"), http.StatusOK, "Kampanye Aktif")
		toolCheck(t, role+" active page", w.get(t, role, "/galang-daya/"+active.Slug), http.StatusOK, "Kampanye Aktif")
		wantDraft := http.StatusNotFound
		if campaignInsiders[role] {
			wantDraft = http.StatusOK
		}
		toolCheck(t, role+" draft page", w.get(t, role, "/galang-daya/"+draft.Slug), wantDraft)

		// Writes: each role gets its own campaigns to act on.
		own := w.add(t, "Milik "+role, false)
		toCancel := w.add(t, "Batal "+role, true)
		posts := []struct {
			path string
			form url.Values
		}{
			{campaignBase + "/baru", withInitiative(campaignForm("Baru "+role), w.initiative.ID)},
			{campaignBase + "/" + own.Slug + "/ubah", url.Values{"action": {"need_add"}, "need_kind": {"relawan"},
				"need_title": {"Pendamping"}, "need_target": {"3"}}},
			{campaignBase + "/" + own.Slug + "/ubah", campaignForm("Milik " + role + " diubah")},
			{campaignBase + "/" + own.Slug + "/kabar", url.Values{"update_title": {"Kabar"}, "update_body": {"Isi"}}},
			{campaignBase + "/" + own.Slug + "/terbitkan", url.Values{"publish_anyway": {"1"}}},
			{campaignBase + "/" + toCancel.Slug + "/batalkan", url.Values{"confirm": {"1"}}},
		}
		for _, p := range posts {
			r := w.post(t, role, p.path, p.form)
			toolCheck(t, role+" POST "+p.path, r, campaignWant(role, campaignWriters, http.StatusSeeOther))
			if campaignWriters[role] && strings.HasPrefix(r.location, "/masuk") {
				t.Fatalf("%s POST %s sent to login", role, p.path)
			}
		}
		if campaignWriters[role] {
			got, err := w.store.BySlug(t.Context(), own.Slug)
			if err != nil || got.Status != "active" || len(got.Needs) != 2 || got.Title != "Milik "+role+" diubah" {
				t.Fatalf("%s: campaign after writes %+v %v", role, got, err)
			}
		}
	}
	// Another organisation's campaign does not exist under this one.
	toolCheck(t, "foreign slug", w.get(t, "platform", "/organisasi/ditolak/galang-daya/"+active.Slug+"/ubah"), http.StatusNotFound)
	toolCheck(t, "unknown campaign", w.get(t, "owner", campaignBase+"/tidak-ada/ubah"), http.StatusNotFound)
	toolCheck(t, "unknown public", w.get(t, "anon", "/galang-daya/tidak-ada"), http.StatusNotFound)
	toolCheck(t, "unknown need", w.get(t, "owner", campaignBase+"/"+draft.Slug+"/ubah?kebutuhan=999999"), http.StatusNotFound)
}

func withInitiative(f url.Values, id int64) url.Values {
	f.Set("initiative", itoa(id))
	return f
}
