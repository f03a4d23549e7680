package extract

import (
	"strings"
	"time"

	sitrep "github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/actors"
	"github.com/sitrep-bot/sitrep/briefing/places"
	"github.com/sitrep-bot/sitrep/briefing/text"
	"github.com/sitrep-bot/sitrep/briefing/translit"
)

// event is an event being built, with bookkeeping the result does not carry.
type event struct {
	sitrep.Event
	first     int // index of its first sentence
	strength  int // of the trigger that set its kind
	place     *placeAt
	placeRank int
	dayKnown  bool
	figs      []fig
	keys      map[string]bool // participants' keys, for developments
	sentIdx   map[int]bool
	civilSite bool // a market, school, camp of displaced people… was struck
	// perpTitle is set while the perpetrator comes from the headline,
	// which abbreviates ("Coalition jets"); the body's name replaces it.
	perpTitle bool
	// placeTitle is set while the place comes from the headline, and
	// kindTitle while the kind does.
	placeTitle bool
	kindTitle  bool
	precise    *placeAt // the body's more precise name for the headline's place
	// perps lists every perpetrator a clause named, in order, so one
	// that cannot have done the act can give way to one that can.
	perps []string
	// lead is the body sentence that first gave the event figures, set
	// with hasLead: its counts and the headline's are the event's toll.
	lead    int
	hasLead bool
}

// clause is the part of a sentence one incident is read from, with the day
// it defaults to.
type clause struct {
	s        *sentence
	lo, hi   int
	offset   int // days before the sentence's main clause: "a day after" → 1
	relative bool
	// back is how many days before the clause's date the incident it
	// reports happened: "the toll rose on Sunday, a day after the attack".
	back int
}

// candidate is what one clause says about an incident.
type candidate struct {
	c        clause
	kind     sitrep.Kind
	strength int
	trigger  int
	figs     []fig
	place    *placeAt
	rank     int
	day      time.Time
	dayKnown bool
	dayRank  int // how surely the clause gives its day: dayGuessed … dayTied
	// fresh is set for a clause that says it tells another incident:
	// "Later on Tuesday, …", "Separately, …", "In another attack, …".
	fresh   bool
	perp    string
	target  string
	anaphor bool // "the strikes", "the attack": refers back
	// definite is set when the word that set the kind itself refers back
	// ("The blast shattered windows", "Tuesday's strikes were aimed at"),
	// not another incident the clause names.
	definite bool
	subject  string // "The soldiers were killed by …": the figure category it refers back to
	noun     string // and the noun itself
	civil    bool   // names a civilian site or civilians as what was struck
	// placeOnly is set for a clause that only places an incident told
	// before ("the strike hit the town of X"); it never starts one.
	placeOnly bool
}

// clauses splits a sentence at "a day after" and the like, so the event
// after the phrase takes an earlier day.
func clauses(s *sentence) []clause {
	toks := s.toks
	for i := 0; i+2 < len(toks); i++ {
		if !toks[i+2].Is("after", "before", "earlier") || !toks[i+1].Is("day", "days") {
			continue
		}
		n := 0
		switch {
		case toks[i].Is("a", "one", "the"):
			n = 1
		case toks[i].Is("two"):
			n = 2
		case toks[i].Kind == text.Digits && len(toks[i].Text) == 1:
			n = int(toks[i].Text[0] - '0')
		}
		if n == 0 || toks[i+2].Is("earlier") {
			continue
		}
		if toks[i].Capitalised() {
			// "A day after the first massacre in X, air strikes killed
			// dozens in Y": the sentence's news is the later incident,
			// and where the earlier one's words end is not marked.
			break
		}
		if toks[i+2].Is("before") {
			n = -n
		}
		if n > 0 && afterIncident(toks, i+3) && (isRevision(toks[:i]) || !ownTrigger(s, 0, i)) {
			// "…, a day after the attack": the clause reports the
			// aftermath of an incident a day earlier.
			return []clause{{s: s, lo: 0, hi: len(toks), back: n}}
		}
		return []clause{{s: s, lo: 0, hi: i}, {s: s, lo: i + 3, hi: len(toks), offset: n, relative: true}}
	}
	return []clause{{s: s, lo: 0, hi: len(toks)}}
}

// ownTrigger reports whether toks[lo:hi] name an incident of their own with
// a word that says what happened: "drones hit Sumy on Wednesday, a day
// after a missile strike" reports the drones, not the day after.
func ownTrigger(s *sentence, lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if e, _ := matchEntries(s.lists(i).triggers, s.toks, i); e != nil && e.strength >= 2 {
			return true
		}
	}
	return false
}

// incidents reads the incidents an article reports.
func (x *Extractor) incidents(d *doc) []*event {
	var cands []candidate
	for _, s := range d.sents {
		if s.background {
			continue
		}
		var main *candidate
		for _, c := range clauses(s) {
			cd, ok := x.candidate(d, c)
			if !ok {
				continue
			}
			if c.relative && !hasCounted(cd.figs) {
				// "… a day after a deadly missile strike": another
				// incident recalled, not reported.
				continue
			}
			if c.relative && main != nil {
				cd.day = main.day.AddDate(0, 0, -c.offset)
				cd.dayKnown = main.dayKnown
			}
			cands = append(cands, cd)
			if main == nil {
				main = &cands[len(cands)-1]
			}
		}
	}
	var evs []*event
	for _, cd := range cands {
		if cd.c.s.Index >= d.lead && recalled(cd) {
			// Another incident recalled or a tally: background.
			continue
		}
		if e := x.mergeTarget(evs, cd); e != nil {
			x.absorb(e, cd)
			continue
		}
		if cd.subject != "" || cd.placeOnly {
			continue
		}
		if cd.c.s.Index >= d.lead && !startsBodyIncident(cd, evs) {
			if e := updatedByBody(evs, cd); e != nil {
				// It adds figures, a place or a name; the lead's word for
				// what happened stands.
				cd.strength = 0
				x.absorb(e, cd)
			}
			continue
		}
		e := &event{first: cd.c.s.Index, sentIdx: map[int]bool{}}
		e.Category = sitrep.CategoryIncident
		e.Day = d.pub
		x.absorb(e, cd)
		evs = append(evs, e)
	}
	x.claims(d, evs)
	var out []*event
	for _, e := range evs {
		if x.finishIncident(d, e) {
			out = append(out, e)
		}
	}
	return out
}

