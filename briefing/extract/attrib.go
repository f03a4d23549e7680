package extract

import (
	"strings"

	"github.com/sitrep-bot/sitrep/briefing/actors"
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

// claimSuffix names an armed group's own account of what it did ("al-Shabaab
// claim"), told apart from an independent source's.
const claimSuffix = " claim"

// clauseStops end a speaker's noun phrase when reading backwards.
var clauseStops = map[string]bool{
	",": true, ".": true, ";": true, ":": true, "\"": true, "which": true, "who": true, "that": true,
	"and": true, "but": true, "as": true, "while": true, "when": true, "after": true, "-": true,
}

// attribute decides for each sentence who it says gave its figures, falling
// back on the paragraph's most recent speaker. An armed group given as the
// one speaking makes its figures its claim ("al-Shabaab claim"), and a
// party to the fighting, a group or a government's forces, gives only the
// figures it is said to give: in "two soldiers died as the army said it had
// struck back" the toll is not the army's. A claim is never carried to
// later sentences but by "it said".
func (x *Extractor) attribute(d *doc) {
	lastPara, last := -1, ""
	prevParty := ""  // the previous sentence's claimant, for "It said …"
	var group string // the armed group named last, for "the group said"
	// Speakers repeat through an article; each is looked up once.
	canon := map[string]string{}
	clean := func(raw string) string {
		c, seen := canon[raw]
		if !seen {
			c = x.cleanSpeaker(d, raw)
			canon[raw] = c
		}
		return c
	}
	name := func(sp said) string {
		if sp.raw == "" || sp.written {
			return sp.raw
		}
		return clean(sp.raw)
	}
	for _, s := range d.sents {
		if s.Para != lastPara {
			lastPara, last, prevParty = s.Para, "", ""
		}
		sp := x.speaker(d, s, last, 0)
		a := name(sp)
		// A sentence's opening noun phrase read as its speaker ("Four
		// militiamen and 11 jihadists …") makes no claim.
		if a == "" && sp.raw != "" && !sp.opening || sp.pronoun {
			// "The group said" after a monitoring group spoke is that group.
			armed := group
			if x.groupLike(last) {
				armed = ""
			}
			if party, ok := x.claimant(d, s, sp, armed, prevParty); ok {
				s.party, s.partyFrom = party, claimScope(s.toks, sp)
				// Who gave the figures the claim does not cover.
				a = ""
				if next := x.speaker(d, s, last, sp.verb+1); next.raw != "" && !next.pronoun {
					a = name(next)
				}
			}
		}
		if s.party == "" {
			// "X claimed responsibility, saying it had killed 20".
			if party, from, ok := responsibilitySaying(s); ok {
				s.party, s.partyFrom = party, from
			}
		}
		if a != "" && !sp.pronoun && claimScope(s.toks, sp) > 0 && x.forcesSpeak(sp.raw) {
			// "… as the army said it had struck": a government's forces
			// give only the figures they are said to give.
			s.party, s.partyFrom = a, claimScope(s.toks, sp)
			a = ""
			if next := x.speaker(d, s, last, sp.verb+1); next.raw != "" && !next.pronoun {
				a = name(next)
			}
		}
		if a == "" && !s.title {
			a = last
		}
		s.attrib = a
		if a != "" {
			last = a
		}
		prevParty = s.party
		for _, m := range s.actors {
			if m.Actor.Kind == actors.KindGroup && m.Suffix == "" {
				group = m.Actor.Name
			}
		}
	}
}

// said is the phrase a sentence gives as the one speaking.
type said struct {
	raw     string
	verb    int  // the speech verb, "according", or the source's first token
	start   int  // the phrase's first token
	after   bool // the phrase follows its verb: "said the monitor", "according to X"
	pronoun bool // "it said": raw is the paragraph's last speaker
	opening bool // raw is the sentence's opening noun phrase, read for want of another
	known   bool // a known source the sentence gives as speaking ("according to SANA")
	written bool // raw is a source phrase to keep as written
}

// speaker returns the source a sentence names for what it reports, reading
// from token from on.
func (x *Extractor) speaker(d *doc, s *sentence, prev string, from int) said {
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
	var cited said // "X said …, citing Y": Y only if X is not found
	for _, sm := range s.sources {
		if sm.First < from || channel(toks, sm.First) || !voiced(toks, sm.First, sm.Last, starts) {
			continue
		}
		if citedAfterSpeech(toks, from, sm.First) {
			if name, ok := sourceAt(d, toks, sm); ok && cited.raw == "" {
				cited = said{raw: name, verb: sm.First, start: sm.First, known: true}
			}
			continue
		}
		// A description tied to another country ("rescuers" outside
		// Syria) is read below as written.
		if name, ok := sourceAt(d, toks, sm); ok {
			return said{raw: name, verb: sm.First, start: sm.First, known: true}
		}
		if first, last, ok := foreignSource(d, toks, sm); ok {
			// "the Turkish army statement added": as written.
			return said{raw: speakerText(toks[first : last+1]), verb: sm.First, start: first, known: true, written: true}
		}
	}
	if sp := speakerByVerb(toks, prev, from); sp.raw != "" || cited.raw == "" {
		return sp
	}
	return cited
}

// speakerByVerb returns the speaker a sentence names by its first speech
// verb from token from on, or "according to".
func speakerByVerb(toks []text.Token, prev string, from int) said {
	for i := from; i < len(toks); i++ {
		tk := toks[i]
		// "according to an IS commander".
		if tk.Norm == "according" && i+1 < len(toks) && toks[i+1].Norm == "to" {
			return said{raw: phraseAfter(toks, i+2), verb: i, start: i + 2, after: true}
		}
		if !speechVerbs[tk.Norm] {
			continue
		}
		// "are reported to have": a passive says nothing about who.
		if i > 0 && toks[i-1].Is("is", "are", "was", "were", "been", "be") {
			continue
		}
		p, st := phraseBeforeAt(toks, i)
		if p == "" {
			// "Airwars, a group that tracks strikes, said": a body the
			// description names as one is kept as written.
			if p, st, org := appositiveBefore(toks, i); p != "" {
				return said{raw: p, verb: i, start: st, written: org}
			}
		}
		opening := false
		if p == "" {
			p, st, opening = subject(toks), 0, true
		}
		if p != "" {
			if pronouns[strings.ToLower(p)] {
				if subj := subject(toks); subj != "" {
					return said{raw: subj, verb: i, start: 0, opening: true}
				}
				return said{raw: prev, verb: i, start: st, pronoun: true}
			}
			return said{raw: p, verb: i, start: st, opening: opening}
		}
		// "…, said the monitor".
		if p := phraseAfter(toks, i+1); p != "" && !pronouns[strings.ToLower(p)] {
			return said{raw: p, verb: i, start: i + 1, after: true}
		}
	}
	return said{}
}

// citedAfterSpeech reports whether a source at toks[at] is cited by a
// speaker whose speech verb comes before it: in "X said …, citing
// residents" the figure is X's, given on the residents' word.
func citedAfterSpeech(toks []text.Token, from, at int) bool {
	k := at - 1
	for k >= 0 && k >= at-3 && !toks[k].Is("citing", "quoting") {
		k--
	}
	if k < 0 || k < at-3 {
		return false
	}
	for j := from; j < k; j++ {
		if speechVerbs[toks[j].Norm] || toks[j].Is("according") {
			return true
		}
	}
	return false
}

// appositiveBefore reads a speaker set off from its verb by a description
// between commas: "Airwars, a monitor that tracks strikes, said" is
// Airwars. The description opens with an article and runs at most twelve
// words; org reports whether it calls the speaker a body ("a group", "a
// monitor") rather than a person.
func appositiveBefore(toks []text.Token, verb int) (p string, st int, org bool) {
	if verb < 4 || !toks[verb-1].Is(",") {
		return "", -1, false
	}
	for c := verb - 2; c > 0 && c >= verb-14; c-- {
		if toks[c].Kind != text.Punct || toks[c].Is("-") {
			continue
		}
		if !toks[c].Is(",") || !toks[c+1].Is("a", "an", "the") {
			return "", -1, false
		}
		p, st = phraseBeforeAt(toks, c)
		if p == "" || !toks[st].Capitalised() || toks[st].Is("a", "an", "the") {
			return "", -1, false
		}
		for _, tk := range toks[c+2 : verb-1] {
			if tk.Is("that", "which", "who", "of", "in", "for", "with") {
				break
			}
			org = org || groupHeads[tk.Norm]
		}
		return p, st, org
	}
	return "", -1, false
}

// groupAnaphors stand, after "the", for the armed group named last: "the
// group said", "the militants said in a statement".
var groupAnaphors = map[string]bool{
	"group": true, "militants": true, "rebels": true, "insurgents": true, "militia": true, "jihadists": true,
	"guerrillas": true, "movement": true, "group's": true,
}

// claimant returns the claim an armed group makes when a sentence gives it
// as the one speaking ("al-Shabaab said", "the group said in a statement",
// "It said" after the group's claim): the group's name and "claim". A
// claim of responsibility ("claimed the attack") gives no figures.
func (x *Extractor) claimant(d *doc, s *sentence, sp said, group, prevParty string) (string, bool) {
	toks := s.toks
	v := sp.verb
	if toks[v].Is("claimed", "claims", "claim") && v+1 < len(toks) && toks[v+1].Is("responsibility", "the", "credit", "it", "an", "a") {
		return "", false
	}
	// "said it was behind a bombing that killed 12": a claim of the
	// attack, whose toll the reporter gives.
	if v+3 < len(toks) && toks[v+1].Is("it", "they", "that") {
		k := v + 2
		if toks[v+1].Is("that") && toks[k].Is("it", "they") {
			k++
		}
		if k+1 < len(toks) && toks[k].Is("was", "were", "is", "are", "had", "has") && toks[k+1].Is("behind", "responsible") {
			return "", false
		}
	}
	if sp.pronoun {
		if prevParty == "" || sp.start < 0 || !toks[sp.start].Is("it", "they") {
			return "", false
		}
		return prevParty, true
	}
	body := text.Tokenize(sp.raw)
	for len(body) > 0 && body[len(body)-1].Kind == text.Punct {
		body = body[:len(body)-1]
	}
	if len(body) > 0 && body[0].Is("the", "a", "an") {
		body = body[1:]
	}
	if len(body) == 0 {
		return "", false
	}
	head := body[len(body)-1]
	if groupAnaphor(body) {
		if group == "" || !strings.HasPrefix(strings.ToLower(sp.raw), "the ") {
			return "", false
		}
		// "The group said ISIL lost 13 fighters": a group speaks of
		// itself as "it", so one named after the verb is not the speaker.
		for _, m := range s.actors {
			if m.First > v && m.Actor.Name == group {
				return "", false
			}
		}
		return group + claimSuffix, true
	}
	for _, m := range x.actors.Find(unPossessed(body)) {
		// "the al-Qaida-linked group" is not al-Qaeda.
		if m.Actor.Kind != actors.KindGroup || m.Suffix != "" {
			continue
		}
		// "al-Shabaab", "the ELN guerrilla group", "IS's statement".
		if m.Last == len(body)-1 || m.Last == len(body)-2 && head.Is("statement", "communique", "group", "guerrillas", "militants", "rebels", "militia") {
			return m.Actor.Name + claimSuffix, true
		}
	}
	return "", false
}

// forcesSpeak reports whether a speaker phrase names a government's
// forces or a coalition, a party to the fighting it reports.
func (x *Extractor) forcesSpeak(raw string) bool {
	for _, m := range x.actors.Find(text.Tokenize(raw)) {
		if m.Actor.Kind == actors.KindState || m.Actor.Kind == actors.KindCoalition {
			return m.Suffix == ""
		}
	}
	return false
}

// groupHeads end the names of sources that "the group" can refer back to.
var groupHeads = map[string]bool{
	"group": true, "organisation": true, "organization": true, "observatory": true, "monitor": true,
	"network": true, "committee": true, "committees": true, "watchdog": true, "coalition": true, "body": true,
}

// groupLike reports whether a speaker is a body "the group" can stand
// for: a monitor, a rights group, a known source.
func (x *Extractor) groupLike(speaker string) bool {
	if speaker == "" {
		return false
	}
	if _, ok := x.actors.Source(speaker); ok {
		return true
	}
	if k := strings.LastIndexByte(speaker, ' '); k >= 0 {
		speaker = speaker[k+1:]
	}
	return groupHeads[strings.ToLower(speaker)]
}

// responsibilitySaying reads a group's claim of responsibility that goes
// on to give figures: "Islamic State claimed the bombing, saying it had
// killed 20". The figures after "saying" are the group's claim.
func responsibilitySaying(s *sentence) (string, int, bool) {
	toks := s.toks
	for i, tk := range toks {
		if !tk.Is("saying", "adding") || i == 0 {
			continue
		}
		a := claimed(s)
		if a == nil || a.Kind != actors.KindGroup {
			return "", 0, false
		}
		return a.Name + claimSuffix, i, true
	}
	return "", 0, false
}

// groupAnaphor reports whether a speaker phrase, its article dropped,
// points back to an armed group: "group", "militants", "the group's
// statement", "the al-Qaida-linked group".
func groupAnaphor(body []text.Token) bool {
	head := len(body) - 1
	if len(body) > 1 && body[head].Is("statement") && groupAnaphors[body[head-1].Norm] {
		head--
	}
	if !groupAnaphors[body[head].Norm] {
		return false
	}
	for _, tk := range body[:head] {
		if tk.Capitalised() || tk.Kind != text.Word {
			return false
		}
	}
	return true
}

// claimScope is the first token of a sentence whose figures a claimant
// gives: all of them when the claimant is set off as the sentence's
// speaker (", the group said.", "The group said …", "… the group said
// on Tuesday.", "according to the group"), else only those after its verb
// ("… as the group said it had killed 12").
func claimScope(toks []text.Token, sp said) int {
	if sp.known {
		return 0
	}
	at := sp.start
	if sp.after {
		at = sp.verb
		if toks[at].Is("according") {
			return 0
		}
	}
	if at <= 0 || toks[at-1].Is(",", "\"", "“", "”", "—", "–", "-") || !complement(toks, sp.verb+1) {
		return 0
	}
	return sp.verb
}

// complement reports whether a speech verb at toks[i-1] is followed by
// what was said rather than by the end of the sentence, a day, or "in a
// statement": scraped copy loses the comma before a trailing attribution.
func complement(toks []text.Token, i int) bool {
	for ; i < len(toks); i++ {
		tk := toks[i]
		switch {
		case tk.Kind == text.Punct:
			return false
		case isDayWord(tk.Norm) || tk.Is("on", "in", "a", "an", "the", "statement", "late", "earlier", "later", "adding", "citing", "quoting", "told", "reporters", "journalists", "news", "agency", "conference", "briefing", "to", "media", "by"):
			continue
		}
		return true
	}
	return false
}

// sourceAt returns the body a source alias in toks stands for in the
// article: none for a description tied to one country that the words
// before it give to another ("the Turkish army statement" in a story set
// in Syria).
func sourceAt(d *doc, toks []text.Token, sm actors.SourceMention) (string, bool) {
	n, ok := sm.In(d.hint, d.named)
	if !ok {
		return "", false
	}
	if n.Country != "" && sm.First > 0 && toks[sm.First-1].Capitalised() && !toks[sm.First].Is("the", "a", "an") {
		if c, ok := d.country(strings.TrimSuffix(strings.TrimSuffix(toks[sm.First-1].Text, "'s"), "’s")); ok && c != n.Country {
			return "", false
		}
	}
	return n.Name, true
}

// foreignSource returns the span of a source phrase whose alias is tied to
// one country and whose words give it to another ("the Qatar Red Crescent
// Society"), so it is read as written.
func foreignSource(d *doc, toks []text.Token, sm actors.SourceMention) (int, int, bool) {
	// "bordering Iraq the Observatory said": an article opens the phrase.
	if sm.First == 0 || !toks[sm.First-1].Capitalised() || toks[sm.First].Is("the", "a", "an") {
		return 0, 0, false
	}
	c, ok := d.country(strings.TrimSuffix(strings.TrimSuffix(toks[sm.First-1].Text, "'s"), "’s"))
	if !ok {
		return 0, 0, false
	}
	for _, n := range sm.Names {
		if n.Country == "" || n.Country == c {
			return 0, 0, false
		}
	}
	first, last := sm.First-1, sm.Last
	if first > 0 && toks[first-1].Is("the", "a", "an") {
		first--
	}
	for last+1 < len(toks) && toks[last+1].Kind == text.Word && toks[last+1].Capitalised() {
		last++
	}
	return first, last, true
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
	p, _ := phraseBeforeAt(toks, i)
	return p
}

// phraseBeforeAt is phraseBefore with the phrase's first token.
func phraseBeforeAt(toks []text.Token, i int) (string, int) {
	k := i - 1
	for k >= 0 && toks[k].Is("also", "later", "earlier", "had", "has", "have", "was", "reportedly", "separately") {
		k--
	}
	end := k
	// A name may run longer: "Haiti's National Human Rights Defense Network".
	named := true
	for k >= 0 && (end-k < 6 || end-k < 9 && named) && !clauseStops[toks[k].Norm] && toks[k].Kind != text.Digits && !phraseStops[toks[k].Norm] && !isDayWord(toks[k].Norm) {
		named = named && (toks[k].Capitalised() || toks[k].Is("of", "for"))
		k--
	}
	if end-k >= 6 && !named || end-k >= 9 || end < 0 || end == k {
		return "", -1
	}
	// "on Sunday a monitor said": the phrase starts at its article.
	for j := end; j > k+1; j-- {
		if toks[j].Is("a", "an", "the") {
			k = j - 1
			break
		}
	}
	if !speakerLike(toks[k+1 : end+1]) {
		return "", -1
	}
	return speakerText(toks[k+1 : end+1]), k + 1
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
	// "the militants said": the group named before speaks.
	if len(toks) == 2 && toks[0].Is("the") && groupAnaphors[toks[1].Norm] {
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
	"administrator": true, "administrators": true, "mayor": true, "prosecutor": true, "prosecutors": true, "office": true,
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
