package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// timeLayout is RFC 3339 at a fixed width, so that in UTC text order is time
// order and range queries can use an index.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

var (
	minTime = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	maxTime = time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)
)

// fmtTime formats t in UTC at a fixed width. Years past 9999 are clamped,
// since the layout has four digits for the year.
func fmtTime(t time.Time) string {
	t = t.UTC()
	if t.Before(minTime) {
		t = minTime
	} else if t.After(maxTime) {
		t = maxTime
	}
	return t.Format(timeLayout)
}

// dbTime is t as stored: NULL for the zero time.
func dbTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return fmtTime(t)
}

// parseTime reads a time column; NULL or ” is the zero time.
func parseTime(ns sql.NullString) (time.Time, error) {
	if !ns.Valid || ns.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, ns.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("store: bad time %q in database: %w", ns.String, err)
	}
	return t.UTC(), nil
}

// timeCol scans a time column into a time.Time.
type timeCol struct{ t *time.Time }

func (c timeCol) Scan(v any) error {
	var ns sql.NullString
	if err := ns.Scan(v); err != nil {
		return err
	}
	t, err := parseTime(ns)
	*c.t = t
	return err
}

// jsonCol scans a JSON column into v, which must be a pointer to a zero value.
type jsonCol struct{ v any }

func (c jsonCol) Scan(src any) error {
	var b []byte
	switch x := src.(type) {
	case nil:
		return nil
	case string:
		b = []byte(x)
	case []byte:
		b = x
	default:
		return fmt.Errorf("store: JSON column holds %T", src)
	}
	switch string(b) {
	case "", "null", "[]", "{}":
		return nil // empty lists and maps read back as nil, as the domain types leave them
	}
	if err := json.Unmarshal(b, c.v); err != nil {
		return fmt.Errorf("store: bad JSON in database: %w", err)
	}
	return nil
}

// toJSON marshals v for a JSON column; a nil slice is stored as [].
func toJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("store: encode: %w", err)
	}
	if string(b) == "null" {
		return "[]", nil
	}
	return string(b), nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// utc drops the location (and monotonic reading) so times read back equal
// the times stored; the zero time stays zero.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}