// candidate reads one clause.
func (x *Extractor) candidate(d *doc, c clause) (candidate, bool) {
	s := c.s
	cd := candidate{c: c, trigger: -1}
	for i := c.lo; i < c.hi; i++ {
		e, n := matchEntries(s.lists(i).triggers, s.toks, i)
		if e == nil {
			continue
		}
		if modifierParticiple(s.toks, i, n, e.kind()) || x.industry(s, i, c.hi) || x.figurative(s, i, c.hi) {
			// "two abducted aid workers": who the victims were, not what
			// happened to them now; "an aircraft carrier", "air raid
			// sirens": a thing, not an attack.
			i += n - 1
			continue
		}
		if e.strength > cd.strength || e.strength == cd.strength && cd.kind == sitrep.KindAbduction && e.kind() == sitrep.KindExecution {
			cd.kind, cd.strength, cd.trigger = e.kind(), e.strength, i
		}
		if i > 0 && s.toks[i-1].Is("the", "these", "those", "this", "that") {
			cd.anaphor = true
		}
		i += n - 1
	}
	cd.figs = x.figures(s, c.lo, c.hi)
	if len(cd.figs) == 0 && cd.trigger >= 0 && (x.trades(s, max(c.lo, cd.trigger-8), cd.trigger) || x.industry(s, cd.trigger, c.hi) || x.figurative(s, cd.trigger, c.hi)) {
		// "agreed to buy 30 fighter jets": the weapons are goods.
		return cd, false
	}
	cd.civil = x.civilianSite(s, c.lo, c.hi)
	cd.definite = cd.trigger > 0 && s.toks[cd.trigger-1].Is("the", "this", "that", "these", "those")
	if !hasCounted(cd.figs) && (x.aftermath(s, c) || quoteOnly(s, c, cd.trigger)) {
		// "The city is still mourning the victims of a strike on
		// Monday": an incident recalled, not reported. "We discussed
		// drones," the president said: words, not an attack.
		return cd, false
	}
	if cd.trigger >= 0 && cd.strength >= 2 && !hasCounted(cd.figs) && x.weaponOnly(s, c, cd.trigger) {
		// "joint production of drones", "more air defence": a weapon
		// named with no attack on anyone.
		return cd, false
	}
	cd.fresh = c.lo == 0 && freshIncident(s.toks)
	if cd.strength < 2 && !hasCounted(cd.figs) {
		// "The soldiers were reportedly killed by …" adds to the count of soldiers.
		if subj := x.sameSubject(s, c); subj != "" {
			cd.subject, cd.noun, cd.kind, cd.strength = subj, s.toks[1].Norm, "", 0
			cd.perp, cd.target = x.roles(s, c.lo, c.hi, d.hint)
			return cd, true
		}
		// "Their captors killed them on Wednesday": the incident told
		// before, now dated and its perpetrator named.
		if k := killedPronoun(s.toks, c.lo, c.hi); k >= 0 {
			cd.day, cd.dayRank = x.clauseDay(d, c, cd.trigger)
			cd.dayKnown = cd.dayRank >= dayStated
			cd.perp, _ = x.roles(s, c.lo, c.hi, d.hint)
			cd.placeOnly = true
			return cd, true
		}
		// "The strike hit the town of X": the incident told before, now
		// placed. "The strike on Tuesday afternoon damaged a warehouse":
		// now dated.
		if cd.anaphor && cd.trigger >= 0 {
			p, r := x.bestPlace(s, c.lo, c.hi, cd.trigger, d.hint)
			day, rank := x.clauseDay(d, c, cd.trigger)
			if p != nil && r > rankRegion || rank == dayTied {
				if p != nil && r > rankRegion {
					cd.place, cd.rank = p, r
				}
				cd.day, cd.dayKnown, cd.placeOnly = d.pub, false, true
				if rank == dayTied {
					cd.day, cd.dayKnown, cd.dayRank = day, true, rank
				}
				return cd, true
			}
		}
		// "condemns Monday's Israeli strike on a school": a weak word tied
		// to its day still names an incident.
		if cd.trigger < 0 || cd.anaphor || !possessiveDay(s, cd.trigger) {
			return cd, false
		}
		// It is definite, like "the strike": the incident just told, if any.
		cd.anaphor, cd.definite = true, true
	}
	if cd.strength < 2 {
		// A weak word ("strikes", "attack") with a toll still says what happened.
		cd.strength = min(cd.strength, 1)
	}
	cd.day, cd.dayRank = x.clauseDay(d, c, cd.trigger)
	cd.dayKnown = cd.dayRank >= dayStated
	anchor := cd.trigger
	if anchor < 0 && len(cd.figs) > 0 {
		anchor = cd.figs[0].tok
	}
	cd.place, cd.rank = x.bestPlace(s, c.lo, c.hi, anchor, d.hint)
	cd.perp, cd.target = x.roles(s, c.lo, c.hi, d.hint)
	if cd.perp == "" {
		cd.perp = x.countryPerp(s, c.lo, c.hi)
	}
	if cd.perp == "" {
		cd.perp = x.demonymPerp(d, s, c.lo, c.hi)
	}
	return cd, true
}

// trades reports whether a clause buys, sells or delivers arms rather than
// uses them.
func (x *Extractor) trades(s *sentence, lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if x.lx.trade[s.toks[i].Norm] {
			return true
		}
	}
	return false
}

// industry reports whether the weapon a trigger at i names is followed by
// a word that makes it an industry: "drone makers", "missile factory".
func (x *Extractor) industry(s *sentence, i, hi int) bool {
	for k := i + 1; k < min(i+3, hi, len(s.toks)); k++ {
		if x.lx.industry[s.toks[k].Norm] {
			return true
		}
	}
	return false
}

// countryPerp reads a country named as the one striking: "Syria carries
// out air strikes", "Russia bombed the town". Its government's forces are
// the perpetrator.
func (x *Extractor) countryPerp(s *sentence, lo, hi int) string {
	for i := range s.places {
		p := &s.places[i]
		if p.Kind != places.KindCountry || p.tok < lo || p.tok >= hi {
			continue
		}
		next := p.tok + 1
		for next < len(s.toks) && s.toks[next].Start < p.End-s.Start {
			next++
		}
		if next < len(s.toks) && s.toks[next].Is("also", "reportedly", "has", "have", "had") {
			next++
		}
		if next >= len(s.toks) {
			continue
		}
		w := s.toks[next]
		if w.Is("carries", "carried", "launches", "launched", "conducts", "conducted", "bombs", "bombed", "pounds", "pounded", "strikes", "struck", "shells", "shelled") {
			if name := x.states[p.Place.Country]; name != "" {
				return name
			}
		}
	}
	return ""
}

