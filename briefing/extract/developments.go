package extract

import (
	"slices"
	"strings"
	"sync"

	sitrep "github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/actors"
	"github.com/sitrep-bot/sitrep/briefing/places"
	"github.com/sitrep-bot/sitrep/briefing/text"
)

// devRank orders development kinds when one sentence holds several verbs.
var devRank = map[sitrep.Kind]int{
	sitrep.KindAgreement: 9, sitrep.KindArmsDeal: 8, sitrep.KindSanctions: 7, sitrep.KindMeeting: 6,
	sitrep.KindVisit: 5, sitrep.KindPhoneCall: 5, sitrep.KindTalks: 4, sitrep.KindProposal: 3, sitrep.KindStatement: 1,
}

// developments reads the diplomatic developments an article reports.
func (x *Extractor) developments(d *doc) []*event {
	var evs []*event
	for _, s := range d.sents {
		if s.background {
			continue
		}
		var kind sitrep.Kind
		strength := 0
		for i := 0; i < len(s.toks); i++ {
			e, n := matchEntries(s.lists(i).dev, s.toks, i)
			if e == nil {
				continue
			}
			if setting(s.toks, i) || e.kind() == sitrep.KindSanctions && opposed(s.toks, i) || e.kind() == sitrep.KindTalks && calledFor(s.toks, i) {
				// "in a statement after a meeting", "rejected sanctions":
				// the occasion or the object, not the act.
				i += n - 1
				continue
			}
			if e.strength > strength || e.strength == strength && devRank[e.kind()] > devRank[kind] {
				kind, strength = e.kind(), e.strength
			}
			i += n - 1
		}
		if kind == "" {
			continue
		}
		if kind == sitrep.KindAgreement && x.armsTrade(s) {
			kind = sitrep.KindArmsDeal // "signed a deal to buy 96 attack helicopters"
		}
		people := x.participants(d, s)
		anaphor := meetingAnaphor(s.toks)
		// Governments act as countries too: "India signed a deal",
		// "the foreign ministers of Egypt, Jordan and Qatar said in a
		// joint statement".
		states := len(people) == 0 && strength >= 3 && !personal(kind) && (len(actingCountries(s)) >= 2 || len(parties(s)) >= 2)
		if len(people) == 0 && !anaphor && !states {
			continue
		}
		// A statement is news when a titled person makes it about diplomacy.
		if kind == sitrep.KindStatement && !states && (!titled(s) || !x.diplomatic(s)) {
			continue
		}
		if kind == sitrep.KindStatement && strength < 2 && len(people) < 2 && !(official(people) && x.negotiation(s)) {
			continue
		}
		cd := devCandidate{s: s, kind: kind, strength: strength, people: people, states: states}
		if e := mergeDev(d, evs, cd, anaphor); e != nil {
			x.absorbDev(d, e, cd)
			evs = joinDevs(evs, e, cd)
			continue
		}
		if len(people) == 0 && !states {
			continue
		}
		e := &event{first: s.Index, sentIdx: map[int]bool{}, keys: map[string]bool{}}
		e.Category = sitrep.CategoryDevelopment
		e.Day = d.pub
		x.absorbDev(d, e, cd)
		evs = append(evs, e)
	}
	evs = slices.DeleteFunc(evs, func(e *event) bool {
		if e.place != nil {
			e.Place = e.place.Place
		}
		return !x.international(d, e)
	})
	for _, e := range evs {
		e.Confidence = 0.4 + 0.1*float64(e.strength)
		if len(e.Participants) > 1 {
			e.Confidence += 0.1
		}
		if e.Confidence > 1 {
			e.Confidence = 1
		}
	}
	return evs
}

type devCandidate struct {
	s        *sentence
	kind     sitrep.Kind
	strength int
	people   []sitrep.Person
	states   bool // carried by governments and armed parties, no person named
}

