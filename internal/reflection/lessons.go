package reflection

import (
	"context"

	"lokadaya/internal/lesson"
	"lokadaya/internal/org"
)

// SyncLessons keeps the lessons library in step with a session: when it
// is published, each of its "valuable lesson" findings becomes a
// published lesson resting on the session's page (once); when it is
// withdrawn, those lessons are withdrawn too. It runs after the session's
// own write, and running it again changes nothing more.
func (s *Store) SyncLessons(ctx context.Context, lessons *lesson.Store, actor Actor, o *org.Organization, sess *Session, published bool) error {
	existing, err := lessons.BySource(ctx, lesson.SourceReflection, sess.ID)
	if err != nil {
		return err
	}
	act := lesson.Actor(actor)
	if !published {
		for _, l := range existing {
			if l.Published {
				if err := lessons.Unpublish(ctx, act, l); err != nil {
					return err
				}
			}
		}
		return nil
	}
	byTitle := map[string]*lesson.Lesson{}
	for _, l := range existing {
		byTitle[l.Title] = l
	}
	findings, err := s.Findings(ctx, sess.ID)
	if err != nil {
		return err
	}
	for _, f := range findings {
		if f.Kind != FindingLesson {
			continue
		}
		if l := byTitle[f.Title]; l != nil {
			if !l.Published {
				if err := lessons.Publish(ctx, act, l); err != nil {
					return err
				}
			}
			continue
		}
		if _, err := lessons.Create(ctx, act, lessonOf(o, sess, f)); err != nil {
			return err
		}
	}
	return nil
}

// lessonOf is the library's lesson from a session's finding: stage 7 when
// the session reflects on a cycle, the initiative when it reviewed one.
func lessonOf(o *org.Organization, sess *Session, f *Finding) lesson.Input {
	in := lesson.Input{OrgID: sess.OrgID, Title: f.Title, Body: f.Body, SourceKind: lesson.SourceReflection,
		SourceID: sess.ID, Published: true, Issues: o.FocusIssues,
		Evidence: []lesson.Evidence{{Label: sess.Title, URL: SessionPath(o.Slug, sess.ID)}}}
	if in.Body == "" {
		in.Body = f.Title
	}
	if sess.CycleID != 0 {
		in.Stage = 7
	}
	if len(sess.InitiativeIDs) == 1 {
		in.InitiativeID = sess.InitiativeIDs[0]
	}
	return in
}
