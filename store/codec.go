package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/sitrep-bot/sitrep"
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

// The domain types hide some fields from JSON (keys, article IDs, source
// sentences) because briefings must not print them; the store must keep
// them. These mirrors carry every field. The ones for flat types convert
// directly, so adding a field to the domain type without its mirror fails to
// compile.

type placeJSON struct {
	Name    string  `json:"name,omitempty"`
	Admin   string  `json:"admin,omitempty"`
	Country string  `json:"country,omitempty"`
	Lat     float64 `json:"lat,omitempty"`
	Lon     float64 `json:"lon,omitempty"`
	Key     string  `json:"key,omitempty"`
}

type personJSON struct {
	Name    string `json:"name,omitempty"`
	Role    string `json:"role,omitempty"`
	Country string `json:"country,omitempty"`
	Key     string `json:"key,omitempty"`
}

type sourceJSON struct {
	ArticleID string    `json:"article_id,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Title     string    `json:"title,omitempty"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published"`
}

type figureJSON struct {
	What         string `json:"what,omitempty"`
	Value        int    `json:"value,omitempty"`
	Vague        string `json:"vague,omitempty"`
	Qualifier    string `json:"qualifier,omitempty"`
	AttributedTo string `json:"attributed_to,omitempty"`
	Revised      bool   `json:"revised,omitempty"`
	Outlet       string `json:"outlet,omitempty"`
	URL          string `json:"url,omitempty"`
	Sentence     string `json:"sentence,omitempty"`
}

type eventJSON struct {
	ID           string          `json:"id,omitempty"`
	Category     sitrep.Category `json:"category,omitempty"`
	Kind         string          `json:"kind,omitempty"`
	Source       sourceJSON      `json:"source"`
	Day          time.Time       `json:"day"`
	Place        placeJSON       `json:"place"`
	Perpetrator  string          `json:"perpetrator,omitempty"`
	Target       string          `json:"target,omitempty"`
	Figures      []figureJSON    `json:"figures,omitempty"`
	Participants []personJSON    `json:"participants,omitempty"`
	Countries    []string        `json:"countries,omitempty"`
	Topics       []string        `json:"topics,omitempty"`
	Sentences    []string        `json:"sentences,omitempty"`
	Confidence   float64         `json:"confidence,omitempty"`
}

// storyJSON is the part of a story kept in the data column; the queried
// fields are columns of their own.
type storyJSON struct {
	Place        placeJSON     `json:"place"`
	Perpetrators []string      `json:"perpetrators,omitempty"`
	Target       string        `json:"target,omitempty"`
	Killed       *sitrep.Range `json:"killed,omitempty"`
	Civilians    *sitrep.Range `json:"civilians,omitempty"`
	Children     *sitrep.Range `json:"children,omitempty"`
	Women        *sitrep.Range `json:"women,omitempty"`
	Fighters     *sitrep.Range `json:"fighters,omitempty"`
	Wounded      *sitrep.Range `json:"wounded,omitempty"`
	Missing      *sitrep.Range `json:"missing,omitempty"`
	Abducted     *sitrep.Range `json:"abducted,omitempty"`
	Figures      []figureJSON  `json:"figures,omitempty"`
	Participants []personJSON  `json:"participants,omitempty"`
	Countries    []string      `json:"countries,omitempty"`
	Topics       []string      `json:"topics,omitempty"`
	Sources      []sourceJSON  `json:"sources,omitempty"`
	Reports      []eventJSON   `json:"reports,omitempty"`
	Headline     string        `json:"headline,omitempty"`
	Summary      string        `json:"summary,omitempty"`
	Quote        string        `json:"quote,omitempty"`
	Keys         []string      `json:"keys,omitempty"`
}