func hasCounted(fs []fig) bool {
	for _, f := range fs {
		if f.Value > 0 || f.Vague != "" && !f.subset {
			return true
		}
	}
	return false
}

// sameSubject reads a sentence that opens with a definite casualty noun and
// says they were killed ("The soldiers were reportedly killed …"), returning
// the figure category it refers back to.
func (x *Extractor) sameSubject(s *sentence, c clause) string {
	toks := s.toks
	if c.lo != 0 || len(toks) < 4 || !toks[0].Is("the") {
		return ""
	}
	cat, ok := x.lx.casualty[toks[1].Norm]
	if !ok || cat == "killed" {
		return ""
	}
	for k := 2; k < len(toks) && k < 6; k++ {
		if killedAfter[toks[k].Norm] {
			return figureCat(cat)
		}
	}
	return ""
}

// Place ranks: how precisely a mention places an event.
const (
	rankNone    = 0
	rankCountry = 1
	rankRegion  = 2
	rankCity    = 3
	rankVillage = 4
)

func placeRank(kind string) int {
	switch kind {
	case places.KindCountry:
		return rankCountry
	case places.KindRegion:
		return rankRegion
	case places.KindCity:
		return rankCity
	case places.KindVillage:
		return rankVillage
	}
	return rankCity
}

// bestPlace picks the place mention of a clause nearest its anchor, most
// precise first, preferring places the event happened "in" or "near" over
// places people came "from".
func (x *Extractor) bestPlace(s *sentence, lo, hi, anchor int, hint string) (*placeAt, int) {
	var best *placeAt
	bestScore := -1e9
	bestRank := rankNone
	for i := range s.places {
		p := &s.places[i]
		if p.tok < lo || p.tok >= hi || insideActor(s, p.tok) || origin(s, p.tok) || metonym(s, p) || partOfTown(s, i) || nationality(s, p) && p.Place.Country != hint {
			continue
		}
		rank := placeRank(p.Kind)
		score := float64(rank) * 2
		if containsNamed(s, i) {
			// "the Jabalia refugee camp in northern Gaza": the broader
			// place only locates the named one.
			score -= 3
		}
		if p.dateline {
			score -= 8
		}
		// A place abroad in an article about one country is usually a
		// capital issuing statements or a misread name.
		if hint != "" && p.Place.Country != "" && p.Place.Country != hint && p.Kind != places.KindCountry {
			score -= 6
		}
		if p.tok > 0 {
			switch {
			case fromPlace(s, p.tok):
				score -= 3
			case afterLocative(s, p.tok):
				score += 1
			case s.toks[p.tok-1].Is("from", "to", "toward", "towards"):
				score -= 3
			}
		}
		if anchor >= 0 {
			dist := p.tok - anchor
			if dist < 0 {
				dist = -dist
			}
			score -= float64(dist) / 15
		}
		if score > bestScore {
			best, bestScore, bestRank = p, score, rank
		}
	}
	return best, bestRank
}

// nationality reports whether a country is named as the nationality of
// forces, not as a place: "US, UK jets pound …", "UK warplanes". In an
// article about that country's own war ("Syria air raid kills 12") it is
// still where the strike fell.
func nationality(s *sentence, p *placeAt) bool {
	if p.Kind != places.KindCountry {
		return false
	}
	k := afterPlace(s, p)
	for n := 0; k+1 < len(s.toks) && n < 2 && s.toks[k].Is("and", ",") && s.toks[k+1].Capitalised(); n++ {
		k += 2 // "US, UK jets": the next country's
	}
	return k < len(s.toks) && forceNounAfter(s.toks, k-1, len(s.toks))
}

// partWords name a part of a town, or stand between one and the town:
// "the Al-Tuffah neighbourhood of Gaza City", "the Abu Shouk camp for
// displaced people, on the edge of El Fasher".
var partWords = map[string]bool{
	"neighbourhood": true, "neighborhood": true, "district": true, "camp": true, "quarter": true, "suburb": true,
	"area": true, "refugee": true, "displacement": true, "for": true, "displaced": true, "people": true, "refugees": true,
	"families": true, "of": true, "in": true, "on": true, "at": true, "near": true, "outside": true, "the": true, "a": true,
	"edge": true, "outskirts": true, ",": true, "western": true, "eastern": true, "northern": true, "southern": true,
}

// partOfTown reports whether place i of a sentence is a part of a town
// the gazetteer lacks, named with the town it is in: then the town places
// the event. "The Al-Tuffah neighbourhood of Gaza City" is in Gaza City,
// "Kharkiv's Saltivskyi district" in Kharkiv.
func partOfTown(s *sentence, i int) bool {
	p := &s.places[i]
	if !p.Unlisted {
		return false
	}
	k := afterPlace(s, p)
	if k >= len(s.toks) || !s.toks[k].Is("neighbourhood", "neighborhood", "district", "camp", "quarter", "suburb", "area", "refugee") {
		return false
	}
	// "Kharkiv's Saltivskyi district".
	if i > 0 {
		q := &s.places[i-1]
		if q.Kind == places.KindCity && !q.Unlisted && q.Place.Country == p.Place.Country && afterPlace(s, q) == p.tok && possessive(s.toks[p.tok-1].Text) {
			return true
		}
	}
	for j := i + 1; j < len(s.places); j++ {
		q := &s.places[j]
		if q.tok-p.tok > 14 {
			return false
		}
		for ; k < q.tok; k++ {
			if !partWords[s.toks[k].Norm] {
				return false
			}
		}
		if q.Kind == places.KindCity && !q.Unlisted && q.Place.Country == p.Place.Country {
			return true
		}
		k = afterPlace(s, q)
	}
	return false
}

// fromPlace reports whether the place at token tok is where people came
// from, named through a noun phrase: "evacuees from the besieged towns of
// Foua and Kefraya", "residents out of the village of X".
func fromPlace(s *sentence, tok int) bool {
	for k := tok - 1; k >= 0 && k >= tok-10; k-- {
		tk := s.toks[k]
		switch {
		case tk.Is("from") || tk.Is("of") && k > 0 && s.toks[k-1].Is("out"):
			return k < tok-1
		case tk.Is("the", "of", "and", "two", "towns", "villages", "town", "village", "city", "cities", "areas", "area", "besieged", "neighbouring", "nearby"):
		case tk.Kind == text.Word && (tk.Capitalised() || strings.Contains(tk.Norm, "-") || strings.HasSuffix(tk.Norm, "ern") || strings.HasSuffix(tk.Norm, "ly") || strings.HasSuffix(tk.Norm, "ged")):
		default:
			return false
		}
	}
	return false
}

