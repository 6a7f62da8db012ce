// Package complaint keeps complaints (pengaduan) to an organisation, in the
// manner of the SPIPM of Indonesian local governments: every complaint,
// answer and time is recorded and shown publicly with personal data
// removed. A complaint arrives by the web form (no account), is logged by
// staff from paper or the phone, or comes through a signed gateway webhook
// (SMS, WhatsApp, e-mail). It moves diterima → diverifikasi →
// ditindaklanjuti → selesai, or ditolak with a reason. The first answer is
// due within the organisation's deadline (2×24 hours unless it chose
// otherwise); past it, the members are told and the coordinators of the
// hubs covering the organisation get an escalation e-mail, once per
// deadline. The complainant rates the answer and may reopen once.
package complaint

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Statuses of a complaint.
const (
	StatusReceived = "diterima"        // just arrived
	StatusVerified = "diverifikasi"    // checked: a real complaint about this organisation
	StatusFollowUp = "ditindaklanjuti" // being acted on
	StatusResolved = "selesai"         // closed: done
	StatusRejected = "ditolak"         // closed: turned down, with a reason
)

// Statuses lists every status in the order a complaint moves through them.
var Statuses = []string{StatusReceived, StatusVerified, StatusFollowUp, StatusResolved, StatusRejected}

// transitions are the status changes staff may make.
var transitions = map[string][]string{
	StatusReceived: {StatusVerified, StatusRejected},
	StatusVerified: {StatusFollowUp, StatusRejected},
	StatusFollowUp: {StatusResolved, StatusRejected},
}

// CanMove reports whether staff may move a complaint from status from to to.
func CanMove(from, to string) bool { return slices.Contains(transitions[from], to) }

// Visibility is chosen by the complainant.
const (
	// VisPublic: the text and the answers are public; contacts never are.
	VisPublic = "publik"
	// VisConfidential: only the dates, category and status are public;
	// the text and answers are for the complainant and the staff who
	// may see confidential complaints.
	VisConfidential = "rahasia"
	// VisAnonymous: the text and answers are public and no contact is
	// kept at all; the tracking code is the complainant's only key.
	VisAnonymous = "anonim"
)

// Visibilities lists the choices in the order the form shows them.
var Visibilities = []string{VisPublic, VisConfidential, VisAnonymous}

// Channels a complaint arrives by.
const (
	ChannelWeb      = "web"      // the public form or the API
	ChannelPaper    = "kertas"   // logged by staff from paper
	ChannelPhone    = "telepon"  // logged by staff from a call
	ChannelSMS      = "sms"      // the gateway webhook
	ChannelWhatsApp = "whatsapp" // the gateway webhook
	ChannelEmail    = "email"    // the gateway webhook
)

// StaffChannels are those staff log by hand; GatewayChannels those the
// webhook accepts.
var (
	StaffChannels   = []string{ChannelPaper, ChannelPhone}
	GatewayChannels = []string{ChannelSMS, ChannelWhatsApp, ChannelEmail}
)

// Categories of complaint, labelled "complaint.category.<c>".
var Categories = []string{"layanan", "petugas", "biaya", "waktu", "fasilitas", "informasi", "lainnya"}

// CategoryOther is the category when none is given.
const CategoryOther = "lainnya"

// Limits of the input, in runes.
const (
	MinText     = 10
	MaxText     = 2000
	MaxName     = 100
	MaxContact  = 254
	MaxAnswer   = 3000
	MaxReason   = 500
	MaxRedact   = 200
	MaxToken    = 100
	MinRating   = 1
	MaxRating   = 5
	RemindAhead = 12 * time.Hour // members are reminded this long before the deadline
)

// Defaults of an organisation's settings.
const (
	DefaultAnswerHours = 48
	DefaultReopenDays  = 14
)

