package opendata

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"lokadaya/internal/dataset"
	"lokadaya/internal/i18n"
	"lokadaya/internal/opendata"
	"lokadaya/internal/validate"
	"lokadaya/internal/web/kit"
)

// datasetRoutes registers the pages of datasets organisations publish:
// their management in the organisation's area, the public page and
// download, the start of publishing from the catalogue, and the API.
func (h *handlers) datasetRoutes(mux kit.Router) {
	mux.HandleFunc("GET /data/terbitkan", h.datasetStart)
	mux.HandleFunc("GET /organisasi/{slug}/dataset", h.datasetList)
	mux.HandleFunc("GET /organisasi/{slug}/dataset/baru", h.datasetNew)
	mux.HandleFunc("POST /organisasi/{slug}/dataset/baru", h.datasetCreate)
	mux.HandleFunc("GET /organisasi/{slug}/dataset/{id}/ubah", h.datasetEdit)
	mux.HandleFunc("POST /organisasi/{slug}/dataset/{id}/ubah", h.datasetUpdate)
	mux.HandleFunc("POST /organisasi/{slug}/dataset/{id}/terbitkan", h.datasetPublish)
	mux.HandleFunc("POST /organisasi/{slug}/dataset/{id}/tarik", h.datasetWithdraw)
	mux.HandleFunc("GET /dataset/{id}", h.datasetShow)
	mux.HandleFunc("GET /dataset/{id}/unduh", h.datasetDownload)
	mux.HandleFunc("GET /api/v1/datasets/published", h.apiPublished)
	mux.HandleFunc("GET /api/v1/datasets/{id}", h.apiPublishedOne)
}

func datasetBase(slug string) string { return "/organisasi/" + slug + "/dataset" }

func datasetActor(a *kit.Access) dataset.Actor {
	id, name := a.Actor()
	return dataset.Actor{ID: id, Name: name, Admin: a.Admin}
}

// datasetStartPage feeds opendata_dataset_start.html: the organisations
// the caller may publish for.
type datasetStartPage struct {
	Orgs []startOrg
}

type startOrg struct {
	Slug, Name string
	Verified   bool
}

// datasetStart is the catalogue's "publish data": the caller's
// organisations whose data they may manage, each a link to its form.
func (h *handlers) datasetStart(w http.ResponseWriter, r *http.Request) {
	u, ok := h.site.RequireUser(w, r)
	if !ok {
		return
	}
	ms, err := h.Orgs.MembershipsOf(r.Context(), u.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	var p datasetStartPage
	for _, m := range ms {
		if m.Role.CanEditProfile() {
			p.Orgs = append(p.Orgs, startOrg{Slug: m.Org.Slug, Name: m.Org.Name, Verified: m.Org.Verified()})
		}
	}
	if len(p.Orgs) == 1 {
		kit.Redirect(w, r, datasetBase(p.Orgs[0].Slug))
		return
	}
	h.site.Render(w, r, kit.Page{Name: "opendata_dataset_start", Title: h.t(r, "dataset.publish"), Data: p})
}

// datasetListPage feeds opendata_dataset_list.html.
type datasetListPage struct {
	Access   *kit.Access
	Base     string
	Datasets []*dataset.Dataset
}

// datasetList is an organisation's datasets, every status, for its
// members (and hub coordinators and admins, who read its work).
func (h *handlers) datasetList(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanRead)
	if !ok {
		return
	}
	list, err := h.Datasets.ByOrg(r.Context(), a.Org.ID)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "opendata_dataset_list", Title: h.t(r, "dataset.org_title", a.Org.Name),
		Data: datasetListPage{Access: a, Base: datasetBase(a.Org.Slug), Datasets: list}})
}

// datasetFormPage feeds opendata_dataset_form.html.
type datasetFormPage struct {
	Access   *kit.Access
	Base     string
	Action   string
	Dataset  *dataset.Dataset // nil for a new one
	Picker   any
	Licences []opendata.Licence
	Types    []opendata.Type
	// FileProblem is what is wrong with the uploaded file's content, in
	// the reader's words ("" when nothing).
	FileProblem string
	MaxMB       int
}

