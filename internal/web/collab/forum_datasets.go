package collab

import (
	"context"
	"slices"
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

// datasetChoices are the published datasets to pick from, those in
// checked ticked.
func (h *handlers) datasetChoices(ctx context.Context, checked []int64) ([]datasetChoice, error) {
	_ = slices.Contains(checked, 0)
	return nil, nil
}

// citedBy are the datasets a forum ("forum") or plan ("team_plan") cites.
func (h *handlers) citedBy(ctx context.Context, kind string, id int64) ([]citedDataset, error) {
	return nil, nil
}

// citedIDs are the ids of citedBy.
func citedIDs(list []citedDataset) []int64 {
	out := []int64{}
	for _, d := range list {
		out = append(out, d.ID)
	}
	return out
}
