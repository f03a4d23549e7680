package extract

import (
	"strings"

	sitrep "github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/actors"
	"github.com/sitrep-bot/sitrep/briefing/places"
	"github.com/sitrep-bot/sitrep/briefing/text"
)

// forceNouns after a country's adjective name that country's forces as the
// ones striking: "a Russian missile", "Israeli air strikes", "Turkish
// drones", "Ukrainian shelling".
var forceNouns = map[string]bool{
	"missile": true, "missiles": true, "rocket": true, "rockets": true, "drone": true, "drones": true,
	"air": true, "airstrike": true, "airstrikes": true, "air-strike": true, "air-strikes": true, "strike": true, "strikes": true,
	"shelling": true, "shells": true, "artillery": true, "mortar": true, "mortars": true, "bombardment": true,
	"jets": true, "warplanes": true, "warplane": true, "aircraft": true, "planes": true, "helicopters": true, "helicopter": true, "bombers": true,
	"forces": true, "troops": true, "soldiers": true, "military": true, "army": true, "navy": true, "tanks": true, "tank": true,
	"gunboats": true, "warships": true, "raid": true, "raids": true, "fire": true, "gunfire": true,
	"bomb": true, "bombs": true,
}

// forceModifiers may stand between the adjective and the force noun: "a
// Russian cruise missile", "Israeli drone strikes".
var forceModifiers = map[string]bool{
	"cruise": true, "ballistic": true, "hypersonic": true, "guided": true, "heavy": true, "drone": true, "missile": true,
	"rocket": true, "artillery": true, "tank": true, "naval": true, "kamikaze": true, "attack": true, "fighter": true, "war": true,
	"aerial": true, "glide": true,
}

// notStriking before the adjective makes its forces the ones hit or
// counted, not the ones striking: "an attack on Russian troops", "killing
// two Israeli soldiers".
var notStriking = map[string]bool{
	"on": true, "against": true, "targeting": true, "at": true, "killing": true, "killed": true, "wounding": true,
	"wounded": true, "injuring": true, "downed": true, "down": true, "intercepted": true, "destroyed": true, "hit": true, "struck": true,
}

// demonymPerp reads a country's adjective with a weapon or force noun as
// that country's forces striking: "A Russian missile struck", "Turkish
// drones hit", "Ukrainian shelling of Donetsk".
func (x *Extractor) demonymPerp(d *doc, s *sentence, lo, hi int) string {
	toks := s.toks
	for i := lo; i < hi-1; i++ {
		tk := toks[i]
		if tk.Kind != text.Word || !tk.Capitalised() {
			continue
		}
		if !forceNounAfter(toks, i, hi) {
			// "US and British warplanes", "US, UK jets": the first of
			// two countries whose forces struck together.
			k := i + 1
			if !(k+1 < hi && toks[k].Is("and", ",") && toks[k+1].Capitalised() && forceNounAfter(toks, k+1, hi)) {
				continue
			}
			if _, ok := d.country(toks[k+1].Text); !ok {
				continue
			}
		}
		if i > 0 && (notStriking[toks[i-1].Norm] || toks[i-1].Kind == text.Digits || text.IsNumberWord(toks[i-1].Norm)) {
			continue
		}
		if insideActor(s, i) {
			continue
		}
		c, ok := d.country(tk.Text)
		if !ok {
			continue
		}
		if name := x.forces[c]; name != "" {
			return name
		}
	}
	return ""
}

// forceNounAfter reports whether a weapon or force noun follows the
// adjective at i, perhaps after modifiers: "Russian jets", "a Russian
// cruise missile", "a Russian guided aerial bomb".
func forceNounAfter(toks []text.Token, i, hi int) bool {
	j := i + 1
	if j >= hi {
		return false
	}
	for m := 1; m <= 2 && i+1+m < hi; m++ {
		if !forceModifiers[toks[i+m].Norm] {
			break
		}
		if forceNouns[toks[i+1+m].Norm] {
			j = i + 1 + m
		}
	}
	return forceNouns[toks[j].Norm] && (toks[j].Norm != "air" || j+1 < len(toks) && toks[j+1].Is("strike", "strikes", "raid", "raids", "force", "attack", "attacks"))
}