func (h *handlers) datasetNew(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	form := url.Values{"source": {dataset.SourceFile}, "licence": {opendata.DefaultLicence}}
	if l, err := h.Data.Licence(r.Context(), a.Org.ID); err == nil {
		form.Set("licence", l.ID)
	}
	form.Set("region", a.Org.RegionCode)
	h.renderDatasetForm(w, r, http.StatusOK, a, nil, form, nil, "")
}

func (h *handlers) datasetCreate(w http.ResponseWriter, r *http.Request) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanWrite)
	if !ok {
		return
	}
	in, ok := h.readDatasetForm(w, r)
	if !ok {
		return
	}
	if kit.Refreshing(r.PostForm) {
		h.renderDatasetForm(w, r, http.StatusOK, a, nil, r.PostForm, nil, "")
		return
	}
	_, err := h.Datasets.Create(r.Context(), datasetActor(a), a.Org.ID, in)
	h.afterDatasetSave(w, r, a, nil, in, err)
}

func (h *handlers) datasetEdit(w http.ResponseWriter, r *http.Request) {
	a, d, ok := h.openDataset(w, r)
	if !ok {
		return
	}
	h.renderDatasetForm(w, r, http.StatusOK, a, d, d.Form(), nil, "")
}

func (h *handlers) datasetUpdate(w http.ResponseWriter, r *http.Request) {
	a, d, ok := h.openDataset(w, r)
	if !ok {
		return
	}
	in, ok := h.readDatasetForm(w, r)
	if !ok {
		return
	}
	if kit.Refreshing(r.PostForm) {
		h.renderDatasetForm(w, r, http.StatusOK, a, d, r.PostForm, nil, "")
		return
	}
	err := h.Datasets.Update(r.Context(), datasetActor(a), d, in)
	h.afterDatasetSave(w, r, a, d, in, err)
}

func (h *handlers) datasetPublish(w http.ResponseWriter, r *http.Request) {
	a, d, ok := h.openDataset(w, r)
	if !ok {
		return
	}
	h.afterDatasetStatus(w, r, a, h.Datasets.Publish(r.Context(), datasetActor(a), d), "dataset.flash.published")
}

func (h *handlers) datasetWithdraw(w http.ResponseWriter, r *http.Request) {
	a, d, ok := h.openDataset(w, r)
	if !ok {
		return
	}
	h.afterDatasetStatus(w, r, a, h.Datasets.Withdraw(r.Context(), datasetActor(a), d), "dataset.flash.withdrawn")
}

func (h *handlers) afterDatasetStatus(w http.ResponseWriter, r *http.Request, a *kit.Access, err error, flash string) {
	if ref, ok := validate.Refused(err); ok {
		flash, err = ref.Key, nil
	}
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Flash(w, flash)
	kit.Redirect(w, r, datasetBase(a.Org.Slug))
}

// readDatasetForm reads the multipart form: its fields and, when one was
// chosen, the file (at most dataset.MaxFileSize).
func (h *handlers) readDatasetForm(w http.ResponseWriter, r *http.Request) (dataset.Input, bool) {
	data, name, err := kit.ReadFile(w, r, "file", dataset.MaxFileSize)
	if errors.Is(err, kit.ErrTooLarge) {
		// The rest of the form may not have been read: say why plainly.
		h.site.Message(w, r, http.StatusRequestEntityTooLarge, "error.413.title", "dataset.err.file_too_big")
		return dataset.Input{}, false
	}
	if err != nil && !errors.Is(err, kit.ErrNoFile) {
		h.site.ServerError(w, r, err)
		return dataset.Input{}, false
	}
	if r.PostForm == nil {
		// Not a multipart form: read it as a plain one.
		if !kit.ParseForm(h.site, w, r) {
			return dataset.Input{}, false
		}
	}
	in := dataset.FromForm(r.PostForm)
	if err == nil && len(data) > 0 {
		in.File = &dataset.Upload{Name: name, Data: data}
	}
	return in, true
}