// participants lists the people a sentence names: with titles, by surname,
// or by title alone ("the Syrian foreign minister").
func (x *Extractor) participants(d *doc, s *sentence) []sitrep.Person {
	var out []sitrep.Person
	seen := map[string]bool{}
	add := func(p sitrep.Person) {
		if p.Name == "" || seen[p.Key] {
			return
		}
		seen[p.Key] = true
		out = append(out, p)
	}
	for _, pm := range s.people {
		if acting(s.toks, pm.First, pm.Last) {
			add(pm.Person)
		}
	}
	for _, pm := range d.roster.Mentions(s.toks, s.inPlace) {
		covered := false
		for _, q := range s.people {
			if pm.First >= q.First && pm.First <= q.Last {
				covered = true
			}
		}
		if !covered && acting(s.toks, pm.First, pm.Last) {
			add(pm.Person)
		}
	}
	// Organisations that speak or act as one party: "the National
	// Coalition said", "NATO urged".
	for _, om := range s.orgs {
		inName := false
		for _, q := range s.people {
			if om.First >= q.First && om.First <= q.Last {
				inName = true // "U.N. envoy Staffan de Mistura": part of a title
			}
		}
		if !inName && acting(s.toks, om.First, om.Last) && orgVoiced(s.toks, om.First, om.Last) {
			add(sitrep.Person{Name: om.Name, Country: om.Country, Key: "org:" + om.Name})
		}
	}
	// "the Syrian foreign minister", "Turkey's foreign minister": someone
	// the article named with that title.
	var known []titledPerson
	for i := 0; i+2 < len(s.toks); i++ {
		// "Turkey's" opens the title itself, as "the Turkish" does.
		own := possessive(s.toks[i].Text) && s.toks[i].Capitalised()
		if !s.toks[i].Is("the") && !own {
			continue
		}
		known = d.titledPeople()
		if len(known) == 0 {
			continue
		}
		at := i + 1
		if own {
			at = i
		}
		c, cok := d.country(strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(s.toks[at].Text, "'s"), "’s"), "'’"))
		if own && !cok {
			continue
		}
		for _, kp := range known {
			p, words := kp.p, kp.words
			j := at
			if cok && c == p.Country {
				j++
			}
			if j+len(words) > len(s.toks) {
				continue
			}
			match := true
			for k, w := range words {
				if s.toks[j+k].Norm != w {
					match = false
					break
				}
			}
			if match && (!own && j > i+1 || own && j > at) {
				add(p)
			}
		}
	}
	counterparts(out)
	return out
}

// counterparts gives a person named as another's counterpart ("his
// Turkish counterpart Hakan Fidan") that person's office.
func counterparts(people []sitrep.Person) {
	for i := range people {
		if people[i].Role != "Counterpart" {
			continue
		}
		for _, o := range people {
			if o.Role != "" && o.Role != "Counterpart" {
				people[i].Role = o.Role
				break
			}
		}
	}
}

// titledPerson is someone the article named with a title, and the
// title's words.
type titledPerson struct {
	p     sitrep.Person
	words []string
}

// titledPeople lists the people the article named with a title. The
// roster is complete once the article is read, so roles are split once an
// article.
func (d *doc) titledPeople() []titledPerson {
	if !d.titledRead {
		d.titledRead = true
		for _, p := range d.roster.People() {
			if p.Role != "" {
				d.titled = append(d.titled, titledPerson{p, strings.Fields(strings.ToLower(p.Role))})
			}
		}
	}
	return d.titled
}

func titled(s *sentence) bool { return len(s.people) > 0 }

// inPlace reports whether token i lies in a place mention: "Baghdad" is
// the city, never al-Baghdadi.
func (s *sentence) inPlace(i int) bool {
	for k := range s.places {
		p := &s.places[k]
		if i >= p.tok && s.toks[i].Start < p.End-s.Start {
			return true
		}
	}
	return false
}

// diplomatic reports whether a sentence is about diplomacy rather than,
// say, a spokesman describing an attack.
func (x *Extractor) diplomatic(s *sentence) bool {
	for i := range s.toks {
		if e, _ := matchEntries(s.lists(i).topics, s.toks, i); e != nil {
			return true
		}
		if s.toks[i].Is("dialogue", "negotiations", "talks", "solution", "settlement", "conference", "opposition", "relations", "cooperation", "diplomatic", "peace", "zones", "envoy") {
			return true
		}
	}
	return false
}

// meetingAnaphor reports whether toks refer back to a meeting: "the
// meeting", "the talks", "the visit", "the discussions", "the trip".
func meetingAnaphor(toks []text.Token) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Norm == "the" && toks[i+1].Is("meeting", "talks", "visit", "discussions", "trip") {
			return true
		}
	}
	return false
}

