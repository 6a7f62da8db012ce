package web

import "strconv"

// ToolLink is a link from a stage page of the cycle workspace to that
// stage's working tool (funding table, asset inventory, initiative, review).
type ToolLink struct {
	LabelKey string // i18n key
	URL      string
}

// stageTools lists the working tools of stage `stage` in cycle number
// `cycle` of the organisation with slug `slug`. The surplus page, outside
// the workspace, is listed for insiders only (not for accompanying hub
// coordinators, who may not open it).
func stageTools(slug string, cycle, stage int, insider bool) []ToolLink {
	base := toolStageURL(slug, cycle, stage)
	switch stage {
	case 1:
		return []ToolLink{{"tools.link.funding", base + "/pendanaan"}}
	case 2:
		return []ToolLink{{"tools.link.assets", base + "/aset"}}
	case 3:
		return []ToolLink{{"tools.link.initiatives", base + "/inisiatif"}, {"tools.link.assets", toolStageURL(slug, cycle, 2) + "/aset"}}
	case 6:
		links := []ToolLink{{"tools.link.review.6", base + "/tinjauan"}}
		if insider {
			links = append(links, ToolLink{"tools.link.surplus", "/organisasi/" + slug + "/surplus"})
		}
		return links
	case 5:
		// Service records are read by hub coordinators too.
		return []ToolLink{{"tools.link.review.5", base + "/tinjauan"}, {"voice.overview.title", "/organisasi/" + slug + "/layanan"},
			{"handout.list.title", "/organisasi/" + slug + "/pembagian"}}
	case 4, 7:
		return []ToolLink{{"tools.link.review." + strconv.Itoa(stage), base + "/tinjauan"}}
	}
	return nil
}

// toolStageURL is the address of a stage of a cycle; the tools live below it.
func toolStageURL(slug string, cycle, stage int) string {
	return "/organisasi/" + slug + "/siklus/" + strconv.Itoa(cycle) + "/tahap/" + strconv.Itoa(stage)
}
