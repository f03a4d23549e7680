package story

import (
	"time"

	"github.com/sitrep-bot/sitrep"
)

// Threshold is the score an event needs to join a story; below it the event
// starts a story of its own.
const Threshold = 3.0

// Score says how well an event fits a story: higher is better, and ok is
// false when something contradicts (another category or kind, a place or day
// too far apart, no shared participant). Scores are comparable across
// candidates, so the best one wins.
func Score(e sitrep.Event, s sitrep.Story) (score float64, ok bool) {
	if e.Category != s.Category || len(s.Reports) == 0 {
		return 0, false
	}
	dayScore, ok := dayFit(e.Day, s.Day)
	if !ok || !withinSpan(e.Day, s.Reports) {
		return 0, false
	}
	if e.Category == sitrep.CategoryDevelopment {
		score, ok = developmentFit(e, s)
	} else {
		score, ok = incidentFit(e, s, dayScore < 1 && !e.Day.IsZero() && !s.Day.IsZero())
	}
	if !ok {
		return 0, false
	}
	score += dayScore
	if sameArticle(e, s) && !clearlySame(e, s) {
		// The extractor kept these apart within one article; trust it.
		return 0, false
	}
	return score, true
}

// dayFit scores two days: the same day, a day apart (reports dated by when
// the news broke), or unknown on one side.
func dayFit(a, b time.Time) (float64, bool) {
	if a.IsZero() || b.IsZero() {
		return 0, true
	}
	switch d := a.Sub(b).Hours() / 24; {
	case d == 0:
		return 1, true
	case d >= -1 && d <= 1:
		return 0.5, true
	}
	return 0, false
}

// withinSpan reports whether a day lies within a day of every dated report,
// so a story's reports never drift apart day by day.
func withinSpan(d time.Time, rs []sitrep.Event) bool {
	if d.IsZero() {
		return true
	}
	for _, r := range rs {
		if _, ok := dayFit(d, r.Day); !ok {
			return false
		}
	}
	return true
}

// incidentFit scores an incident against a story; otherDay says both give
// a day and the days differ.
func incidentFit(e sitrep.Event, s sitrep.Story, otherDay bool) (float64, bool) {
	var score float64
	switch {
	case sameKind(e.Kind, s.Kind):
		score += 1
	case kindsCompatible(e.Kind, s.Kind):
		score += 0.5
	default:
		return 0, false
	}
	switch {
	case e.Place.IsZero() && s.Place.IsZero():
		// Neither report says where: only the same actor doing the same thing.
		if e.Perpetrator == "" || !sameKind(e.Kind, s.Kind) || !hasActor(s.Perpetrators, e.Perpetrator) {
			return 0, false
		}
		score += 1
	case e.Place.IsZero() || s.Place.IsZero():
		return 0, false
	default:
		switch best := bestPlace(e.Place, s); best {
		case placeSame:
			score += 3
		case placeNear:
			score += 2.5
		case placeInside:
			// One report names a region, or a town by its region, the other
			// a place in it: a loose fit that, a day apart and told as
			// another kind, is the next day's attack elsewhere in the
			// province.
			if otherDay && !sameKind(e.Kind, s.Kind) {
				return 0, false
			}
			score += 1
		default:
			return 0, false
		}
	}
	switch {
	case e.Perpetrator == "" || len(s.Perpetrators) == 0:
	case hasActor(s.Perpetrators, e.Perpetrator):
		score += 1
	default:
		// A disputed claim ("Russian or Syrian jets") is kept on the story,
		// but weighs against joining.
		score -= 1
	}
	if e.Target != "" && s.Target != "" && actorKey(e.Target) == actorKey(s.Target) {
		score += 0.5
	}
	return score, true
}

// bestPlace is the strongest relation between a place and any place the
// story's reports give.
func bestPlace(p sitrep.Place, s sitrep.Story) int {
	best := relatePlaces(p, s.Place)
	for _, r := range s.Reports {
		if best == placeSame {
			break
		}
		if !r.Place.IsZero() {
			best = max(best, relatePlaces(p, r.Place))
		}
	}
	return best
}

func hasActor(actors []string, a string) bool {
	k := actorKey(a)
	for _, x := range actors {
		if actorKey(x) == k {
			return true
		}
	}
	return false
}

func developmentFit(e sitrep.Event, s sitrep.Story) (float64, bool) {
	var score float64
	shared := sharedPeople(e.Participants, s.Participants)
	switch {
	case shared > 0:
		score += 2 * float64(min(shared, 2))
	case len(e.Participants) == 0 && len(s.Participants) == 0 &&
		len(e.Countries) > 1 && countriesKey(e.Countries) == countriesKey(s.Countries):
		score += 2
	default:
		return 0, false
	}
	if kindsCompatible(e.Kind, s.Kind) {
		score += 1
	} else {
		score -= 1
	}
	if !e.Place.IsZero() && !s.Place.IsZero() {
		if relatePlaces(e.Place, s.Place) != placeUnrelated {
			score += 1
		} else if level(e.Place) != levelCountry && level(s.Place) != levelCountry {
			score -= 1.5
		}
	}
	return score, true
}

// sameArticle reports whether the story already holds a report from the
// event's article.
func sameArticle(e sitrep.Event, s sitrep.Story) bool {
	for _, r := range s.Reports {
		if r.Source.ArticleID == e.Source.ArticleID && r.Source.ArticleID != "" {
			return true
		}
	}
	return false
}

// clearlySame reports whether an event is plainly another mention of a
// story from its own article: same kind, same place, same day (and, for a
// development, the same people).
func clearlySame(e sitrep.Event, s sitrep.Story) bool {
	if !sameKind(e.Kind, s.Kind) || !e.Day.Equal(s.Day) {
		return false
	}
	if e.Category == sitrep.CategoryDevelopment {
		return sharedPeople(e.Participants, s.Participants) == len(e.Participants) && len(e.Participants) > 0
	}
	if e.Perpetrator != "" && len(s.Perpetrators) > 0 && !hasActor(s.Perpetrators, e.Perpetrator) {
		return false
	}
	return !e.Place.IsZero() && relatePlaces(e.Place, s.Place) == placeSame
}