// mergeDev finds the development a sentence adds to: one sharing a
// participant, the headline's of the same kind (the lede tells what the
// headline abbreviates: "EU agrees new sanctions" and "EU foreign
// ministers imposed sanctions"), or the latest meeting for "the talks".
func mergeDev(d *doc, evs []*event, cd devCandidate, anaphor bool) *event {
	for i := len(evs) - 1; i >= 0; i-- {
		for _, p := range cd.people {
			if evs[i].keys[p.Key] {
				return evs[i]
			}
		}
	}
	if !cd.s.title && len(cd.people) > 0 {
		for _, e := range evs {
			if e.Kind == cd.kind && len(e.sentIdx) == 1 && d.sents[e.first].title {
				return e
			}
		}
	}
	if anaphor {
		for i := len(evs) - 1; i >= 0; i-- {
			switch evs[i].Kind {
			case sitrep.KindMeeting, sitrep.KindTalks, sitrep.KindVisit:
				return evs[i]
			}
		}
	}
	return nil
}

// absorbDev adds a sentence to a development.
func (x *Extractor) absorbDev(d *doc, e *event, cd devCandidate) {
	s := cd.s
	if !e.sentIdx[s.Index] {
		e.sentIdx[s.Index] = true
		e.Sentences = append(e.Sentences, s.Text)
	}
	if devRank[cd.kind] > devRank[e.Kind] && cd.strength >= 2 && !partOfVisit(e.Kind, cd.kind) || e.Kind == "" {
		e.Kind, e.strength = cd.kind, cd.strength
	}
	for _, p := range cd.people {
		if !e.keys[p.Key] {
			e.keys[p.Key] = true
			e.Participants = append(e.Participants, p)
			addCountry(&e.Event, p.Country)
		}
	}
	if cd.states {
		for _, a := range parties(s) {
			addCountry(&e.Event, a.Country)
		}
	}
	if cd.kind == sitrep.KindSanctions || cd.kind == sitrep.KindArmsDeal {
		for _, c := range objectCountries(d, s) {
			addCountry(&e.Event, c)
		}
	}
	for _, pl := range s.places {
		if insideActor(s, pl.tok) && pl.Kind != places.KindCountry {
			continue
		}
		if pl.Kind == places.KindCountry || x.gaz.IsCapital(pl.Place) {
			// A capital stands for its government: "dialogue with Damascus".
			addCountry(&e.Event, pl.Place.Country)
		}
		r := placeRank(pl.Kind)
		prev := ""
		if pl.tok > 0 {
			prev = s.toks[pl.tok-1].Norm
		}
		if r > e.placeRank && (prev == "in" || prev == "of" || prev == "at" || prev == "to") && !topicPlace(s.toks, pl.tok) {
			p := pl
			e.place, e.placeRank = &p, r
		}
	}
	if !e.dayKnown {
		for _, dt := range s.dates {
			if !dt.Coarse {
				e.Day, e.dayKnown = dt.Day, true
				break
			}
		}
	}
	for _, t := range x.topics(s) {
		addTopic(&e.Event, t)
	}
	for _, t := range phraseTopics(s.toks) {
		addTopic(&e.Event, t)
	}
}

// objectCountries lists the countries a sentence names by adjective before
// a common noun, outside people's titles and actors' names: "sanctions on
// six Iranian companies", "a deal for American helicopters". Such a
// country is what a sanction or sale is about; a title's adjective
// ("Iranian Foreign Minister") already gives its holder's country.
func objectCountries(d *doc, s *sentence) []string {
	var out []string
	for i := 0; i+1 < len(s.toks); i++ {
		tk, next := s.toks[i], s.toks[i+1]
		if tk.Kind != text.Word || !tk.Capitalised() || next.Kind != text.Word || next.Capitalised() {
			continue
		}
		if insideActor(s, i) || inPerson(s, i) {
			continue
		}
		c, ok := d.country(tk.Text)
		if !ok || c == tk.Text {
			continue // "Iranian", not "Iran": the country itself is a place
		}
		out = append(out, c)
	}
	return out
}

