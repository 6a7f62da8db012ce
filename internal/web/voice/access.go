package voice

import (
	"net/http"

	"lokadaya/internal/initiative"
	"lokadaya/internal/web/kit"
)

// workspace is an initiative of an organisation, opened by one of its
// people, with what they may do there.
type workspace struct {
	Access     *kit.Access
	Initiative *initiative.Initiative
}

// CanWrite reports whether the caller may add points and records.
func (ws *workspace) CanWrite() bool { return ws.Access.CanWrite() }

// URL is the service page of the initiative in the organisation's side.
func (ws *workspace) URL() string { return serviceURL(ws.Access.Org.Slug, ws.Initiative.Slug) }

func orgServiceURL(orgSlug string) string { return "/organisasi/" + orgSlug + "/layanan" }

func serviceURL(orgSlug, initiativeSlug string) string {
	return orgServiceURL(orgSlug) + "/" + initiativeSlug
}

// openWorkspace loads the organisation ({slug}) for a caller allowed by
// may and its initiative ({islug}); an initiative of another organisation
// is 404.
func (h *handlers) openWorkspace(w http.ResponseWriter, r *http.Request, may func(*kit.Access) bool) (*workspace, bool) {
	a, i, ok := kit.OrgInitiative(h.site, h.Initiatives, w, r, may)
	if !ok {
		return nil, false
	}
	return &workspace{Access: a, Initiative: i}, true
}
