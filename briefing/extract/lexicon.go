package extract

import (
	"bufio"
	"embed"
	"strconv"
	"strings"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/text"
)

//go:embed data
var dataFS embed.FS

// A lexicon matches phrases on token normal forms, longest first.
type lexicon struct {
	byFirst map[string][]lexEntry
}

type lexEntry struct {
	words    []string
	value    string
	strength int
}

// kind is the value of a trigger entry: the kind of event its phrase says
// happened.
func (e *lexEntry) kind() sitrep.Kind { return sitrep.Kind(e.value) }

func newLexicon() *lexicon { return &lexicon{byFirst: map[string][]lexEntry{}} }

func (l *lexicon) add(phrase, value string, strength int) {
	var words []string
	for _, tk := range text.Tokenize(phrase) {
		words = append(words, tk.Norm)
	}
	if len(words) == 0 {
		return
	}
	e := lexEntry{words: words, value: value, strength: strength}
	list := append(l.byFirst[words[0]], e)
	// Keep longest first.
	for i := len(list) - 1; i > 0 && len(list[i].words) > len(list[i-1].words); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
	l.byFirst[words[0]] = list
}

// matchEntries returns the first of es, the entries starting with
// toks[i]'s word longest first, that toks spell from i, and its length.
func matchEntries(es []lexEntry, toks []text.Token, i int) (*lexEntry, int) {
	for k := range es {
		e := &es[k]
		if i+len(e.words) > len(toks) {
			continue
		}
		ok := true
		for j, w := range e.words {
			if toks[i+j].Norm != w {
				ok = false
				break
			}
		}
		if ok {
			return e, len(e.words)
		}
	}
	return nil, 0
}

// lines reads an embedded data file, skipping blanks and comments.
func lines(name string) [][]string {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		panic("extract: missing embedded data " + name) // a build defect, not input
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		out = append(out, strings.Split(s, "\t"))
	}
	return out
}

// mustBeKind checks that a trigger list names a kind of the registry in
// the category it is read for; a misspelt kind is a build defect.
func mustBeKind(name string, c sitrep.Category) {
	if sitrep.Kind(name).Category() != c {
		panic("extract: trigger for " + name + ", which is no " + string(c) + " kind")
	}
}

// lexicons are the embedded word lists, read once.
type lexicons struct {
	triggers   *lexicon
	kindRank   map[string]int // order of kinds in triggers.tsv: lower wins a tie
	casualty   map[string]string
	background *lexicon
	topics     *lexicon
	// sites mark victims as civilians: places struck ("site") and people ("people").
	sites *lexicon
	// trade words make weapons the goods of a deal, not the means of an attack.
	trade map[string]bool
	// industry words after a weapon make it an industry: "drone makers".
	industry map[string]bool
	// figurative words after a trigger make it something other than
	// violence: "fighting corruption", "air raid sirens".
	figurative map[string]bool
	// notNews are headline openers of pieces that report no event:
	// "Review:", "Obituary:".
	notNews map[string]bool
	// weapons and weaponMods name weapon systems: "Apache attack helicopters".
	weapons, weaponMods map[string]bool
	// aftermath words make a sentence about an incident's aftermath.
	aftermath map[string]bool
	// attackVerbs make a weapon the means of an attack.
	attackVerbs map[string]bool
}

func loadLexicons() *lexicons {
	lx := &lexicons{triggers: newLexicon(), kindRank: map[string]int{}, casualty: map[string]string{}, background: newLexicon(), topics: newLexicon(), sites: newLexicon()}
	for _, f := range lines("triggers.tsv") {
		if len(f) < 3 {
			continue
		}
		s, _ := strconv.Atoi(f[2])
		mustBeKind(f[1], sitrep.CategoryIncident)
		lx.triggers.add(f[0], f[1], s)
		if _, ok := lx.kindRank[f[1]]; !ok {
			lx.kindRank[f[1]] = len(lx.kindRank)
		}
	}
	lx.trade = map[string]bool{}
	for _, f := range lines("trade.txt") {
		lx.trade[f[0]] = true
	}
	lx.weapons, lx.weaponMods = map[string]bool{}, map[string]bool{}
	for _, f := range lines("weapons.txt") {
		lx.weapons[f[0]] = true
	}
	for _, f := range lines("weapon-modifiers.txt") {
		lx.weaponMods[f[0]] = true
	}
	lx.aftermath, lx.attackVerbs = map[string]bool{}, map[string]bool{}
	for _, f := range lines("aftermath.txt") {
		lx.aftermath[f[0]] = true
	}
	for _, f := range lines("attack-verbs.txt") {
		lx.attackVerbs[f[0]] = true
	}
	lx.notNews = map[string]bool{}
	for _, f := range lines("not-news.txt") {
		lx.notNews[strings.ToLower(f[0])] = true
	}
	lx.figurative = map[string]bool{}
	for _, f := range lines("figurative.txt") {
		lx.figurative[f[0]] = true
	}
	lx.industry = map[string]bool{}
	for _, f := range lines("industry.txt") {
		lx.industry[f[0]] = true
	}
	for _, f := range lines("casualty-nouns.tsv") {
		if len(f) >= 2 {
			lx.casualty[f[0]] = f[1]
		}
	}
	for _, f := range lines("background.txt") {
		lx.background.add(f[0], "", 0)
	}
	for _, f := range lines("civilian-sites.tsv") {
		if len(f) >= 2 {
			lx.sites.add(f[0], f[1], 0)
		}
	}
	for _, f := range lines("topics.txt") {
		lx.topics.add(f[0], f[0], 0)
	}
	return lx
}

// wordLists are the entries of every lexicon that can start at one word,
// so reading a token looks its word up once rather than once a list.
type wordLists struct {
	triggers, background, topics, sites, dev []lexEntry
}

// noLists stands for a word that starts no entry.
var noLists wordLists

// vocabulary indexes the lexicons by first word.
func vocabulary(lx *lexicons, dev *lexicon) map[string]*wordLists {
	v := map[string]*wordLists{}
	each := func(l *lexicon, set func(w *wordLists, es []lexEntry)) {
		for word, es := range l.byFirst {
			w := v[word]
			if w == nil {
				w = &wordLists{}
				v[word] = w
			}
			set(w, es)
		}
	}
	each(lx.triggers, func(w *wordLists, es []lexEntry) { w.triggers = es })
	each(lx.background, func(w *wordLists, es []lexEntry) { w.background = es })
	each(lx.topics, func(w *wordLists, es []lexEntry) { w.topics = es })
	each(lx.sites, func(w *wordLists, es []lexEntry) { w.sites = es })
	each(dev, func(w *wordLists, es []lexEntry) { w.dev = es })
	return v
}

// lists returns the lexicon entries that can start at token i.
func (s *sentence) lists(i int) *wordLists {
	if w := s.lex[i]; w != nil {
		return w
	}
	return &noLists
}
