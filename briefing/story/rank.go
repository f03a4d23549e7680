package story

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/sitrep-bot/sitrep"
)

// recencyHalfLife is how long a story takes to lose half of its recency weight.
const recencyHalfLife = 24 * time.Hour

// Importance scores a story for ranking: casualties (on a log scale, so a
// hundred dead outranks ten without drowning everything else), civilians
// and children among them, the number of independent outlets reporting it,
// and how recently it was updated.
func Importance(s sitrep.Story, now time.Time) float64 {
	score := 0.0
	if r := s.Tolls.Range(sitrep.FigureKilled); r != nil {
		score += 2 * math.Log1p(float64(r.Max))
	}
	if r := s.Tolls.Range(sitrep.FigureCivilians); r != nil {
		score += math.Log1p(float64(r.Max))
	}
	if r := s.Tolls.Range(sitrep.FigureChildren); r != nil {
		score += 0.5 * math.Log1p(float64(r.Max))
	}
	if r := s.Tolls.Range(sitrep.FigureWounded); r != nil {
		score += 0.5 * math.Log1p(float64(r.Max))
	}
	score += 2 * math.Log1p(float64(len(s.Outlets())))
	if s.Category == sitrep.CategoryDevelopment {
		score += 0.5 * float64(min(len(s.Participants), 4))
	}
	if !s.Updated.IsZero() && !now.IsZero() {
		age := now.Sub(s.Updated)
		if age < 0 {
			age = 0
		}
		score += 3 * math.Exp2(-age.Hours()/recencyHalfLife.Hours())
	}
	return score
}

// Rank sorts stories by importance at now, most important first; ties go
// to the older story so the order is stable.
func Rank(stories []sitrep.Story, now time.Time) {
	for i := range stories {
		stories[i].Score = Importance(stories[i], now)
	}
	slices.SortStableFunc(stories, func(a, b sitrep.Story) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

// Match reports whether a story passes a channel's filter: each non-empty
// field must match (regions against the place's name, region and country;
// kinds; actors against perpetrators, target and participants; keywords
// against headline, summary and the sources' titles).
func Match(f sitrep.Filter, s sitrep.Story) bool {
	if len(f.Regions) > 0 && !anyKeyIn(f.Regions, placeNames(s)) {
		return false
	}
	if len(f.Kinds) > 0 && !slices.ContainsFunc(f.Kinds, func(k string) bool {
		return s.Kind.Named(k) || strings.EqualFold(strings.TrimSpace(k), string(s.Category))
	}) {
		return false
	}
	if len(f.Actors) > 0 && !anyKeyIn(f.Actors, actorNames(s)) {
		return false
	}
	if len(f.Keywords) > 0 {
		text := strings.ToLower(s.Headline + "\n" + s.Summary)
		for _, src := range s.Sources {
			text += "\n" + strings.ToLower(src.Title)
		}
		if !slices.ContainsFunc(f.Keywords, func(k string) bool {
			k = strings.ToLower(strings.TrimSpace(k))
			return k != "" && strings.Contains(text, k)
		}) {
			return false
		}
	}
	return true
}

func placeNames(s sitrep.Story) []string {
	names := []string{s.Place.Name, s.Place.Admin, s.Place.Country}
	for _, r := range s.Reports {
		names = append(names, r.Place.Name, r.Place.Admin, r.Place.Country)
	}
	return names
}

func actorNames(s sitrep.Story) []string {
	names := append([]string{s.Target}, s.Perpetrators...)
	for _, p := range s.Participants {
		names = append(names, p.Name, surname(p.Name))
	}
	return append(names, s.Countries...)
}

// anyKeyIn reports whether any wanted name matches any given name by its
// transliteration key, whole or as the region part ("Idlib" matches
// "Idlib Governorate").
func anyKeyIn(want, have []string) bool {
	keys := map[string]bool{}
	for _, h := range have {
		if h != "" {
			keys[actorKey(h)] = true
			keys[regionKey(h)] = true
		}
	}
	for _, w := range want {
		if k := regionKey(w); k != "" && keys[k] {
			return true
		}
		if k := actorKey(w); k != "" && keys[k] {
			return true
		}
	}
	return false
}
