package places

import (
	"math"
	"sort"
	"strings"

	"github.com/sitrep-bot/sitrep/briefing/translit"
)

// cueNouns introduce or follow a settlement's name: "the village of X",
// "X, a town in", "the X neighbourhood of Damascus". With one of them a name
// the gazetteer lacks is still a place, and a name that is usually a word
// is a place here.
var cueNouns = map[string]bool{
	"village": true, "villages": true, "town": true, "towns": true, "city": true, "hamlet": true,
	"neighbourhood": true, "neighborhood": true, "district": true, "suburb": true, "area": true,
	"camp": true, "settlement": true, "locality": true, "township": true, "outskirts": true,
	"quarter": true, "territory": true,
}

// regionWords after or before a name make the mention its region: "Idlib
// province", "the countryside of Hama".
var regionWords = map[string]bool{
	"province": true, "governorate": true, "region": true, "oblast": true, "krai": true,
	"countryside": true, "provinces": true, "governorates": true,
}

// adjectiveSuffixes turn a country name into an adjective: "Saudi-led",
// "US-backed", "Russian-brokered".
var adjectiveSuffixes = map[string]bool{
	"led": true, "backed": true, "brokered": true, "made": true, "based": true, "run": true,
	"sponsored": true, "supplied": true, "controlled": true, "allied": true, "born": true,
	"funded": true, "drafted": true, "owned": true, "supported": true, "trained": true, "armed": true,
}

// adjective reports whether word i is joined by a hyphen to one of the
// adjectiveSuffixes.
func adjective(ws []word, i int) bool {
	return i+1 < len(ws) && !ws[i+1].gap && ws[i+1].start == ws[i].end+1 && adjectiveSuffixes[ws[i+1].norm]
}

// homeSuffixes make a country adjective say where a body or person comes
// from, not where the story is: "a UK-based monitor", "US-born".
var homeSuffixes = map[string]bool{"based": true, "born": true}

// home reports whether word i is a country made a home adjective: "UK-based".
func home(ws []word, i int) bool {
	return adjective(ws, i) && homeSuffixes[ws[i+1].norm]
}

// locatives are the words that put a place name after them.
var locatives = map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "from": true, "of": true, "to": true,
	"into": true, "around": true, "towards": true, "toward": true, "across": true, "via": true,
	"inside": true, "on": true, "between": true, "and": true, "targeted": true, "hit": true,
	"struck": true, "captured": true, "seized": true, "besieged": true, "entered": true,
}

// cand is one reading of a span.
type cand struct {
	entry int32
	src   int8
}

// span is a run of words that matched a name, or that a cue marks as one.
type span struct {
	i, j   int // words [i, j)
	cands  []cand
	fuzzy  bool
	cue    bool // "village of X", "X, a town"
	loc    bool // "near X in Kachin state": placed only if a known place follows
	person bool // follows a first name or title
	poss   bool // a possessive without its apostrophe: "Syrias", "Aleppos"
	chosen int32
	kind   string
	ok     bool
}

