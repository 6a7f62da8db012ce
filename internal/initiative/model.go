// Package initiative keeps the local service initiatives that an
// organisation creates in stage 3 of its development cycle: the product
// (name, logo, tagline, problem, framework…), the regions it serves and
// the stage 2 assets it uses. A draft becomes public once published.
package initiative

import (
	"time"

	"lokadaya/internal/org"
)

// Statuses of an initiative.
const (
	StatusDraft     = "draft"
	StatusPublished = "published"
)

// Initiative is a local service initiative (inisiatif layanan lokal).
type Initiative struct {
	ID                 int64
	OrgID              int64
	CycleID            *int64 // nil once the cycle is gone
	Slug               string
	Name               string
	LogoKey            string
	Tagline            string
	Problem            string
	VisionLink         string
	Framework          string
	Advantages         string
	StakeholderScheme  string
	CommunicationSheet string
	ExpectedResults    string
	CostRecovery       string
	Category           string // one of org.FocusIssues
	Status             string
	PublishedAt        *time.Time
	ParentID           *int64
	CreatedAt          time.Time
	UpdatedAt          time.Time

	Regions  []string // region codes served
	AssetIDs []int64  // stage 2 assets used
}

// Published reports whether the public sees the initiative.
func (i *Initiative) Published() bool { return i.Status == StatusPublished }

// Categories are the categories an initiative may have: the focus issues
// of organisations, labelled "org.issue.<key>".
func Categories() []string { return org.FocusIssues }

// ValidCategory reports whether key is a category.
func ValidCategory(key string) bool { return org.ValidFocusIssue(key) }
