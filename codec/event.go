package codec

import (
	"time"

	"github.com/sitrep-bot/sitrep"
)

// Event is one report of an event, as the store keeps it.
type Event struct {
	ID           string          `json:"id,omitempty"`
	Category     sitrep.Category `json:"category,omitempty"`
	Kind         sitrep.Kind     `json:"kind,omitempty"`
	Source       Source          `json:"source"`
	Day          time.Time       `json:"day"`
	Place        *Place          `json:"place,omitempty"`
	Perpetrator  string          `json:"perpetrator,omitempty"`
	Target       string          `json:"target,omitempty"`
	Figures      []Figure        `json:"figures,omitempty"`
	Participants []Person        `json:"participants,omitempty"`
	Countries    []string        `json:"countries,omitempty"`
	Topics       []string        `json:"topics,omitempty"`
	Sentences    []string        `json:"sentences,omitempty"`
	Evidence     []string        `json:"evidence,omitempty"`
	Confidence   float64         `json:"confidence,omitempty"`
}

// FromEvent is the JSON of an event with every field.
func FromEvent(e sitrep.Event) Event {
	return Event{
		ID:           e.ID,
		Category:     e.Category,
		Kind:         e.Kind,
		Source:       sourceOf(e.Source),
		Day:          utc(e.Day),
		Place:        placeOf(e.Place),
		Perpetrator:  e.Perpetrator,
		Target:       e.Target,
		Figures:      mapSlice(e.Figures, figureOf),
		Participants: mapSlice(e.Participants, personOf),
		Countries:    orNil(e.Countries),
		Topics:       orNil(e.Topics),
		Sentences:    orNil(e.Sentences),
		Evidence:     orNil(e.Evidence),
		Confidence:   e.Confidence,
	}
}

// Event is the event j encodes.
func (j Event) Event() sitrep.Event {
	return sitrep.Event{
		ID:           j.ID,
		Category:     j.Category,
		Kind:         j.Kind,
		Source:       j.Source.source(),
		Day:          j.Day,
		Place:        j.Place.place(),
		Perpetrator:  j.Perpetrator,
		Target:       j.Target,
		Figures:      mapSlice(j.Figures, Figure.figure),
		Participants: mapSlice(j.Participants, Person.person),
		Countries:    orNil(j.Countries),
		Topics:       orNil(j.Topics),
		Sentences:    orNil(j.Sentences),
		Evidence:     orNil(j.Evidence),
		Confidence:   j.Confidence,
	}
}
