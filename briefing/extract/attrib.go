package extract

import (
	"strings"

	"github.com/sitrep-bot/sitrep/briefing/text"
)

// speechVerbs introduce who gave a figure: "X said", "X told AFP".
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "reported": true, "reports": true, "confirmed": true,
	"added": true, "stated": true, "announced": true, "quoted": true, "claimed": true, "estimated": true,
	"documented": true, "counted": true, "tallied": true, "recorded": true,
}

// pronouns stand for a speaker named elsewhere.
var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true}

// clauseStops end a speaker's noun phrase when reading backwards.
var clauseStops = map[string]bool{
	",": true, ".": true, ";": true, ":": true, "\"": true, "which": true, "who": true, "that": true,
	"and": true, "but": true, "as": true, "while": true, "when": true, "after": true, "-": true,
}

// attribute decides for each sentence who it says gave its figures, falling
// back on the paragraph's most recent speaker.
func (x *Extractor) attribute(d *doc) {
	lastPara, last := -1, ""
	// Speakers repeat through an article; each is looked up once.
	canon := map[string]string{}
	for _, s := range d.sents {
		if s.Para != lastPara {
			lastPara, last = s.Para, ""
		}
		a := x.speaker(s, last)
		if a != "" {
			c, seen := canon[a]
			if !seen {
				c = x.cleanSpeaker(d, a)
				canon[a] = c
			}
			a = c
		}
		if a == "" && !s.title {
			a = last
		}
		s.attrib = a
		if a != "" {
			last = a
		}
	}
}

// speaker returns the source a sentence names for what it reports.
func (x *Extractor) speaker(s *sentence, prev string) string {
	toks := s.toks
	// A known source that is not merely the channel ("told AFP").
	// Reading forward for a speech verb ends at the next source named.
	var starts map[int]bool
	if len(s.sources) > 1 {
		starts = map[int]bool{}
		for _, sm := range s.sources {
			starts[sm.First] = true
		}
	}
	for _, sm := range s.sources {
		if channel(toks, sm.First) || !voiced(toks, sm.First, sm.Last, starts) {
			continue
		}
		return sm.Name
	}
	for i, tk := range toks {
		// "according to an IS commander".
		if tk.Norm == "according" && i+1 < len(toks) && toks[i+1].Norm == "to" {
			return phraseAfter(toks, i+2)
		}
		if !speechVerbs[tk.Norm] {
			continue
		}
		// "are reported to have": a passive says nothing about who.
		if i > 0 && toks[i-1].Is("is", "are", "was", "were", "been", "be") {
			continue
		}
		p := phraseBefore(toks, i)
		if p == "" {
			p = subject(toks)
		}
		if p != "" {
			if pronouns[strings.ToLower(p)] {
				if subj := subject(toks); subj != "" {
					return subj
				}
				return prev
			}
			return p
		}
		// "…, said the monitor".
		if p := phraseAfter(toks, i+1); p != "" && !pronouns[strings.ToLower(p)] {
			return p
		}
	}
	return ""
}

// channel reports whether a source at toks[i] is the outlet a speaker told
// ("told AFP", "told news agency AFP", "quoted by Reuters").
func channel(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k].Is("told", "by", "via", "to") {
			return true
		}
	}
	return false
}

// phraseBefore reads the noun phrase ending just before toks[i], backwards
// to the start of its clause, at most six words.
func phraseBefore(toks []text.Token, i int) string {
	k := i - 1
	for k >= 0 && toks[k].Is("also", "later", "earlier", "had", "has", "have", "was", "reportedly", "separately") {
		k--
	}
	end := k
	for k >= 0 && end-k < 6 && !clauseStops[toks[k].Norm] && toks[k].Kind != text.Digits && !phraseStops[toks[k].Norm] && !isDayWord(toks[k].Norm) {
		k--
	}
	if end-k >= 6 || end < 0 || end == k {
		return ""
	}
	// "on Sunday a monitor said": the phrase starts at its article.
	for j := end; j > k+1; j-- {
		if toks[j].Is("a", "an", "the") {
			k = j - 1
			break
		}
	}
	if !speakerLike(toks[k+1 : end+1]) {
		return ""
	}
	return speakerText(toks[k+1 : end+1])
}

