package feedback

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/service"
	"lokadaya/internal/validate"
)

// Paper is the tally of a point's physical paper box over a period.
type Paper struct {
	ID           int64
	InitiativeID int64
	PointID      int64
	PeriodFrom   string // YYYY-MM-DD
	PeriodTo     string
	CountedOn    string // the day the box was opened and counted
	CountedBy    string // who counted it
	Tally
	RecordedName string // who typed it in
	CreatedAt    time.Time
}

// Limits of a paper tally.
const (
	MaxCountedBy = 80
	// MaxSlips is the most slips of one colour one tally may hold.
	MaxSlips = 1_000_000
	// MaxPaperDays is the longest period one box may cover.
	MaxPaperDays = 366
)

// PaperInput is the paper tally form as typed.
type PaperInput struct {
	Point                          string // the point's code
	From, To, CountedOn, CountedBy string
	Merah, Kuning, Hijau           string
	from, to, countedOn            time.Time
	merah, kuning, hijau           int64
}

// PaperFromForm reads the paper tally form.
func PaperFromForm(f url.Values) PaperInput {
	get := func(k string) string { return strings.TrimSpace(f.Get(k)) }
	return PaperInput{Point: strings.ToUpper(get("point")), From: get("from"), To: get("to"), CountedOn: get("counted_on"),
		CountedBy: get("counted_by"), Merah: get("merah"), Kuning: get("kuning"), Hijau: get("hijau")}
}

// Check validates the form as of today (YYYY-MM-DD) at the point: the
// period has begun and ended, lasts at most MaxPaperDays, the box was
// counted after the period and not in the future; counts are whole
// numbers, at least one slip in all.
func (in *PaperInput) Check(today string) validate.Errors {
	e := validate.Errors{}
	if e.Required("counted_by", in.CountedBy) {
		if !plainText(in.CountedBy, false) {
			e.Add("counted_by", "feedback.err.text")
		}
		e.MaxLen("counted_by", in.CountedBy, MaxCountedBy)
	}
	var okFrom, okTo, okOn bool
	in.from, okFrom = readDay(e, "from", in.From, today)
	in.to, okTo = readDay(e, "to", in.To, today)
	in.countedOn, okOn = readDay(e, "counted_on", in.CountedOn, today)
	switch {
	case okFrom && okTo && in.to.Before(in.from):
		e.Add("to", "feedback.err.period_order")
	case okFrom && okTo && in.to.Sub(in.from) >= MaxPaperDays*24*time.Hour:
		e.Add("to", "feedback.err.period_long")
	case okTo && okOn && in.countedOn.Before(in.to):
		e.Add("counted_on", "feedback.err.counted_before_end")
	}
	for _, c := range []struct {
		field, text string
		dst         *int64
	}{{"merah", in.Merah, &in.merah}, {"kuning", in.Kuning, &in.kuning}, {"hijau", in.Hijau, &in.hijau}} {
		if c.text == "" {
			*c.dst = 0
			continue
		}
		n, err := strconv.ParseInt(c.text, 10, 64)
		if err != nil || n < 0 || n > MaxSlips {
			e.Add(c.field, "feedback.err.count")
			continue
		}
		*c.dst = n
	}
	if _, bad := e["merah"]; !bad && len(e) == 0 && in.merah+in.kuning+in.hijau == 0 {
		e.Add("merah", "feedback.err.no_slips")
	}
	return e
}

// readDay reads a required day that is not after today.
func readDay(e validate.Errors, field, s, today string) (time.Time, bool) {
	if !e.Required(field, s) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		e.Add(field, "feedback.err.date")
		return time.Time{}, false
	}
	if s > today {
		e.Add(field, "feedback.err.future")
		return time.Time{}, false
	}
	return t, true
}