// insideActor reports whether token i lies in an actor or source name
// ("Syrian army", "Britain-based monitor"), where a place word is not a place.
func insideActor(s *sentence, i int) bool {
	for _, m := range s.actors {
		if i >= m.First && i <= m.Last {
			return true
		}
	}
	for _, m := range s.sources {
		if i >= m.First && i <= m.Last {
			return true
		}
	}
	for _, m := range s.people {
		if i >= m.First && i <= m.Last {
			return true
		}
	}
	return false
}

// attackVerbs make the actor before them the perpetrator.
var attackVerbs = map[string]bool{
	"struck": true, "strike": true, "strikes": true, "hit": true, "hits": true, "shelled": true, "shell": true, "bombed": true, "bomb": true,
	"pounded": true, "pound": true, "targeted": true, "target": true, "launched": true, "launch": true, "carried": true, "carry": true, "executed": true,
	"killed": true, "kill": true, "kills": true, "fired": true, "fire": true, "attacked": true, "attack": true, "stormed": true, "detonated": true,
	"shot": true, "bombarded": true, "raided": true, "ambushed": true, "kidnapped": true, "abducted": true, "beheaded": true, "claimed": true,
	"air": true, "airstrikes": true, "airstrike": true, "warplanes": true, "jets": true, "aircraft": true, "helicopters": true, "artillery": true,
	"shelling": true, "raids": true, "planes": true, "war": true, "rockets": true, "mortar": true, "forces": true, "troops": true, "drone": true,
}

// hostWords before an actor make it the one a struck site holds: "a base
// hosting US troops", "a convoy carrying Turkish soldiers".
var hostWords = map[string]bool{
	"hosting": true, "hosts": true, "housing": true, "houses": true, "sheltering": true, "carrying": true,
	"transporting": true, "ferrying": true, "escorting": true,
}

// hostedBy before "by" and an actor make it the one a struck site
// belongs to: "a base used by US forces", "a post manned by soldiers".
var hostedBy = map[string]bool{
	"used": true, "occupied": true, "manned": true, "operated": true, "frequented": true, "guarded": true, "staffed": true,
}

// roles reads the perpetrator and target of a clause from its actors. A
// descriptive word tied to one country ("gunmen" for Syria's rebels) names
// no one in an article about another country.
func (x *Extractor) roles(s *sentence, lo, hi int, hint string) (perp, target string) {
	var generic string
	// acted records who did it: a named actor as the perpetrator, a
	// descriptive word apart, as a fallback.
	acted := func(a *actors.Actor) {
		if a.Kind != actors.KindGeneric {
			if perp == "" {
				perp = a.Name
			}
		} else if generic == "" && (hint == "" || a.Country == "" || a.Country == hint) {
			generic = a.Name
		}
	}
	for _, m := range s.actors {
		if m.First < lo || m.First >= hi {
			continue
		}
		a := m.Actor
		// "Islamic State militants executed": the members noun belongs to the actor.
		last := m.Last
		if last+1 < len(s.toks) && s.toks[last+1].Is("militants", "fighters", "jihadists", "gunmen", "forces", "troops", "soldiers", "members", "rebels", "insurgents") {
			last++
		}
		m.Last = last
		prev := ""
		if m.First > 0 {
			prev = s.toks[m.First-1].Norm
		}
		prev2 := ""
		if m.First > 1 {
			prev2 = s.toks[m.First-2].Norm
		}
		next := ""
		if k := skipAside(s.toks, m.Last+1); k < len(s.toks) {
			next = s.toks[k].Norm
		}
		member := memberOf(s.toks, m.First)
		switch {
		case member && attackFollows(s.toks, m.Last+1):
			// "Fighters of X killed …", "gunmen belonging to X stormed
			// …": X did it.
			acted(a)
		case member:
			// "killed 12 fighters from X": X lost them.
			if target == "" {
				target = a.Name
			}
		case blamedOn(s.toks, m.First) && a.Kind != actors.KindGeneric:
			// "a drone strike blamed on the Rapid Support Forces".
			if perp == "" {
				perp = a.Name
			}
		case m.Suffix == "held" || m.Suffix == "controlled" || m.Suffix == "occupied" || m.Suffix == "besieged" || m.Suffix == "run" || m.Suffix == "dominated":
			if target == "" {
				target = a.Name
			}
		case prev == "to" && (prev2 == "linked" || prev2 == "affiliated" || prev2 == "allied" || prev2 == "loyal" || prev2 == "close") || prev == "with" && (prev2 == "linked" || prev2 == "affiliated" || prev2 == "allied" || prev2 == "aligned"):
			// "a group linked to Islamic State": who the actor is tied
			// to, not who acted.
		case m.Suffix == "led" || m.Suffix == "backed":
			// "Saudi-led", "US-backed": the leader is not the actor itself.
		case prev == "on" || prev == "against" || prev == "targeting" || prev == "of" && prev2 == "stronghold" || prev == "of" && (prev2 == "positions" || prev2 == "strongholds") || prev == "by" && prev2 == "held" || prev == "by" && prev2 == "controlled":
			if target == "" {
				target = a.Name
			}
		case hostWords[prev] || prev == "by" && hostedBy[prev2] || prev == "to" && prev2 == "home":
			// "a base hosting US troops", "a compound used by foreign
			// forces": the ones hosted are what was hit.
			if target == "" {
				target = a.Name
			}
		case prev == "by" || attackVerbs[next] || strings.Contains(strings.ToLower(s.toks[m.Last].Norm), "warplane") || m.Last > m.First && attackVerbs[s.toks[m.Last].Norm]:
			acted(a)
		case next == "positions" || next == "targets" || next == "stronghold" || next == "strongholds":
			if target == "" && a.Kind != actors.KindGeneric {
				target = a.Name
			}
		}
	}
	if perp == "" {
		perp = generic
	}
	if perp == target {
		target = ""
	}
	return perp, target
}