// mapSlice converts each element of in with f; nil stays nil.
func mapSlice[T, U any](in []T, f func(T) U) []U {
	if in == nil {
		return nil
	}
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

func sourceToJSON(s sitrep.Source) sourceJSON {
	j := sourceJSON(s)
	j.Published = utc(j.Published)
	return j
}
func sourceFromJSON(j sourceJSON) sitrep.Source { return sitrep.Source(j) }
func figureToJSON(f sitrep.Figure) figureJSON   { return figureJSON(f) }
func figureFromJSON(j figureJSON) sitrep.Figure { return sitrep.Figure(j) }
func personToJSON(p sitrep.Person) personJSON   { return personJSON(p) }
func personFromJSON(j personJSON) sitrep.Person { return sitrep.Person(j) }

// utc drops the location (and monotonic reading) so times read back equal
// the times stored; the zero time stays zero.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}

func eventToJSON(e sitrep.Event) eventJSON {
	return eventJSON{
		ID:           e.ID,
		Category:     e.Category,
		Kind:         e.Kind,
		Source:       sourceToJSON(e.Source),
		Day:          utc(e.Day),
		Place:        placeJSON(e.Place),
		Perpetrator:  e.Perpetrator,
		Target:       e.Target,
		Figures:      mapSlice(e.Figures, figureToJSON),
		Participants: mapSlice(e.Participants, personToJSON),
		Countries:    e.Countries,
		Topics:       e.Topics,
		Sentences:    e.Sentences,
		Confidence:   e.Confidence,
	}
}

func eventFromJSON(j eventJSON) sitrep.Event {
	return sitrep.Event{
		ID:           j.ID,
		Category:     j.Category,
		Kind:         j.Kind,
		Source:       sourceFromJSON(j.Source),
		Day:          j.Day,
		Place:        sitrep.Place(j.Place),
		Perpetrator:  j.Perpetrator,
		Target:       j.Target,
		Figures:      mapSlice(j.Figures, figureFromJSON),
		Participants: mapSlice(j.Participants, personFromJSON),
		Countries:    j.Countries,
		Topics:       j.Topics,
		Sentences:    j.Sentences,
		Confidence:   j.Confidence,
	}
}

func storyToJSON(s *sitrep.Story) storyJSON {
	return storyJSON{
		Place:        placeJSON(s.Place),
		Perpetrators: s.Perpetrators,
		Target:       s.Target,
		Killed:       s.Tolls.Range(sitrep.FigureKilled),
		Civilians:    s.Tolls.Range(sitrep.FigureCivilians),
		Children:     s.Tolls.Range(sitrep.FigureChildren),
		Women:        s.Tolls.Range(sitrep.FigureWomen),
		Fighters:     s.Tolls.Range(sitrep.FigureFighters),
		Wounded:      s.Tolls.Range(sitrep.FigureWounded),
		Missing:      s.Tolls.Range(sitrep.FigureMissing),
		Abducted:     s.Tolls.Range(sitrep.FigureAbducted),
		Figures:      mapSlice(s.Tolls.Figures(), figureToJSON),
		Participants: mapSlice(s.Participants, personToJSON),
		Countries:    s.Countries,
		Topics:       s.Topics,
		Sources:      mapSlice(s.Sources, sourceToJSON),
		Reports:      mapSlice(s.Reports, eventToJSON),
		Headline:     s.Headline,
		Summary:      s.Summary,
		Quote:        s.Quote,
		Keys:         s.Keys,
	}
}

// fill sets the story fields kept in the data column.
func (j storyJSON) fill(s *sitrep.Story) {
	s.Place = sitrep.Place(j.Place)
	s.Perpetrators = j.Perpetrators
	s.Target = j.Target
	s.Tolls = sitrep.TollsOf(mapSlice(j.Figures, figureFromJSON))
	for what, r := range map[string]*sitrep.Range{
		sitrep.FigureKilled: j.Killed, sitrep.FigureCivilians: j.Civilians, sitrep.FigureChildren: j.Children,
		sitrep.FigureWomen: j.Women, sitrep.FigureFighters: j.Fighters, sitrep.FigureWounded: j.Wounded,
		sitrep.FigureMissing: j.Missing, sitrep.FigureAbducted: j.Abducted,
	} {
		if r == nil {
			continue
		}
		if s.Tolls == nil {
			s.Tolls = sitrep.Tolls{}
		}
		t := s.Tolls[what]
		t.Range = *r
		s.Tolls[what] = t
	}
	s.Participants = mapSlice(j.Participants, personFromJSON)
	s.Countries = j.Countries
	s.Topics = j.Topics
	s.Sources = mapSlice(j.Sources, sourceFromJSON)
	s.Reports = mapSlice(j.Reports, eventFromJSON)
	s.Headline, s.Summary, s.Quote = j.Headline, j.Summary, j.Quote
	s.Keys = j.Keys
}