// Find returns every place mention in text, in text order, with byte
// offsets. Names are matched on capitalised words, longest first, without
// regard to hyphens, apostrophes, diacritics or the Arabic article. Where a
// name has several places, a country named in the text or in hint decides,
// then the alias table, then size. Names that are usually words or people's
// names need a cue ("the town of Reading") or a nearby country to count.
// Villages the gazetteer lacks come out by name when a cue marks them
// ("the village of X in Deir Ezzor province"), placed at their province.
func (g *Gazetteer) Find(text string, hint Hint) []Mention {
	sc := scratchPool.Get().(*scratch)
	defer func() {
		clear(sc.words) // hold no text while pooled
		scratchPool.Put(sc)
	}()
	ws := sc.tokenize(text)
	if len(ws) == 0 {
		return nil
	}
	var spans []span
	ctx := map[string]bool{}
	if cc, ok := g.countryCode(hint.Country); ok {
		ctx[cc] = true
	}
	for i := 0; i < len(ws); {
		w := ws[i]
		if !w.cap {
			i++
			continue
		}
		s, ok := g.match(ws, i)
		if g.function[w.norm] && (!ok || s.j-s.i == 1) {
			// "The city is still mourning", "Its mayor said": a capital
			// that only starts a sentence. "The Hague" still matches.
			i++
			continue
		}
		d, isDem := g.demonym[w.norm]
		countryPoss := ok && s.poss && g.entries[s.cands[0].entry].kind == kCountry
		if c, ok := g.capitalAfter(ws, i, d, isDem, s, ok); ok {
			// "the Syrian capital", "Iraq's capital": the capital city.
			ctx[g.str(g.entries[c].cc)] = true
			spans = append(spans, span{i: i, j: i + 2, cands: []cand{{c, srcPrimary}}})
			i += 2
			continue
		}
		if isDem || ok && s.j-s.i == 1 && (adjective(ws, i) || countryPoss) {
			// "Syrian", "Saudi-led", "US-backed": context, not a place.
			// "UK-based" is neither.
			if isDem && !home(ws, i) {
				ctx[g.str(g.entries[d].cc)] = true
			}
			for _, c := range s.cands {
				if e := &g.entries[c.entry]; e.kind == kCountry && !home(ws, i) {
					ctx[g.str(e.cc)] = true
				}
			}
			if !ok || s.j-s.i == 1 {
				i++
				continue
			}
		}
		// A name the gazetteer lacks, or knows only elsewhere, that a cue
		// marks as a settlement: "the village of X", "the X neighbourhood".
		j := g.capRun(ws, i, false)
		// A cue binds the whole name, common words too: "the village of
		// Lin Ta Lu", "Kafr Big Lu village".
		if k := g.capRun(ws, i, true); k > j && (cueBefore(ws, i) || cueAfter(ws, k)) {
			j = k
		}
		cue := cueBefore(ws, i) || cueAfter(ws, j)
		// "Aleppo's Marjeh neighbourhood": the city, then the village.
		if cue && ok && s.j < j && (s.poss || ws[s.j-1].poss) {
			cue = false
		}
		if cue && (!ok || s.j < j) {
			spans = append(spans, span{i: i, j: j, cue: true})
			i = j
			continue
		}
		if !ok {
			if g.locative(ws, i, j) {
				spans = append(spans, span{i: i, j: j, cue: true, loc: true})
				i = j
				continue
			}
			i++
			continue
		}
		s.cue = cue || cueAfter(ws, s.j)
		spans = append(spans, s)
		i = s.j
	}
	if len(spans) == 0 {
		return nil
	}
	// Countries and regions named plainly set the context for the rest.
	// Well-known towns named plainly settle a name two countries share:
	// "eastern Congo" in a text that names Goma.
	admins, towns := map[string]bool{}, map[string]bool{}
	for _, s := range spans {
		if s.fuzzy || len(s.cands) == 0 {
			continue
		}
		if cc, ok := g.wellKnownTown(s); ok {
			towns[cc] = true
		}
		cc, admin, strong := "", "", true
		_, suffix := regionSuffix(ws, s.j)
		for _, c := range s.cands {
			e := &g.entries[c.entry]
			region := e.kind == kRegion && c.src == srcPrimary && (suffix || s.j-s.i > 1)
			if !(e.kind == kCountry && c.src <= srcPrimary || e.curated && c.src == srcAlias || region) {
				continue
			}
			if cc != "" && (cc != g.str(e.cc) || admin != g.str(e.code)) {
				strong = false
			}
			cc, admin = g.str(e.cc), g.str(e.code)
		}
		if cc != "" && strong {
			ctx[cc] = true
			if admin != "" {
				admins[admin] = true
			}
		}
	}
	out := make([]Mention, 0, len(spans))
	for k := range spans {
		s := &spans[k]
		if len(s.cands) > 0 {
			s.person = g.afterPerson(ws, s.i)
			g.choose(ws, s, ctx, admins, towns)
			// A spelling listed only for places elsewhere may still be an
			// unlisted spelling of a place in this text's country:
			// "rebel-held Atareb" for Atarib.
			if !s.ok && !s.fuzzy && !s.cue && s.j-s.i == 1 {
				if alt, ok := g.fuzzySpan(ws, s.i); ok {
					alt.person = s.person
					g.choose(ws, &alt, ctx, admins, towns)
					if alt.ok {
						*s = alt
					}
				}
			}
		}
		if !s.ok {
			continue
		}
		start, end := int(ws[s.i].start), int(ws[s.j-1].end)
		e := &g.entries[s.chosen]
		p, kind := g.place(s.chosen), kindNames[e.kind]
		if kind != KindCountry {
			p.Name = asWritten(p.Name, text[start:end])
			if r, ok := regionSuffix(ws, s.j); ok || regionPrefix(ws, s.i) {
				if ok {
					end = int(ws[r].end)
				}
				if re, ok := g.region[g.str(e.code)]; ok {
					p, kind = g.place(re), KindRegion
				}
			}
		}
		out = append(out, Mention{Place: p, Text: text[start:end], Start: start, End: end, Kind: kind})
	}
	// Villages the gazetteer lacks are placed at their province.
	if villages := g.villages(text, ws, spans, out, ctx); len(villages) > 0 {
		out = append(out, villages...)
		sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	}
	return out
}