// mergeTarget finds the event a candidate adds to: one at a compatible
// place with a compatible kind, or, for a clause naming no place, the latest
// event of a compatible kind.
func (x *Extractor) mergeTarget(evs []*event, cd candidate) *event {
	if len(evs) == 0 {
		return nil
	}
	if cd.c.relative {
		// "… a day after an air strike killed 12 in X": an incident of
		// another day joins only one told for that day.
		for i := len(evs) - 1; i >= 0; i-- {
			if e := evs[i]; e.dayKnown && e.Day.Equal(cd.day) && kindsCompatible(e, cd) && (cd.place == nil || e.place == nil || samePlace(e.place, cd.place)) {
				return e
			}
		}
		return nil
	}
	if cd.subject != "" {
		for i := len(evs) - 1; i >= 0; i-- {
			for _, f := range evs[i].figs {
				if f.noun == cd.noun {
					return evs[i]
				}
			}
		}
		for i := len(evs) - 1; i >= 0; i-- {
			for _, f := range evs[i].figs {
				if f.What == cd.subject {
					return evs[i]
				}
			}
		}
		return nil
	}
	if cd.fresh && cd.kind != "" && (cd.strength >= 2 || hasCounted(cd.figs)) && !cd.placeOnly {
		return nil
	}
	if cd.definite && !cd.placeOnly && !hasCounted(cd.figs) && cd.rank <= rankRegion {
		// "The blast shattered windows", "Tuesday's strikes were aimed
		// at …": the incident just told.
		return evs[len(evs)-1]
	}
	specific := cd.place != nil && cd.rank > rankCountry
	if specific {
		for i := len(evs) - 1; i >= 0; i-- {
			e := evs[i]
			// A headline's broad area holds the town the body puts in a
			// part of it, wherever the gazetteer pins the area.
			within := e.placeTitle && !cd.c.s.title && placedWithin(cd.c.s, cd.place, e.place)
			if e.place != nil && e.placeRank > rankCountry && (samePlace(e.place, cd.place) || within) && kindsCompatible(e, cd) {
				return e
			}
		}
		last := evs[len(evs)-1]
		if (last.place == nil || last.placeRank <= rankCountry) && kindsCompatible(last, cd) && (cd.place == nil || last.place == nil || last.place.Place.Country == "" || last.place.Place.Country == cd.place.Place.Country) {
			return last
		}
		return nil
	}
	for i := len(evs) - 1; i >= 0; i-- {
		if kindsCompatible(evs[i], cd) && !abroad(evs[i], cd) {
			return evs[i]
		}
	}
	if cd.kind == "" {
		return evs[len(evs)-1]
	}
	return nil
}

// kindsCompatible reports whether a candidate can describe the same
// incident as an event: kinds of one family, either kind only suggested,
// or a pair that one incident's own report names both ways.
func kindsCompatible(e *event, cd candidate) bool {
	a, b := e.Kind.Family(), cd.kind.Family()
	if a == "" || b == "" || a == b {
		return true
	}
	if cd.strength < 3 || e.strength < 3 {
		return true
	}
	return oneIncident[[2]sitrep.Kind{a, b}] || oneIncident[[2]sitrep.Kind{b, a}]
}

// oneIncident pairs the families one report may name one incident by:
// strikes cause explosions, a suicide attack is a bombing, an execution is
// an attack on civilians.
var oneIncident = map[[2]sitrep.Kind]bool{
	{sitrep.KindAirstrike, sitrep.KindBombing}:     true,
	{sitrep.KindSuicideAttack, sitrep.KindBombing}: true,
	{sitrep.KindExecution, sitrep.KindAttack}:      true,
}

// samePlace reports whether two places can be the scene of one incident: the
// same place, or one inside the other's region. Two towns the gazetteer
// knows in one region are read as one scene, as copy often names a town
// and then its province's capital; a village is a place of its own, inside
// only a region named as such.
func samePlace(a, b *placeAt) bool {
	ka, kb := a.nameKey, b.nameKey
	if ka == kb {
		return true
	}
	aa, ab := a.adminKey, b.adminKey
	if a.Kind == places.KindVillage || b.Kind == places.KindVillage {
		return b.Kind == places.KindRegion && aa != "" && aa == kb || a.Kind == places.KindRegion && ab != "" && ab == ka
	}
	return aa != "" && (aa == kb || aa == ab) || ab != "" && ab == ka
}

// placeKey compares place names across spellings and "X Governorate"/"X province".
func placeKey(name string) string {
	if name == "" {
		return ""
	}
	n := strings.ToLower(name)
	for _, suf := range []string{" governorate", " province", " countryside", " muhafazat", " state", " strip", " oblast", " region"} {
		n = strings.TrimSuffix(n, suf)
	}
	return translit.Key(n)
}

// absorb adds a candidate to an event.
func (x *Extractor) absorb(e *event, cd candidate) {
	s := cd.c.s
	if !e.sentIdx[s.Index] {
		e.sentIdx[s.Index] = true
		e.Sentences = append(e.Sentences, s.Text)
	}
	// A headline's word for the attack gives way to the body's equally
	// sure one: "bomb attack" over "a guided aerial bomb struck".
	refers := cd.definite && !hasCounted(cd.figs) && len(e.Sentences) > 1
	if !refers && (cd.strength > e.strength || cd.strength == e.strength && e.kindTitle && !s.title && cd.kind != "") {
		e.Kind, e.strength, e.kindTitle = cd.kind, cd.strength, s.title
	}
	if e.place == nil && cd.place != nil {
		e.placeTitle = s.title
	}
	if cd.place != nil && cd.rank > e.placeRank {
		e.place, e.placeRank, e.placeTitle = cd.place, cd.rank, s.title
	} else if cd.place != nil && e.placeTitle && e.precise == nil && !s.title && cd.rank == e.placeRank && (locatedIn(s, cd.place, e.place.nameKey) || placedWithin(s, cd.place, e.place)) {
		// A headline names the broader place ("Gaza camp", "Darfur
		// market"); the body's place it locates in it ("the Nuseirat camp
		// in central Gaza", "El Fasher, the capital of North Darfur") is
		// the precise one. It is only reported: merging keeps comparing
		// the headline's.
		e.precise = cd.place
	}
	if cd.dayKnown && !e.dayKnown {
		e.Day, e.dayKnown = cd.day, true
	} else if !e.dayKnown && len(e.Sentences) == 1 {
		e.Day = cd.day
	}
	if e.Perpetrator == "" || e.perpTitle && !s.title && cd.perp != "" {
		e.Perpetrator, e.perpTitle = cd.perp, s.title && cd.perp != ""
	}
	if cd.perp != "" {
		e.perps = append(e.perps, cd.perp)
	}
	if e.Target == "" && cd.target != e.Perpetrator {
		e.Target = cd.target
	}
	if !s.title && !e.hasLead && hasCounted(cd.figs) {
		e.lead, e.hasLead = s.Index, true
	}
	for _, f := range cd.figs {
		f.lead = s.title || e.hasLead && e.lead == s.Index
		e.figs = append(e.figs, f)
	}
	e.civilSite = e.civilSite || cd.civil
}

