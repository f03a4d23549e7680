package story

import (
	"sort"
	"strings"

	"github.com/sitrep-bot/sitrep"
)

// Blocking keys. A story is stored under the keys of all its reports; a new
// event looks itself up under its lookup keys, which are a superset of its
// own storage keys, so every story it could join shares at least one key
// while the lookup touches only stories near it in place, people and time.

// storageKeys are the keys one report files its story under.
func storageKeys(e sitrep.Event) []string {
	var ks []string
	if e.Category == sitrep.CategoryDevelopment {
		for _, p := range e.Participants {
			if k := personKey(p); k != "" {
				ks = append(ks, "d:n:"+surnameKey(k))
			}
			if o := officeKey(p); o != "" {
				ks = append(ks, "d:o:"+o)
			}
		}
		if len(ks) == 0 {
			ks = append(ks, "d:c:"+countriesKey(e.Countries)+"|"+string(e.Kind.Family()))
		}
		return dedupe(ks)
	}
	if e.Place.IsZero() {
		return []string{"i:x:" + actorKey(e.Perpetrator) + "|" + string(e.Kind.Family())}
	}
	ks = append(ks, "i:p:"+placeKey(e.Place))
	if r := regionOf(e.Place); r != "" {
		ks = append(ks, "i:a:"+r)
	}
	if hasCoords(e.Place) {
		ks = append(ks, cellKey(cell(e.Place.Lat, e.Place.Lon)))
	}
	return dedupe(ks)
}

// LookupKeys are the blocking keys under which the stories an event might
// join are found.
func LookupKeys(e sitrep.Event) []string {
	if e.Category == sitrep.CategoryDevelopment || e.Place.IsZero() {
		return storageKeys(e)
	}
	p := e.Place
	ks := []string{"i:p:" + placeKey(p)}
	if p.Admin != "" {
		// The region itself, or a city named like it.
		ks = append(ks, "i:p:"+regionKey(p.Admin))
	}
	if l := level(p); l == levelRegion || isCapitalOf(p) {
		// Everything inside the region.
		ks = append(ks, "i:a:"+regionKey(p.Name))
	}
	if hasCoords(p) {
		i, j := cell(p.Lat, p.Lon)
		for di := -1; di <= 1; di++ {
			for dj := -1; dj <= 1; dj++ {
				ks = append(ks, cellKey(i+di, j+dj))
			}
		}
	}
	return dedupe(ks)
}

// storyKeys are the keys a story is stored under: those of all its reports.
func storyKeys(reports []sitrep.Event) []string {
	var ks []string
	for _, r := range reports {
		ks = append(ks, storageKeys(r)...)
	}
	return dedupe(ks)
}

func countriesKey(cs []string) string {
	ks := make([]string, 0, len(cs))
	for _, c := range cs {
		ks = append(ks, actorKey(c))
	}
	sort.Strings(ks)
	return strings.Join(ks, ",")
}

// dedupe sorts and removes repeats, so keys compare and store stably.
func dedupe(ss []string) []string {
	sort.Strings(ss)
	out := ss[:0]
	for i, s := range ss {
		if s != "" && (i == 0 || s != ss[i-1]) {
			out = append(out, s)
		}
	}
	return out
}
