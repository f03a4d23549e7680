package extract

import (
	sitrep "github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/text"
)

// fig is a casualty figure with where it was read.
type fig struct {
	sitrep.Figure
	tok    int    // token index of the amount
	subset bool   // "including 21 children", "among those killed": part of another count
	noun   string // the counted noun as written, lower-case ("soldiers")
	title  bool
	civil  bool // an overall toll the text says is of civilians ("all of them civilians")
	lead   bool // given by the headline or the event's lead sentence
}

// Outcome words read forward from the number ("63 people were killed") and
// backward ("killing 63", "the toll rose to 95").
var (
	killedAfter   = map[string]bool{"killed": true, "dead": true, "died": true, "die": true, "deaths": true, "perished": true, "slain": true, "killing": false, "executed": true, "beheaded": true, "lost": false, "massacred": true, "fatalities": true, "murdered": true, "lives": true, "martyred": true, "martyrs": true, "martyr": true, "hanged": true}
	woundedAfter  = map[string]bool{"wounded": true, "injured": true, "hurt": true, "injuries": true, "wounds": true, "injuring": false}
	killedBefore  = map[string]bool{"killing": true, "killed": true, "kill": true, "kills": true, "toll": true, "lost": true, "losing": true, "executed": true, "executing": true, "beheaded": true, "dead": true, "massacred": true, "massacring": true, "claiming": true, "claimed": true, "slaughtered": true, "martyrdom": true, "martyring": true, "hanged": true, "hanging": true}
	woundedBefore = map[string]bool{"wounding": true, "injuring": true, "wounded": true, "injured": true, "wound": true, "injure": true}
	// scanStops end the forward search for an outcome: a new clause begins.
	scanStops = map[string]bool{"after": true, "when": true, "as": true, "while": true, "because": true, "but": true, "said": true, "told": true, "according": true, "who": true, "which": true, "that": true, ";": true, ":": true, "since": true, "before": true, "if": true, "fled": true, "addition": true, "displaced": true, "evacuated": true, "rescued": true, "arrested": true, "captured": true, "freed": true, "released": true, "missing": true, "trapped": true}
	// nestWords put a number inside the count before it.
	nestWords = map[string]bool{"including": true, "among": true, "them": true, "whom": true, "of": true, "the": true, "those": true, "incl": true}
	// notCasualty follow numbers that count something else.
	notCasualty = map[string]bool{"%": true, "percent": true, "per": true, "km": true, "kilometres": true, "kilometers": true, "miles": true, "metres": true, "meters": true, "years": true, "year": true, "hours": true, "hour": true, "days": true, "day": true, "minutes": true, "times": true, "am": true, "pm": true, "tons": true, "tonnes": true, "dollars": true, "villages": true, "towns": true, "buildings": true, "homes": true, "houses": true, "vehicles": true, "trucks": true, "tanks": true, "aircraft": true, "warplanes": true, "planes": true, "jets": true, "strikes": true, "raids": true, "air": true, "rockets": true, "shells": true, "missiles": true, "barrel": true, "months": true, "weeks": true, "million": false, "sorties": true, "bombs": true, "targets": true, "positions": true, "hospitals": true, "schools": true, "attacks": true, "cars": true, "bombers": true, "round": true, "rounds": true, "kg": true, "times.": true, "th": true, "st": true, "nd": true, "rd": true}
)

// deadNouns count the dead by themselves: "27 bodies were brought in".
var deadNouns = map[string]bool{"bodies": true, "corpses": true}

// maxIncidentToll bounds a single incident's figure; larger numbers are
// conflict-wide totals.
const maxIncidentToll = 3000

