// Package charter keeps the service charter (maklumat pelayanan) of each
// service point: the public promise of what is served there, what it
// asks of the person served, how long it takes, what it costs, where to
// complain, the rights and obligations of those served, and who signed it
// and when. Seed 004 describes the practice: a signed statement on the
// wall of the place of service, against which people judge the service
// and complain when it falls short.
//
// Every save is a new version; versions are never changed, so the history
// shows what was promised when. A version without a signature is a draft:
// the public sees the newest signed version.
package charter

import "time"

// Charter is one version of a service point's charter.
type Charter struct {
	ID      int64
	PointID int64
	OrgID   int64
	Version int

	Service      string
	Requirements string
	Procedure    string
	TimeToServe  string
	// Cost is the whole rupiah the person served pays; 0 is free.
	Cost              int64
	ComplaintChannels string
	Rights            string
	Obligations       string

	SignerName string
	SignerRole string
	// SignedOn is the day signed, YYYY-MM-DD in the organisation's zone;
	// "" for a draft.
	SignedOn string

	CreatedByID int64
	CreatedBy   string
	CreatedAt   time.Time
}

// Free reports whether the service costs nothing.
func (c *Charter) Free() bool { return c.Cost == 0 }

// Signed reports whether the version was signed, so the public sees it.
func (c *Charter) Signed() bool { return c.SignedOn != "" }

// Signer is who signed, with the position when given: "Bu Ani (Ketua)".
func (c *Charter) Signer() string {
	if c.SignerRole == "" {
		return c.SignerName
	}
	return c.SignerName + " (" + c.SignerRole + ")"
}

// SignedDate is the day signed as a time at midnight UTC, for formatting
// ("3 Maret 2026"); the zero time for a draft.
func (c *Charter) SignedDate() time.Time {
	t, _ := time.Parse(DateLayout, c.SignedOn)
	return t
}

// DateLayout is how days are written in forms and storage.
const DateLayout = "2006-01-02"

// Actor is who saves, for the audit log and the version's author.
type Actor struct {
	ID   int64
	Name string
}

// Status is what an initiative's pages need to know of a point's charter.
type Status struct {
	Versions int
	// Signed tells a signed version exists, so the public page and the
	// poster can be shown.
	Signed bool
}
