package opendata

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/ledger"
)

// Value is one cell: Null, or the field of the column's type.
type Value struct {
	Null bool
	Int  int64
	Str  string
	Time time.Time
	Bool bool
}

// Text is the value as CSV writes it ("" for null).
func (v Value) Text(t Type) string {
	if v.Null {
		return ""
	}
	switch t {
	case Integer:
		return strconv.FormatInt(v.Int, 10)
	case DateTime:
		return v.Time.UTC().Format(ledger.TimeLayout)
	case Boolean:
		return strconv.FormatBool(v.Bool)
	}
	return v.Str
}

// JSON is the value as JSON writes it (nil for null).
func (v Value) JSON(t Type) any {
	if v.Null {
		return nil
	}
	switch t {
	case Integer:
		return v.Int
	case Boolean:
		return v.Bool
	case Decimal:
		return json.Number(v.Str)
	}
	return v.Text(t)
}

// Store reads the data sets from the database.
type Store struct {
	DB *db.DB
}

// Each calls fn with every row of ds, in order, for one organisation
// (orgID) or for all (0). The row slice is reused between calls. Rows come
// from the database as they are read: nothing holds the whole set.
func (s *Store) Each(ctx context.Context, ds *Dataset, orgID int64, fn func(row []Value) error) error {
	q, args := withOrg(ds.rows(s.DB.Dialect), orgID)
	rows, err := s.DB.Query(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("opendata: %s: %w", ds.Name, err)
	}
	defer rows.Close()
	n := len(ds.Columns)
	dst := make([]any, n, n+ds.hidden)
	hidden := make([]int64, ds.hidden)
	for i := range hidden {
		dst = append(dst, &hidden[i])
	}
	ints := make([]sql.NullInt64, n)
	strs := make([]sql.NullString, n)
	times := make([]sql.NullTime, n)
	bools := make([]sql.NullBool, n)
	for i, c := range ds.Columns {
		switch c.Type {
		case Integer:
			dst[i] = &ints[i]
		case DateTime:
			dst[i] = &times[i]
		case Boolean:
			dst[i] = &bools[i]
		default:
			dst[i] = &strs[i]
		}
	}
	row := make([]Value, n)
	for rows.Next() {
		if err := rows.Scan(dst...); err != nil {
			return fmt.Errorf("opendata: %s: %w", ds.Name, err)
		}
		for i, c := range ds.Columns {
			switch c.Type {
			case Integer:
				row[i] = Value{Null: !ints[i].Valid, Int: ints[i].Int64}
			case DateTime:
				row[i] = Value{Null: !times[i].Valid, Time: times[i].Time.UTC()}
			case Boolean:
				row[i] = Value{Null: !bools[i].Valid, Bool: bools[i].Bool}
			default:
				row[i] = Value{Null: !strs[i].Valid, Str: strs[i].String}
			}
		}
		if ds.finish != nil {
			if err := ds.finish(ctx, s, row, hidden); err != nil {
				return fmt.Errorf("opendata: %s: %w", ds.Name, err)
			}
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("opendata: %s: %w", ds.Name, err)
	}
	return nil
}

// Stamp is what tells one state of a data set from another.
type Stamp struct {
	// ETag changes whenever the rows may have changed.
	ETag string
	// Modified is the last change seen; zero when there is no data.
	Modified time.Time
}

// schemaVersion changes the ETags when the columns of the data sets
// change, so that caches do not keep files of the old shape.
const schemaVersion = "2"

// parseTime reads a timestamp as either database writes it as text.
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05.999999999Z07:00",
		time.RFC3339Nano, "2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}
