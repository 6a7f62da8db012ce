package complaint

import (
	"context"
	"fmt"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"slices"
	"time"
)

// LogFilter selects the public log of an organisation, or of one of its
// initiatives, a page at a time, newest first.
type LogFilter struct {
	OrgID        int64
	InitiativeID int64 // 0: every complaint of the organisation
	Before       int64 // the page after the one ending with this id; 0 the first
	Limit        int   // 50 when 0
}

// PublicEntry is a complaint as the public sees it: no contact, no name,
// no staff member; the text and answers only when the complainant did not
// ask for confidentiality, and then with personal data removed.
type PublicEntry struct {
	ID int64
	// Ref is the public reference; the tracking code, the complainant's
	// key to the status page, is never published.
	Ref            string
	Category       string
	Channel        string
	Status         string
	InitiativeName string
	InitiativeSlug string
	ReceivedAt     time.Time
	FirstDueAt     time.Time
	DueAt          time.Time
	FirstAnswerAt  *time.Time
	ClosedAt       *time.Time
	Overdue        bool // an answer is owed and its deadline has passed
	Late           bool // the first deadline was missed
	Escalated      bool
	Reopened       bool
	Rating         int
	Confidential   bool
	Text           string // "" when confidential
	Answers        []PublicAnswer
	Redactions     []Redaction
}

// TimeToFirstAnswer is how long the first answer took; false when none.
func (e PublicEntry) TimeToFirstAnswer() (time.Duration, bool) {
	if e.FirstAnswerAt == nil {
		return 0, false
	}
	return e.FirstAnswerAt.Sub(e.ReceivedAt), true
}

// PublicAnswer is an answer, a reason for turning down or a reason for
// reopening, as published.
type PublicAnswer struct {
	EventID int64
	Kind    string
	At      time.Time
	Text    string
}

func logWhere(f LogFilter) (string, []any) {
	where, args := `c.org_id = ?`, []any{f.OrgID}
	if f.InitiativeID != 0 {
		where += ` AND c.initiative_id = ?`
		args = append(args, f.InitiativeID)
	}
	return where, args
}

// PublicLog returns a page of the log and the cursor of the next page (0
// when this is the last).
func (s *Store) PublicLog(ctx context.Context, f LogFilter) ([]PublicEntry, int64, error) {
	limit := f.Limit
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	where, args := logWhere(f)
	if f.Before > 0 {
		where += ` AND c.id < ?`
		args = append(args, f.Before)
	}
	cs, err := list(ctx, s.DB, where+` ORDER BY c.id DESC LIMIT ?`, append(args, limit+1)...)
	if err != nil {
		return nil, 0, err
	}
	var next int64
	if len(cs) > limit {
		cs = cs[:limit]
		next = cs[limit-1].ID
	}
	entries, err := s.publicEntries(ctx, cs)
	return entries, next, err
}

// PublicEntry returns one complaint as the public sees it.
func (s *Store) PublicEntry(ctx context.Context, c *Complaint) (*PublicEntry, error) {
	entries, err := s.publicEntries(ctx, []*Complaint{c})
	if err != nil {
		return nil, err
	}
	return &entries[0], nil
}

func (s *Store) publicEntries(ctx context.Context, cs []*Complaint) ([]PublicEntry, error) {
	now := s.now()
	out := make([]PublicEntry, len(cs))
	byID := map[int64]*PublicEntry{}
	var ids []any
	for i, c := range cs {
		e := PublicEntry{ID: c.ID, Ref: c.Ref(), Category: c.Category, Channel: c.Channel, Status: c.Status,
			ReceivedAt: c.ReceivedAt, FirstDueAt: c.FirstDueAt, DueAt: c.DueAt, FirstAnswerAt: c.FirstAnswerAt,
			ClosedAt: c.ClosedAt, Overdue: c.Overdue(now), Late: c.Late(now), Escalated: c.EscalatedAt != nil,
			Reopened: c.ReopenedAt != nil, Rating: c.Rating, Confidential: !c.TextPublic()}
		if c.TextPublic() {
			e.Text = c.PublicBody
		}
		out[i] = e
		byID[c.ID] = &out[i]
		ids = append(ids, c.ID)
	}
	if len(ids) == 0 {
		return out, nil
	}
	if err := s.fillInitiatives(ctx, cs, byID); err != nil {
		return nil, err
	}
	if err := s.fillAnswers(ctx, ids, byID); err != nil {
		return nil, err
	}
	return out, s.fillRedactions(ctx, ids, byID)
}