// AddPaper records the tally of the point's paper box. A period that
// overlaps one already typed in for the point is refused: the same slips
// would count twice.
func (s *Store) AddPaper(ctx context.Context, a Actor, p *service.Point, in PaperInput) (*Paper, error) {
	e := in.Check(s.Today(p))
	if len(e) > 0 {
		return nil, e
	}
	out := &Paper{InitiativeID: p.InitiativeID, PointID: p.ID, PeriodFrom: in.From, PeriodTo: in.To, CountedOn: in.CountedOn,
		CountedBy: in.CountedBy, Tally: Tally{Merah: in.merah, Kuning: in.kuning, Hijau: in.hijau}, RecordedName: a.Name,
		CreatedAt: s.now()}
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM feedback_paper_tallies WHERE point_id = ?
			AND period_from <= ? AND period_to >= ?`, p.ID, in.To, in.From).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return validate.Errors{"from": "feedback.err.overlap"}
		}
		err := tx.QueryRow(ctx, `INSERT INTO feedback_paper_tallies (org_id, initiative_id, point_id, period_from, period_to,
			counted_on, counted_by, merah, kuning, hijau, recorded_by, recorded_name, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			p.OrgID, p.InitiativeID, p.ID, in.From, in.To, in.CountedOn, in.CountedBy, in.merah, in.kuning, in.hijau,
			a.ID, a.Name, out.CreatedAt).Scan(&out.ID)
		if err != nil {
			return fmt.Errorf("feedback: add paper tally: %w", err)
		}
		return record(ctx, tx, a, "feedback.paper.add", "feedback_paper", out.ID, paperDetail(p.Code, out))
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func paperDetail(code string, p *Paper) string {
	return fmt.Sprintf("%s %s–%s merah %d kuning %d hijau %d", code, p.PeriodFrom, p.PeriodTo, p.Merah, p.Kuning, p.Hijau)
}

const paperColumns = `t.id, t.initiative_id, t.point_id, t.period_from, t.period_to, t.counted_on, t.counted_by,
	t.merah, t.kuning, t.hijau, t.recorded_name, t.created_at`

// Papers lists the initiative's paper tallies, the latest period first.
func (s *Store) Papers(ctx context.Context, initiativeID int64) ([]*Paper, error) {
	rows, err := s.DB.Query(ctx, `SELECT `+paperColumns+` FROM feedback_paper_tallies t WHERE t.initiative_id = ?
		ORDER BY t.period_to DESC, t.id DESC`, initiativeID)
	if err != nil {
		return nil, fmt.Errorf("feedback: paper tallies: %w", err)
	}
	defer rows.Close()
	var out []*Paper
	for rows.Next() {
		p := &Paper{}
		if err := rows.Scan(&p.ID, &p.InitiativeID, &p.PointID, &p.PeriodFrom, &p.PeriodTo, &p.CountedOn, &p.CountedBy,
			&p.Merah, &p.Kuning, &p.Hijau, &p.RecordedName, &p.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// DeletePaper removes a paper tally typed in by mistake; the audit log
// keeps what it said. A tally of another initiative is db.ErrNotFound.
func (s *Store) DeletePaper(ctx context.Context, a Actor, initiativeID, id int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		p := &Paper{}
		var code string
		err := tx.QueryRow(ctx, `SELECT p.code, t.period_from, t.period_to, t.merah, t.kuning, t.hijau
			FROM feedback_paper_tallies t JOIN service_points p ON p.id = t.point_id WHERE t.id = ? AND t.initiative_id = ?`,
			id, initiativeID).Scan(&code, &p.PeriodFrom, &p.PeriodTo, &p.Merah, &p.Kuning, &p.Hijau)
		if err != nil {
			return notFound(err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM feedback_paper_tallies WHERE id = ?`, id); err != nil {
			return err
		}
		return record(ctx, tx, a, "feedback.paper.delete", "feedback_paper", id, paperDetail(code, p))
	})
}

// record writes the audit entry of a staff action.
func record(ctx context.Context, q db.Querier, a Actor, action, target string, id int64, detail string) error {
	return audit.Record(ctx, q, audit.Entry{ActorID: a.ID, ActorName: a.Name, Action: action, TargetType: target,
		TargetID: strconv.FormatInt(id, 10), Detail: detail})
}
