package qris

import (
	"errors"
	"slices"
	"strconv"
	"strings"
)

// MaxAmount is the largest amount tag 54 can carry: 13 digits.
const MaxAmount int64 = 9999999999999

// Dynamic builds the dynamic QRIS for one payment of amount rupiah from the
// organisation's static payload. It works on data objects, never on the text:
// tag 01 becomes "12"; tag 54 carries the amount as whole digits; any tip
// or convenience fee (tags 55, 56, 57) is dropped so the payer pays exactly
// the amount; the objects are written in ascending ID order, which puts 54
// before 58; tag 63 is recomputed and written last. static is not changed.
func Dynamic(static *Payload, amount int64) (string, error) {
	if amount <= 0 || amount > MaxAmount {
		return "", newErr(ErrAmountRange, "%d", amount)
	}
	if static == nil || len(static.Objects) == 0 {
		return "", errors.New("qris: dynamic: no static payload")
	}
	objs := make([]Object, 0, len(static.Objects)+2)
	hasPOI := false
	for _, o := range static.Objects {
		switch o.ID {
		case "54", "55", "56", "57", "63":
			continue
		case "01":
			o = Object{ID: "01", Value: PointDynamic}
			hasPOI = true
		}
		objs = append(objs, o)
	}
	if !hasPOI {
		objs = append(objs, Object{ID: "01", Value: PointDynamic})
	}
	objs = append(objs, Object{ID: "54", Value: strconv.FormatInt(amount, 10)})
	// Stable, so a payload that was valid keeps its meaning; tag 63 is
	// excluded above because it must close the payload even after 64–99.
	slices.SortStableFunc(objs, func(a, b Object) int { return strings.Compare(a.ID, b.ID) })
	return encode(objs)
}

// encode writes objects and closes them with tag 63. Template values are
// written as they were read, so their sub-objects keep their exact bytes.
func encode(objs []Object) (string, error) {
	var b strings.Builder
	for _, o := range objs {
		if err := appendTLV(&b, o.ID, o.Value); err != nil {
			return "", err
		}
	}
	b.WriteString("6304")
	b.WriteString(crcHex(b.String()))
	return b.String(), nil
}
