package extract

import (
	"strings"

	"github.com/sitrep-bot/sitrep/briefing/actors"
	"github.com/sitrep-bot/sitrep/briefing/text"
)

// speakerWords are the roles words play in a source phrase, from
// speakers.tsv: a word may have several ("official" is a head and a title).
type speakerWords map[string]map[string]bool

func loadSpeakerWords() speakerWords {
	w := speakerWords{}
	for _, f := range lines("speakers.tsv") {
		if len(f) < 2 {
			continue
		}
		if w[f[0]] == nil {
			w[f[0]] = map[string]bool{}
		}
		w[f[0]][f[1]] = true
	}
	return w
}

func (w speakerWords) is(word, role string) bool { return w[word][role] }

// bareAnaphors are heads that, after "the" alone, point back to a source
// named earlier ("the source said", "the agency reported"): the
// paragraph's last speaker stands for them.
var bareAnaphors = map[string]bool{
	"source": true, "sources": true, "agency": true, "ministry": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "official": true, "officials": true, "correspondent": true, "reporter": true,
	"group": true, "statement": true, "report": true, "reports": true, "organisation": true, "organization": true,
	"body": true, "channel": true, "network": true, "office": true, "website": true, "newspaper": true, "daily": true,
}

// cleanSpeaker reduces a phrase read as who gave a figure to the source it
// names: a known source by its canonical name, else the source noun phrase
// that ends it ("the reporter quoted a source" → "a source", "killed three
// civilians local media" → "local media"), else "" when it names no source
// (a day, a place, an armed group that carried out the act, a pronoun).
// An empty result leaves the figure to the paragraph's last speaker or the
// outlet itself.
func (x *Extractor) cleanSpeaker(d *doc, raw string) string {
	if raw == "" {
		return ""
	}
	toks := text.Tokenize(raw)
	for _, sm := range x.actors.Sources(toks) {
		if name, ok := sourceAt(d, toks, sm); ok {
			return name
		}
	}
	for len(toks) > 0 && toks[len(toks)-1].Kind == text.Punct {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return ""
	}
	// "coalition spokesman Lt": a rank cut from its name.
	for len(toks) > 1 && len(toks[len(toks)-1].Norm) <= 4 && x.spk.is(toks[len(toks)-1].Norm, "title") && !x.spk.is(toks[len(toks)-1].Norm, "head") {
		toks = toks[:len(toks)-1]
	}
	k := len(toks) - 1
	head := toks[k]
	if pronouns[head.Norm] || x.spk.is(head.Norm, "stop") || isDayWord(head.Norm) || head.Kind != text.Word {
		return ""
	}
	// Read back from the head over the phrase's own words.
	j := k - 1
	for ; j >= 0; j-- {
		tk := toks[j]
		if tk.Is("the", "a", "an") {
			j--
			break
		}
		if x.speakerWord(toks, j) {
			continue
		}
		break
	}
	np := toks[j+1:]
	return x.sourcePhrase(d, np)
}

// speakerWord reports whether toks[j] can stand inside a source phrase
// before its head.
func (x *Extractor) speakerWord(toks []text.Token, j int) bool {
	tk := toks[j]
	w := tk.Norm
	if x.spk.is(w, "stop") || isDayWord(w) || tk.Kind == text.Digits {
		return false
	}
	if tk.Kind == text.Punct {
		return tk.Text == "-" || tk.Text == "'" || tk.Text == "’"
	}
	if tk.Capitalised() || x.spk.is(w, "modifier") || x.spk.is(w, "title") || x.spk.is(w, "particle") || nameParticle(w) || x.spk.is(w, "head") {
		return true
	}
	// "Institute of Justice", "Doctors for Human Rights".
	if tk.Is("of", "for", "and") && j > 0 && j+1 < len(toks) && toks[j-1].Capitalised() && toks[j+1].Capitalised() {
		return true
	}
	return false
}

// nameParticle reports whether a lower-case word opens an Arabic name part:
// "al-Barazi", "el-Sisi".
func nameParticle(w string) bool {
	return strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-") || strings.HasPrefix(w, "abu-") || strings.HasPrefix(w, "bin-")
}

