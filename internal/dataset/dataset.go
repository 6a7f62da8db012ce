// Package dataset keeps the datasets organisations publish on the
// platform: an OMS, a government unit or the members of a joint action
// team upload a CSV or XLSX file with its data dictionary, or link data
// kept elsewhere, under an open licence. Published datasets join the
// platform's open-data catalogue; proposals, forums and action plans cite
// them (see Cite).
//
// An uploaded file is read before it is kept: its header must match the
// dictionary column by column and its values the column types, so what the
// catalogue promises is what the file holds.
package dataset

import (
	"lokadaya/internal/validate"
	"strconv"
	"time"

	"lokadaya/internal/blob"
	"lokadaya/internal/db"
	"lokadaya/internal/opendata"
)

// Sources of a dataset's data.
const (
	SourceFile = "file" // an uploaded CSV or XLSX file
	SourceLink = "link" // data kept elsewhere, linked
)

// Statuses. Only published datasets are public; a withdrawn one leaves the
// catalogue but keeps its citations, and may be published again.
const (
	StatusDraft     = "draft"
	StatusPublished = "published"
	StatusWithdrawn = "withdrawn"
)

// Subject kinds: what may cite a dataset.
const (
	SubjectProposal = "proposal"  // an issue or proposal (usulan)
	SubjectForum    = "forum"     // a forum's shared understanding
	SubjectTeamPlan = "team_plan" // a joint action team's plan
)

// SubjectKinds are the kinds that may cite.
var SubjectKinds = []string{SubjectProposal, SubjectForum, SubjectTeamPlan}

// Limits of the input.
const (
	MaxTitle       = 200
	MaxDescription = 5000
	MaxKeywords    = 20
	MaxKeyword     = 60
	MaxColumns     = 200
	MaxColumnName  = 100
	MaxMeaning     = 500
	MaxUnit        = 50
	MaxFormat      = 30
	MaxURL         = 2000
	// MaxFileSize caps an upload: enough for a kelurahan's or a kota's
	// tables, small enough to read in memory and on a slow line.
	MaxFileSize = 10 << 20
	// MaxRows caps the rows below the header.
	MaxRows = 1_000_000
)

// Column is one entry of a dataset's data dictionary, in the words of its
// publisher (one language: the one they wrote in).
type Column struct {
	Name    string        `json:"name"`
	Type    opendata.Type `json:"type"`
	Meaning string        `json:"meaning"`
	Unit    string        `json:"unit,omitempty"`
}

// Dataset is a dataset an organisation publishes.
type Dataset struct {
	ID          int64
	OrgID       int64
	OrgName     string
	OrgSlug     string
	Title       string
	Description string
	RegionCode  string
	// Licence is the SPDX id of one of opendata.Licences.
	Licence  string
	Keywords []string
	// From and To bound the period the data covers (YYYY-MM-DD), "" when
	// not given.
	From, To string
	Source   string
	// FileKey is where the uploaded file sits in the blob store.
	FileKey  string
	FileName string
	// Header is the uploaded file's column names, as read.
	Header   []string
	FileSize int64
	// Rows counts the file's rows below the header.
	Rows int64
	// Format is CSV or XLSX for a file, the format named for a link.
	Format      string
	LinkURL     string
	Status      string
	PublishedAt *time.Time
	CreatedBy   int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Columns     []Column
}

// Published reports whether the dataset is public.
func (d *Dataset) Published() bool { return d.Status == StatusPublished }

// IsFile reports whether the data is an uploaded file.
func (d *Dataset) IsFile() bool { return d.Source == SourceFile }

// LicenceInfo is the dataset's licence with its title and address.
func (d *Dataset) LicenceInfo() opendata.Licence {
	if l, ok := opendata.LicenceByID(d.Licence); ok {
		return l
	}
	return opendata.Licence{ID: d.Licence, Title: d.Licence}
}

// Path is the dataset's public, citable address on the site.
func Path(id int64) string { return "/dataset/" + strconv.FormatInt(id, 10) }

// Path is the dataset's public address.
func (d *Dataset) Path() string { return Path(d.ID) }

// DownloadPath is where the uploaded file is downloaded.
func (d *Dataset) DownloadPath() string { return d.Path() + "/unduh" }

// Year is the year to cite the dataset by: when it was first published,
// else when it was written.
func (d *Dataset) Year() int {
	if d.PublishedAt != nil {
		return d.PublishedAt.Year()
	}
	return d.CreatedAt.Year()
}

// Citation is one subject citing a dataset.
type Citation struct {
	DatasetID   int64
	SubjectKind string
	SubjectID   int64
	CreatedAt   time.Time
}

// Actor is who acts: the signed-in user, and whether a platform admin.
type Actor struct {
	ID    int64
	Name  string
	Admin bool
}

// Refusal is a refused action with a reason the user can read (an
// i18n key), the one type every domain package refuses with.
type Refusal = validate.Refusal

// The refusals.
var (
	// ErrNotAllowed: only members who may edit the organisation's profile
	// (owner, admin, editor) or a platform admin manage its datasets.
	ErrNotAllowed = &Refusal{Key: "dataset.err.not_allowed"}
	// ErrNotVerified: only a verified organisation publishes.
	ErrNotVerified = &Refusal{Key: "dataset.err.not_verified"}
	// ErrNotPublished: only published datasets may be cited.
	ErrNotPublished = &Refusal{Key: "dataset.err.not_published"}
	// ErrSubjectKind: the subject is not one of SubjectKinds.
	ErrSubjectKind = &Refusal{Key: "dataset.err.subject_kind"}
)

// Store keeps datasets, their dictionaries, files and citations.
type Store struct {
	DB *db.DB
	// Blobs keeps the uploaded files.
	Blobs blob.Store
	Now   func() time.Time
}

func (s *Store) now() time.Time { return db.NowFrom(s.Now) }