// wellKnownTown returns the country of a span that names, by its own
// name, a capital, a regional seat or a city of 100,000 or more, and
// nothing in another country.
func (g *Gazetteer) wellKnownTown(s span) (string, bool) {
	cc, town := "", false
	for _, c := range s.cands {
		e := &g.entries[c.entry]
		if cc != "" && g.str(e.cc) != cc || e.kind == kCountry {
			return "", false
		}
		cc = g.str(e.cc)
		town = town || c.src <= srcPrimary && e.kind == kCity && (e.curated || e.seat >= 2 || e.pop >= 100000)
	}
	return cc, town
}

// match finds the longest name starting at word i.
func (g *Gazetteer) match(ws []word, i int) (span, bool) {
	names := g.byFirst.get(ws[i].norm)
	var joins [9]int8 // whether words [i, i+w) are written together: 0 not yet known, 1 yes, -1 no
	best := 0
	var cands []cand
	for _, n := range names {
		w := int(n.words)
		if w < best || i+w > len(ws) {
			continue
		}
		if w > 1 {
			if joins[w] == 0 {
				joins[w] = -1
				if joinable(ws, i, w) {
					joins[w] = 1
				}
			}
			if joins[w] < 0 || !spells(ws[i:i+w], g.str(n.text)) {
				continue
			}
		} else if g.str(n.text) != ws[i].norm {
			continue
		}
		if w > best {
			best, cands = w, cands[:0]
		}
		cands = addCand(cands, cand{n.entry, n.src})
	}
	if best > 0 {
		return span{i: i, j: i + best, cands: cands}, true
	}
	if s, ok := g.possessive(ws, i); ok {
		return s, true
	}
	return g.fuzzySpan(ws, i)
}

// capitalAfter reads "the Syrian capital", "Syria's capital" or "Syrias
// capital" at word i: the country's capital city. d is the country of a
// demonym at i, s the name matched at i.
func (g *Gazetteer) capitalAfter(ws []word, i int, d int32, isDem bool, s span, ok bool) (int32, bool) {
	if i+1 >= len(ws) || ws[i+1].norm != "capital" || ws[i+1].sentStart {
		return 0, false
	}
	var cc string
	switch {
	case isDem && !ws[i+1].gap:
		cc = g.str(g.entries[d].cc)
	case ok && s.j == i+1 && (s.poss || ws[i].poss) && g.entries[s.cands[0].entry].kind == kCountry:
		cc = g.str(g.entries[s.cands[0].entry].cc)
	default:
		return 0, false
	}
	c, found := g.capital[cc]
	return c, found
}

// spells reports whether text is the words' normalised forms joined by
// single spaces, without building that string.
func spells(ws []word, text string) bool {
	for k := range ws {
		if k > 0 {
			if text == "" || text[0] != ' ' {
				return false
			}
			text = text[1:]
		}
		if !strings.HasPrefix(text, ws[k].norm) {
			return false
		}
		text = text[len(ws[k].norm):]
	}
	return text == ""
}

// possessive matches a well-known place's possessive whose apostrophe was
// lost on the way into the feed ("Aleppos western outskirts", "Syrias
// government"): a country, a listed place, a regional seat or a city of
// 100,000 or more.
func (g *Gazetteer) possessive(ws []word, i int) (span, bool) {
	w := ws[i].norm
	if len(w) < 5 || w[len(w)-1] != 's' || w[len(w)-2] == 's' {
		return span{}, false
	}
	w = w[:len(w)-1]
	var cands []cand
	for _, n := range g.byFirst.get(w) {
		if n.words != 1 || g.str(n.text) != w {
			continue
		}
		if e := &g.entries[n.entry]; e.kind == kCountry || e.curated || e.seat >= 2 || e.pop >= 100000 {
			cands = addCand(cands, cand{n.entry, n.src})
		}
	}
	// A country's possessive speaks of its government ("Russias
	// crimes"), like a demonym: context, not a place.
	for _, c := range cands {
		if g.entries[c.entry].kind == kCountry {
			cands = []cand{c}
			break
		}
	}
	return span{i: i, j: i + 1, cands: cands, poss: true}, len(cands) > 0
}