// siteVerbs before a site word make it what was struck: "struck a
// market", "shells landed on a school".
var siteVerbs = map[string]bool{
	"on": true, "at": true, "into": true, "hit": true, "hits": true, "struck": true, "strike": true, "strikes": true,
	"targeted": true, "targeting": true, "targets": true, "bombed": true, "bombing": true, "shelled": true, "shelling": true,
	"near": true, "through": true, "inside": true, "outside": true, "pounded": true, "attacked": true, "attack": true, "raided": true,
}

// civilianSite reports whether a clause names a civilian site as what was
// struck ("hit a bakery", "on a crowded market") or civilians as the ones
// attacked ("a convoy carrying evacuees", "a camp for displaced people").
func (x *Extractor) civilianSite(s *sentence, lo, hi int) bool {
	toks := s.toks[:hi]
	for i := lo; i < hi; i++ {
		e, n := matchEntries(s.lists(i).sites, toks, i)
		if e == nil {
			continue
		}
		if e.value == "people" {
			return true
		}
		if e.value == "settlement" {
			if groundAttack(toks, lo, i) {
				return true
			}
			i += n - 1
			continue
		}
		for k := i - 1; k >= lo && k >= i-5; k-- {
			w := toks[k].Norm
			if w == "to" || w == "taken" || w == "rushed" || w == "transferred" || w == "from" || toks[k].Kind == text.Punct {
				break
			}
			if siteVerbs[w] {
				return true
			}
		}
		i += n - 1
	}
	return false
}

// civilianTotals makes the overall toll of an incident that struck a
// civilian site its civilian toll too, when the text gives no civilian
// or fighter count of its own.
func civilianTotals(e *event) {
	for _, f := range e.figs {
		if f.What == sitrep.FigureCivilians || f.What == sitrep.FigureFighters {
			return
		}
	}
	for i := range e.figs {
		if f := &e.figs[i]; f.What == sitrep.FigureKilled && !f.subset {
			f.civil = true
		}
	}
}

// finishIncident settles an event's place and figures; it reports false
// for an event not worth reporting.
func (x *Extractor) finishIncident(d *doc, e *event) bool {
	if e.Kind == "" {
		// A toll with no word for an attack, nobody who killed and no
		// soldiers or fighters among the dead is a storm's, a crash's or
		// a disease's as often as a war's.
		if e.Perpetrator == "" && !combatants(e.figs) {
			return false
		}
		e.Kind = sitrep.KindAttack
	}
	if e.place == nil || e.placeRank <= rankCountry {
		// The paragraph's or the lead's place.
		if p, r := x.fallbackPlace(d, e); p != nil && r > e.placeRank {
			e.place, e.placeRank = p, r
		}
	}
	if e.place != nil {
		e.Place = e.place.Place
		if e.precise != nil && e.placeTitle {
			e.Place = e.precise.Place
		}
	}
	x.groundRaid(e)
	if onCivilians(e) {
		e.Kind = sitrep.KindAttack
	}
	if e.civilSite {
		civilianTotals(e)
	}
	x.settleRoles(e)
	e.Figures = settleFigures(e.figs)
	for i := range e.Figures {
		e.Figures[i].Claim = strings.HasSuffix(e.Figures[i].AttributedTo, claimSuffix)
	}
	e.Evidence = x.evidence(d, e)
	e.Confidence = x.model.score(e.Evidence)
	if !inWindow(e.Day, d.pub) {
		return false
	}
	return true
}

// fallbackPlace finds a place for an event whose sentences name none: the
// nearest sentence of its paragraph that does, else the lead.
func (x *Extractor) fallbackPlace(d *doc, e *event) (*placeAt, int) {
	s0 := d.sents[e.first]
	if p, r := facilityPlace(d, e); p != nil && r > e.placeRank {
		return p, r
	}
	var best *placeAt
	bestRank := e.placeRank
	dist := 1 << 30
	var dateline *placeAt
	for _, s := range d.sents {
		if s.Para != s0.Para && s.Index > 2 {
			continue
		}
		for i := range s.places {
			p := &s.places[i]
			if p.dateline {
				dateline = p
				continue
			}
			if insideActor(s, p.tok) || !locative(s, p.tok) || origin(s, p.tok) {
				continue
			}
			if d.hint != "" && p.Place.Country != "" && p.Place.Country != d.hint {
				continue
			}
			r := placeRank(p.Kind)
			dd := s.Index - s0.Index
			if dd < 0 {
				dd = -dd
			}
			if r > bestRank || r == bestRank && dd < dist && best != nil {
				best, bestRank, dist = p, r, dd
			}
		}
	}
	if best == nil && d.hint != "" {
		// Else the first place in the article's country where something
		// happened in its lead, before the dateline, which only says where
		// the reporter is. Past the lead a town is as likely another
		// incident's or background's: the country is surer than a guess.
		for _, s := range d.sents {
			if s.Index >= d.lead {
				break
			}
			if s.background {
				continue
			}
			for i := range s.places {
				p := &s.places[i]
				if p.dateline || p.Kind == places.KindCountry || p.Place.Country != d.hint || insideActor(s, p.tok) || !locative(s, p.tok) || origin(s, p.tok) {
					continue
				}
				if r := placeRank(p.Kind); r > e.placeRank {
					return p, r
				}
			}
		}
	}
	// The dateline is where the reporter files from: it places the event
	// only inside the country the text already gives it.
	if best == nil && dateline != nil && (e.place == nil || e.place.Place.Country == dateline.Place.Country) {
		if r := placeRank(dateline.Kind); r > e.placeRank {
			return dateline, r
		}
	}
	return best, bestRank
}

// facilities are the places an incident sentence names without a place
// name ("a captured air base"), grouped by what refers to the same thing.
var facilities = map[string]string{
	"base": "base", "airbase": "base", "airfield": "base", "air-base": "base", "airport": "airport",
	"hospital": "hospital", "clinic": "hospital", "market": "market", "marketplace": "market",
	"school": "school", "mosque": "mosque", "camp": "camp", "prison": "prison", "checkpoint": "checkpoint",
	"convoy": "convoy", "bakery": "bakery", "dam": "dam", "refinery": "refinery",
}