// openDataset loads the organisation for a writer and its dataset {id};
// a dataset of another organisation is 404.
func (h *handlers) openDataset(w http.ResponseWriter, r *http.Request) (*kit.Access, *dataset.Dataset, bool) {
	a, ok := h.site.Org(w, r, (*kit.Access).CanWrite)
	if !ok {
		return nil, nil, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		h.site.NotFound(w, r)
		return nil, nil, false
	}
	d, err := h.Datasets.Get(r.Context(), id)
	if err != nil {
		h.site.Fail(w, r, err)
		return nil, nil, false
	}
	if d.OrgID != a.Org.ID {
		h.site.NotFound(w, r)
		return nil, nil, false
	}
	return a, d, true
}

// afterDatasetSave goes to the organisation's datasets, or shows the form
// again with what is wrong: the fields, or the file's content.
func (h *handlers) afterDatasetSave(w http.ResponseWriter, r *http.Request, a *kit.Access, old *dataset.Dataset, in dataset.Input, err error) {
	var errs validate.Errors
	if fe, ok := dataset.IsFileError(err); ok {
		h.renderDatasetForm(w, r, http.StatusUnprocessableEntity, a, old, r.PostForm,
			validate.Errors{"file": "dataset.err.file_content"}, fileProblem(h.site.Lang(r), fe))
		return
	}
	if errors.As(err, &errs) {
		form := r.PostForm
		if _, missing := errs["dictionary"]; missing && len(in.Columns) == 0 && in.File != nil {
			// A file came without a dictionary: offer one from its header
			// to complete.
			if header, herr := dataset.ReadHeader(*in.File); herr == nil {
				form.Set("dictionary", dataset.FormatDictionary(dataset.SuggestDictionary(header)))
				errs["dictionary"] = "dataset.err.dictionary_suggested"
			}
		}
		h.renderDatasetForm(w, r, http.StatusUnprocessableEntity, a, old, form, errs, "")
		return
	}
	if errors.Is(err, dataset.ErrNotAllowed) {
		h.site.Forbidden(w, r)
		return
	}
	if err != nil {
		h.site.Fail(w, r, err)
		return
	}
	h.site.Flash(w, "dataset.flash.saved")
	kit.Redirect(w, r, datasetBase(a.Org.Slug))
}

// fileProblem says what is wrong with a file, the type of a value named
// in the reader's language.
func fileProblem(lang i18n.Lang, fe *dataset.FileError) string {
	args := append([]any(nil), fe.Args...)
	if fe.Key == "dataset.err.value" && len(args) == 4 {
		args[3] = i18n.T(lang, "dataset.type."+args[3].(string))
	}
	return i18n.T(lang, fe.Key, args...)
}

func (h *handlers) renderDatasetForm(w http.ResponseWriter, r *http.Request, status int, a *kit.Access,
	d *dataset.Dataset, form url.Values, errs validate.Errors, problem string) {
	picker, err := h.site.RegionPicker(r, form, true)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	base := datasetBase(a.Org.Slug)
	p := &datasetFormPage{Access: a, Base: base, Action: base + "/baru", Dataset: d, Picker: picker.View,
		Licences: opendata.Licences, Types: dataset.Types, FileProblem: problem, MaxMB: dataset.MaxFileSize >> 20}
	title := h.t(r, "dataset.new")
	if d != nil {
		p.Action, title = base+"/"+strconv.FormatInt(d.ID, 10)+"/ubah", h.t(r, "dataset.edit")
	}
	h.site.Render(w, r, kit.Page{Name: "opendata_dataset_form", Title: title, Data: p, Status: status, Form: form, Errors: errs})
}
