package kit

import (
	"net/http"

	"lokadaya/internal/initiative"
	"lokadaya/internal/org"
)

// PublicOrg loads the organisation of the {slug} path value for any
// caller, signed in or not, with the caller's rights there; a hidden
// (rejected, suspended) organisation is 404 to those who may not read it.
func PublicOrg(site Site, orgs *org.Store, w http.ResponseWriter, r *http.Request) (*Access, bool) {
	o, err := orgs.BySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		site.Fail(w, r, err)
		return nil, false
	}
	a, err := site.AccessTo(r, o)
	if err != nil {
		site.ServerError(w, r, err)
		return nil, false
	}
	if a.Hidden() && !a.CanRead() {
		site.NotFound(w, r)
		return nil, false
	}
	return a, true
}

// PublicInitiative loads the initiative of the {slug} path value and its
// organisation for any caller: an unpublished initiative, or one of a
// hidden organisation, is 404 to those who may not read the organisation.
func PublicInitiative(site Site, inits *initiative.Store, orgs *org.Store, w http.ResponseWriter,
	r *http.Request) (*initiative.Initiative, *Access, bool) {
	i, err := inits.BySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		site.Fail(w, r, err)
		return nil, nil, false
	}
	a, ok := AccessOf(site, orgs, w, r, i.OrgID)
	if !ok {
		return nil, nil, false
	}
	if (!i.Published() || a.Hidden()) && !a.CanRead() {
		site.NotFound(w, r)
		return nil, nil, false
	}
	return i, a, true
}

// AccessOf loads the organisation with id and the caller's rights there.
func AccessOf(site Site, orgs *org.Store, w http.ResponseWriter, r *http.Request, id int64) (*Access, bool) {
	o, err := orgs.ByID(r.Context(), id)
	if err != nil {
		site.Fail(w, r, err)
		return nil, false
	}
	a, err := site.AccessTo(r, o)
	if err != nil {
		site.ServerError(w, r, err)
		return nil, false
	}
	return a, true
}

// OrgInitiative loads the organisation of {slug} for a caller allowed by
// may (see Site.Org) and its initiative {islug}; another organisation's
// initiative is 404.
func OrgInitiative(site Site, inits *initiative.Store, w http.ResponseWriter, r *http.Request,
	may func(*Access) bool) (*Access, *initiative.Initiative, bool) {
	a, ok := site.Org(w, r, may)
	if !ok {
		return nil, nil, false
	}
	i, err := inits.BySlug(r.Context(), r.PathValue("islug"))
	if err != nil {
		site.Fail(w, r, err)
		return nil, nil, false
	}
	if i.OrgID != a.Org.ID {
		site.NotFound(w, r)
		return nil, nil, false
	}
	return a, i, true
}