// facilityPlace places an event through the facility it names: "a captured
// air base" in the event, "the Abu al-Duhur airfield" elsewhere in the article.
func facilityPlace(d *doc, e *event) (*placeAt, int) {
	want := map[string]bool{}
	for _, s := range d.sents {
		if !e.sentIdx[s.Index] {
			continue
		}
		for _, tk := range s.toks {
			if f, ok := facilities[tk.Norm]; ok {
				want[f] = true
			}
		}
	}
	if len(want) == 0 {
		return nil, 0
	}
	for _, s := range d.sents {
		if e.sentIdx[s.Index] {
			continue
		}
		for k, tk := range s.toks {
			if !want[facilities[tk.Norm]] {
				continue
			}
			for i := range s.places {
				p := &s.places[i]
				if p.tok >= k-3 && p.tok <= k+3 && p.Kind != places.KindCountry && (d.hint == "" || p.Place.Country == d.hint) {
					return p, placeRank(p.Kind)
				}
			}
		}
	}
	return nil, 0
}

// locative reports whether a place mention is where something is: "in
// Aleppo", "the town of Douma", "near Homs", "at the Atme crossing", or a
// headline's bare name.
func locative(s *sentence, tok int) bool {
	return tok <= 0 || s.Heading || afterLocative(s, tok)
}

// afterLocative reports whether a locative word, perhaps with "the", stands
// before token tok.
func afterLocative(s *sentence, tok int) bool {
	if tok <= 0 {
		return false
	}
	prev := s.toks[tok-1]
	if prev.Is("the") && tok > 1 {
		prev = s.toks[tok-2]
	}
	return prev.Is(locativeWords...)
}

// metonymNouns after a place name make it stand for its government, not
// for where something happened: "Damascus's ally Russia", "Ankara
// officials".
var metonymNouns = []string{"ally", "allies", "backer", "backers", "government", "regime", "authorities", "officials", "envoy", "ambassador", "embassy"}

// metonym reports whether the place mention p stands for a government.
func metonym(s *sentence, p *placeAt) bool {
	for k := p.tok + 1; k < len(s.toks) && k < p.tok+4; k++ {
		tk := s.toks[k]
		if tk.Start < p.End-s.Start {
			continue // still inside the mention
		}
		if tk.Is("'s", "s", "’s", "'") {
			continue
		}
		return tk.Is(metonymNouns...)
	}
	return false
}

// locativeWords put the place named after them where something is.
var locativeWords = []string{"in", "at", "near", "outside", "on", "of", "across", "around", "into", "inside", "hit", "struck", "targeted", "pounded", "northern", "southern", "eastern", "western", "central", "rural", "besieged", "rebel-held", "northeastern", "northwestern", "southeastern", "southwestern"}

// settleFigures orders an event's figures: headline figures go when the body
// gives the same kind, and a category total with no overall toll counts as
// the overall toll.
func settleFigures(fs []fig) []sitrep.Figure {
	var kept []fig
	seen := map[string]bool{}
	for _, f := range fs {
		if f.title && roundedInBody(f, fs) {
			continue
		}
		key := f.What + "|" + f.Vague + "|" + f.AttributedTo + "|" + f.Qualifier + "|" + itoa(f.Value)
		if seen[key] {
			continue
		}
		seen[key] = true
		kept = append(kept, f)
	}
	// A source that gives only counts of a kind ("12 farmers were
	// killed") gives at least that toll: the largest such count is
	// implied as a toll when no toll given is as large, if the headline
	// or lead gives it; a later tally of a kind by another ("a monitor
	// counted 10 civilians") does not replace the lead's toll.
	hasKilled, most := map[string]bool{}, 0
	for _, f := range kept {
		if f.What == sitrep.FigureKilled && f.Value > 0 {
			hasKilled[f.AttributedTo] = true
			most = max(most, f.Value)
		}
	}
	var out []sitrep.Figure
	var implied *fig
	for i, f := range kept {
		out = append(out, f.Figure)
		if f.civil && f.What == sitrep.FigureKilled {
			c := f.Figure
			c.What = sitrep.FigureCivilians
			out = append(out, c)
		}
		if !hasKilled[f.AttributedTo] && !f.subset && f.Value > most && (most == 0 || f.lead) && f.What != sitrep.FigureWounded && (implied == nil || f.Value > implied.Value) {
			implied = &kept[i]
		}
	}
	if implied != nil {
		k := implied.Figure
		k.What = sitrep.FigureKilled
		out = append(out, k)
	}
	return out
}

