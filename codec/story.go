package codec

import (
	"strings"
	"time"

	"github.com/sitrep-bot/sitrep"
)

// Story is the JSON of a story. Incident and Development hold the fields of
// each category; a briefing prints the story's own, the store keeps both.
type Story struct {
	ID       int64           `json:"id"`
	Update   bool            `json:"update,omitempty"` // briefed before; set by the briefing
	Category sitrep.Category `json:"category,omitempty"`
	Headline string          `json:"headline"`
	Summary  string          `json:"summary"`
	Date     *string         `json:"date"` // the day it happened, null when not known
	Kind     sitrep.Kind     `json:"kind"`
	Place    *Place          `json:"place"`
	*Incident
	*Development
	Sources []Source `json:"sources"`
	Quote   string   `json:"quote,omitempty"`

	// Kept by the store only.
	Reports []Event  `json:"reports,omitempty"`
	Keys    []string `json:"keys,omitempty"`
}

// Incident is what a story of an incident says: who, against whom, and
// the casualty range of each figure category (the contract's four always,
// null when not given; the others when given), with every figure.
type Incident struct {
	Perpetrator     string        `json:"perpetrator"` // the claims as one string
	Perpetrators    []string      `json:"perpetrators"`
	Target          string        `json:"target"`
	Killed          *sitrep.Range `json:"killed"`
	CiviliansKilled *sitrep.Range `json:"civilians_killed"`
	ChildrenKilled  *sitrep.Range `json:"children_killed"`
	WomenKilled     *sitrep.Range `json:"women_killed,omitempty"`
	FightersKilled  *sitrep.Range `json:"fighters_killed,omitempty"`
	Wounded         *sitrep.Range `json:"wounded"`
	Missing         *sitrep.Range `json:"missing,omitempty"`
	Abducted        *sitrep.Range `json:"abducted,omitempty"`
	Figures         []Figure      `json:"figures"`
}

// Development is who took part in a diplomatic development and what about.
type Development struct {
	Participants []Person `json:"participants"`
	Countries    []string `json:"countries"`
	Topics       []string `json:"topics"`
}

// ranges maps each figure category to its field.
func (in *Incident) ranges() map[string]**sitrep.Range {
	return map[string]**sitrep.Range{
		sitrep.FigureKilled: &in.Killed, sitrep.FigureCivilians: &in.CiviliansKilled,
		sitrep.FigureChildren: &in.ChildrenKilled, sitrep.FigureWomen: &in.WomenKilled,
		sitrep.FigureFighters: &in.FightersKilled, sitrep.FigureWounded: &in.Wounded,
		sitrep.FigureMissing: &in.Missing, sitrep.FigureAbducted: &in.Abducted,
	}
}

// FromStory is the JSON of a story with every field, as the store keeps it.
func FromStory(s sitrep.Story) Story {
	return Story{
		ID:          s.ID,
		Category:    s.Category,
		Headline:    s.Headline,
		Summary:     s.Summary,
		Date:        date(s.Day),
		Kind:        s.Kind,
		Place:       placeOf(s.Place),
		Incident:    incidentOf(s),
		Development: developmentOf(s),
		Sources:     nonNil(mapSlice(s.Sources, sourceOf)),
		Quote:       s.Quote,
		Reports:     mapSlice(s.Reports, FromEvent),
		Keys:        orNil(s.Keys),
	}
}

// Public is the JSON of a story as a briefing prints it: its category's
// fields, without what only the store needs.
func Public(s sitrep.Story) Story {
	j := FromStory(s)
	j.Category, j.Reports, j.Keys = "", nil, nil
	if s.Place.IsZero() {
		j.Place = nil
	} else {
		j.Place.Key = ""
	}
	for i := range j.Sources {
		j.Sources[i].ArticleID = ""
	}
	if s.Category == sitrep.CategoryDevelopment {
		j.Incident = nil
		for i := range j.Participants {
			j.Participants[i].Key = ""
		}
	} else {
		j.Development = nil
		for i := range j.Figures {
			j.Figures[i].Sentence = ""
		}
	}
	return j
}

func incidentOf(s sitrep.Story) *Incident {
	in := &Incident{
		Perpetrator:  PerpetratorText(s.Perpetrators),
		Perpetrators: nonNil(s.Perpetrators),
		Target:       s.Target,
		Figures:      nonNil(mapSlice(s.Tolls.Figures(), figureOf)),
	}
	for what, field := range in.ranges() {
		*field = s.Tolls.Range(what)
	}
	return in
}

func developmentOf(s sitrep.Story) *Development {
	return &Development{
		Participants: nonNil(mapSlice(s.Participants, personOf)),
		Countries:    nonNil(s.Countries),
		Topics:       nonNil(s.Topics),
	}
}

// Story is the story j encodes. Its day is read from the date; the store
// keeps the exact time, its score and timestamps in columns of their own.
func (j Story) Story() sitrep.Story {
	s := sitrep.Story{
		ID:       j.ID,
		Category: j.Category,
		Kind:     j.Kind,
		Place:    j.Place.place(),
		Sources:  mapSlice(j.Sources, Source.source),
		Reports:  mapSlice(j.Reports, Event.Event),
		Headline: j.Headline,
		Summary:  j.Summary,
		Quote:    j.Quote,
		Keys:     orNil(j.Keys),
	}
	if j.Date != nil {
		s.Day, _ = time.Parse(time.DateOnly, *j.Date) // a bad date reads as unknown
	}
	if in := j.Incident; in != nil {
		s.Perpetrators = orNil(in.Perpetrators)
		s.Target = in.Target
		s.Tolls = in.tolls()
	}
	if d := j.Development; d != nil {
		s.Participants = mapSlice(d.Participants, Person.person)
		s.Countries = orNil(d.Countries)
		s.Topics = orNil(d.Topics)
	}
	return s
}

// tolls groups the figures by category, each with the range given for it
// or else the range its numbers span.
func (in *Incident) tolls() sitrep.Tolls {
	ts := sitrep.TollsOf(mapSlice(in.Figures, Figure.figure))
	for what, field := range in.ranges() {
		if r := *field; r != nil {
			if ts == nil {
				ts = sitrep.Tolls{}
			}
			t := ts[what]
			t.Range = *r
			ts[what] = t
		}
	}
	return ts
}

// PerpetratorText is the perpetrator claims as one string: "Syrian
// government", or "Russia / Syrian government (disputed)".
func PerpetratorText(claims []string) string {
	switch len(claims) {
	case 0:
		return ""
	case 1:
		return claims[0]
	}
	return strings.Join(claims, " / ") + " (disputed)"
}

func date(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.DateOnly)
	return &s
}
