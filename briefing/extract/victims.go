package extract

import (
	"strings"

	"github.com/sitrep-bot/sitrep/briefing/text"

	sitrep "github.com/sitrep-bot/sitrep"
)

// childNouns name one child: "a 10-year-old boy", "a baby".
var childNouns = map[string]bool{
	"child": true, "boy": true, "girl": true, "baby": true, "infant": true, "toddler": true, "teenager": true,
	"schoolboy": true, "schoolgirl": true, "newborn": true, "kid": true, "minor": true, "teenage": false,
}

// childModifiers may stand between "a" and the child noun: "a young
// girl", "a 10-year-old boy" (ages are read by shape).
var childModifiers = map[string]bool{"young": true, "little": true, "small": true, "teenage": true, "palestinian": true, "local": true, "newborn": true}

// singleChildren reads children a clause counts one by one, which a
// number reader misses: "including a 10-year-old boy", "among them a
// child and his mother", "killing a girl and her father", "a boy and a
// girl". Each is one child killed, part of the toll when it follows
// "including" or "among".
func (x *Extractor) singleChildren(s *sentence, lo, hi int, have []fig) []fig {
	for _, f := range have {
		if f.What == sitrep.FigureChildren {
			return nil // the text gives its own count
		}
	}
	toks := s.toks
	count, first, subset, outcome := 0, -1, false, ""
	standalone := false // the child is the clause's subject: "a girl was among the dead"
	for k := lo; k < hi; k++ {
		if !toks[k].Is("a", "an", "one") {
			continue
		}
		j := k + 1
		for j < hi && j < k+4 && (childModifiers[toks[j].Norm] || isAge(toks[j].Norm)) {
			j++
		}
		if j >= hi || !childNouns[toks[j].Norm] || j+1 < hi && toks[j+1].Is("'s", "’s") {
			continue
		}
		if count > 0 {
			// "a boy and a girl": the list goes on only through "and".
			if k > 0 && toks[k-1].Is("and") && first >= 0 {
				count++
			}
			k = j
			continue
		}
		// What the list hangs off: "including", "among them", or a
		// killing verb.
		for b := k - 1; b >= lo && b >= k-3; b-- {
			w := toks[b].Norm
			if w == "including" || w == "among" || w == "incl" {
				subset, outcome = true, ""
				break
			}
			if killedBefore[w] {
				outcome = sitrep.FigureKilled
				break
			}
			if woundedBefore[w] {
				outcome = sitrep.FigureWounded
				break
			}
			if !toks[b].Is("them", "the", "dead", "victims", "those", "killed", ",") {
				break
			}
		}
		// "A 12-year-old girl was among the dead", "a boy was killed".
		if !subset && outcome == "" {
			outcome = childOutcomeAfter(toks, j+1, hi)
			standalone = outcome != ""
		}
		if !subset && outcome == "" {
			continue
		}
		count, first = 1, k
		k = j
	}
	if count == 0 {
		return nil
	}
	if subset {
		// A part shares the outcome of the count it is part of.
		outcome = sitrep.FigureKilled
		for _, f := range have {
			if f.tok < first {
				outcome = outcomeOf(f.What)
			}
		}
		if len(have) == 0 {
			return nil
		}
	}
	if standalone {
		subset = true // part of the toll the article gives elsewhere
	}
	if outcome == sitrep.FigureWounded {
		return nil // wounded children are not counted apart
	}
	return []fig{{Figure: sitrep.Figure{What: sitrep.FigureChildren, Value: count, Sentence: s.Text, AttributedTo: s.by(first)}, tok: first, subset: subset, title: s.title}}
}

// isAge reports whether w is an age written as one hyphenated word:
// "10-year-old", "two-year-old".
func isAge(w string) bool {
	return strings.HasSuffix(w, "-year-old") || strings.HasSuffix(w, "-month-old")
}

// childOutcomeAfter reads what the verb after a child noun says befell the
// child: "was among the dead", "was killed", "were among those killed".
func childOutcomeAfter(toks []text.Token, i, hi int) string {
	if i >= hi || !toks[i].Is("was", "is", "were") {
		return ""
	}
	k := i + 1
	if k < hi && toks[k].Is("also", "reportedly") {
		k++
	}
	if k >= hi {
		return ""
	}
	if toks[k].Is("among") {
		for j := k + 1; j < hi && j <= k+3; j++ {
			if isToll(toks[j].Norm) || toks[j].Is("killed", "victims") {
				return sitrep.FigureKilled
			}
			if woundedAfter[toks[j].Norm] {
				return sitrep.FigureWounded
			}
		}
		return ""
	}
	if killedAfter[toks[k].Norm] {
		return sitrep.FigureKilled
	}
	return ""
}

// personNounsOne name one person killed: "a 71-year-old woman", "an
// elderly man", "a civilian". Children are read by singleChildren.
var personNounsOne = map[string]string{
	"man": sitrep.FigureKilled, "woman": sitrep.FigureWomen, "civilian": sitrep.FigureCivilians, "person": sitrep.FigureKilled,
	"resident": sitrep.FigureCivilians, "farmer": sitrep.FigureCivilians, "shepherd": sitrep.FigureCivilians, "pensioner": sitrep.FigureCivilians,
	"driver": sitrep.FigureCivilians, "villager": sitrep.FigureCivilians, "worker": sitrep.FigureCivilians,
	"soldier": sitrep.FigureFighters, "policeman": sitrep.FigureFighters, "serviceman": sitrep.FigureFighters,
}

// personModifiers may stand between "a" and the person noun besides an
// age: "an elderly man", "a local resident".
var personModifiers = map[string]bool{"elderly": true, "young": true, "local": true, "old": true, "pregnant": true, "disabled": true, "civilian": true}

// singleVictim reads one person a clause says was killed when it gives
// no number: "A 71-year-old woman was killed by artillery fire", "shelling
// killed an elderly man". A person in an apposition ("One of the victims,
// a 62-year-old man, died") is one already counted and is not read.
func (x *Extractor) singleVictim(s *sentence, lo, hi int, have []fig) []fig {
	for _, f := range have {
		if f.Value > 0 || f.Vague != "" {
			return nil
		}
	}
	toks := s.toks
	for k := lo; k < hi; k++ {
		if !toks[k].Is("a", "an") {
			continue
		}
		j := k + 1
		for j < hi && j < k+4 && (personModifiers[toks[j].Norm] || isAge(toks[j].Norm)) {
			j++
		}
		if j >= hi {
			return nil
		}
		what, ok := personNounsOne[toks[j].Norm]
		if !ok {
			continue
		}
		outcome := ""
		switch {
		case k == lo || k == 0:
			// "A 71-year-old woman was killed …", "A man died …".
			outcome = childOutcomeAfter(toks, j+1, hi)
			if outcome == "" && j+1 < hi && toks[j+1].Is("died") {
				outcome = sitrep.FigureKilled
			}
		case killedBefore[toks[k-1].Norm] && !toks[k-1].Is("toll", "dead", "claimed", "claiming", "lost", "losing"):
			// "… killing a woman".
			outcome = sitrep.FigureKilled
		}
		if outcome != sitrep.FigureKilled {
			return nil
		}
		return []fig{{Figure: sitrep.Figure{What: what, Value: 1, Sentence: s.Text, AttributedTo: s.by(k)}, tok: k, title: s.title}}
	}
	return nil
}
