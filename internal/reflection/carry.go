package reflection

import (
	"context"
	"strings"
	"time"

	"lokadaya/internal/cycle"
	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
)

// CarryInto starts the organisation's next cycle (toCycleID) from the
// latest session held for the cycle it closed (fromCycleID): each "new
// initiative" finding that has not opened one yet opens a draft
// initiative there, all in one transaction. It returns the session (nil
// when none was held for that cycle) and how many drafts it opened;
// running it again opens nothing twice.
func (s *Store) CarryInto(ctx context.Context, actor Actor, orgID, fromCycleID, toCycleID int64) (*Session, int, error) {
	sess, err := s.Latest(ctx, orgID, fromCycleID)
	if err == db.ErrNotFound {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, err
	}
	findings, err := s.Findings(ctx, sess.ID)
	if err != nil {
		return nil, 0, err
	}
	opened := 0
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		for _, f := range findings {
			if f.Kind != FindingNewInitiative || f.InitiativeID != 0 {
				continue
			}
			if _, err := openInitiative(ctx, tx, actor, f.ID, toCycleID); err != nil {
				return err
			}
			opened++
		}
		return nil
	})
	return sess, opened, err
}

// Starting is the text a next cycle's answers start from, in the
// organisation's language: the session's new initiatives, fundamental
// changes and recommendations, and the open actions of its plan. The
// organisation edits it like any answer.
func Starting(l i18n.Lang, sess *Session, findings []*Finding, actions []*Action) (interventions, structure string) {
	var iv, st strings.Builder
	head := i18n.T(l, "reflection.carry.from", sess.Title, dayText(l, sess.HeldOn)) + "\n"
	for _, f := range findings {
		switch f.Kind {
		case FindingNewInitiative, FindingRecommendation:
			line := "- " + f.Title
			if f.AddressedTo != "" {
				line += " (" + i18n.T(l, "reflection.carry.to", f.AddressedTo) + ")"
			}
			iv.WriteString(line + "\n")
		case FindingFundamentalChange:
			st.WriteString("- " + f.Title + "\n")
		}
	}
	for _, a := range actions {
		if a.Open() {
			iv.WriteString("- " + i18n.T(l, "reflection.carry.action", a.What, a.OwnerName, dayText(l, a.DueOn)) + "\n")
		}
	}
	if iv.Len() > 0 {
		interventions = head + iv.String()
	}
	if st.Len() > 0 {
		structure = head + st.String()
	}
	return interventions, structure
}

// StartingKeys are the next cycle's stage 1 questions a session's
// outcome prefills: its interventions, and its policy and structure.
const (
	KeyInterventions = "1.intervensi"
	KeyStructure     = "1.kebijakan-struktur"
)

// StartNextCycle starts the organisation's new cycle next from the latest
// session held for the cycle it closed (from): CarryInto opens the drafts
// of its new initiatives, and the session's outcome and open actions are
// written above the carried answers of the interventions and the policy
// questions, as a new version the organisation edits like any other. It
// returns the session (nil when none was held) and the drafts opened.
func (s *Store) StartNextCycle(ctx context.Context, actor Actor, cycles *cycle.Store, orgID, from int64, next *cycle.Cycle) (*Session, int, error) {
	sess, opened, err := s.CarryInto(ctx, actor, orgID, from, next.ID)
	if err != nil || sess == nil {
		return sess, opened, err
	}
	findings, err := s.Findings(ctx, sess.ID)
	if err != nil {
		return sess, opened, err
	}
	actions, err := s.SessionActions(ctx, sess.ID)
	if err != nil {
		return sess, opened, err
	}
	iv, st := Starting(i18n.ID, sess, findings, actions)
	for key, text := range map[string]string{KeyInterventions: iv, KeyStructure: st} {
		if text == "" {
			continue
		}
		base, body := 0, ""
		latest, err := cycles.LatestAnswer(ctx, next.ID, key)
		if err != nil && err != db.ErrNotFound {
			return sess, opened, err
		}
		if latest != nil {
			if strings.Contains(latest.Body, text) {
				continue // already started from this session
			}
			base, body = latest.Version, latest.Body
		}
		if body != "" {
			text += "\n" + body
		}
		if _, err := cycles.SaveAnswer(ctx, next.ID, key, text, base, cycle.Actor{ID: actor.ID, Name: actor.Name}); err != nil {
			return sess, opened, err
		}
	}
	return sess, opened, nil
}

// dayText writes a stored day as people read it ("10 November 2026").
func dayText(l i18n.Lang, day string) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return i18n.Date(l, t, time.UTC)
}
