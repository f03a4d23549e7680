package extract

import (
	"strings"

	"github.com/sitrep-bot/sitrep/briefing/text"
)

// topicStops end a topic's noun phrase: a new clause, a preposition that
// is not part of the name ("grain exports through the Black Sea"), a
// speech verb.
var topicStops = map[string]bool{
	"with": true, "through": true, "from": true, "to": true, "during": true, "after": true, "before": true, "at": true,
	"said": true, "says": true, "told": true, "when": true, "while": true, "as": true, "amid": true, "for": true, "by": true,
	"which": true, "that": true, "who": true, "on": true, "and": true, "or": true, "but": true, "according": true,
	"is": true, "was": true, "were": true, "are": true, "will": true, "would": true, "has": true, "have": true, "had": true,
}

// phraseTopics reads the noun phrases a development says it is about:
// "to discuss the war in Gaza", "talks on a ceasefire", "spoke about
// grain exports and the war in Gaza".
func phraseTopics(toks []text.Token) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		start := -1
		switch {
		case toks[i].Is("discuss", "discussed", "discussing", "about", "regarding", "concerning"):
			start = i + 1
		case toks[i].Is("rejected", "rejects", "condemned", "condemns", "opposed", "opposes", "welcomed", "welcomes"):
			// "rejected any attempt to displace Palestinians": what is
			// rejected is the act attempted.
			start = i + 1
			if start < len(toks) && toks[start].Is("any", "the", "a", "all") {
				start++
			}
			if start+1 < len(toks) && toks[start].Is("attempt", "attempts", "plan", "plans", "bid", "efforts", "effort", "calls") && toks[start+1].Is("to", "for") {
				start += 2
			} else {
				start = -1
			}
		case toks[i].Is("on") && i > 0 && toks[i-1].Is("talks", "talk", "discussions", "negotiations", "agreement", "deal", "call", "meeting", "cooperation", "focused", "focusing", "centred", "centered"):
			start = i + 1
		}
		if start < 0 {
			continue
		}
		for n := 0; n < 3 && start < len(toks); n++ {
			np, end := nounPhrase(toks, start)
			if np != "" {
				out = append(out, np)
			}
			// Skip to the next item of a list: "X through Y and Z".
			k := end
			for k < len(toks) && k < end+6 && !toks[k].Is("and", ",", ".", ";") {
				k++
			}
			if k >= len(toks) || !toks[k].Is("and", ",") || k+1 >= len(toks) || toks[k+1].Is("said", "the") && k+2 < len(toks) && toks[k+2].Is("state", "foreign", "ministry") {
				break
			}
			start = k + 1
		}
	}
	return out
}

// nounPhrase reads a noun phrase at toks[i], an article dropped, with one
// "of"/"in"/"between" tail: "the war in Gaza", "reopening of embassies".
func nounPhrase(toks []text.Token, i int) (string, int) {
	if i < len(toks) && toks[i].Is("the", "a", "an", "ways", "how", "issues", "matters", "prospects") {
		if toks[i].Is("ways", "how", "issues", "matters", "prospects") {
			return "", i
		}
		i++
	}
	j, tail := i, false
	for j < len(toks) && j-i < 6 {
		tk := toks[j]
		if tk.Kind != text.Word || topicStops[tk.Norm] || isDayWord(tk.Norm) {
			break
		}
		if tk.Is("of", "in", "between", "over") {
			if tail || j == i || j+1 >= len(toks) || toks[j+1].Kind != text.Word || topicStops[toks[j+1].Norm] {
				break
			}
			tail = true
			j++
			if toks[j].Is("the") {
				j++
			}
			continue
		}
		j++
	}
	if j == i || j-i == 1 && !toks[i].Capitalised() && len(toks[i].Norm) < 4 {
		return "", j
	}
	words := make([]string, 0, j-i)
	for _, tk := range toks[i:j] {
		words = append(words, tk.Text)
	}
	np := strings.Join(words, " ")
	if last := toks[j-1]; last.Is("of", "in", "the") {
		return "", j
	}
	return np, j
}
