package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// An offer's contact is shown to those who answer offers, and to no
// other role, platform admins included.
func TestOfferContactsPerRole(t *testing.T) {
	w := newOfferWorld(t)
	o := w.direct(t)
	for _, role := range orgRoles {
		t.Run(role, func(t *testing.T) {
			res := w.get(t, role, w.orgOffer(o.ID))
			if res.status == http.StatusOK != campaignInsiders[role] && role != "anon" {
				t.Fatalf("GET offer: %d", res.status)
			}
			if sees := strings.Contains(res.body, "budi@example.org"); sees != offerManagers[role] {
				t.Errorf("contact shown to %s: %v", role, sees)
			}
		})
	}
}

// The privacy notice says which roles see supporters' contact details.
func TestPrivacyNamesContactRoles(t *testing.T) {
	w := newOfferWorld(t)
	for lang, want := range map[string]string{"id": "Anggota berperan pemantau hanya melihat nama dan jumlah",
		"en": "Members with the viewer role see names and amounts, never contact details"} {
		if res := w.get(t, "anon", "/privasi?lang="+lang); !strings.Contains(res.body, want) {
			t.Errorf("privacy notice (%s) lacks %q", lang, want)
		}
	}
}
