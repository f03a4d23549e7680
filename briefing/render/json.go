package render

import (
	"encoding/json"
	"io"
	"strings"
	"time"

	"github.com/sitrep-bot/sitrep"
)

// JSONBriefing is the briefing as the evaluation contract and other tools
// read it.
type JSONBriefing struct {
	From         string            `json:"from,omitempty"`
	To           string            `json:"to,omitempty"`
	Incidents    []JSONIncident    `json:"incidents"`
	Developments []JSONDevelopment `json:"developments"`
	AlsoReported []JSONAlso        `json:"also_reported"`
}

// JSONPlace is a place with its coordinates, null when unknown.
type JSONPlace struct {
	Name    string   `json:"name"`
	Admin   string   `json:"admin,omitempty"`
	Country string   `json:"country,omitempty"`
	Lat     *float64 `json:"lat,omitempty"`
	Lon     *float64 `json:"lon,omitempty"`
}

// JSONIncident is one incident story.
type JSONIncident struct {
	ID              int64           `json:"id"`
	Update          bool            `json:"update,omitempty"`
	Headline        string          `json:"headline"`
	Summary         string          `json:"summary"`
	Date            *string         `json:"date"`
	Kind            string          `json:"kind"`
	Place           *JSONPlace      `json:"place"`
	Perpetrator     string          `json:"perpetrator"`
	Perpetrators    []string        `json:"perpetrators"`
	Target          string          `json:"target"`
	Killed          *sitrep.Range   `json:"killed"`
	CiviliansKilled *sitrep.Range   `json:"civilians_killed"`
	ChildrenKilled  *sitrep.Range   `json:"children_killed"`
	WomenKilled     *sitrep.Range   `json:"women_killed,omitempty"`
	FightersKilled  *sitrep.Range   `json:"fighters_killed,omitempty"`
	Wounded         *sitrep.Range   `json:"wounded"`
	Missing         *sitrep.Range   `json:"missing,omitempty"`
	Abducted        *sitrep.Range   `json:"abducted,omitempty"`
	Figures         []sitrep.Figure `json:"figures"`
	Sources         []sitrep.Source `json:"sources"`
	Quote           string          `json:"quote,omitempty"`
}

// JSONDevelopment is one diplomatic development story.
type JSONDevelopment struct {
	ID           int64           `json:"id"`
	Update       bool            `json:"update,omitempty"`
	Headline     string          `json:"headline"`
	Summary      string          `json:"summary"`
	Date         *string         `json:"date"`
	Kind         string          `json:"kind"`
	Participants []sitrep.Person `json:"participants"`
	Countries    []string        `json:"countries"`
	Place        *JSONPlace      `json:"place"`
	Topics       []string        `json:"topics"`
	Sources      []sitrep.Source `json:"sources"`
	Quote        string          `json:"quote,omitempty"`
}

// JSONAlso is a lower-ranked story, one line.
type JSONAlso struct {
	ID       int64           `json:"id"`
	Update   bool            `json:"update,omitempty"`
	Category sitrep.Category `json:"category"`
	Kind     string          `json:"kind"`
	Headline string          `json:"headline"`
	Date     *string         `json:"date"`
	Sources  []sitrep.Source `json:"sources"`
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
	out := JSONBriefing{Incidents: []JSONIncident{}, Developments: []JSONDevelopment{}, AlsoReported: []JSONAlso{}}
	if !b.From.IsZero() {
		out.From = b.From.UTC().Format(time.RFC3339)
	}
	if !b.To.IsZero() {
		out.To = b.To.UTC().Format(time.RFC3339)
	}
	for _, s := range b.Incidents {
		out.Incidents = append(out.Incidents, incidentJSON(s))
	}
	for _, s := range b.Developments {
		out.Developments = append(out.Developments, developmentJSON(s))
	}
	for _, s := range b.AlsoReported {
		out.AlsoReported = append(out.AlsoReported, JSONAlso{
			ID: s.ID, Update: s.Update, Category: s.Category, Kind: s.Kind, Headline: s.Headline,
			Date: date(s.Day), Sources: nonNil(s.Sources),
		})
	}
	return out
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

func incidentJSON(s sitrep.BriefedStory) JSONIncident {
	return JSONIncident{
		ID: s.ID, Update: s.Update, Headline: s.Headline, Summary: s.Summary, Date: date(s.Day), Kind: s.Kind,
		Place: placeJSON(s.Place), Perpetrator: PerpetratorText(s.Perpetrators), Perpetrators: nonNil(s.Perpetrators),
		Target: s.Target, Killed: s.Tolls.Range(sitrep.FigureKilled), CiviliansKilled: s.Tolls.Range(sitrep.FigureCivilians),
		ChildrenKilled: s.Tolls.Range(sitrep.FigureChildren), WomenKilled: s.Tolls.Range(sitrep.FigureWomen),
		FightersKilled: s.Tolls.Range(sitrep.FigureFighters), Wounded: s.Tolls.Range(sitrep.FigureWounded),
		Missing: s.Tolls.Range(sitrep.FigureMissing), Abducted: s.Tolls.Range(sitrep.FigureAbducted),
		Figures: nonNil(s.Tolls.Figures()), Sources: nonNil(s.Sources), Quote: s.Quote,
	}
}

func developmentJSON(s sitrep.BriefedStory) JSONDevelopment {
	return JSONDevelopment{
		ID: s.ID, Update: s.Update, Headline: s.Headline, Summary: s.Summary, Date: date(s.Day), Kind: s.Kind,
		Participants: nonNil(s.Participants), Countries: nonNil(s.Countries), Place: placeJSON(s.Place),
		Topics: nonNil(s.Topics), Sources: nonNil(s.Sources), Quote: s.Quote,
	}
}

func placeJSON(p sitrep.Place) *JSONPlace {
	if p.IsZero() {
		return nil
	}
	out := &JSONPlace{Name: p.Name, Admin: p.Admin, Country: p.Country}
	if p.Lat != 0 || p.Lon != 0 {
		lat, lon := p.Lat, p.Lon
		out.Lat, out.Lon = &lat, &lon
	}
	return out
}

func date(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.DateOnly)
	return &s
}

// nonNil makes empty lists encode as [] rather than null.
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