// claimVerbs after an actor say it did the attack: "X claimed
// responsibility", "X said it carried out", "X took responsibility".
func claimAfter(toks []text.Token, k int) bool {
	if k < len(toks) && toks[k].Is("has", "have", "had", "later", "quickly", "swiftly", "also") {
		k++
	}
	if k >= len(toks) {
		return false
	}
	switch {
	case toks[k].Is("claimed", "claims", "claim") && k+1 < len(toks) && toks[k+1].Is("responsibility", "the", "it", "credit"):
		return true
	case toks[k].Is("took", "takes") && k+1 < len(toks) && toks[k+1].Is("responsibility", "credit"):
		return true
	case toks[k].Is("said", "says"):
		// "said in a statement on Sunday that its fighters …".
		k = afterSaid(toks, k+1)
		if k+1 >= len(toks) || !toks[k].Is("it", "its", "they", "their") ||
			!toks[k+1].Is("carried", "was", "were", "had", "fighters", "members", "launched", "staged", "conducted", "targeted", "attacked") {
			return false
		}
		// "said it was behind", "said its fighters carried out".
		return !toks[k+1].Is("was", "were", "had") || k+2 < len(toks) && toks[k+2].Is("behind", "responsible", "carried")
	}
	return false
}

// afterSaid skips what may stand between "said" and what was said: "in a
// statement", "on Sunday", "late on Monday", "that".
func afterSaid(toks []text.Token, k int) int {
	for k < len(toks) {
		switch {
		case toks[k].Is("in") && k+2 < len(toks) && toks[k+1].Is("a", "an", "its", "the") && toks[k+2].Is("statement", "communique", "post", "message", "video"):
			k += 3
		case toks[k].Is("on", "late", "early", "that", ",") || isDayWord(toks[k].Norm):
			k++
		default:
			return k
		}
	}
	return k
}

// claimed reads a sentence that names who was responsible for an attack:
// "Al Shabaab claimed responsibility", "the TTP said it carried out the
// attack", "witnesses blamed the attack on the RSF". A denial names no one.
func claimed(s *sentence) *actors.Actor {
	toks := s.toks
	for _, tk := range toks {
		if tk.Is("denied", "denies", "deny", "denying", "rejected", "not", "no") {
			return nil
		}
	}
	for _, m := range s.actors {
		if m.Suffix != "" {
			continue
		}
		last := m.Last
		if last+1 < len(toks) && toks[last+1].Is("militants", "fighters", "group", "militia", "insurgents", "rebels") {
			last++
		}
		// "The Pakistani Taliban, known as the TTP, said it …": skip an
		// apposition between commas.
		k := branchOf(toks, last+1)
		if k < len(toks) && toks[k].Is(",") {
			for k++; k < len(toks) && k < last+10 && !toks[k].Is(","); k++ {
			}
			k++
		}
		if claimAfter(toks, k) {
			return m.Actor
		}
		// "blamed the attack on X", "was blamed on X", "blamed X for".
		for b := m.First - 1; b >= 0 && b >= m.First-5; b-- {
			if toks[b].Is("blamed", "blames", "blame") {
				on := false
				for k := b + 1; k < m.First; k++ {
					on = on || toks[k].Is("on")
				}
				if on || b == m.First-1 || b == m.First-2 && toks[m.First-1].Is("the") {
					return m.Actor
				}
				break
			}
		}
	}
	return nil
}

// branchOf skips, after a group's name, the words that name a branch of
// it: "Islamic State's affiliate in Afghanistan claimed", "al-Qaeda's
// branch in Yemen said".
func branchOf(toks []text.Token, k int) int {
	if k >= len(toks) || !toks[k].Is("affiliate", "branch", "wing", "offshoot", "arm", "franchise", "faction", "chapter") {
		return k
	}
	k++
	if k+1 < len(toks) && toks[k].Is("in") {
		j := k + 1
		if toks[j].Is("the") {
			j++
		}
		for j < len(toks) && toks[j].Kind == text.Word && toks[j].Capitalised() {
			j++
		}
		if j > k+1 {
			k = j
		}
	}
	return k
}