// inPerson reports whether token i is part of a person's name or title.
func inPerson(s *sentence, i int) bool {
	for _, p := range s.people {
		if i >= p.First && i <= p.Last {
			return true
		}
	}
	return false
}

func addCountry(e *sitrep.Event, c string) {
	if c == "" {
		return
	}
	for _, have := range e.Countries {
		if have == c {
			return
		}
	}
	e.Countries = append(e.Countries, c)
}

func addTopic(e *sitrep.Event, t string) {
	for _, have := range e.Topics {
		if strings.EqualFold(have, t) || strings.Contains(strings.ToLower(have), strings.ToLower(t)) {
			return
		}
	}
	e.Topics = append(e.Topics, t)
}

// topics reads what a sentence is about: listed topic phrases, money ("$1
// billion loan"), weapon systems ("S-300 missiles") and named conferences
// ("Geneva talks").
func (x *Extractor) topics(s *sentence) []string {
	toks := s.toks
	var out []string
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		// "$1 billion", "$1 billion loan".
		if tk.Text == "$" && i+1 < len(toks) && toks[i+1].Kind == text.Digits {
			j := i + 2
			if j < len(toks) && toks[j].Is("million", "billion") {
				j++
			}
			if j < len(toks) && toks[j].Is("loan", "credit", "deal", "aid", "package", "contract") {
				j++
			}
			out = append(out, "$"+joinText(toks[i+1:j]))
			i = j - 1
			continue
		}
		// "a loan of $1 billion".
		if tk.Is("loan", "credit") && i+2 < len(toks) && toks[i+1].Is("of") && toks[i+2].Text == "$" && i+3 < len(toks) {
			j := i + 4
			if j < len(toks) && toks[j].Is("million", "billion") {
				j++
			}
			out = append(out, "$"+joinText(toks[i+3:j])+" "+tk.Norm)
			i = j - 1
			continue
		}
		// Weapon systems: letters, a hyphen, digits ("S-300", "Su-24").
		if weaponCode(tk.Text) {
			j := i + 1
			for j < len(toks) && j < i+3 && toks[j].Is("anti-aircraft", "air-defence", "air-defense", "missile", "missiles", "systems", "system", "jets", "fighters", "helicopters", "weapons") {
				j++
			}
			out = append(out, joinText(toks[i:j]))
			i = j - 1
			continue
		}
		// A named system: "Apache attack helicopters", "Patriot missiles".
		if j, ok := x.weaponName(toks, i); ok && !insideActor(s, i) {
			out = append(out, joinText(toks[i:j]))
			i = j - 1
			continue
		}
		// "Geneva talks", "Astana process".
		if tk.Capitalised() && tk.Kind == text.Word && i > 0 && i+1 < len(toks) && toks[i+1].Is("talks", "conference", "process", "accord", "agreement", "communique", "declaration") && !isDayWord(tk.Norm) {
			out = append(out, tk.Text+" "+toks[i+1].Norm)
			i++
			continue
		}
		if e, n := matchEntries(s.lists(i).topics, toks, i); e != nil {
			out = append(out, e.value)
			i += n - 1
		}
	}
	return out
}

// weaponName reports whether a capitalised word at i names a weapon
// system, a weapon noun after it with at most two modifiers between, and
// where the name ends. A country's adjective ("Russian jets") is a maker,
// not a name.
func (x *Extractor) weaponName(toks []text.Token, i int) (int, bool) {
	tk := toks[i]
	if i == 0 || tk.Kind != text.Word || !tk.Capitalised() || isDayWord(tk.Norm) || x.lx.weapons[tk.Norm] {
		return 0, false
	}
	j := i + 1
	for j < len(toks) && j < i+3 && x.lx.weaponMods[toks[j].Norm] && !toks[j].Capitalised() {
		j++
	}
	if j >= len(toks) || !x.lx.weapons[toks[j].Norm] || toks[j].Capitalised() {
		return 0, false
	}
	if j+1 < len(toks) && toks[j+1].Is("attack", "attacks", "strike", "strikes", "fire", "barrage", "launches") {
		return 0, false // "Houthi missile attacks": a use, not a system
	}
	if _, ok := x.gaz.Country(tk.Text); ok {
		return 0, false
	}
	return j + 1, true
}