// figures reads the casualty figures of toks[lo:hi].
func (x *Extractor) figures(s *sentence, lo, hi int) []fig {
	toks := s.toks
	revised := isRevision(toks)
	var out []fig
	for _, n := range s.nums {
		if n.Head < lo || n.Head >= hi || n.Year {
			continue
		}
		// "24 hours", "10 air strikes", "2.5 km".
		after := n.Last + 1
		if after < hi && notCasualty[toks[after].Norm] {
			continue
		}
		if after < hi && toks[after].Text == "-" {
			continue
		}
		if n.Value == 0 && n.Vague == "" {
			continue
		}
		// "two security sources said", but not "wounding 50 officials said".
		if !countLike(toks, n.First, after) || x.countsSpeakers(toks, after, hi) && (n.First == 0 || !killedBefore[toks[n.First-1].Norm] && !woundedBefore[toks[n.First-1].Norm]) {
			continue
		}
		// Dates: "November 7", "7 November".
		if n.Head > 0 && isMonth(toks[n.Head-1].Norm) || after < hi && isMonth(toks[after].Norm) {
			continue
		}
		// An earlier toll the sentence revises: "updating a previous toll of 112".
		if oldToll(toks, n.First) {
			continue
		}
		cat, nounEnd := x.category(toks, n.Last+1, hi)
		outcome := outcomeAfter(toks, nounEnd, hi)
		if outcome == "" {
			outcome = outcomeBefore(toks, n.First, lo)
		}
		// "the toll … has risen to 37", "the death toll has reached 20".
		if outcome == "" && revised && n.First > 0 && toks[n.First-1].Is("to", "at", "reached", "hit") {
			outcome = sitrep.FigureKilled
		}
		subset := false
		for k := n.First - 1; k >= lo && k >= n.First-2; k-- {
			if toks[k].Is("including", "among", "incl") {
				subset = true
			}
		}
		// "Among the dead were two police officers".
		if n.First > 2 && toks[n.First-1].Is("were", "was", "are") && isToll(toks[n.First-2].Norm) && toks[n.First-3].Is("the", "those") && n.First > 3 && toks[n.First-4].Is("among") {
			subset = true
			if outcome == "" {
				outcome = sitrep.FigureKilled
			}
		}
		// "The victims included 6 children", "the dead include two women".
		if n.First > 1 && toks[n.First-1].Is("included", "include", "includes") && isToll(toks[n.First-2].Norm) {
			subset = true
			if outcome == "" {
				outcome = sitrep.FigureKilled
			}
		}
		if among(toks, nounEnd, hi) {
			subset = true
		}
		// "One of the victims, a 62-year-old man, died in hospital": one
		// already counted, unless a category follows ("two of the dead
		// were children").
		if oneOfToll(toks, nounEnd, hi) && laterCategory(x, toks, nounEnd, hi) == "" {
			continue
		}
		// "including 10 women and three infants": the list goes on, unless
		// the number has an outcome of its own ("and 43 others were
		// injured").
		if !subset && outcome == "" && n.First > 0 && toks[n.First-1].Is("and", ",") && len(out) > 0 && out[len(out)-1].subset && n.First-out[len(out)-1].tok <= 4 {
			subset = true
		}
		// "40 dead including 14 children and scores more wounded": a part
		// shares its whole's outcome.
		if subset && len(out) > 0 && out[len(out)-1].tok < n.Head && !among(toks, nounEnd, hi) {
			outcome = outcomeOf(out[len(out)-1].What)
		}
		if outcome == "" && subset && len(out) > 0 {
			outcome = outcomeOf(out[len(out)-1].What)
		}
		// "86, 30 of them children": part of the count before.
		if c, ok := ofThem(x, toks, n.Last+1, hi); ok {
			cat, subset = c, true
			if len(out) > 0 {
				outcome = outcomeOf(out[len(out)-1].What)
			}
		}
		// "27 bodies had been brought in": the count is of the dead.
		if outcome == "" && nounEnd > n.Last+1 && deadNouns[toks[nounEnd-1].Norm] {
			outcome = sitrep.FigureKilled
		}
		if outcome == "" {
			continue
		}
		// "of those killed are civilians": the category comes after.
		if cat == "" || cat == sitrep.FigureKilled {
			if c := laterCategory(x, toks, nounEnd, hi); c != "" {
				cat = c
				subset = true
			}
		}
		// "a family of seven": the whole count is of civilians.
		if cat == "" && n.First > 1 && toks[n.First-1].Is("of") && toks[n.First-2].Is("family", "families", "household") {
			cat = sitrep.FigureCivilians
		}
		if cat == "" {
			cat = sitrep.FigureKilled
		}
		what := cat
		if outcome == sitrep.FigureWounded {
			what = sitrep.FigureWounded
		}
		if n.Value > maxIncidentToll {
			continue
		}
		f := fig{Figure: sitrep.Figure{What: what, Value: n.Value, Vague: n.Vague, Qualifier: n.Qualifier, Revised: revised, Sentence: s.Text, AttributedTo: s.by(n.Head)}, tok: n.Head, subset: subset, title: s.title}
		if nounEnd > n.Last+1 {
			f.noun = toks[nounEnd-1].Norm
		}
		f.civil = what == sitrep.FigureKilled && !subset && civilianWhole(toks, nounEnd, hi)
		out = append(out, f)
	}
	out = append(out, x.vagueShares(s, lo, hi)...)
	out = append(out, x.singleChildren(s, lo, hi, out)...)
	out = append(out, x.singleVictim(s, lo, hi, out)...)
	return out
}