// claims gives an incident the actor a later sentence says was
// responsible for it, unless the incident's body names a perpetrator of its
// own that is more than a descriptive word. A headline's perpetrator gives
// way: a claim is said outright, the headline's is read off a few words.
func (x *Extractor) claims(d *doc, evs []*event) {
	if len(evs) == 0 {
		return
	}
	for _, s := range d.sents {
		if s.background || len(s.actors) == 0 {
			continue
		}
		a := claimed(s)
		if a == nil {
			continue
		}
		var e *event
		for _, ev := range evs {
			if ev.first <= s.Index {
				e = ev
			}
		}
		if e == nil {
			e = evs[0]
		}
		if e.Perpetrator == "" || x.generic[e.Perpetrator] || e.perpTitle {
			e.Perpetrator, e.perpTitle = a.Name, false
		}
	}
}

// containerWords may stand between a named place and the broader place
// that locates it: "the Nuseirat refugee camp in central Gaza", "Bint
// Jbeil, a town in southern Lebanon".
var containerWords = map[string]bool{
	"refugee": true, "camp": true, "district": true, "neighbourhood": true, "neighborhood": true, "suburb": true,
	"area": true, "town": true, "village": true, "city": true, "quarter": true, "market": true, "in": true, "of": true,
	"the": true, "a": true, ",": true, "northern": true, "southern": true, "eastern": true, "western": true, "central": true,
	"north": true, "south": true, "east": true, "west": true, "northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
}

// containsNamed reports whether place i of a sentence only locates a
// more precise place named just before it in the same phrase.
func containsNamed(s *sentence, i int) bool {
	if i == 0 {
		return false
	}
	q, p := &s.places[i], &s.places[i-1]
	if p.Kind == places.KindCountry || q.Kind == places.KindVillage || p.Place.Country != q.Place.Country || placeRank(p.Kind) < placeRank(q.Kind) {
		return false
	}
	k := p.tok + 1
	for k < q.tok && s.toks[k].Start < p.End-s.Start {
		k++
	}
	in := false
	for ; k < q.tok; k++ {
		if !containerWords[s.toks[k].Norm] {
			return false
		}
		in = in || s.toks[k].Is("in", "of")
	}
	return in && q.tok-p.tok <= 7
}

// locatedIn reports whether a sentence names place p as inside the place
// of key outer in one phrase: "the Nuseirat camp in central Gaza".
func locatedIn(s *sentence, p *placeAt, outer string) bool {
	for i := 1; i < len(s.places); i++ {
		if &s.places[i-1] == p && s.places[i].nameKey == outer && p.nameKey != outer && containsNamed(s, i) {
			// Only a part of a city: a camp, district or quarter.
			for k := p.tok + 1; k < s.places[i].tok; k++ {
				if s.toks[k].Is("camp", "district", "neighbourhood", "neighborhood", "quarter", "suburb") {
					return true
				}
			}
		}
	}
	return false
}

// locatingWords may stand, besides the container words, between a named
// place and the broader place a phrase puts it in: "El Fasher, the capital
// of Sudan's North Darfur state".
var locatingWords = map[string]bool{
	"capital": true, "seat": true, "provincial": true, "regional": true, "state": true, "province": true, "region": true,
	"'s": true, "’s": true, "s": true,
}

// placedWithin reports whether a sentence puts place p, in one phrase,
// inside a compass part of the broader place outer: "El Fasher, the
// capital of North Darfur state" under a headline naming Darfur, "El-Tor,
// a town in South Sinai" under one naming Sinai. A region named for a part of
// outer makes outer broader than any one town. A place put "in" outer
// itself is left to locatedIn: a headline's "Raqqa" may be the city or its
// province, and the body's town may be a second scene. A country named on
// the way ("Sudan's") is passed over; "east of" places beside, not in.
func placedWithin(s *sentence, p *placeAt, outer *placeAt) bool {
	pi := -1
	for i := range s.places {
		if &s.places[i] == p {
			pi = i
		}
	}
	if pi < 0 || p.nameKey == outer.nameKey {
		return false
	}
	k, in := afterPlace(s, p), false
	for j := pi + 1; j < len(s.places); j++ {
		q := &s.places[j]
		if q.tok-p.tok > 12 {
			return false
		}
		for ; k < q.tok; k++ {
			w := s.toks[k].Norm
			if !containerWords[w] && !locatingWords[w] {
				return false
			}
			in = in || w == "in" || w == "of" && !compassNames[s.toks[k-1].Norm]
		}
		if in && q.Kind == places.KindRegion && compassPart(q) == outer.nameKey && q.Place.Country == outer.Place.Country {
			return true
		}
		// "Zaria in Kaduna State" under a headline's "Kaduna", "Deir
		// al-Balah in the central Gaza Strip" under its "Gaza": the
		// headline named the region by its short name.
		if in && q.Kind == places.KindRegion && outer.Kind != places.KindRegion && q.nameKey == outer.nameKey && regionNamed(s, q) {
			return true
		}
		if q.Kind != places.KindCountry {
			return false
		}
		k = afterPlace(s, q)
	}
	return false
}

