package collab

import (
	"context"
	"net/http"
	"time"

	"lokadaya/internal/planning"
	"lokadaya/internal/region"
	"lokadaya/internal/web/kit"
)

// roundPage is a round's public page: its rules, who takes part, and the
// scores or the ranked, periodised result.
type roundPage struct {
	Round       *planning.Round
	RegionLabel string
	Zone        *time.Location
	Stages      []stageView
	Groups      []string
	// Participants counts the participants by group.
	Participants map[string]int
	Entries      []*planning.Entry
	Years        []yearView
	// Beyond are the proposals that fit no year of the round.
	Beyond []*planning.Entry
	Moves  []moveView
	// NextYear is the first year whose funding is not recorded, 0 when
	// all are.
	NextYear               int
	CanManage, Participant bool
}

type stageView struct {
	Name     string
	From, To time.Time
}

// yearView is one year of a settled round: its ceiling and what it plans.
type yearView struct {
	Year    int
	Ceiling int64
	Decided bool
	Items   []*planning.Entry
	Planned int64 // the cost of the year's items
	Funded  int64 // of which funded
}

type moveView struct {
	planning.Event
	Title string
}

// Score formats thousandths of a point for the page.
func (d *roundPage) Score(milli int) string { return planning.FormatScore(milli) }

// roundShow is GET /perencanaan/{id}, public.
func (h *handlers) roundShow(w http.ResponseWriter, r *http.Request) {
	rd, ok := h.loadRound(w, r)
	if !ok {
		return
	}
	d, err := h.roundData(r.Context(), r, rd)
	if err != nil {
		h.site.ServerError(w, r, err)
		return
	}
	h.site.Render(w, r, kit.Page{Name: "collab_round", Title: rd.Title, Data: d})
}

func (h *handlers) roundData(ctx context.Context, r *http.Request, rd *planning.Round) (*roundPage, error) {
	d := &roundPage{Round: rd, RegionLabel: h.regionLabel(ctx, rd.RegionCode), Zone: region.Zone(rd.RegionCode),
		Groups: planning.Groups, Participants: map[string]int{}}
	for _, st := range rd.Stages {
		from, _ := time.ParseInLocation(time.DateOnly, st.StartsOn, d.Zone)
		to, _ := time.ParseInLocation(time.DateOnly, st.EndsOn, d.Zone)
		d.Stages = append(d.Stages, stageView{Name: st.Name, From: from, To: to})
	}
	ps, err := h.Rounds.Participants(ctx, rd.ID)
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		d.Participants[p.Group]++
	}
	if d.CanManage, err = h.canManage(ctx, r, rd); err != nil {
		return nil, err
	}
	if u := h.site.User(r); u != nil {
		g, err := h.Rounds.GroupOf(ctx, rd.ID, u.ID)
		if err != nil {
			return nil, err
		}
		d.Participant = g != ""
	}
	if d.Entries, err = h.Rounds.Entries(ctx, rd); err != nil {
		return nil, err
	}
	if rd.Status == planning.StatusSettled {
		d.periodise()
		if err := h.moves(ctx, d); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// periodise groups a settled round's entries by year.
func (d *roundPage) periodise() {
	for _, y := range d.Round.Ceilings {
		yv := yearView{Year: y.Year, Ceiling: y.Ceiling, Decided: y.Decided}
		for _, e := range d.Entries {
			if e.Year == y.Year {
				yv.Items = append(yv.Items, e)
				yv.Planned += e.Cost
				if e.Funded {
					yv.Funded += e.Cost
				}
			}
		}
		d.Years = append(d.Years, yv)
		if !y.Decided && d.NextYear == 0 {
			d.NextYear = y.Year
		}
	}
	for _, e := range d.Entries {
		if e.Year == 0 {
			d.Beyond = append(d.Beyond, e)
		}
	}
}

func (h *handlers) moves(ctx context.Context, d *roundPage) error {
	ms, err := h.Rounds.Moves(ctx, d.Round.ID)
	if err != nil {
		return err
	}
	titles := map[int64]string{}
	for _, e := range d.Entries {
		titles[e.ProposalID] = e.Title
	}
	for _, m := range ms {
		d.Moves = append(d.Moves, moveView{Event: m, Title: titles[m.ProposalID]})
	}
	return nil
}