func isMonth(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}

func outcomeOf(what string) string {
	if what == sitrep.FigureWounded {
		return sitrep.FigureWounded
	}
	return sitrep.FigureKilled
}

// category reads the noun a number counts ("civilians", "Syrian soldiers",
// "pro-government fighters"), skipping up to three modifiers. It returns the
// figure category and the index after the noun.
func (x *Extractor) category(toks []text.Token, i, hi int) (string, int) {
	for k := i; k < hi && k < i+4; k++ {
		// "Eight members of one family": civilians.
		if toks[k].Is("members", "member") && k+1 < hi && toks[k+1].Is("of") {
			for j := k + 2; j < hi && j < k+5; j++ {
				if toks[j].Is("family", "families", "household") {
					return sitrep.FigureCivilians, j + 1
				}
			}
		}
		if c, ok := x.lx.casualty[toks[k].Norm]; ok {
			// "jihadists and civilians": a mixed count is a plain toll.
			if k+2 < hi && toks[k+1].Is("and", "or") {
				if c2, ok := x.lx.casualty[toks[k+2].Norm]; ok && figureCat(c2) != figureCat(c) {
					return sitrep.FigureKilled, k + 3
				}
			}
			// "people, mostly civilians" keeps "people".
			return figureCat(c), k + 1
		}
		if killedAfter[toks[k].Norm] || woundedAfter[toks[k].Norm] || toks[k].Kind != text.Word || toks[k].Is("of", "and", "in", "on", "at", "were", "was", "are", "have", "has", "had") {
			break
		}
	}
	return "", i
}

func figureCat(c string) string {
	switch c {
	case "civilians":
		return sitrep.FigureCivilians
	case "children":
		return sitrep.FigureChildren
	case "women":
		return sitrep.FigureWomen
	case "fighters":
		return sitrep.FigureFighters
	}
	return sitrep.FigureKilled
}

// outcomeAfter looks forward from a counted noun for what happened to them:
// "were killed", "dead", "others wounded".
func outcomeAfter(toks []text.Token, i, hi int) string {
	for k := i; k < hi && k < i+11; k++ {
		w := toks[k].Norm
		// "Two dead, twenty injured": an outcome right after the count is its own.
		if (killedAfter[w] || woundedAfter[w]) && k > i && countFollows(toks, k+1) {
			return "" // "… and wounded 30 others": a verb for the next count
		}
		if killedAfter[w] {
			if w == "lives" && !(k > 0 && toks[k-1].Norm == "their") {
				continue
			}
			return sitrep.FigureKilled
		}
		if woundedAfter[w] {
			return sitrep.FigureWounded
		}
		if scanStops[w] {
			return ""
		}
		// "were among the victims": the count is part of a toll.
		if w == "victims" && k > 1 && toks[k-2].Is("among") {
			return sitrep.FigureKilled
		}
		// Another count begins, unless nested in this one or this count
		// is among it ("Nine children were among at least 35 people killed").
		if toks[k].Kind == text.Digits && k > i && !nestWords[toks[k-1].Norm] && !amongBefore(toks, i, k) {
			return ""
		}
	}
	return ""
}

// isToll reports whether w names the people killed: "the victims", "the dead".
func isToll(w string) bool {
	switch w {
	case "victims", "dead", "killed", "fatalities", "casualties", "toll":
		return true
	}
	return false
}

// civilianWhole reports whether the words after a count say all of it is
// civilians: "12 people, all of them civilians", "all civilians",
// "including women and children" (with no number for the part).
func civilianWhole(toks []text.Token, i, hi int) bool {
	for k := i; k < hi && k < i+8; k++ {
		w := toks[k].Norm
		if toks[k].Kind == text.Digits || scanStops[w] && w != "who" {
			return false
		}
		switch w {
		case "all":
			for j := k + 1; j < hi && j < k+4; j++ {
				if toks[j].Is("civilians", "civilian", "residents", "villagers") {
					return true
				}
			}
		case "including", "among":
			j := k + 1
			if j < hi && toks[j].Is("them") {
				j++
			}
			if j+2 < hi && toks[j].Is("women", "children") && toks[j+1].Is("and") && toks[j+2].Is("children", "women", "elderly") {
				return true
			}
			return false
		}
	}
	return false
}

