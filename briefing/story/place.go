package story

import (
	"math"
	"strconv"
	"strings"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/translit"
)

// Place levels, most specific last.
const (
	levelNone = iota
	levelCountry
	levelRegion
	levelLocal // a city, town, village or site
)

// nearKm is how close two places' coordinates must be to count as one
// place: a city and its suburbs, or two spellings the gazetteer resolved to
// neighbouring entries.
const nearKm = 8.0

// placeKey is the key of a place: its own Key when the gazetteer set one,
// else the transliteration key of its name without a level word.
func placeKey(p sitrep.Place) string {
	if p.Key != "" && !hasLevelWord(p.Name) {
		return p.Key
	}
	if p.Name != "" {
		return regionKey(p.Name)
	}
	return regionKey(p.Country)
}

// level says whether a place is a country, a first-level region, or
// something smaller.
func level(p sitrep.Place) int {
	switch {
	case p.IsZero():
		return levelNone
	case p.Name == "" || p.Name == p.Country || translit.Key(p.Name) == translit.Key(p.Country):
		return levelCountry
	case hasLevelWord(p.Name) || p.Admin != "" && translit.Key(p.Name) == translit.Key(p.Admin):
		return levelRegion
	}
	return levelLocal
}

// hasLevelWord reports whether a name says it is a region ("Idlib province").
func hasLevelWord(name string) bool {
	for w := range strings.FieldsSeq(name) {
		if isLevelWord(w) {
			return true
		}
	}
	return false
}

// isLevelWord reports whether one word of a name is a level word. It
// lower-cases ASCII words on the stack: it runs for every place of every
// report each time a story is reconciled.
func isLevelWord(w string) bool {
	w = strings.Trim(w, ".,")
	var buf [24]byte
	if len(w) > len(buf) {
		return tables.levelWords[strings.ToLower(w)]
	}
	for i := range len(w) {
		c := w[i]
		if c >= 0x80 {
			return tables.levelWords[strings.ToLower(w)]
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return tables.levelWords[string(buf[:len(w)])]
}

// regionOf is the key of the region a place lies in or is.
func regionOf(p sitrep.Place) string {
	if p.Admin != "" {
		return regionKey(p.Admin)
	}
	if level(p) == levelRegion {
		return regionKey(p.Name)
	}
	return ""
}

// Place relations, from strongest to none.
const (
	placeUnrelated = iota
	placeInside    // one is a region, the other lies in it
	placeNear      // a few km apart
	placeSame
)

// relatePlaces says how two known places relate.
func relatePlaces(a, b sitrep.Place) int {
	ka, kb := placeKey(a), placeKey(b)
	if ka != "" && ka == kb && sameCountry(a, b) {
		return placeSame
	}
	la, lb := level(a), level(b)
	// A country-wide report ("air strikes in Syria") says too little to be
	// joined with a report of one town.
	if la == levelCountry || lb == levelCountry {
		return placeUnrelated
	}
	if near(a, b) {
		return placeNear
	}
	// A city named like its region ("Raqqa" in "Raqqa Governorate") or a
	// village inside a region another report names.
	if la == levelRegion && regionKey(a.Name) == regionOf(b) && sameCountry(a, b) ||
		lb == levelRegion && regionKey(b.Name) == regionOf(a) && sameCountry(a, b) {
		return placeInside
	}
	if ra, rb := regionOf(a), regionOf(b); ra != "" && (ra == regionKey(b.Name) && la == levelLocal && isCapitalOf(b) || rb == regionKey(a.Name) && lb == levelLocal && isCapitalOf(a)) {
		return placeInside
	}
	return placeUnrelated
}

// isCapitalOf reports whether a local place carries its region's name
// ("Raqqa" city in "Raqqa Governorate"): reports name either for one event.
func isCapitalOf(p sitrep.Place) bool {
	return p.Admin != "" && regionKey(p.Name) == regionKey(p.Admin)
}

func sameCountry(a, b sitrep.Place) bool {
	return a.Country == "" || b.Country == "" || translit.Key(a.Country) == translit.Key(b.Country)
}

// near reports whether two places' coordinates lie within nearKm. Identical
// coordinates under different names do not count: a village the gazetteer
// lacks takes its province's coordinates, so two unknown villages in one
// province would otherwise look like one place.
func near(a, b sitrep.Place) bool {
	if !hasCoords(a) || !hasCoords(b) {
		return false
	}
	if a.Lat == b.Lat && a.Lon == b.Lon {
		return false
	}
	return haversineKm(a.Lat, a.Lon, b.Lat, b.Lon) <= nearKm
}

func hasCoords(p sitrep.Place) bool { return p.Lat != 0 || p.Lon != 0 }

func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

// cellDeg is the size of the grid cells coordinates are blocked by; a cell
// is wider than nearKm, so two near places share a cell or neighbour.
const cellDeg = 0.1

func cell(lat, lon float64) (int, int) {
	return int(math.Floor(lat / cellDeg)), int(math.Floor(lon / cellDeg))
}

func cellKey(i, j int) string { return "g:" + strconv.Itoa(i) + ":" + strconv.Itoa(j) }