// afterPlace is the index of the first token after place p.
func afterPlace(s *sentence, p *placeAt) int {
	k := p.tok + 1
	for k < len(s.toks) && s.toks[k].Start < p.End-s.Start {
		k++
	}
	return k
}

// compassNames open the names of regions that are one part of a broader
// one: North Darfur of Darfur, South Sinai of Sinai.
var compassNames = map[string]bool{
	"north": true, "northern": true, "south": true, "southern": true, "east": true, "eastern": true,
	"west": true, "western": true, "central": true,
}

// compassPart is the key of the broader place a compass-named region is a
// part of ("Northern Darfur" → Darfur), or "" for other places.
func compassPart(p *placeAt) string {
	first, rest, ok := strings.Cut(p.Place.Name, " ")
	if !ok || p.Kind == places.KindCountry || !compassNames[strings.ToLower(first)] {
		return ""
	}
	return placeKey(rest)
}

// settleRoles keeps an event's perpetrator plausible: an air strike is
// carried out by an actor with aircraft (or drones, for a drone strike), so
// a group named by one gives way to the next capable actor the article
// named, else to no one; and no actor is its own target.
func (x *Extractor) settleRoles(e *event) {
	if e.Kind.Is(sitrep.KindAirstrike) && !x.canStrike(e, e.Perpetrator) {
		e.Perpetrator = ""
		for _, p := range e.perps {
			if x.canStrike(e, p) && p != e.Target {
				e.Perpetrator = p
				break
			}
		}
	}
	if e.Target == e.Perpetrator {
		e.Target = ""
	}
}

// groundRaid makes an incident read as an air strike only from "raid" or
// "raids" a ground attack when everyone the article says did it has no
// aircraft: "ADF rebels killed 22 in raids on villages".
func (x *Extractor) groundRaid(e *event) {
	if !e.Kind.Is(sitrep.KindAirstrike) || e.strength > 2 || e.Perpetrator == "" || x.canStrike(e, e.Perpetrator) || !saysRaid(e) {
		return
	}
	for _, p := range e.perps {
		if x.canStrike(e, p) {
			return
		}
	}
	e.Kind, e.strength = sitrep.KindClash, 1
}

// saysRaid reports whether an event's text calls it a raid.
func saysRaid(e *event) bool {
	for _, s := range e.Sentences {
		l := strings.ToLower(s)
		if strings.Contains(l, " raid") {
			return true
		}
	}
	return false
}

// canStrike reports whether the actor named p can have carried out the air
// strike e reports.
func (x *Extractor) canStrike(e *event, p string) bool {
	if p == "" {
		return false
	}
	a, ok := x.actorByName[p]
	if !ok {
		return true // a name the table lacks is not second-guessed
	}
	return a.CanAirStrike(byDrone(e))
}

// byDrone reports whether an event's text says the strike was by drone.
func byDrone(e *event) bool {
	for _, s := range e.Sentences {
		l := strings.ToLower(s)
		if strings.Contains(l, "drone") || strings.Contains(l, "uav") {
			return true
		}
	}
	return false
}

// regionNamed reports whether a region mention says it is one by a word
// of its own: "Kaduna State", "the Gaza Strip", "Idlib province".
func regionNamed(s *sentence, q *placeAt) bool {
	return strings.IndexByte(strings.TrimSpace(q.Text), ' ') > 0
}