// phraseAfter reads the noun phrase starting at toks[i], at most eight words.
func phraseAfter(toks []text.Token, i int) string {
	j := i
	for j < len(toks) && j-i < 8 && !clauseStops[toks[j].Norm] && !toks[j].Is("in", "on", "for", "quoting", "citing", "saying") {
		j++
	}
	if j == i || !speakerLike(toks[i:j]) {
		return ""
	}
	// "…, said the monitor." ends the clause; "said Obama saw talks" does not.
	if j < len(toks) && !toks[j].Is(".", ",", ";", "\"", "on", "in", "quoting", "citing", "saying", "for") {
		return ""
	}
	return speakerText(toks[i:j])
}

// speakerLike reports whether a phrase can name a speaker: a pronoun, a
// name, or a noun phrase headed by a person or organisation noun.
func speakerLike(toks []text.Token) bool {
	if len(toks) == 1 && pronouns[toks[0].Norm] {
		return true
	}
	for _, tk := range toks {
		if tk.Capitalised() && tk.Kind == text.Word && !tk.Is("the", "a", "an") {
			return true
		}
	}
	return personNouns[toks[len(toks)-1].Norm]
}

// subject reads the sentence's opening noun phrase ("An IS fighter in the
// province confirmed …" → "an IS fighter") when it names a person.
func subject(toks []text.Token) string {
	j := 0
	for j < len(toks) && j < 6 && !toks[j].Is("in", "on", "at", "from", "with", "said", "told", "confirmed", "who", ",") {
		j++
	}
	if j == 0 {
		return ""
	}
	last := toks[j-1].Norm
	if personNouns[last] {
		return speakerText(toks[:j])
	}
	return ""
}

// personNouns head a speaker's noun phrase.
var personNouns = map[string]bool{
	"fighter": true, "commander": true, "official": true, "officials": true, "activist": true, "activists": true,
	"resident": true, "residents": true, "witness": true, "witnesses": true, "source": true, "sources": true,
	"spokesman": true, "spokeswoman": true, "medic": true, "doctor": true, "officer": true, "member": true,
	"monitor": true, "group": true, "ministry": true, "army": true, "military": true, "agency": true,
	"organisation": true, "organization": true, "observatory": true, "governor": true, "police": true, "media": true,
	"television": true, "tv": true, "medics": true, "doctors": true, "rescuers": true, "workers": true,
	"minister": true, "spokesperson": true, "coalition": true, "statement": true, "report": true, "reports": true,
}

// speakerText renders a speaker phrase: a leading article lower-cased, a
// known source canonicalised by the caller later.
func speakerText(toks []text.Token) string {
	if len(toks) == 0 {
		return ""
	}
	var b strings.Builder
	for i, tk := range toks {
		if i > 0 && tk.Kind != text.Punct {
			b.WriteByte(' ')
		}
		w := tk.Text
		if i == 0 && tk.Is("a", "an", "the") {
			w = tk.Norm
		}
		b.WriteString(w)
	}
	s := strings.Trim(b.String(), " \"“”'’")
	if len(s) > 80 {
		return ""
	}
	return s
}

// phraseStops end a speaker's phrase read backwards: a preposition opens
// what came before it ("strikes on Friday", "killed in the city").
var phraseStops = map[string]bool{"on": true, "in": true, "at": true, "during": true, "since": true, "by": true, "with": true, "after": true}

// voiced reports whether a source named at toks[first:last+1] is given as
// the one speaking: "according to SANA", "SANA reported", "said the
// Observatory", "the monitor, which …, said". An actor that carries out an
// act ("the Syrian army carried out raids in which 18 were killed") is not
// the source of its toll.
func voiced(toks []text.Token, first, last int, stopAt map[int]bool) bool {
	for k := first - 1; k >= 0 && k >= first-3; k-- {
		if toks[k].Is("according") || speechVerbs[toks[k].Norm] || toks[k].Is("citing", "cited", "quoting", "per") {
			return true
		}
	}
	for k := last + 1; k < len(toks) && k <= last+12; k++ {
		w := toks[k].Norm
		if speechVerbs[w] || w == "says" || w == "estimates" || w == "counted" || w == "confirms" {
			return true
		}
		if toks[k].Is(".", ";") || stopAt[k] {
			break
		}
	}
	// "SANA's report", "the Observatory's count".
	return possessive(toks[last].Text)
}

// possessive reports whether a word ends in "'s" (scraped copy may keep it
// inside the token).
func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}