func weaponCode(s string) bool {
	k := strings.IndexByte(s, '-')
	if k < 1 || k > 3 || k+1 >= len(s) {
		return false
	}
	for _, r := range s[:k] {
		if r < 'A' || r > 'Z' {
			if r < 'a' || r > 'z' {
				return false
			}
		}
	}
	c := s[k+1]
	return c >= '0' && c <= '9'
}

func joinText(toks []text.Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Text
	}
	return strings.Join(parts, " ")
}

// isDayWord reports whether w names a weekday or month, which capitalised
// before "talks" is not a venue.
func isDayWord(w string) bool {
	switch strings.TrimSuffix(w, "s") {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return isMonth(w)
}

// notActing are the nouns whose "of" makes the name after it someone
// talked about, not someone taking part: "a key ally of Assad", "the
// departure of Assad", "the fate of Assad".
var notActing = map[string]bool{
	"ally": true, "allies": true, "departure": true, "fate": true, "removal": true, "ouster": true, "future": true,
	"role": true, "regime": true, "government": true, "supporters": true, "opponents": true, "backer": true, "backers": true,
	"rule": true, "resignation": true, "overthrow": true, "fall": true, "exit": true, "forces": true, "troops": true,
	"critic": true, "critics": true, "enemy": true, "enemies": true, "friend": true, "friends": true, "policies": true,
	"policy": true, "leadership": true, "loyalists": true, "opposition": true, "administration": true, "stepping": true,
}

// acting reports whether a name at toks[first:last+1] is someone taking
// part rather than someone mentioned: not "an ally of Assad", not "Assad's
// government", not "the departure of Assad".
func acting(toks []text.Token, first, last int) bool {
	if possessive(toks[last].Text) {
		return false
	}
	if first >= 2 && toks[first-1].Is("of", "against", "without", "toward", "towards") {
		prev := toks[first-2]
		if prev.Is("the", "a") && first >= 3 {
			prev = toks[first-3]
		}
		if notActing[prev.Norm] || toks[first-1].Is("against", "without", "toward", "towards") {
			return false
		}
	}
	// "ally of President Bashar al-Assad": a title in between.
	for k := first - 1; k >= 0 && k >= first-4; k-- {
		if toks[k].Is("of") && k > 0 && notActing[toks[k-1].Norm] {
			return false
		}
		if toks[k].Is(",", ".", ";", "and", "with", "said") {
			break
		}
	}
	return true
}

// orgActs are the verbs by which an organisation takes part in diplomacy.
var orgActs = map[string]bool{
	"said": true, "says": true, "urged": true, "urges": true, "called": true, "calls": true, "proposed": true, "proposes": true,
	"met": true, "meets": true, "signed": true, "signs": true, "agreed": true, "agrees": true, "rejected": true, "rejects": true,
	"welcomed": true, "welcomes": true, "condemned": true, "condemns": true, "announced": true, "announces": true, "demanded": true,
	"demands": true, "warned": true, "warns": true, "voted": true, "adopted": true, "approved": true, "accepted": true, "accepts": true,
	"insisted": true, "stated": true, "added": true, "told": true, "appealed": true, "backed": true, "backs": true,
}

// orgVoiced reports whether an organisation named at toks[first:last+1] is
// the one speaking or acting: it leads its clause with a verb of
// diplomacy, or a speech verb names it ("…, the Coalition said").
func orgVoiced(toks []text.Token, first, last int) bool {
	for k := last + 1; k < len(toks) && k <= last+4; k++ {
		if orgActs[toks[k].Norm] {
			return true
		}
		if toks[k].Is(",", ".", ";", "and", "of", "to", "for", "in") {
			break
		}
	}
	if first > 0 && orgActs[toks[first-1].Norm] {
		return true
	}
	if first > 1 && toks[first-1].Is("the") && orgActs[toks[first-2].Norm] {
		return true
	}
	return false
}

// joinDevs folds into e the other developments a sentence names a
// participant of: "According to Fabius, France is working alongside De
// Mistura" makes the two one story.
func joinDevs(evs []*event, e *event, cd devCandidate) []*event {
	out := evs[:0]
	for _, o := range evs {
		shared := false
		if o != e {
			for _, p := range cd.people {
				if o.keys[p.Key] {
					shared = true
				}
			}
		}
		if !shared {
			out = append(out, o)
			continue
		}
		for _, p := range o.Participants {
			if !e.keys[p.Key] {
				e.keys[p.Key] = true
				e.Participants = append(e.Participants, p)
				addCountry(&e.Event, p.Country)
			}
		}
		for _, c := range o.Countries {
			addCountry(&e.Event, c)
		}
		for _, t := range o.Topics {
			addTopic(&e.Event, t)
		}
		for _, st := range o.Sentences {
			e.Sentences = append(e.Sentences, st)
		}
		for i := range o.sentIdx {
			e.sentIdx[i] = true
		}
		if o.first < e.first {
			e.first = o.first
			if o.dayKnown {
				e.Day, e.dayKnown = o.Day, true
			}
		}
		if o.placeRank > e.placeRank {
			e.place, e.placeRank = o.place, o.placeRank
		}
		if devRank[o.Kind] > devRank[e.Kind] && o.strength >= 2 && !partOfVisit(e.Kind, o.Kind) {
			e.Kind, e.strength = o.Kind, o.strength
		}
	}
	return out
}

// official reports whether someone speaks for a government or a body:
// a minister, president, envoy, spokesman.
func official(people []sitrep.Person) bool {
	for _, p := range people {
		r := strings.ToLower(p.Role)
		for _, w := range []string{"minister", "president", "envoy", "secretary", "spokes", "ambassador", "king", "chancellor", "premier"} {
			if strings.Contains(r, w) {
				return true
			}
		}
	}
	return false
}

// negotiation reports whether a sentence is about the course of
// diplomacy itself (dialogue, negotiations, a settlement), which makes a
// lone official's words a development.
func (x *Extractor) negotiation(s *sentence) bool {
	for _, tk := range s.toks {
		if tk.Is("dialogue", "negotiations", "negotiation", "settlement", "ceasefire", "truce", "talks", "peace") {
			return true
		}
	}
	return false
}

// armsTrade reports whether a sentence buys, sells or delivers weapons: a
// trade word shortly before a word the incident triggers read as a weapon.
func (x *Extractor) armsTrade(s *sentence) bool {
	for i := range s.toks {
		if e, _ := matchEntries(s.lists(i).triggers, s.toks, i); e != nil && (e.kind().Is(sitrep.KindAirstrike) || e.kind().Is(sitrep.KindShelling)) &&
			x.trades(s, max(0, i-8), i) {
			return true
		}
	}
	return false
}

// partOfVisit reports whether a development of kind next is part of one of
// kind have: the meetings and talks a visitor holds are the visit.
func partOfVisit(have, next sitrep.Kind) bool {
	return have == sitrep.KindVisit && (next == sitrep.KindMeeting || next == sitrep.KindTalks)
}

// setting reports whether the development word at i names the occasion of
// the act rather than the act: "a joint statement issued after a meeting",
// "ahead of the summit".
func setting(toks []text.Token, i int) bool {
	k := i - 1
	if k >= 0 && toks[k].Is("a", "an", "the", "their", "its", "his", "her") {
		k--
	}
	if k < 0 {
		return false
	}
	return toks[k].Is("after", "following", "before", "during") || toks[k].Is("of") && k > 0 && toks[k-1].Is("ahead", "sidelines", "eve", "margins")
}

// topicNouns before "in" or "of" make the place after them what a
// development is about, not where it happened: "discussed the conflict
// in Ukraine", "the situation in Gaza".
var topicNouns = map[string]bool{
	"conflict": true, "war": true, "crisis": true, "situation": true, "fighting": true, "settlement": true,
	"developments": true, "peace": true, "truce": true, "ceasefire": true, "violence": true, "escalation": true,
	"events": true, "offensive": true, "reconstruction": true, "future": true, "security": true, "humanitarian": true,
}

// topicPlace reports whether the place at token tok is named as a topic.
func topicPlace(toks []text.Token, tok int) bool {
	k := tok - 2
	if k >= 0 && toks[k].Is("the") {
		k--
	}
	return k >= 0 && tok >= 1 && toks[tok-1].Is("in", "of", "over", "about") && topicNouns[toks[k].Norm]
}

// callingWords before talks make them what someone asks for, not talks
// held: "called for the ceasefire talks to resume", "urged negotiations".
var callingWords = map[string]bool{
	"called": true, "calls": true, "call": true, "calling": true, "urged": true, "urges": true, "urging": true,
	"demanded": true, "demands": true, "appealed": true, "pressed": true, "pushed": true, "push": true,
}

// calledFor reports whether the talks at i are called for rather than held.
func calledFor(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if callingWords[toks[k].Norm] {
			return true
		}
		if toks[k].Is(",", ".", ";", "and", "held", "hold", "began", "resumed") {
			return false
		}
	}
	return false
}