func (s *Store) fillInitiatives(ctx context.Context, cs []*Complaint, byID map[int64]*PublicEntry) error {
	for _, c := range cs {
		if c.InitiativeID == nil {
			continue
		}
		e := byID[c.ID]
		if err := s.DB.QueryRow(ctx, `SELECT name, slug FROM initiatives WHERE id = ?`, *c.InitiativeID).
			Scan(&e.InitiativeName, &e.InitiativeSlug); err != nil {
			return fmt.Errorf("complaint: initiative: %w", err)
		}
	}
	return nil
}

func (s *Store) fillAnswers(ctx context.Context, ids []any, byID map[int64]*PublicEntry) error {
	args := append(append([]any{}, ids...), EventAnswer, StatusRejected, EventReopened)
	rows, err := s.DB.Query(ctx, `SELECT id, complaint_id, kind, public_body, created_at FROM complaint_events
		WHERE complaint_id IN (`+db.Marks(len(ids))+`) AND kind IN (?, ?, ?) AND internal = FALSE ORDER BY id`, args...)
	if err != nil {
		return fmt.Errorf("complaint: public answers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a PublicAnswer
		var cid int64
		if err := rows.Scan(&a.EventID, &cid, &a.Kind, &a.Text, &a.At); err != nil {
			return fmt.Errorf("complaint: public answers: %w", err)
		}
		a.At = a.At.UTC()
		if e := byID[cid]; !e.Confidential {
			e.Answers = append(e.Answers, a)
		} else {
			// The dates stay public; the words do not.
			a.Text = ""
			e.Answers = append(e.Answers, a)
		}
	}
	return rows.Err()
}

func (s *Store) fillRedactions(ctx context.Context, ids []any, byID map[int64]*PublicEntry) error {
	rows, err := s.DB.Query(ctx, `SELECT id, complaint_id, event_id, automatic, reason, actor_name, created_at
		FROM complaint_redactions WHERE complaint_id IN (`+db.Marks(len(ids))+`) ORDER BY id`, ids...)
	if err != nil {
		return fmt.Errorf("complaint: public redactions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r Redaction
		if err := rows.Scan(&r.ID, &r.ComplaintID, &r.EventID, &r.Automatic, &r.Reason, &r.ActorName, &r.CreatedAt); err != nil {
			return fmt.Errorf("complaint: public redactions: %w", err)
		}
		r.CreatedAt = r.CreatedAt.UTC()
		byID[r.ComplaintID].Redactions = append(byID[r.ComplaintID].Redactions, r)
	}
	return rows.Err()
}

// Figures sum up a public log.
type Figures struct {
	Total     int // complaints received
	Answered  int // with a first answer
	Decided   int // answered, or still unanswered past the first deadline
	OnTime    int // first answer by the first deadline
	Overdue   int // owing an answer past the deadline now
	Escalated int // ever escalated to a hub
	// Median time from receipt to the first answer, over the answered.
	MedianFirstAnswer time.Duration
}

// OnTimePermille is the share answered on time of those whose first
// deadline is decided, in tenths of a percent; false when none is.
func (f Figures) OnTimePermille() (int64, bool) {
	if f.Decided == 0 {
		return 0, false
	}
	return i18n.Permille(int64(f.OnTime), int64(f.Decided)), true
}

// Figures computes the figures of the log f selects (Before and Limit
// are ignored).
func (s *Store) Figures(ctx context.Context, f LogFilter) (Figures, error) {
	where, args := logWhere(f)
	cs, err := list(ctx, s.DB, where, args...)
	if err != nil {
		return Figures{}, err
	}
	return FiguresOf(cs, s.now()), nil
}

// FiguresOf computes the figures of complaints at now.
func FiguresOf(cs []*Complaint, now time.Time) Figures {
	var f Figures
	var waits []time.Duration
	for _, c := range cs {
		f.Total++
		if d, ok := c.TimeToFirstAnswer(); ok {
			f.Answered++
			waits = append(waits, d)
		}
		if c.FirstAnswerAt != nil || now.After(c.FirstDueAt) {
			f.Decided++
		}
		if c.AnsweredOnTime() {
			f.OnTime++
		}
		if c.Overdue(now) {
			f.Overdue++
		}
		if c.EscalatedAt != nil {
			f.Escalated++
		}
	}
	f.MedianFirstAnswer = Median(waits)
	return f
}

// Median of ds: the middle one, or the mean of the two middle ones; 0 for
// none.
func Median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return s[mid]
	}
	return (s[mid-1] + s[mid]) / 2
}