// fuzzySpan matches the one or two words at i by transliteration key: a
// spelling nobody listed, for well-known places only and never for common
// words.
func (g *Gazetteer) fuzzySpan(ws []word, i int) (span, bool) {
	var cands []cand
	if len(ws[i].norm) < 4 || g.common[ws[i].norm] || g.stop[ws[i].norm] {
		return span{}, false
	}
	for w := min(2, len(ws)-i); w >= 1; w-- {
		if !joinable(ws, i, w) || !ws[i+w-1].cap {
			continue
		}
		// Key works word by word, so the key of a span is its words' keys.
		key := wordKey(ws, i)
		if w == 2 {
			key += " " + wordKey(ws, i+1)
		}
		if es := g.byKey.get(key); len(es) > 0 {
			for _, e := range es {
				cands = addCand(cands, cand{e, srcAlternate})
			}
			return span{i: i, j: i + w, cands: cands, fuzzy: true}, true
		}
	}
	return span{}, false
}

// wordKey is the transliteration key of word i, computed once.
func wordKey(ws []word, i int) string {
	if ws[i].key == "" {
		ws[i].key = translit.Key(ws[i].norm)
	}
	return ws[i].key
}

func addCand(cs []cand, c cand) []cand {
	for k := range cs {
		if cs[k].entry == c.entry {
			if c.src < cs[k].src {
				cs[k].src = c.src
			}
			return cs
		}
	}
	return append(cs, c)
}

// joinable reports whether words [i, i+w) are written together, with no
// punctuation between them.
func joinable(ws []word, i, w int) bool {
	for k := i + 1; k < i+w; k++ {
		if ws[k].gap || ws[k].sentStart {
			return false
		}
	}
	return true
}

// capRun is the end of the run of capitalised words starting at i, at most
// four: the name of a village the gazetteer lacks. The run stops before a
// word that starts something else when commas are lost: a demonym or
// country ("Ashara Syrian Observatory"), a word of an organisation's name
// ("Tokhar Amnesty International"), or a common English word unless
// common is set.
func (g *Gazetteer) capRun(ws []word, i int, common bool) int {
	j := i + 1
	for j < len(ws) && j-i < 4 && ws[j].cap && !ws[j].gap && !cueNouns[ws[j].norm] && !regionWords[ws[j].norm] && !g.endsName(ws[j].norm, common) {
		j++
	}
	return j
}

// endsName reports whether a word after a village's first word belongs to
// something else; common English words count unless common is set.
func (g *Gazetteer) endsName(w string, common bool) bool {
	if g.orgs[w] || g.common[w] && !common || g.persons[w] {
		return true
	}
	if _, ok := g.demonym[w]; ok {
		return true
	}
	for _, n := range g.byFirst.get(w) {
		if n.words == 1 && g.str(n.text) == w && g.entries[n.entry].kind == kCountry {
			return true
		}
	}
	return false
}

// locativePreps introduce a settlement by where it lies.
var locativePreps = map[string]bool{"near": true, "outside": true, "in": true, "around": true}

// locative reports whether the unknown capitalised words [i, j) are a
// settlement placed by a known place after them: "near Laiza in Kachin
// state", "outside Kadugli in South Kordofan". Words English copy uses
// otherwise (months, "Parliament", first names, organisations) never
// count; villages checks that a known place does follow.
func (g *Gazetteer) locative(ws []word, i, j int) bool {
	if i < 1 || j+1 >= len(ws) || ws[i].sentStart || ws[i].gap || !locativePreps[ws[i-1].norm] {
		return false
	}
	if n := ws[j].norm; n != "in" && n != "of" || ws[j].sentStart || !ws[j+1].cap && !directionWords[ws[j+1].norm] {
		return false
	}
	for k := i; k < j; k++ {
		w := ws[k].norm
		if g.stop[w] || g.common[w] || g.persons[w] || g.orgs[w] || len(w) < 3 {
			return false
		}
		if _, ok := g.demonym[w]; ok {
			return false
		}
	}
	return true
}

// directionWords may stand between "in" and the region a settlement lies
// in: "near X in northern Kachin state".
var directionWords = map[string]bool{
	"northern": true, "southern": true, "eastern": true, "western": true, "central": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"north": true, "south": true, "east": true, "west": true, "the": true,
}