// opposingWords before "sanctions" make them what someone opposes, not
// what anyone imposed: "rejected illegitimate sanctions".
var opposingWords = map[string]bool{
	"rejected": true, "rejects": true, "rejecting": true, "condemned": true, "condemns": true, "denounced": true,
	"denounces": true, "criticised": true, "criticized": true, "lift": true, "lifted": true, "lifting": true,
	"ease": true, "eased": true, "easing": true, "against": true, "oppose": true, "opposed": true, "opposes": true,
}

// opposed reports whether the sanctions at i are opposed or lifted.
func opposed(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if opposingWords[toks[k].Norm] {
			return true
		}
		if toks[k].Is(",", ".", ";", "and") {
			return false
		}
	}
	return false
}

// actingCountries lists the distinct countries a sentence names as parties,
// outside actors' names: "India … from France", "hosted by Saudi Arabia
// and the United States".
func actingCountries(s *sentence) []string {
	var out []string
	for _, p := range s.places {
		if p.Kind != places.KindCountry || p.Place.Country == "" || insideActor(s, p.tok) {
			continue
		}
		dup := false
		for _, c := range out {
			dup = dup || c == p.Place.Country
		}
		if !dup {
			out = append(out, p.Place.Country)
		}
	}
	return out
}

// personal reports whether a development kind needs people: a visit, a
// meeting or a call is made by someone.
func personal(kind sitrep.Kind) bool {
	return kind == sitrep.KindVisit || kind == sitrep.KindMeeting || kind == sitrep.KindPhoneCall
}

