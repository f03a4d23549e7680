package places

import (
	"strings"

	sitrep "github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/translit"
)

// Lookup resolves one name, as an extractor or a slash command gives it, to
// a place: a country, a region or a populated place. Among places of one
// name it prefers one in countryHint (any name Country accepts), then the
// alias table's, then the largest. Spellings nobody listed are tried by
// transliteration key against well-known places.
func (g *Gazetteer) Lookup(name, countryHint string) (sitrep.Place, bool) {
	words := normWords(name)
	if len(words) == 0 {
		return sitrep.Place{}, false
	}
	ctx := map[string]bool{}
	if cc, ok := g.countryCode(countryHint); ok {
		ctx[cc] = true
	}
	var cands []int32
	for _, n := range g.exact(words) {
		cands = append(cands, n.entry)
	}
	if len(cands) == 0 {
		// "Raqqa province", "Idlib countryside": the region.
		if len(words) > 1 && (regionTypes[words[len(words)-1]] || words[len(words)-1] == "countryside") {
			if p, ok := g.Lookup(strings.Join(words[:len(words)-1], " "), countryHint); ok && p.Admin != "" {
				if r, ok := g.regionByAdmin(p); ok {
					return g.place(r), true
				}
			}
		}
		cands = g.byKey.get(translit.Key(name))
	}
	if len(cands) == 0 {
		return sitrep.Place{}, false
	}
	best := cands[0]
	for _, c := range cands[1:] {
		if g.prefer(c, best, ctx) {
			best = c
		}
	}
	return g.place(best), true
}

// prefer reports whether entry a is a likelier reading than b.
func (g *Gazetteer) prefer(a, b int32, ctx map[string]bool) bool {
	ea, eb := &g.entries[a], &g.entries[b]
	if ca, cb := ctx[g.str(ea.cc)], ctx[g.str(eb.cc)]; ca != cb {
		return ca
	}
	if (ea.kind == kCountry) != (eb.kind == kCountry) {
		return ea.kind == kCountry
	}
	if ea.curated != eb.curated {
		return ea.curated
	}
	if (ea.kind == kCity) != (eb.kind == kCity) {
		return ea.kind == kCity
	}
	return placeWeight(ea) > placeWeight(eb)
}

// placeWeight orders places by size, counting a regional seat as a tenfold
// larger place: GeoNames populations of seats are often out of date.
func placeWeight(e *entry) float64 {
	w := float64(e.pop) + 1
	for range e.seat {
		w *= 10
	}
	return w
}

func (g *Gazetteer) regionByAdmin(p sitrep.Place) (int32, bool) {
	cc, ok := g.countryCode(p.Country)
	if !ok {
		return 0, false
	}
	return g.lookupRegion(p.Admin, cc)
}

// Country returns the canonical name of the country a name, official name,
// common abbreviation or demonym denotes: "Syrian", "Syria" and "Syrian
// Arab Republic" all give "Syria".
func (g *Gazetteer) Country(name string) (string, bool) {
	if len(name) == 2 && strings.ToUpper(name) == name {
		if i, ok := g.country[name]; ok {
			return g.str(g.entries[i].name), true
		}
	}
	if i, ok := g.asWritten[name]; ok {
		return g.str(g.entries[i].name), true
	}
	i, ok := g.lookupCountry(name)
	if !ok {
		return "", false
	}
	return g.str(g.entries[i].name), true
}

// Demonym returns the adjective news uses for a country given by its
// canonical name: "Syrian" for Syria, "U.S." for the United States.
func (g *Gazetteer) Demonym(country string) (string, bool) {
	i, ok := g.asWritten[country]
	if !ok || g.entries[i].kind != kCountry || g.str(g.entries[i].name) != country {
		return "", false
	}
	d, ok := g.adjective[i]
	return d, ok && d != ""
}

// Region returns the names a channel filter can match a place by: the place
// itself, its region (with and without "Governorate"), and its country.
func (g *Gazetteer) Region(p sitrep.Place) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[strings.ToLower(s)] {
			seen[strings.ToLower(s)] = true
			out = append(out, s)
		}
	}
	add(p.Name)
	add(p.Admin)
	add(regionBase(p.Admin))
	add(p.Country)
	return out
}

// IsCapital reports whether p is its country's capital city, so that a
// mention such as "dialogue with Damascus" can stand for the country.
func (g *Gazetteer) IsCapital(p sitrep.Place) bool {
	g.capitalOnce.Do(func() {
		g.capitalOf = make(map[string]string, len(g.capital))
		for _, i := range g.capital {
			e := g.entries[i]
			g.capitalOf[g.str(e.country)] = g.str(e.name)
		}
	})
	return p.Name != "" && g.capitalOf[p.Country] == p.Name
}