// countFollows reports whether a number starts at toks[i].
func countFollows(toks []text.Token, i int) bool {
	if i >= len(toks) {
		return false
	}
	end := min(i+3, len(toks))
	for _, n := range text.Numbers(toks[i:end]) {
		if n.First == 0 {
			return true
		}
	}
	return false
}

// outcomeBefore looks back from a number for a verb that counts it:
// "killing at least 12", "wounding 30", "the death toll rose to 95".
func outcomeBefore(toks []text.Token, first, lo int) string {
	for k := first - 1; k >= lo && k >= first-5; k-- {
		w := toks[k].Norm
		if woundedBefore[w] {
			return sitrep.FigureWounded
		}
		if killedBefore[w] {
			if (w == "claimed" || w == "claiming") && !(k+2 < len(toks) && toks[k+2].Norm == "lives") {
				continue
			}
			return sitrep.FigureKilled
		}
		// "killing a woman and seven children": the first victims are
		// part of the list.
		if toks[k].Is("and") && k > 0 && k-1 >= lo && isVictimNoun(toks[k-1].Norm) {
			continue
		}
		if toks[k].Kind == text.Digits || toks[k].Is(".", ";", "and", "said", "but") {
			return ""
		}
	}
	return ""
}

// isVictimNoun reports whether w names people killed in a list: "a woman
// and seven children", "his wife and three children".
func isVictimNoun(w string) bool {
	switch w {
	case "woman", "women", "man", "men", "mother", "father", "wife", "husband", "child", "children", "civilian", "civilians", "girl", "boy", "brother", "sister", "son", "daughter", "parents":
		return true
	}
	return false
}

// amongBefore reports whether "among" lies in toks[i:k].
func amongBefore(toks []text.Token, i, k int) bool {
	for j := i; j < k; j++ {
		if toks[j].Is("among") {
			return true
		}
	}
	return false
}

// among reports whether a count is part of a larger one: "were among those
// killed", "among the dead".
func among(toks []text.Token, i, hi int) bool {
	for k := i; k < hi && k < i+4; k++ {
		if toks[k].Norm == "among" {
			return true
		}
	}
	return false
}

// oneOfToll reports whether a count is taken out of a toll already given:
// "one of the victims … died in hospital", "two of those killed". "12 of
// them children" is read by ofThem.
func oneOfToll(toks []text.Token, i, hi int) bool {
	if i+2 >= hi || !toks[i].Is("of") || !toks[i+1].Is("the", "those") {
		return false
	}
	return isToll(toks[i+2].Norm) || toks[i+2].Is("wounded", "injured")
}

// laterCategory reads "36 of those killed are civilians" and "X of the
// dead were children": a category after "are/were".
func laterCategory(x *Extractor, toks []text.Token, i, hi int) string {
	if i >= hi || !toks[i].Is("of") {
		return ""
	}
	for k := i + 1; k < hi && k < i+8; k++ {
		if toks[k].Is("are", "were", "was", "being") && k+1 < hi {
			for j := k + 1; j < hi && j < k+3; j++ {
				if c, ok := x.lx.casualty[toks[j].Norm]; ok && c != "killed" {
					return figureCat(c)
				}
			}
			return ""
		}
	}
	return ""
}

// ofThem reads "of them children", "of whom were women" after a number.
func ofThem(x *Extractor, toks []text.Token, i, hi int) (string, bool) {
	if i+2 >= hi || !toks[i].Is("of") || !toks[i+1].Is("them", "whom") {
		return "", false
	}
	for k := i + 2; k < hi && k < i+5; k++ {
		if c, ok := x.lx.casualty[toks[k].Norm]; ok {
			return figureCat(c), true
		}
	}
	return "", false
}

// isRevision reports whether a sentence updates an earlier toll.
func isRevision(toks []text.Token) bool {
	toll := false
	for _, tk := range toks {
		if tk.Is("toll", "tally") {
			toll = true
		}
	}
	for _, tk := range toks {
		if tk.Is("updated", "updating", "revised", "raised") || toll && tk.Is("rose", "risen", "climbed", "increased", "jumped", "reached", "mounted", "new", "rising", "rises") {
			return true
		}
	}
	return false
}

