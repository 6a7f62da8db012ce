package validate

import "errors"

// Refusal is an action refused for a reason the user can read, as opposed
// to input that is wrong field by field (Errors): a second score, a
// proposal already merged. Key is an i18n key; its prefix names the area
// ("round.err.scored"). Domain packages declare their refusals as values
// of this one type, so the web layer answers them all alike.
type Refusal struct{ Key string }

func (r *Refusal) Error() string { return "refused: " + r.Key }

// Refused reports whether err is, or wraps, a Refusal and returns it.
func Refused(err error) (*Refusal, bool) {
	var r *Refusal
	ok := errors.As(err, &r)
	return r, ok
}
