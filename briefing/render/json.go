package render

import (
	"encoding/json"
	"io"
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/codec"
)

// JSONBriefing is the briefing as the evaluation contract and other tools
// read it. Its stories have the shape the store keeps them in, without the
// store's own fields.
type JSONBriefing struct {
	From         string        `json:"from,omitempty"`
	To           string        `json:"to,omitempty"`
	Incidents    []codec.Story `json:"incidents"`
	Developments []codec.Story `json:"developments"`
	AlsoReported []JSONAlso    `json:"also_reported"`
	// Unconfirmed lists incidents too weakly told to brief, one line each.
	Unconfirmed []JSONAlso `json:"unconfirmed"`
}

// JSONAlso is a lower-ranked story, one line.
type JSONAlso struct {
	ID       int64           `json:"id"`
	Update   bool            `json:"update,omitempty"`
	Category sitrep.Category `json:"category"`
	Kind     sitrep.Kind     `json:"kind"`
	Headline string          `json:"headline"`
	Date     *string         `json:"date"`
	Sources  []codec.Source  `json:"sources"`
}

// JSON writes the briefing as indented JSON in the evaluation contract.
func JSON(w io.Writer, b sitrep.Briefing) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(ToJSON(b))
}

// ToJSON converts a briefing to its JSON form.
func ToJSON(b sitrep.Briefing) JSONBriefing {
	out := JSONBriefing{Incidents: []codec.Story{}, Developments: []codec.Story{}, AlsoReported: []JSONAlso{}, Unconfirmed: []JSONAlso{}}
	if !b.From.IsZero() {
		out.From = b.From.UTC().Format(time.RFC3339)
	}
	if !b.To.IsZero() {
		out.To = b.To.UTC().Format(time.RFC3339)
	}
	for _, s := range b.Incidents {
		out.Incidents = append(out.Incidents, public(s))
	}
	for _, s := range b.Developments {
		out.Developments = append(out.Developments, public(s))
	}
	for _, s := range b.AlsoReported {
		out.AlsoReported = append(out.AlsoReported, also(s))
	}
	for _, s := range b.Unconfirmed {
		out.Unconfirmed = append(out.Unconfirmed, also(s))
	}
	return out
}

// also is a story's one-line form.
func also(s sitrep.BriefedStory) JSONAlso {
	j := public(s)
	return JSONAlso{
		ID: j.ID, Update: j.Update, Category: s.Category, Kind: j.Kind, Headline: j.Headline,
		Date: j.Date, Sources: j.Sources,
	}
}

func public(s sitrep.BriefedStory) codec.Story {
	j := codec.Public(s.Story)
	j.Update = s.Update
	return j
}
