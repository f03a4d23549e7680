package places

import (
	"strings"

	sitrep "github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/translit"
)

// villages places the settlements a cue marks that the gazetteer lacks by
// that spelling ("the village of Taduf"). A village is placed at its
// province, from the best evidence first:
//
//  1. the region of the place named nearest after it in its sentence, else
//     before it ("X in Idlib province", "In Idlib, the village of X");
//  2. a place of the same transliteration key in the text's country whose
//     region the text names (Taduf for Tadif, "Daret Izza" for Darat
//     Izzah), else the same village placed elsewhere in the text;
//  3. the place named nearest before it in its paragraph, else after it;
//  4. the region the article names most often;
//  5. the largest place of the same key in the text's country.
//
// Spellings of one key are matched only in a country the text names: across
// all of GeoNames a consonant skeleton is too loose.
func (g *Gazetteer) villages(text string, ws []word, spans []span, out []Mention, ctx map[string]bool) []Mention {
	type village struct {
		m      Mention
		s      *span
		placed bool
		cands  []int32
	}
	var vs []village
	home := g.homeCountry(out, ctx)
	homeName := ""
	if c, ok := g.country[home]; ok {
		homeName = g.str(g.entries[c].name)
	}
	for k := range spans {
		s := &spans[k]
		if s.ok || !s.cue {
			continue
		}
		start, end := int(ws[s.i].start), int(ws[s.j-1].end)
		nm := strings.TrimSpace(text[start:end])
		if g.stop[normText(nm)] {
			continue
		}
		v := village{s: s, m: Mention{Place: sitrep.Place{Name: nm, Key: translit.Key(nm)}, Text: text[start:end], Start: start, End: end, Kind: KindVillage, Unlisted: true}}
		if s.loc {
			// "near X in Kachin state": X only if the known place follows.
			prov, ok := placeAfter(out, ws, s.j)
			if !ok {
				continue
			}
			if prov.Admin == "" {
				v.m.Place.Country = prov.Country
			} else {
				v.m.Place = g.atProvince(v.m.Place, prov, nil)
			}
			vs = append(vs, village{s: s, m: v.m, placed: true})
			continue
		}
		if home != "" {
			for _, e := range g.byKeyAll.get(v.m.Place.Key) {
				if g.str(g.entries[e].cc) == home && g.entries[e].kind == kCity {
					v.cands = append(v.cands, e)
				}
			}
		}
		if prov, ok := nearestProvince(out, ws, s, start, homeName); ok {
			v.m.Place = g.atProvince(v.m.Place, prov, v.cands)
			v.placed = true
		} else if e, ok := g.namedCandidate(v.cands, out); ok {
			v.m.Place = g.atEntry(v.m.Place, e)
			v.placed = true
		}
		vs = append(vs, v)
	}
	for k := range vs {
		v := &vs[k]
		if v.placed {
			continue
		}
		// The same village placed elsewhere in the text.
		for _, o := range vs {
			if o.placed && o.m.Place.Key == v.m.Place.Key && o.m.Place.Admin != "" {
				v.m.Place = g.atProvince(v.m.Place, o.m.Place, nil)
				v.placed = true
				break
			}
		}
		if v.placed {
			continue
		}
		if prov, ok := nearestInParagraph(text, out, v.m.Start, homeName); ok {
			v.m.Place = g.atProvince(v.m.Place, prov, v.cands)
		} else if prov, ok := mostNamedRegion(out, homeName); ok {
			v.m.Place = g.atProvince(v.m.Place, prov, v.cands)
		} else if len(v.cands) > 0 {
			best := v.cands[0]
			for _, c := range v.cands[1:] {
				if placeWeight(&g.entries[c]) > placeWeight(&g.entries[best]) {
					best = c
				}
			}
			v.m.Place = g.atEntry(v.m.Place, best)
		} else {
			v.m.Place.Country = homeName
		}
	}
	res := make([]Mention, len(vs))
	for k, v := range vs {
		res[k] = v.m
	}
	return res
}

// homeCountry is the country a village named in the text most likely lies
// in: the only country of the context, else the one whose places the text
// names most.
func (g *Gazetteer) homeCountry(out []Mention, ctx map[string]bool) string {
	if len(ctx) == 1 {
		for cc := range ctx {
			return cc
		}
	}
	count := map[string]int{}
	best, bestN := "", 0
	for _, m := range out {
		if m.Kind == KindCountry || m.Place.Country == "" {
			continue
		}
		cc, ok := g.countryCode(m.Place.Country)
		if !ok || len(ctx) > 0 && !ctx[cc] {
			continue
		}
		count[cc]++
		if count[cc] > bestN {
			best, bestN = cc, count[cc]
		}
	}
	return best
}