// cueBefore: "the village of X", "the town of X".
func cueBefore(ws []word, i int) bool {
	return i >= 2 && ws[i-1].norm == "of" && !ws[i].gap && !ws[i-1].gap && cueNouns[ws[i-2].norm] && !ws[i-2].cap
}

// cueAfter: "X village", "X, a town in", "X neighbourhood of".
func cueAfter(ws []word, j int) bool {
	if j >= len(ws) {
		return false
	}
	// Plurals only before: "the villages of X and Y", but "Alawite villages".
	if !ws[j].gap && !ws[j].cap && cueNouns[ws[j].norm] && !strings.HasSuffix(ws[j].norm, "s") && ws[j].norm != "area" {
		return true
	}
	return ws[j].gap && j+1 < len(ws) && (ws[j].norm == "a" || ws[j].norm == "an") && cueNouns[ws[j+1].norm] && !ws[j+1].gap
}

func regionSuffix(ws []word, j int) (int, bool) {
	if j < len(ws) && !ws[j].gap && regionWords[ws[j].norm] {
		return j, true
	}
	return 0, false
}

// regionPrefix: "the countryside of Idlib", "the province of Raqqa".
func regionPrefix(ws []word, i int) bool {
	return i >= 2 && ws[i-1].norm == "of" && !ws[i].gap && !ws[i-1].gap && regionWords[ws[i-2].norm]
}

// choose picks the reading of span s, or none.
func (g *Gazetteer) choose(ws []word, s *span, ctx, admins, towns map[string]bool) {
	text := ws[s.i].norm
	for k := s.i + 1; k < s.j; k++ {
		text += " " + ws[k].norm
	}
	stopped := g.stop[text]
	common := s.j-s.i == 1 && g.common[text]
	locative := s.i > 0 && !ws[s.i].gap && locatives[ws[s.i-1].norm]
	// A capitalised word just before, not starting a sentence, makes the
	// span likely part of a longer name: "Bashar al-Assad", "Abu Bakr".
	inName := s.i > 0 && !ws[s.i].gap && ws[s.i-1].cap && !ws[s.i-1].sentStart && !directions[ws[s.i-1].norm] &&
		!g.isPlaceWord(ws[s.i-1].norm)
	// A capitalised word joined by the article after it ("Wadi al-Nasara",
	// "Jaish al-Islam") makes the span part of a longer name.
	if s.j < len(ws) && !ws[s.j].gap && ws[s.j].cap && ws[s.j].wstart > ws[s.j].start && !s.cue {
		inName = true
	}
	allCommon := true
	for k := s.i; k < s.j; k++ {
		allCommon = allCommon && g.common[ws[k].norm]
	}
	suffix := false
	if _, ok := regionSuffix(ws, s.j); ok || regionPrefix(ws, s.i) {
		suffix = true
	}
	bestScore := math.Inf(-1)
	for _, c := range s.cands {
		e := &g.entries[c.entry]
		if c.src == srcAlternate && allCommon && !ctx[g.str(e.cc)] {
			continue // "White House" is not Casablanca
		}
		if !g.accept(e, c.src, s, ctx, stopped, common, locative, inName, suffix) {
			continue
		}
		score := math.Log10(placeWeight(e))
		if ctx[g.str(e.cc)] {
			score += 1000
		}
		if admins[g.str(e.code)] {
			// A region the text names draws its own places, but an
			// alternate spelling there does not outweigh a place of
			// that very name: "Karaj, west of Tehran" is Karaj.
			if c.src <= srcPrimary {
				score += 500
			} else {
				score += 90
			}
		}
		switch {
		case e.kind == kCountry && c.src <= srcPrimary:
			score += 400
			if towns[g.str(e.cc)] {
				score += 300
			}
			if c.src == srcAlias {
				// The hand-kept table settles a name two countries
				// share when the text does not.
				score++
			}
		case e.curated:
			score += 200
		}
		if c.src <= srcPrimary {
			score += 100
		}
		if e.kind == kRegion && !suffix && c.src == srcRegionBase {
			score -= 50 // "Hama" is the city, "Hama province" the region
		}
		if score > bestScore {
			bestScore, s.chosen, s.ok = score, c.entry, true
		}
	}
}

