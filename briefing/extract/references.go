package extract

import "github.com/sitrep-bot/sitrep/briefing/text"

// Sentences that name an incident without reporting one: the aftermath
// of an earlier one, a weapon named as a thing, words quoted about plans,
// and the openers that say a new incident begins.

// aftermath reports whether a clause is about an incident's aftermath:
// "The city is still mourning the victims", "funerals were held". A
// funeral struck ("an explosion during the funeral of a fighter", "a
// suicide bomber attacked mourners") is the incident's scene.
func (x *Extractor) aftermath(s *sentence, c clause) bool {
	for i := c.lo; i < c.hi; i++ {
		if !x.lx.aftermath[s.toks[i].Norm] {
			continue
		}
		scene := false
		for k := i - 1; k >= c.lo && k >= i-3; k-- {
			if s.toks[k].Is("during", "at", "near", "on", "a", "an", "targeting", "targeted", "attacked", "hit", "struck", "into", "among") {
				scene = true
			}
		}
		if !scene {
			return true
		}
	}
	return false
}

// weaponOnly reports whether the trigger at trig is a weapon named with no
// attack: "joint production of drones", "asked for more jets". "Drones hit
// the port" and "a drone strike" are attacks.
func (x *Extractor) weaponOnly(s *sentence, c clause, trig int) bool {
	toks := s.toks
	if !x.lx.weapons[toks[trig].Norm] && !toks[trig].Is("warplanes", "warplane", "bombers") {
		return false
	}
	if trig+1 < len(toks) && toks[trig+1].Is("attack", "attacks", "strike", "strikes", "raid", "raids") {
		return false
	}
	for i := c.lo; i < c.hi; i++ {
		if x.lx.attackVerbs[toks[i].Norm] && toks[i].Kind == text.Word {
			return false
		}
	}
	return true
}

// planWords in a quotation make the weapons it names a subject of talk:
// "We discussed air defence and drones".
var planWords = map[string]bool{
	"discussed": true, "discuss": true, "talked": true, "agreed": true, "plan": true, "plans": true, "planned": true,
	"production": true, "produce": true, "supply": true, "supplies": true, "deliver": true, "deliveries": true,
	"need": true, "needs": true, "asked": true, "want": true, "will": true, "would": true, "could": true,
}

// quoteOnly reports whether the trigger at trig lies inside a direct
// quotation that speaks of plans or talks, not of an attack.
func quoteOnly(s *sentence, c clause, trig int) bool {
	if trig < 0 {
		return false
	}
	toks := s.toks
	open := -1
	for i := c.lo; i < trig; i++ {
		if toks[i].Text == "\"" || toks[i].Text == "“" || toks[i].Text == "”" {
			if open < 0 {
				open = i
			} else {
				open = -1
			}
		}
	}
	if open < 0 {
		return false
	}
	for i := open + 1; i < c.hi; i++ {
		if toks[i].Text == "\"" || toks[i].Text == "“" || toks[i].Text == "”" {
			break
		}
		if planWords[toks[i].Norm] {
			return true
		}
	}
	return false
}

// freshIncident reports whether a sentence opens by saying it tells
// another incident: "Later on Tuesday, …", "Separately, …", "Elsewhere,
// …", "In another attack, …", "In a separate incident, …".
func freshIncident(toks []text.Token) bool {
	if len(toks) < 2 {
		return false
	}
	switch {
	case toks[0].Is("separately", "elsewhere"):
		return true
	case toks[0].Is("later") && toks[1].Is("on", "that", "in"):
		return true
	case toks[0].Is("in") && len(toks) > 3 && (toks[1].Is("another") || toks[1].Is("a") && toks[2].Is("separate", "second", "further")):
		k := 2
		if toks[1].Is("a") {
			k = 3
		}
		return toks[k].Is("attack", "attacks", "strike", "strikes", "incident", "incidents", "raid", "bombing", "development")
	}
	return false
}
