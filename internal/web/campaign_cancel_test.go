package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Cancelling a campaign cannot be undone: the edit page leads to a page
// that says what happens and asks to confirm, and only the confirmed post
// cancels.
func TestCampaignCancelConfirmation(t *testing.T) {
	w := newCampaignWorld(t)
	c := w.add(t, "Kampanye Jalan", true)
	base := campaignBase + "/" + c.Slug
	confirm := base + "/batalkan"
	status := func() string {
		t.Helper()
		got, err := w.store.BySlug(t.Context(), c.Slug)
		if err != nil {
			t.Fatal(err)
		}
		return got.Status
	}

	toolCheck(t, "edit page links the confirmation", w.get(t, "editor", base+"/ubah"), http.StatusOK,
		`href="`+confirm+`"`)
	for _, role := range orgRoles {
		r := w.get(t, role, confirm)
		toolCheck(t, role+" GET confirmation", r, campaignWant(role, campaignWriters, http.StatusOK))
		if campaignWriters[role] {
			toolCheck(t, role+" confirmation page", r, http.StatusOK, "Kampanye Jalan", "Rp0 terkumpul dari target Rp5.000.000",
				"tidak dapat diurungkan", "tetap tercatat di buku kas", `name="confirm" value="1"`,
				`action="`+confirm+`"`, `href="`+base+`/ubah">Kembali</a>`)
		}
	}

	// A post without the confirmation, or by a reader, cancels nothing.
	toolCheck(t, "post without confirm", w.post(t, "owner", confirm, nil), http.StatusSeeOther)
	if r := w.post(t, "editor", confirm, url.Values{"confirm": {"0"}}); r.status != http.StatusSeeOther || r.location != confirm {
		t.Errorf("post with confirm=0: %d → %q", r.status, r.location)
	}
	toolCheck(t, "viewer confirms", w.post(t, "viewer", confirm, url.Values{"confirm": {"1"}}), http.StatusForbidden)
	if got := status(); got != "active" {
		t.Fatalf("unconfirmed cancellation left the campaign %q", got)
	}

	r := w.post(t, "editor", confirm, url.Values{"confirm": {"1"}})
	if r.status != http.StatusSeeOther || r.location != campaignBase {
		t.Fatalf("confirmed cancellation: %d → %q", r.status, r.location)
	}
	if got := status(); got != "cancelled" {
		t.Fatalf("confirmed cancellation left the campaign %q", got)
	}
	// Once cancelled, the confirmation is not offered again.
	if r := w.get(t, "owner", confirm); r.status != http.StatusSeeOther || r.location != base+"/ubah" {
		t.Errorf("confirmation of a cancelled campaign: %d → %q", r.status, r.location)
	}
	if r := w.get(t, "owner", base+"/ubah"); strings.Contains(r.body, `href="`+confirm+`"`) {
		t.Error("a cancelled campaign's edit page offers to cancel it")
	}

	// The donors' old link still opens, marked cancelled and closed to
	// support, with the campaign's financial report.
	page := w.get(t, "anon", "/galang-daya/"+c.Slug)
	toolCheck(t, "cancelled public page", page, http.StatusOK, "Kampanye ini dibatalkan", "Kampanye ini tidak sedang menerima donasi.",
		`href="/galang-daya/`+c.Slug+`/laporan"`)
	if strings.Contains(page.body, `class="donation-form"`) || strings.Contains(page.body, "share-link") {
		t.Error("a cancelled campaign's page offers to give or to share")
	}
	toolCheck(t, "cancelled report", w.get(t, "anon", "/galang-daya/"+c.Slug+"/laporan"), http.StatusOK)
	if r := w.get(t, "anon", "/galang-daya"); strings.Contains(r.body, "Kampanye Jalan") {
		t.Error("the cancelled campaign is still listed")
	}

	// A draft cancelled was never public: it stays 404.
	d := w.add(t, "Draf Batal", false)
	toolCheck(t, "cancel draft", w.post(t, "owner", campaignBase+"/"+d.Slug+"/batalkan", url.Values{"confirm": {"1"}}), http.StatusSeeOther)
	toolCheck(t, "cancelled draft public", w.get(t, "anon", "/galang-daya/"+d.Slug), http.StatusNotFound)
	toolCheck(t, "cancelled draft report", w.get(t, "anon", "/galang-daya/"+d.Slug+"/laporan"), http.StatusNotFound)
}
