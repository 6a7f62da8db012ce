package collab

import (
	"context"
	"errors"
	"slices"

	"lokadaya/internal/dataset"
)

// datasetChoice is a catalogue dataset in the picker: a checkbox a line,
// which works without JavaScript.
type datasetChoice struct {
	ID      int64
	Title   string
	OrgName string
	Checked bool
}

// citedDataset is a dataset a forum or plan cites, linked to its page.
type citedDataset struct {
	ID    int64
	Title string
	Path  string
	Org   string
}

// datasetChoices are the published datasets to pick from (the newest
// hundred), those in checked ticked.
func (h *handlers) datasetChoices(ctx context.Context, checked []int64) ([]datasetChoice, error) {
	if h.Datasets == nil {
		return nil, nil
	}
	list, _, err := h.Datasets.Published(ctx, dataset.Filter{Limit: 100})
	if err != nil {
		return nil, err
	}
	out := make([]datasetChoice, 0, len(list))
	for _, d := range list {
		out = append(out, datasetChoice{ID: d.ID, Title: d.Title, OrgName: d.OrgName, Checked: slices.Contains(checked, d.ID)})
	}
	return out, nil
}

// citedBy are the datasets a forum ("forum") or plan ("team_plan") cites.
func (h *handlers) citedBy(ctx context.Context, kind string, id int64) ([]citedDataset, error) {
	if h.Datasets == nil {
		return nil, nil
	}
	list, err := h.Datasets.CitedBy(ctx, kind, id)
	if err != nil {
		return nil, err
	}
	out := make([]citedDataset, 0, len(list))
	for _, d := range list {
		out = append(out, citedDataset{ID: d.ID, Title: d.Title, Path: d.Path(), Org: d.OrgName})
	}
	return out, nil
}

// citedIDs are the ids of citedBy.
func citedIDs(list []citedDataset) []int64 {
	out := []int64{}
	for _, d := range list {
		out = append(out, d.ID)
	}
	return out
}

// citeRefusal is the message of a citation the catalogue refused (a
// dataset not published), and whether err is one.
func citeRefusal(err error) (string, bool) {
	if errors.Is(err, dataset.ErrNotPublished) {
		return "forum.err.cite", true
	}
	return "", false
}