// sourcePhrase decides whether a noun phrase names a source and renders it.
func (x *Extractor) sourcePhrase(d *doc, np []text.Token) string {
	if len(np) == 0 {
		return ""
	}
	body := np
	if body[0].Is("the", "a", "an") {
		body = body[1:]
	}
	if len(body) == 0 {
		return ""
	}
	// "Turkey local sources": a place run into the phrase is not part of it.
	for len(body) > 1 && body[0].Capitalised() && !isAcronym(body[0].Text) && !body[1].Capitalised() && !x.spk.is(body[1].Norm, "head") && !x.spk.is(body[1].Norm, "title") {
		if _, ok := x.gaz.Lookup(body[0].Text, d.hint); !ok {
			break
		}
		body, np = body[1:], body[1:]
	}
	head := body[len(body)-1]
	if len(body) == 1 && len(np) == 1 && bareSingular[head.Norm] {
		return "" // "spokesman" cut from its name
	}
	for _, tk := range body {
		if x.spk.is(tk.Norm, "vague") {
			return ""
		}
	}
	if x.spk.is(head.Norm, "armed") {
		return ""
	}
	// An armed group named as the one speaking claims what it did; its
	// claim is not a casualty source. A person in it ("an IS fighter",
	// "a Nusra commander") is.
	for _, m := range x.actors.Find(unPossessed(body)) {
		if m.Actor.Kind == actors.KindState || m.Actor.Kind == actors.KindCoalition {
			continue
		}
		if m.Last == len(body)-1 || x.spk.is(head.Norm, "qualified") && !head.Is("organisation", "organization") {
			return ""
		}
	}
	lower := !head.Capitalised() && !nameParticle(head.Norm) || x.spk.is(head.Norm, "head") && !isAcronym(head.Text)
	switch {
	case lower && x.spk.is(head.Norm, "head") || lower && x.spk.is(head.Norm, "qualified") && len(body) > 1:
		if len(body) == 1 && np[0].Is("the") && bareAnaphors[head.Norm] {
			return ""
		}
		return speakerText(np)
	case lower:
		return ""
	}
	// A name: an organisation's or a person's.
	if len(body) == 1 {
		if isAcronym(head.Text) {
			return speakerText(body)
		}
		return x.titledPerson(d, body)
	}
	for _, tk := range body {
		if x.spk.is(tk.Norm, "title") {
			return speakerText(np)
		}
	}
	name := speakerText(body)
	if _, ok := x.gaz.Lookup(name, d.hint); ok {
		return ""
	}
	if p, ok := d.roster.Resolve(name); ok {
		if p.Role == "" {
			return ""
		}
		return name
	}
	for _, tk := range body {
		if nameParticle(tk.Norm) || x.spk.is(tk.Norm, "particle") {
			return "" // a person's name with no role given
		}
		if _, ok := d.country(tk.Text); ok {
			return ""
		}
	}
	return speakerText(np)
}

// titledPerson renders a bare surname as the person the article named
// with a role, or "" when it named none.
func (x *Extractor) titledPerson(d *doc, body []text.Token) string {
	p, ok := d.roster.Resolve(body[0].Text)
	if !ok || p.Role == "" {
		return ""
	}
	return p.Name
}

// bareSingular are heads that name no one without an article or a name.
var bareSingular = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "commander": true, "official": true, "source": true,
	"correspondent": true, "reporter": true, "officer": true, "minister": true, "director": true, "chief": true,
	"head": true, "tv": true, "television": true, "agency": true, "ministry": true, "fighter": true, "member": true,
}

// unPossessed restores acronyms that lost their apostrophe ("ISs
// statement" → "IS statement") so the actor table can read them.
func unPossessed(toks []text.Token) []text.Token {
	out := toks
	for i, tk := range toks {
		if len(tk.Text) > 2 && strings.HasSuffix(tk.Text, "s") && isAcronym(tk.Text[:len(tk.Text)-1]) {
			if &out[0] == &toks[0] {
				out = append([]text.Token(nil), toks...)
			}
			out[i].Text = tk.Text[:len(tk.Text)-1]
			out[i].Norm = strings.ToLower(out[i].Text)
		}
	}
	return out
}

// isAcronym reports whether a word is written in capitals: "SANA", "FNA".
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			n++
		}
	}
	return n >= 2
}