// roundedInBody reports whether a headline figure restates, rounded, one
// the body gives: "over 20 kids" for the body's 21, "dozens" for 36. A
// headline count the body does not come near ("Seven dead" over a body's
// first "at least four") is the lead's own figure and stays.
func roundedInBody(h fig, fs []fig) bool {
	for _, f := range fs {
		if f.title || f.What != h.What {
			continue
		}
		if h.Value == 0 || f.Value == 0 || h.What == sitrep.FigureChildren || h.What == sitrep.FigureWomen {
			// Counts of children and women are small, and a headline's is
			// the body's restated.
			return true
		}
		d := h.Value - f.Value
		if d < 0 {
			d = -d
		}
		if d*4 <= f.Value || h.Qualifier != "" && d*2 <= f.Value {
			return true
		}
	}
	return false
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// originWords say a place is where aircraft or forces came from, not where
// the strike fell: "jets based at the Hmeimim air base", "took off from".
var originWords = map[string]bool{"based": true, "stationed": true, "deployed": true, "took": true, "taking": true, "flew": true, "flying": true, "departed": true, "departing": true, "launched": true, "returned": true, "headquartered": true}

// origin reports whether the place mention at token tok is where aircraft
// or forces are based or set out from.
func origin(s *sentence, tok int) bool {
	for k := tok - 1; k >= 0 && k >= tok-8; k-- {
		w := s.toks[k]
		if originWords[w.Norm] {
			// "launched strikes on X" is the target; "launched from X" is not.
			if w.Is("launched", "took", "taking", "flew", "flying", "departed", "departing", "returned") {
				return k+1 < tok && s.toks[k+1].Is("from", "off")
			}
			return true
		}
		if w.Is(",", ";", "on", "against", "targeting", "hit", "struck", "near", "killing", "and") {
			return false
		}
	}
	return false
}

// memberNouns name the members of an armed group before "of", "from" or
// "belonging to" it.
var memberNouns = map[string]bool{
	"fighters": true, "militants": true, "members": true, "gunmen": true, "insurgents": true, "rebels": true,
	"jihadists": true, "militiamen": true, "guerrillas": true, "combatants": true, "fighter": true, "member": true,
	"militant": true, "gunman": true,
}

// memberOf reports whether the actor at first is named as the group its
// members belong to: "fighters of X", "gunmen from the X", "militants
// belonging to X", "fighters loyal to X".
func memberOf(toks []text.Token, first int) bool {
	k := first - 1
	if k >= 0 && toks[k].Is("the") {
		k--
	}
	if k < 1 {
		return false
	}
	if toks[k].Is("of") {
		return memberNouns[toks[k-1].Norm]
	}
	// "seized by rebels from government forces": taken from, not members of.
	if toks[k].Is("from") && memberNouns[toks[k-1].Norm] {
		for j := k - 2; j >= 0 && j >= k-5; j-- {
			if toks[j].Is("by", "seized", "captured", "took", "taken", "wrested", "recaptured", "retook", "defected", "defectors", "fled", "away") {
				return false
			}
		}
		return true
	}
	if toks[k].Is("to") && k >= 2 && toks[k-1].Is("belonging", "loyal", "affiliated", "linked") {
		return memberNouns[toks[k-2].Norm]
	}
	return false
}

// memberAttacks are what members of a group do to others, besides the
// attack verbs: "opened fire", "overran".
var memberAttacks = map[string]bool{"opened": true, "overran": true, "massacred": true, "torched": true, "seized": true, "besieged": true, "burned": true, "burnt": true}

// attackFollows reports whether an attack verb follows token k, after an
// aside and words of time or manner: "fighters of X, an IS affiliate,
// killed", "militants of X on Tuesday stormed".
func attackFollows(toks []text.Token, k int) bool {
	// "Fighters of the Allied Democratic Forces group killed".
	if k < len(toks) && toks[k].Is("group", "militia", "movement", "rebels", "militants", "fighters", "insurgents", "faction") {
		k++
	}
	// ", a group linked to Islamic State,": an apposition.
	if k+1 < len(toks) && toks[k].Is(",") && toks[k+1].Is("a", "an", "the") {
		for j := k + 2; j < len(toks) && j < k+12; j++ {
			if toks[j].Is(",") {
				k = j + 1
				break
			}
			if toks[j].Is(".", ";") {
				break
			}
		}
	}
	k = skipAside(toks, k)
	for n := 0; k < len(toks) && n < 4; n++ {
		tk := toks[k]
		if tk.Kind == text.Word && (attackVerbs[tk.Norm] || memberAttacks[tk.Norm]) && !tk.Capitalised() {
			return !tk.Is("air", "war", "forces", "troops", "artillery", "aircraft", "jets", "warplanes", "helicopters", "planes", "rockets", "mortar", "drone", "shelling", "raids", "airstrikes", "airstrike", "strikes", "strike", "attack", "fire", "bomb", "shell", "target", "pound", "launch", "carry", "kill")
		}
		if !tk.Is("on", "late", "early", "overnight", "reportedly", "allegedly", "also", "then", "have", "had", "has", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "night", "morning", "evening", "afternoon", "last", "this") {
			return false
		}
		k++
	}
	return false
}

// blamedOn reports whether the actor at first is the one an attack is laid
// at: "blamed on the RSF", "attributed to Hamas".
func blamedOn(toks []text.Token, first int) bool {
	k := first - 1
	if k >= 0 && toks[k].Is("the") {
		k--
	}
	return k > 0 && (toks[k].Is("on") && toks[k-1].Is("blamed", "blames", "blaming", "pinned") || toks[k].Is("to") && toks[k-1].Is("attributed"))
}

// groundAttack reports whether the words before a settlement at i say armed
// men attacked it on the ground: "stormed the town of", "an overnight
// attack on a village".
func groundAttack(toks []text.Token, lo, i int) bool {
	for k := i - 1; k >= lo && k >= i-4; k-- {
		w := toks[k]
		if w.Is("attacked", "stormed", "raided", "overran", "torched") {
			return true
		}
		if w.Is("on") && k > lo && toks[k-1].Is("attack", "attacks", "raid", "assault") {
			return true
		}
		if w.Kind == text.Punct {
			return false
		}
	}
	return false
}

// onCivilians reports whether an incident read only as an "attack" was
// one on civilians: armed men struck a settlement or a civilian site, or
// the toll is of civilians, with no count of fighters of its own.
func onCivilians(e *event) bool {
	if e.Kind != sitrep.KindClash || e.strength > 1 {
		return false
	}
	civil := e.civilSite
	for _, f := range e.figs {
		switch f.What {
		case sitrep.FigureFighters:
			if !f.subset {
				return false
			}
		case sitrep.FigureCivilians, sitrep.FigureChildren, sitrep.FigureWomen:
			civil = civil || f.Value > 0 || f.Vague != ""
		}
	}
	return civil
}

// abroad reports whether a clause puts its incident in another country
// than the event's ("fired rockets at a base in northern Israel" after a
// strike in Lebanon): a second incident, not more of the first.
func abroad(e *event, cd candidate) bool {
	p := cd.place
	if p == nil || p.Kind != places.KindCountry || e.place == nil || e.place.Place.Country == "" || p.Place.Country == e.place.Place.Country {
		return false
	}
	return afterLocative(cd.c.s, p.tok)
}

// killedPronoun returns the index of a killing verb whose object is a
// pronoun ("killed them", "executed him"), or -1.
func killedPronoun(toks []text.Token, lo, hi int) int {
	for k := lo; k+1 < hi; k++ {
		if toks[k].Is("killed", "executed", "beheaded", "shot") && toks[k+1].Is("them", "him", "her", "both") {
			return k
		}
	}
	return -1
}

// skipAside passes over a parenthesis and the comma closing an apposition
// after a name, so the verb after them is the name's: "fighters of the
// Islamic State West Africa Province (ISWAP), killed them".
func skipAside(toks []text.Token, k int) int {
	if k < len(toks) && toks[k].Is("(") {
		for k < len(toks) && !toks[k].Is(")") && !toks[k].Is(".") {
			k++
		}
		if k < len(toks) && toks[k].Is(")") {
			k++
		}
	}
	if k < len(toks) && toks[k].Is(")") {
		k++
	}
	if k+1 < len(toks) && toks[k].Is(",") && attackVerbs[toks[k+1].Norm] && toks[k+1].Kind == text.Word && !toks[k+1].Capitalised() {
		k++
	}
	return k
}

// combatants reports whether any figure counts soldiers or fighters.
func combatants(fs []fig) bool {
	for _, f := range fs {
		if f.What == sitrep.FigureFighters {
			return true
		}
	}
	return false
}
