package extract

import (
	"strings"

	sitrep "github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/text"
)

// modifierDeterminers before a participle make it describe the noun after
// it: "two abducted aid workers", "the kidnapped students".
var modifierDeterminers = map[string]bool{
	"the": true, "a": true, "an": true, "two": true, "three": true, "four": true, "five": true, "several": true,
	"their": true, "its": true, "his": true, "her": true, "our": true, "these": true, "those": true, "of": true,
	"formerly": true, "previously": true, "recently": true,
}

// modifierParticiple reports whether the abduction trigger of n tokens at
// i describes who the victims were rather than what befell them: a
// participle between a determiner or count and a noun ("two abducted aid
// workers", "the kidnapped students"). "Gunmen abducted villagers" is the
// act itself.
func modifierParticiple(toks []text.Token, i, n int, kind sitrep.Kind) bool {
	if kind != sitrep.KindAbduction || n != 1 || i == 0 || i+1 >= len(toks) || !strings.HasSuffix(toks[i].Norm, "ed") {
		return false
	}
	prev, next := toks[i-1], toks[i+1]
	if !(modifierDeterminers[prev.Norm] || prev.Kind == text.Digits) {
		return false
	}
	return next.Kind == text.Word && !next.Is("by", "in", "on", "at", "from", "near", "last", "earlier", "and", "or", "during", "after", "since", "of", "for", "to", "with")
}

// figurative reports whether the trigger at i is used for something other
// than violence, by the word after it: "fighting corruption", "a price
// war", "air raid sirens".
func (x *Extractor) figurative(s *sentence, i, hi int) bool {
	for k := i + 1; k < min(i+3, hi, len(s.toks)); k++ {
		if x.lx.figurative[s.toks[k].Norm] {
			return true
		}
	}
	return false
}