// atProvince places a village in the region of prov, at the coordinates of
// a place of its key in that region when there is one, else at the region's.
func (g *Gazetteer) atProvince(p, prov sitrep.Place, cands []int32) sitrep.Place {
	for _, c := range cands {
		if e := &g.entries[c]; g.str(e.admin) == prov.Admin && g.str(e.country) == prov.Country {
			return g.atEntry(p, c)
		}
	}
	p.Admin, p.Country, p.Lat, p.Lon = prov.Admin, prov.Country, prov.Lat, prov.Lon
	// The region's point, not the neighbouring town's: the village is
	// somewhere in the region.
	if cc, ok := g.countryCode(prov.Country); ok {
		if r, ok := g.lookupRegion(prov.Admin, cc); ok {
			p.Lat, p.Lon = g.entries[r].lat, g.entries[r].lon
		}
	}
	return p
}

// atEntry places a village at a gazetteer place of its key, keeping the
// name as the text spells it.
func (g *Gazetteer) atEntry(p sitrep.Place, c int32) sitrep.Place {
	e := g.place(c)
	p.Admin, p.Country, p.Lat, p.Lon = e.Admin, e.Country, e.Lat, e.Lon
	return p
}

// namedCandidate picks, among places of a village's key, one in a region
// the text names, the region named most often first.
func (g *Gazetteer) namedCandidate(cands []int32, out []Mention) (int32, bool) {
	best, bestN := int32(0), 0
	for _, c := range cands {
		e := g.place(c)
		n := 0
		for _, m := range out {
			if m.Kind != KindCountry && m.Place.Admin == e.Admin && m.Place.Country == e.Country {
				n++
			}
		}
		if n > bestN {
			best, bestN = c, n
		}
	}
	return best, bestN > 0
}

// placeAfter is the place named in the few words after word j ("in
// Myanmar's northern Kachin state"), in its sentence: the most precise of
// them, a region or town before a country.
func placeAfter(ms []Mention, ws []word, j int) (sitrep.Place, bool) {
	hi := min(j+6, len(ws))
	for k := j + 1; k < hi; k++ {
		if ws[k].sentence != ws[j].sentence {
			hi = k
			break
		}
	}
	lo, limit := int(ws[j].end), int(ws[hi-1].end)
	var best *Mention
	for k := range ms {
		m := &ms[k]
		if m.Start < lo || m.End > limit {
			continue
		}
		if best == nil || best.Kind == KindCountry && m.Kind != KindCountry {
			best = m
		}
	}
	if best == nil {
		return sitrep.Place{}, false
	}
	return best.Place, true
}

// nearestProvince finds the region of the place named nearest after the
// village in its sentence, else nearest before it, in country when the
// text's country is known.
func nearestProvince(ms []Mention, ws []word, s *span, start int, country string) (sitrep.Place, bool) {
	sent := ws[s.i].sentence
	sentEnd := len(ws)
	for k := s.j; k < len(ws); k++ {
		if ws[k].sentence != sent {
			sentEnd = k
			break
		}
	}
	limit := int(ws[sentEnd-1].end)
	sentStart := int(ws[s.i].start)
	for k := s.i; k >= 0 && ws[k].sentence == sent; k-- {
		sentStart = int(ws[k].start)
	}
	var before *Mention
	for k := range ms {
		m := &ms[k]
		if m.Kind == KindCountry || m.Place.Admin == "" || country != "" && m.Place.Country != country {
			continue
		}
		if m.Start >= start && m.End <= limit {
			return m.Place, true
		}
		if m.End <= start && m.Start >= sentStart {
			before = m
		}
	}
	if before != nil {
		return before.Place, true
	}
	return sitrep.Place{}, false
}

// nearestInParagraph finds the region of the place in country named
// nearest before offset at in its paragraph, else nearest after it:
// copy names the town or province first and the village after
// ("fighting in Manbij ... the nearby village of X"). Paragraphs are
// separated by line breaks.
func nearestInParagraph(text string, ms []Mention, at int, country string) (sitrep.Place, bool) {
	lo := strings.LastIndexByte(text[:at], '\n') + 1
	hi := len(text)
	if i := strings.IndexByte(text[at:], '\n'); i >= 0 {
		hi = at + i
	}
	var before, after *Mention
	for k := range ms {
		m := &ms[k]
		if m.Kind == KindCountry || m.Place.Admin == "" || m.Place.Country != country || m.Start < lo || m.End > hi {
			continue
		}
		if m.End <= at {
			before = m
		} else if after == nil && m.Start > at {
			after = m
		}
	}
	switch {
	case before != nil:
		return before.Place, true
	case after != nil:
		return after.Place, true
	}
	return sitrep.Place{}, false
}

// mostNamedRegion is the region of country the text's places lie in most
// often, the first named on a tie.
func mostNamedRegion(ms []Mention, country string) (sitrep.Place, bool) {
	count := map[string]int{}
	var best sitrep.Place
	bestN := 0
	for _, m := range ms {
		if m.Kind == KindCountry || m.Place.Admin == "" || m.Place.Country != country {
			continue
		}
		count[m.Place.Admin]++
		if n := count[m.Place.Admin]; n > bestN {
			best, bestN = m.Place, n
		}
	}
	return best, bestN > 0
}
