package actors

import (
	"sort"
	"strings"
	"unicode"

	"github.com/sitrep-bot/sitrep/briefing/text"
)

// phrases matches word sequences against tokens by their normal forms. A
// short all-capitals alias ("IS", "SDF") matches only as written, so "IS"
// never matches "is". Written by hand because matching must run on the
// tokens the rest of the pipeline shares, in time linear in the text.
type phrases struct {
	byFirst map[string][]phrase
}

type phrase struct {
	words []string
	exact []string // written form, for all-capitals aliases; "" when any case matches
	value int
}

func newPhrases() *phrases { return &phrases{byFirst: map[string][]phrase{}} }

func (p *phrases) add(s string, value int) {
	toks := text.Tokenize(s)
	if len(toks) == 0 {
		return
	}
	ph := phrase{value: value}
	for _, tk := range toks {
		ph.words = append(ph.words, tk.Norm)
		e := ""
		if isAcronym(tk.Text) {
			e = tk.Text
		}
		ph.exact = append(ph.exact, e)
	}
	p.byFirst[ph.words[0]] = append(p.byFirst[ph.words[0]], ph)
}

// sort puts the longest phrases first so the longest alias wins.
func (p *phrases) sort() {
	for _, list := range p.byFirst {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
	}
}

func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0 && letters <= 5
}

// match returns the length and value of the longest phrase at toks[i], or 0.
// norms, when given, replaces the tokens' normal forms (for suffix-stripped
// matching) and bounds the match.
func (p *phrases) match(toks []text.Token, i int, norms []string) (int, int) {
	if norms == nil {
		if i >= len(toks) {
			return 0, 0
		}
		return matchList(p.byFirst[toks[i].Norm], toks, i)
	}
	if i >= len(norms) {
		return 0, 0
	}
	return matchIn(p.byFirst[norms[i]], toks, i, norms)
}

// matchList is match on the tokens' own normal forms, with the phrases
// that start with toks[i]'s word already looked up.
func matchList(list []phrase, toks []text.Token, i int) (int, int) {
	return matchIn(list, toks, i, nil)
}

// matchIn returns the length and value of the first phrase of list, longest
// first, spelled at toks[i] (by norms when given, else the tokens' own
// normal forms), or 0.
func matchIn(list []phrase, toks []text.Token, i int, norms []string) (int, int) {
	limit := len(toks)
	if norms != nil {
		limit = len(norms)
	}
	for _, ph := range list {
		if i+len(ph.words) > limit {
			continue
		}
		ok := true
		for k, w := range ph.words {
			norm := toks[i+k].Norm
			if norms != nil {
				norm = norms[i+k]
			}
			if norm != w || ph.exact[k] != "" && !strings.HasPrefix(strings.ReplaceAll(toks[i+k].Text, "’", "'"), ph.exact[k]) {
				ok = false
				break
			}
		}
		if ok {
			return len(ph.words), ph.value
		}
	}
	return 0, 0
}

// starts are the phrases of every index that can start at one word, so a
// token is looked up once however many kinds of name are read from it.
type starts struct {
	actors, sources, roles, orgs []phrase
}

// noStarts stands for a word that starts no phrase.
var noStarts starts

// index builds the table's vocabulary from its phrase indexes.
func (t *Table) index() {
	v := map[string]*starts{}
	each := func(p *phrases, set func(st *starts, list []phrase)) {
		if p == nil {
			return
		}
		for w, list := range p.byFirst {
			st := v[w]
			if st == nil {
				st = &starts{}
				v[w] = st
			}
			set(st, list)
		}
	}
	each(t.actorIndex, func(st *starts, l []phrase) { st.actors = l })
	each(t.sourceIndex, func(st *starts, l []phrase) { st.sources = l })
	each(t.roles, func(st *starts, l []phrase) { st.roles = l })
	each(t.orgIndex, func(st *starts, l []phrase) { st.orgs = l })
	t.vocab = v
}

// tagged is a token sequence with each token's phrases looked up.
type tagged struct {
	toks []text.Token
	at   []*starts
}

// tag looks each token of toks up once.
func (t *Table) tag(toks []text.Token) tagged {
	at := make([]*starts, len(toks))
	for i, tk := range toks {
		at[i] = t.vocab[tk.Norm]
	}
	return tagged{toks, at}
}

// starts returns the phrases that can start at token i.
func (tt tagged) starts(i int) *starts {
	if st := tt.at[i]; st != nil {
		return st
	}
	return &noStarts
}

// scanPhrases walks the tokens left to right and makes a mention of each
// longest phrase of one list (list picks it from the phrases starting at a
// token), by the phrase's value and its first and last token; a match
// resumes after its last token.
func scanPhrases[M any](tt tagged, list func(*starts) []phrase, mention func(v, first, last int) M) []M {
	var out []M
	for i := 0; i < len(tt.toks); {
		if n, v := matchList(list(tt.starts(i)), tt.toks, i); n > 0 {
			out = append(out, mention(v, i, i+n-1))
			i += n
			continue
		}
		i++
	}
	return out
}
