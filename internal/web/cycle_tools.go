package web

// ToolLink is a link from a stage page of the cycle workspace to that
// stage's working tool (funding table, asset inventory, initiative, review).
type ToolLink struct {
	LabelKey string // i18n key
	URL      string
}

// stageTools lists the working tools of stage `stage` in cycle number
// `cycle` of the organisation with slug `slug`.
func stageTools(slug string, cycle, stage int) []ToolLink {
	_, _, _ = slug, cycle, stage
	return nil
}
