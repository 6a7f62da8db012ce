package web

import (
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/cycletool"
	"lokadaya/internal/i18n"
	"lokadaya/internal/validate"
)

// toolAssetsPage is the stage 2 inventory with its matrix.
type toolAssetsPage struct {
	*toolCtx
	Assets []cycletool.Asset
	Matrix *cycletool.Matrix
}

// toolAssetFormPage is the add/edit form of an asset.
type toolAssetFormPage struct {
	*toolCtx
	Asset    *cycletool.Asset // nil when adding
	Levels   []string
	Holders  []string
	Statuses []string
}

// CarriedFrom is the cycle the inventory was started from, when any of its
// assets was carried; 0 otherwise.
func (p *toolAssetsPage) CarriedFrom() int {
	n := 0
	for _, a := range p.Assets {
		n = max(n, a.CarriedFrom)
	}
	return n
}

// StatusKeys are the statuses in the matrix's column order.
func (p *toolAssetsPage) StatusKeys() []string { return cycletool.AssetStatuses }

func assetsURL(c *toolCtx) string {
	return toolStageURL(c.Access.Org.Slug, c.Cycle.Number, 2) + "/aset"
}

// toolAssets lists a cycle's assets and counts them in a matrix.
func (s *Server) toolAssets(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadTool(w, r, 2)
	if !ok {
		return
	}
	list, err := s.toolStore().Assets(r.Context(), c.Cycle.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := &toolAssetsPage{toolCtx: c, Assets: list, Matrix: cycletool.AssetMatrix(list)}
	s.render(w, r, http.StatusOK, "tool_assets", s.view(r, i18n.T(lang(r), "tools.assets.title"), p))
}

func (s *Server) renderAssetForm(w http.ResponseWriter, r *http.Request, status int, c *toolCtx, a *cycletool.Asset, form url.Values, errs validate.Errors) {
	title := "tools.assets.new"
	if a != nil {
		title = "tools.assets.edit"
	}
	p := &toolAssetFormPage{toolCtx: c, Asset: a, Levels: cycletool.AssetLevels, Holders: cycletool.AssetHolders,
		Statuses: cycletool.AssetStatuses}
	v := s.view(r, i18n.T(lang(r), title), p)
	v.Form = form
	if errs != nil {
		v.Errors = errs
	}
	s.render(w, r, status, "tool_asset_form", v)
}

// toolAssetNew shows an empty asset form.
func (s *Server) toolAssetNew(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadTool(w, r, 2)
	if !ok || !s.toolWrite(w, r, c) {
		return
	}
	s.renderAssetForm(w, r, http.StatusOK, c, nil, url.Values{"level": {"organisasi"}, "status": {"melekat"}}, nil)
}

// toolAssetCreate adds an asset.
func (s *Server) toolAssetCreate(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadTool(w, r, 2)
	if !ok || !s.toolWrite(w, r, c) {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	a, errs := cycletool.AssetFromForm(r.PostForm)
	if len(errs) > 0 {
		s.renderAssetForm(w, r, http.StatusUnprocessableEntity, c, nil, r.PostForm, errs)
		return
	}
	if _, err := s.toolStore().AddAsset(r.Context(), c.Cycle.ID, a); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.flash(w, "tools.flash.asset_added")
	redirect(w, r, assetsURL(c))
}

// loadAsset loads the asset named by {id} in the tool's cycle.
func (s *Server) loadAsset(w http.ResponseWriter, r *http.Request, c *toolCtx) (*cycletool.Asset, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.notFound(w, r)
		return nil, false
	}
	a, err := s.toolStore().Asset(r.Context(), c.Cycle.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	return a, true
}

// toolAssetEdit shows an asset's form.
func (s *Server) toolAssetEdit(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadTool(w, r, 2)
	if !ok || !s.toolWrite(w, r, c) {
		return
	}
	a, ok := s.loadAsset(w, r, c)
	if !ok {
		return
	}
	s.renderAssetForm(w, r, http.StatusOK, c, a, a.Form(), nil)
}

// toolAssetUpdate saves an asset.
func (s *Server) toolAssetUpdate(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadTool(w, r, 2)
	if !ok || !s.toolWrite(w, r, c) {
		return
	}
	cur, ok := s.loadAsset(w, r, c)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "400")
		return
	}
	a, errs := cycletool.AssetFromForm(r.PostForm)
	if len(errs) > 0 {
		s.renderAssetForm(w, r, http.StatusUnprocessableEntity, c, cur, r.PostForm, errs)
		return
	}
	a.ID = cur.ID
	if err := s.toolStore().UpdateAsset(r.Context(), c.Cycle.ID, a); err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(w, "tools.flash.saved")
	redirect(w, r, assetsURL(c))
}

// toolAssetDelete removes an asset (and its use by initiatives).
func (s *Server) toolAssetDelete(w http.ResponseWriter, r *http.Request) {
	c, ok := s.loadTool(w, r, 2)
	if !ok || !s.toolWrite(w, r, c) {
		return
	}
	a, ok := s.loadAsset(w, r, c)
	if !ok {
		return
	}
	if err := s.toolStore().DeleteAsset(r.Context(), c.Cycle.ID, a.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(w, "tools.flash.asset_deleted")
	redirect(w, r, assetsURL(c))
}