// afterPerson reports whether word i follows a first name or title
// ("Colonel Barazi"), or a capitalised word opening the sentence that is
// neither an English word nor a place ("Talal Barazi said").
func (g *Gazetteer) afterPerson(ws []word, i int) bool {
	if i == 0 || ws[i].gap {
		return false
	}
	p := ws[i-1].norm
	if g.persons[p] {
		return true
	}
	return ws[i-1].cap && ws[i-1].sentStart && !g.common[p] && !directions[p] && !g.isPlaceWord(p) && len(g.byFirst.get(p)) == 0
}

// IsPlaceWord reports whether a word, as written, names a country, a
// nationality or a well-known place ("Baghdad", "Syrian"), so that other
// tables can tell it from a person's name.
func (g *Gazetteer) IsPlaceWord(w string) bool {
	return g.isPlaceWord(strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")))
}

// isPlaceWord reports whether a word before a name is itself a country,
// demonym or well-known place, possibly possessive without its apostrophe
// ("Syria's Idlib", "Syrias Idlib", "Syrian Aleppo"): then the name is not
// part of a person's or group's name.
func (g *Gazetteer) isPlaceWord(w string) bool {
	for _, k := range []string{w, strings.TrimSuffix(w, "s")} {
		if _, ok := g.demonym[k]; ok {
			return true
		}
		for _, n := range g.byFirst.get(k) {
			if n.words == 1 && g.str(n.text) == k {
				if e := &g.entries[n.entry]; e.kind == kCountry || e.curated || e.pop >= 100000 {
					return true
				}
			}
		}
	}
	return false
}

// directions may stand before a place name without making it part of
// another name: "Northern Hama", "East Aleppo".
var directions = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "northeastern": true, "northwestern": true,
	"southeastern": true, "southwestern": true, "greater": true, "rural": true, "downtown": true,
	"in": true, "at": true, "near": true, "from": true, "the": true,
}

// accept decides whether one reading of a span is a place mention at all.
func (g *Gazetteer) accept(e *entry, src int8, s *span, ctx map[string]bool, stopped, common, locative, inName, suffix bool) bool {
	if s.cue && e.kind != kCountry && !s.fuzzy {
		// "The town of Reading": the cue makes a word a place, but a place
		// in a country the text is not about is more likely a village of
		// the same name the gazetteer lacks.
		return len(ctx) == 0 || ctx[g.str(e.cc)]
	}
	if stopped {
		return false
	}
	if s.fuzzy {
		// Unlisted spellings: only of places in a country this text names,
		// and never a surname after a first name or title ("Mohammed
		// Barazi", "Colonel Barazi"), even at a sentence's start.
		return !inName && !s.person && ctx[g.str(e.cc)]
	}
	switch {
	case e.kind == kCountry:
		return src <= srcPrimary && !inName
	case e.curated && src == srcAlias:
		return !inName || s.j-s.i > 1
	case e.kind == kRegion:
		if src == srcPrimary && s.j-s.i > 1 {
			return true
		}
		return !inName && !common && (suffix || ctx[g.str(e.cc)])
	}
	if inName {
		return false
	}
	pop := e.pop
	if src == srcAlternate {
		pop /= 2 // alternates are often other languages' words
	}
	if common {
		return pop >= 1000000 || ctx[g.str(e.cc)] && locative && pop >= 100000
	}
	switch {
	case pop >= 100000 || e.seat >= 2 && src == srcPrimary:
		return true
	case ctx[g.str(e.cc)]:
		return pop >= 5000 || locative || suffix
	default:
		return locative && pop >= 20000
	}
}

// asWritten is the name a place goes by in a text: as the text writes it
// when the gazetteer's adds only the Arabic article ("Tarmiyah" for "At
// Tarmiyah"), so a briefing names it as its source does; else the
// gazetteer's. A dateline's capitals ("BAGHDAD") are not how it is written.
func asWritten(name, mention string) string {
	art, rest, ok := strings.Cut(name, " ")
	if !ok {
		art, rest, ok = strings.Cut(name, "-")
	}
	if !ok || !placeArticles[strings.ToLower(art)] || !strings.EqualFold(rest, mention) || strings.ToUpper(mention) == mention {
		return name
	}
	return mention
}

// placeArticles are the transliterations of the Arabic article that
// gazetteers write before a name and copy often leaves out.
var placeArticles = map[string]bool{
	"al": true, "el": true, "ar": true, "as": true, "ash": true, "at": true, "ad": true, "an": true, "az": true,
}
