package extract

import (
	"strings"

	sitrep "github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/actors"
	"github.com/sitrep-bot/sitrep/briefing/places"
	"github.com/sitrep-bot/sitrep/briefing/text"
)

// devRank orders development kinds when one sentence holds several verbs.
var devRank = map[string]int{
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
		kind, strength := "", 0
		for i := 0; i < len(s.toks); i++ {
			e, n := x.dev.match(s.toks, i)
			if e == nil {
				continue
			}
			if e.strength > strength || e.strength == strength && devRank[e.value] > devRank[kind] {
				kind, strength = e.value, e.strength
			}
			i += n - 1
		}
		if kind == "" {
			continue
		}
		people := x.participants(d, s)
		anaphor := hasAny(s.toks, "the meeting", "the talks", "the visit", "the discussions", "the trip")
		if len(people) == 0 && !anaphor {
			continue
		}
		// A statement is news when a titled person makes it about diplomacy.
		if kind == sitrep.KindStatement && (!titled(s) || !x.diplomatic(s)) {
			continue
		}
		if kind == sitrep.KindStatement && strength < 2 && len(people) < 2 {
			continue
		}
		cd := devCandidate{s: s, kind: kind, strength: strength, people: people}
		if e := mergeDev(evs, cd, anaphor); e != nil {
			x.absorbDev(d, e, cd)
			continue
		}
		if len(people) == 0 {
			continue
		}
		e := &event{first: s.Index, sentIdx: map[int]bool{}, keys: map[string]bool{}}
		e.Category = sitrep.CategoryDevelopment
		e.Day = d.pub
		x.absorbDev(d, e, cd)
		evs = append(evs, e)
	}
	for _, e := range evs {
		if e.place != nil {
			e.Place = e.place.Place
		}
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
	kind     string
	strength int
	people   []sitrep.Person
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
		add(pm.Person)
	}
	for _, pm := range d.roster.Mentions(s.toks) {
		covered := false
		for _, q := range s.people {
			if pm.First >= q.First && pm.First <= q.Last {
				covered = true
			}
		}
		if !covered {
			add(pm.Person)
		}
	}
	// "the Syrian foreign minister": someone the article named with that title.
	var known []sitrep.Person
	for i := 0; i+2 < len(s.toks); i++ {
		if !s.toks[i].Is("the") {
			continue
		}
		if known == nil {
			known = d.roster.People()
		}
		for _, p := range known {
			role := strings.ToLower(p.Role)
			if role == "" {
				continue
			}
			words := strings.Fields(role)
			j := i + 1
			if c, ok := x.gaz.Country(s.toks[j].Text); ok && c == p.Country {
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
			if match && j > i+1 {
				add(p)
			}
		}
	}
	return out
}

func titled(s *sentence) bool { return len(s.people) > 0 }

// diplomatic reports whether a sentence is about diplomacy rather than,
// say, a spokesman describing an attack.
func (x *Extractor) diplomatic(s *sentence) bool {
	for i := range s.toks {
		if e, _ := x.lx.topics.match(s.toks, i); e != nil {
			return true
		}
		if s.toks[i].Is("dialogue", "negotiations", "talks", "solution", "settlement", "conference", "opposition", "relations", "cooperation", "diplomatic", "peace", "zones", "envoy") {
			return true
		}
	}
	return false
}

// hasAny reports whether toks contain one of the phrases.
func hasAny(toks []text.Token, phrases ...string) bool {
	for _, ph := range phrases {
		words := strings.Fields(ph)
		for i := 0; i+len(words) <= len(toks); i++ {
			ok := true
			for k, w := range words {
				if toks[i+k].Norm != w {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// mergeDev finds the development a sentence adds to: one sharing a
// participant, or the latest meeting for "the talks".
func mergeDev(evs []*event, cd devCandidate, anaphor bool) *event {
	for i := len(evs) - 1; i >= 0; i-- {
		for _, p := range cd.people {
			if evs[i].keys[p.Key] {
				return evs[i]
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
	if devRank[cd.kind] > devRank[e.Kind] && cd.strength >= 2 || e.Kind == "" {
		e.Kind, e.strength = cd.kind, cd.strength
	}
	for _, p := range cd.people {
		if !e.keys[p.Key] {
			e.keys[p.Key] = true
			e.Participants = append(e.Participants, p)
			addCountry(&e.Event, p.Country)
		}
	}
	for _, pl := range s.places {
		if insideActor(s, pl.tok) && pl.Kind != places.KindCountry {
			continue
		}
		if pl.Kind == places.KindCountry {
			addCountry(&e.Event, pl.Place.Country)
		}
		r := placeRank(pl.Kind)
		prev := ""
		if pl.tok > 0 {
			prev = s.toks[pl.tok-1].Norm
		}
		if r > e.placeRank && (prev == "in" || prev == "of" || prev == "at" || prev == "to") {
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
		// "Geneva talks", "Astana process".
		if tk.Capitalised() && tk.Kind == text.Word && i > 0 && i+1 < len(toks) && toks[i+1].Is("talks", "conference", "process", "accord", "agreement", "communique", "declaration") && !isDayWord(tk.Norm) {
			out = append(out, tk.Text+" "+toks[i+1].Norm)
			i++
			continue
		}
		if e, n := x.lx.topics.match(toks, i); e != nil {
			out = append(out, e.value)
			i += n - 1
		}
	}
	return out
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

var _ = actors.KindGroup