// oldToll reports whether the number at first is a superseded toll: "a
// previous toll of 112", "up from 40", "rose from 50 to 95".
func oldToll(toks []text.Token, first int) bool {
	for k := first - 1; k >= 0 && k >= first-4; k-- {
		if toks[k].Is("previous", "earlier", "initial", "from") {
			return true
		}
		if toks[k].Kind == text.Digits || toks[k].Is("to", ",") {
			return false
		}
	}
	return false
}

// vagueShares reads "half of them civilians", "most of the dead were
// children": a share kept as words, never computed.
func (x *Extractor) vagueShares(s *sentence, lo, hi int) []fig {
	toks := s.toks
	var out []fig
	for i := lo; i < hi; i++ {
		// "40 people, mostly civilians", "mostly women and children".
		if toks[i].Is("mostly", "mainly", "largely") && i+1 < hi {
			if c, ok := x.lx.casualty[toks[i+1].Norm]; ok && c != "killed" {
				cat := figureCat(c)
				if (c == "women" || c == "children") && i+3 < hi && toks[i+2].Is("and") {
					cat = sitrep.FigureCivilians
				}
				out = append(out, fig{Figure: sitrep.Figure{What: cat, Vague: "most of them", Sentence: s.Text, AttributedTo: s.by(i)}, tok: i, subset: true, title: s.title})
			}
			continue
		}
		if !toks[i].Is("half", "most", "majority", "many", "third") {
			continue
		}
		if i+1 >= hi || !toks[i+1].Is("of") {
			continue
		}
		for k := i + 2; k < hi && k < i+8; k++ {
			if c, ok := x.lx.casualty[toks[k].Norm]; ok && c != "killed" {
				vague := toks[i].Norm + " of them"
				if i > 0 && toks[i-1].Is("more", "over") && i-2 >= 0 && toks[i-2].Is("than") == false {
					vague = toks[i-1].Norm + " " + vague
				}
				out = append(out, fig{Figure: sitrep.Figure{What: figureCat(c), Vague: vague, Sentence: s.Text, AttributedTo: s.by(i)}, tok: i, subset: true, title: s.title})
				break
			}
		}
	}
	return out
}

// notCountBefore precede numbers that are not casualty counts: names
// ("Resolution 2254", "Route 5"), page furniture ("URL 0 612") and people
// taken rather than killed ("kidnapped 900").
var notCountBefore = map[string]bool{
	"resolution": true, "resolutions": true, "article": true, "route": true, "highway": true, "flight": true, "brigade": true,
	"division": true, "no": true, "number": true, "url": true, "page": true, "room": true, "paragraph": true, "chapter": true,
	"kidnapped": true, "abducted": true, "arrested": true, "detained": true, "displaced": true, "evacuated": true, "rescued": true,
	"captured": true, "freed": true, "released": true, "holding": true, "hostage": true, "deported": true, "su": true, "mig": true,
}

// countsSpeakers reports whether the number before toks[i] counts the
// sources that speak: "two security sources said", "three witnesses told
// Reuters".
func (x *Extractor) countsSpeakers(toks []text.Token, i, hi int) bool {
	for k := i; k < hi && k < i+4; k++ {
		w := toks[k].Norm
		if countedSpeakers[w] && k+1 < len(toks) && (speechVerbs[toks[k+1].Norm] || toks[k+1].Is("say")) {
			return true
		}
		if toks[k].Kind != text.Word || !x.spk.is(w, "modifier") && !x.spk.is(w, "head") {
			return false
		}
	}
	return false
}

// countedSpeakers are the people a story counts when it says how many
// gave a figure: "two security sources said", "three witnesses told".
var countedSpeakers = map[string]bool{
	"sources": true, "officials": true, "witnesses": true, "residents": true, "activists": true, "medics": true,
	"doctors": true, "diplomats": true, "officers": true, "people": false,
}

// countLike reports whether the number spanning toks[first:after] can be
// a count of people: not a label ("Resolution 2254"), not a stray figure
// before a new sentence run in without its full stop ("2510 The strike").
func countLike(toks []text.Token, first, after int) bool {
	if first > 0 {
		prev := toks[first-1]
		if notCountBefore[prev.Norm] || prev.Text == ")" {
			return false
		}
	}
	if after < len(toks) {
		nx := toks[after]
		if nx.Kind == text.Word && nx.Capitalised() && nx.Is("the", "a", "an", "in", "on", "at", "this", "it", "he", "she", "they", "related", "topic", "get") {
			return false
		}
	}
	return true
}
