package sitrep

import "time"

// A Story is one real-world event as all its reports describe it. Its facts
// are recomputed from Reports whenever a report joins; the reports themselves
// are never merged or rewritten.
type Story struct {
	ID       int64
	Category Category
	Kind     Kind
	Day      time.Time
	Place    Place

	// Incidents. Perpetrators lists every distinct claim, so conflicting
	// claims are shown rather than silently resolved.
	Perpetrators []string
	Target       string
	Tolls        Tolls // every figure still standing after revisions, by category, with who said it

	// Developments.
	Participants []Person
	Countries    []string
	Topics       []string

	Sources []Source
	Reports []Event // every event grouped here, in arrival order

	Headline string
	Summary  string
	Quote    string // the best source sentence

	// Keys are the blocking keys the story is found by (place, day, actor),
	// so candidate lookup does not scan every story.
	Keys []string
	// FactsHash changes exactly when a reader-visible fact changes, so a
	// briefed story reappears only as an update.
	FactsHash string
	Score     float64 // importance, for ranking
	Created   time.Time
	Updated   time.Time
}

// Outlets returns the distinct outlets that reported the story, in source order.
func (s Story) Outlets() []string {
	seen := map[string]bool{}
	var out []string
	for _, src := range s.Sources {
		if src.Outlet != "" && !seen[src.Outlet] {
			seen[src.Outlet] = true
			out = append(out, src.Outlet)
		}
	}
	return out
}

// A Briefing is what one channel is told at one time: the stories new or
// changed in its window, ranked and filtered.
type Briefing struct {
	From, To     time.Time
	Incidents    []BriefedStory
	Developments []BriefedStory
	AlsoReported []BriefedStory // lower-ranked stories, one line each
	// Unconfirmed holds incidents whose reports are all too weakly told to
	// brief (see Event.Confidence); lookups show them, marked as such.
	Unconfirmed []BriefedStory
}

// A BriefedStory is a story as it appears in one briefing.
type BriefedStory struct {
	Story
	Update bool // briefed before; shown again because its facts changed
}

// Filter narrows what a channel is told. An empty field lets everything through.
type Filter struct {
	GuildID   string
	ChannelID string
	Regions   []string // countries or first-level regions
	Kinds     []string
	Actors    []string
	Keywords  []string
}

// IsZero reports whether the filter lets everything through.
func (f Filter) IsZero() bool {
	return len(f.Regions) == 0 && len(f.Kinds) == 0 && len(f.Actors) == 0 && len(f.Keywords) == 0
}

// Confidence is the confidence of the story's surest report: one outlet
// telling an event clearly is enough.
func (s Story) Confidence() float64 {
	c := 0.0
	for _, r := range s.Reports {
		c = max(c, r.Confidence)
	}
	return c
}
