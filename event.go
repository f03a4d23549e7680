package sitrep

import "time"

// Category separates the two things a briefing reports.
type Category string

const (
	CategoryIncident    Category = "incident"
	CategoryDevelopment Category = "development"
)

// A Place is where an event happened, resolved against the gazetteer when it
// could be. A village the gazetteer lacks keeps its name and takes its
// province's Admin, Country and coordinates.
type Place struct {
	Name    string  `json:"name"`
	Admin   string  `json:"admin,omitempty"` // first-level region, e.g. "Raqqa Governorate"
	Country string  `json:"country,omitempty"`
	Lat     float64 `json:"lat,omitempty"`
	Lon     float64 `json:"lon,omitempty"`
	// Key is the transliteration-aware key two spellings of one place share
	// ("Raqqa", "Raqa", "Ar-Raqqah"). Empty for an unknown place.
	Key string `json:"-"`
}

// IsZero reports whether no place is known.
func (p Place) IsZero() bool { return p.Name == "" && p.Country == "" }

// A Person is a named participant with the title the text gave them.
type Person struct {
	Name    string `json:"name"`
	Role    string `json:"role,omitempty"`
	Country string `json:"country,omitempty"`
	Key     string `json:"-"` // transliteration-aware key: Moualem, Muallem and Moallem share one
}

// Casualty figure categories. The values are the keys of the JSON a
// briefing prints.
const (
	FigureKilled    = "killed"
	FigureCivilians = "civilians_killed"
	FigureChildren  = "children_killed"
	FigureWomen     = "women_killed"
	FigureFighters  = "fighters_killed" // soldiers, fighters, militants
	FigureWounded   = "wounded"
	FigureMissing   = "missing"
	FigureAbducted  = "abducted" // kidnapped, taken hostage
)

// FigureCategories lists the casualty categories in the order a briefing
// gives them.
var FigureCategories = []string{
	FigureKilled, FigureCivilians, FigureChildren, FigureWomen, FigureFighters, FigureWounded, FigureMissing, FigureAbducted,
}

// A Figure is one number as one source gave it, with who gave it.
type Figure struct {
	What         string `json:"what"`            // one of the Figure* categories
	Value        int    `json:"value,omitempty"` // zero when Vague is set
	Vague        string `json:"vague,omitempty"` // "dozens", "scores": kept as words, never a number
	Qualifier    string `json:"qualifier,omitempty"`
	AttributedTo string `json:"attributed_to,omitempty"` // "Syrian Observatory for Human Rights", "an IS fighter"
	Revised      bool   `json:"revised,omitempty"`       // "the toll rose to 95": replaces the same reporter's earlier figure
	Claim        bool   `json:"claim,omitempty"`         // a party's own account of what it did: shown, never a story's range unless it is all there is
	Outlet       string `json:"outlet,omitempty"`
	URL          string `json:"url,omitempty"`
	Sentence     string `json:"-"`
}

// An Event is one incident or diplomatic development as one article reports
// it. Events from many articles are grouped into a Story.
type Event struct {
	ID       string    // stable within its article: article ID plus ordinal
	Category Category  // incident or development
	Kind     Kind      // a row of the kind registry
	Source   Source    // the article that reported it
	Day      time.Time // the day it happened, midnight UTC; zero when the text does not say
	Place    Place

	// Incidents.
	Perpetrator string // canonical actor name, e.g. "Syrian government"
	Target      string
	Figures     []Figure

	// Developments.
	Participants []Person
	Countries    []string
	Topics       []string

	Sentences []string // the text it came from, so a reader can check it
	// Evidence names what the event rests on ("lead", "toll", "town" …),
	// and Confidence, 0..1, is computed from it by the fitted model of
	// briefing/extract/data/confidence.tsv.
	Evidence   []string
	Confidence float64
}
