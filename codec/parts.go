package codec

import (
	"time"

	"github.com/sitrep-bot/sitrep"
)

// Place is a place with its coordinates, omitted when unknown.
type Place struct {
	Name    string   `json:"name"`
	Admin   string   `json:"admin,omitempty"`
	Country string   `json:"country,omitempty"`
	Lat     *float64 `json:"lat,omitempty"`
	Lon     *float64 `json:"lon,omitempty"`
	Key     string   `json:"key,omitempty"`
}

// Person is a participant.
type Person struct {
	Name    string `json:"name"`
	Role    string `json:"role,omitempty"`
	Country string `json:"country,omitempty"`
	Key     string `json:"key,omitempty"`
}

// Source is an article that reports a story.
type Source struct {
	ArticleID string    `json:"article_id,omitempty"`
	Outlet    string    `json:"outlet"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Published time.Time `json:"published"`
}

// Figure is one number as one source gave it.
type Figure struct {
	What         string `json:"what"`
	Value        int    `json:"value,omitempty"`
	Vague        string `json:"vague,omitempty"`
	Qualifier    string `json:"qualifier,omitempty"`
	AttributedTo string `json:"attributed_to,omitempty"`
	Revised      bool   `json:"revised,omitempty"`
	Claim        bool   `json:"claim,omitempty"`
	Outlet       string `json:"outlet,omitempty"`
	URL          string `json:"url,omitempty"`
	Sentence     string `json:"sentence,omitempty"`
}

// placeOf is nil for the zero place.
func placeOf(p sitrep.Place) *Place {
	if p == (sitrep.Place{}) {
		return nil
	}
	out := &Place{Name: p.Name, Admin: p.Admin, Country: p.Country, Key: p.Key}
	if p.Lat != 0 || p.Lon != 0 {
		lat, lon := p.Lat, p.Lon
		out.Lat, out.Lon = &lat, &lon
	}
	return out
}

func (p *Place) place() sitrep.Place {
	if p == nil {
		return sitrep.Place{}
	}
	out := sitrep.Place{Name: p.Name, Admin: p.Admin, Country: p.Country, Key: p.Key}
	if p.Lat != nil {
		out.Lat = *p.Lat
	}
	if p.Lon != nil {
		out.Lon = *p.Lon
	}
	return out
}

func personOf(p sitrep.Person) Person  { return Person(p) }
func (p Person) person() sitrep.Person { return sitrep.Person(p) }
func figureOf(f sitrep.Figure) Figure  { return Figure(f) }
func (f Figure) figure() sitrep.Figure { return sitrep.Figure(f) }
func (s Source) source() sitrep.Source { return sitrep.Source(s) }
func sourceOf(s sitrep.Source) Source {
	out := Source(s)
	out.Published = utc(s.Published)
	return out
}

// utc drops the location (and monotonic reading) so times read back equal
// the times written; the zero time stays zero.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}

// mapSlice converts each element of in with f; nil and empty give nil, as
// the domain types leave empty lists.
func mapSlice[T, U any](in []T, f func(T) U) []U {
	if len(in) == 0 {
		return nil
	}
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

// orNil is nil for an empty list.
func orNil[T any](xs []T) []T {
	if len(xs) == 0 {
		return nil
	}
	return xs
}

// nonNil makes an empty list encode as [] rather than null.
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
