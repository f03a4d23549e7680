package briefing

import (
	"context"
	"fmt"
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/story"
)

// A Window says which stories one briefing covers and how many it shows in
// full.
type Window struct {
	// From and To bound when the stories were last updated: [From, To).
	From, To time.Time
	// All takes every story the store holds, whenever updated: for a
	// throw-away store that holds only the window's articles.
	All    bool
	Filter sitrep.Filter
	// Briefed maps each story already briefed to the FactsHash it had then;
	// such a story is shown again only when its facts changed, as an update.
	Briefed map[int64]string
	// MaxIncidents and MaxDevelopments cap the stories shown in full; the
	// rest are listed under "Also reported". Zero means no cap.
	MaxIncidents    int
	MaxDevelopments int
	// MinConfidence is the confidence an incident story's surest report
	// needs to be briefed; those below are listed as unconfirmed. Compose
	// fills in the extraction model's threshold when it is zero.
	MinConfidence float64
}

// endOfTime bounds "every story" for stores that compare times as text.
var endOfTime = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// Compose builds the briefing for a window: the stories updated in it that
// pass the filter and are new or changed since last briefed, ranked by
// importance, incidents and developments apart, lower-ranked ones one line
// each.
func (n *Newsroom) Compose(ctx context.Context, w Window) (sitrep.Briefing, error) {
	from, to := w.From, w.To
	if w.All {
		from, to = time.Time{}, endOfTime
	}
	stories, err := n.stories.StoriesUpdated(ctx, from, to)
	if err != nil {
		return sitrep.Briefing{}, fmt.Errorf("briefing: compose: %w", err)
	}
	ref := w.To
	if ref.IsZero() {
		ref = n.now()
	}
	if w.MinConfidence == 0 {
		w.MinConfidence = n.confirmed
	}
	return Select(stories, w, ref), nil
}

// Select is Compose on stories already loaded: filter, drop what was
// briefed unchanged, rank at ref, and split into sections.
func Select(stories []sitrep.Story, w Window, ref time.Time) sitrep.Briefing {
	b := sitrep.Briefing{From: w.From, To: w.To}
	var kept []sitrep.Story
	for _, s := range stories {
		if len(s.Reports) == 0 || len(s.Sources) == 0 || !story.Match(w.Filter, s) {
			continue
		}
		if h, ok := w.Briefed[s.ID]; ok && h == s.FactsHash {
			continue
		}
		kept = append(kept, s)
	}
	story.Rank(kept, ref)
	for _, s := range kept {
		_, briefed := w.Briefed[s.ID]
		bs := sitrep.BriefedStory{Story: s, Update: briefed}
		switch {
		case s.Category != sitrep.CategoryDevelopment && s.Confidence() < w.MinConfidence:
			b.Unconfirmed = append(b.Unconfirmed, bs)
		case s.Category == sitrep.CategoryDevelopment && (w.MaxDevelopments == 0 || len(b.Developments) < w.MaxDevelopments):
			b.Developments = append(b.Developments, bs)
		case s.Category != sitrep.CategoryDevelopment && (w.MaxIncidents == 0 || len(b.Incidents) < w.MaxIncidents):
			b.Incidents = append(b.Incidents, bs)
		default:
			b.AlsoReported = append(b.AlsoReported, bs)
		}
	}
	return b
}