// parties lists the armed parties a sentence names, once each: "Sudan's
// army and the paramilitary Rapid Support Forces resumed talks".
func parties(s *sentence) []*actors.Actor {
	var out []*actors.Actor
	for _, m := range s.actors {
		if m.Actor.Kind == actors.KindGeneric || m.Suffix != "" || m.Actor.Country == "" {
			continue
		}
		dup := false
		for _, a := range out {
			dup = dup || a == m.Actor
		}
		if !dup {
			out = append(out, m.Actor)
		}
	}
	return out
}

// international reports whether a development is diplomacy: between two
// countries or more (its participants', the ones it names, the one it is
// held in), by an office that speaks for a country abroad, or with a body
// that acts as a party in diplomacy. A senator's proposal, a
// president's visit to a town of his own country, a party's meeting at
// home are domestic politics.
func (x *Extractor) international(d *doc, e *event) bool {
	countries := map[string]bool{}
	for _, c := range e.Countries {
		countries[c] = true
	}
	if e.Place.Country != "" {
		countries[e.Place.Country] = true
	}
	for _, p := range e.Participants {
		if p.Country != "" {
			countries[p.Country] = true
		}
	}
	if len(countries) >= 2 {
		return true
	}
	for _, p := range e.Participants {
		role := " " + strings.ToLower(p.Role) + " "
		for _, r := range diplomaticRoles() {
			if strings.Contains(role, " "+r+" ") {
				return true
			}
		}
	}
	// The organisation table holds the bodies that act as one party in
	// diplomacy: the UN, a negotiating opposition.
	for i := range e.sentIdx {
		if len(d.sents[i].orgs) > 0 {
			return true
		}
	}
	return false
}

// diplomaticRoles lists the offices of data/diplomatic-roles.txt, lower-cased.
var diplomaticRoles = sync.OnceValue(func() []string {
	var out []string
	for _, f := range lines("diplomatic-roles.txt") {
		out = append(out, strings.ToLower(strings.Join(f, " ")))
	}
	return out
})