// Complaint is one complaint with its current state.
type Complaint struct {
	ID             int64
	Code           string
	OrgID          int64
	InitiativeID   *int64
	Category       string
	Body           string // as written; staff only when confidential
	PublicBody     string // contacts masked and redactions applied
	Visibility     string
	ContactName    string // personal data: never public
	Contact        string // e-mail or phone; personal data: never public
	Channel        string
	Lang           string
	Status         string
	RejectReason   string
	AssigneeID     *int64
	AssigneeName   string
	PhotoKey       string
	LoggedBy       *int64
	ReceivedAt     time.Time
	FirstDueAt     time.Time
	DueAt          time.Time
	AwaitingAnswer bool
	FirstAnswerAt  *time.Time
	AnsweredAt     *time.Time
	ClosedAt       *time.Time
	RemindedAt     *time.Time
	OverdueAt      *time.Time
	EscalatedAt    *time.Time
	Rating         int
	RatedAt        *time.Time
	ReopenedAt     *time.Time
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Ref is the complaint's public reference, e.g. PGD-000042. The public
// log and hub coordinators use it; the tracking code stays the
// complainant's key.
func (c *Complaint) Ref() string { return PublicRef(c.ID) }

// PublicRef is the public reference of the complaint with id.
func PublicRef(id int64) string { return fmt.Sprintf("PGD-%06d", id) }

// ParseRef returns the id of a public reference; false when s is none.
func ParseRef(s string) (int64, bool) {
	digits, ok := strings.CutPrefix(strings.ToUpper(strings.TrimSpace(s)), "PGD-")
	if !ok || len(digits) < 6 || len(digits) > 18 {
		return 0, false
	}
	id, err := strconv.ParseInt(digits, 10, 64)
	return id, err == nil && id > 0
}

// Closed reports whether the complaint is done or was turned down.
func (c *Complaint) Closed() bool { return c.Status == StatusResolved || c.Status == StatusRejected }

// Next lists the statuses staff may move the complaint to now.
func (c *Complaint) Next() []string { return transitions[c.Status] }

// Overdue reports whether an answer is owed and its deadline has passed.
func (c *Complaint) Overdue(now time.Time) bool { return c.AwaitingAnswer && now.After(c.DueAt) }

// AnsweredOnTime reports whether the first answer came by the first
// deadline; false when there is none yet.
func (c *Complaint) AnsweredOnTime() bool {
	return c.FirstAnswerAt != nil && !c.FirstAnswerAt.After(c.FirstDueAt)
}

// Late reports whether the first deadline was missed: answered after it,
// or still unanswered past it. This is the public "terlambat" mark.
func (c *Complaint) Late(now time.Time) bool {
	if c.FirstAnswerAt != nil {
		return c.FirstAnswerAt.After(c.FirstDueAt)
	}
	return now.After(c.FirstDueAt)
}

// TimeToFirstAnswer is how long the first answer took; false when none.
func (c *Complaint) TimeToFirstAnswer() (time.Duration, bool) {
	if c.FirstAnswerAt == nil {
		return 0, false
	}
	return c.FirstAnswerAt.Sub(c.ReceivedAt), true
}

// TextPublic reports whether the public may read the text and answers.
func (c *Complaint) TextPublic() bool { return c.Visibility != VisConfidential }

// CanReopen reports whether the complainant may reopen now: once, within
// window after it was closed.
func (c *Complaint) CanReopen(now time.Time, window time.Duration) bool {
	return c.Closed() && c.ReopenedAt == nil && c.ClosedAt != nil && !now.After(c.ClosedAt.Add(window))
}

// CanRate reports whether the complainant may rate: an answer was given
// and none is owed now.
func (c *Complaint) CanRate() bool { return c.AnsweredAt != nil && !c.AwaitingAnswer }

// Kinds of log entry. Status entries use the status names.
const (
	EventAnswer   = "jawaban"
	EventAssign   = "ditugaskan"
	EventReminder = "pengingat"
	EventOverdue  = "terlambat"
	EventEscalate = "eskalasi"
	EventRated    = "dinilai"
	EventReopened = "dibuka_kembali"
	EventRedacted = "disamarkan"
	EventPhoto    = "foto"
)

// Event is one entry of a complaint's log.
type Event struct {
	ID          int64
	ComplaintID int64
	Kind        string
	ActorID     *int64
	ActorName   string
	Body        string
	PublicBody  string
	Internal    bool // for staff only
	CreatedAt   time.Time
}

// Redaction is one removal from the public text, shown in public.
type Redaction struct {
	ID          int64
	ComplaintID int64
	EventID     *int64 // nil: the complaint's text; otherwise an answer
	Automatic   bool   // contacts masked on arrival
	Reason      string
	ActorName   string
	CreatedAt   time.Time
}

// Actor is the member who acts, for the log and the audit log; zero for
// the complainant or the system.
type Actor struct {
	ID   int64
	Name string
}

// Settings are an organisation's choices.
type Settings struct {
	OrgID         int64
	AnswerHours   int
	ReopenDays    int
	WebhookSecret string
}

// AnswerWithin is the time allowed for an answer.
func (s Settings) AnswerWithin() time.Duration { return time.Duration(s.AnswerHours) * time.Hour }

// ReopenWithin is how long after closing the complainant may reopen.
func (s Settings) ReopenWithin() time.Duration { return time.Duration(s.ReopenDays) * 24 * time.Hour }
