package extract

import (
	"bufio"
	"embed"
	"strconv"
	"strings"

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

// match returns the entry at toks[i] and its length, or nil.
func (l *lexicon) match(toks []text.Token, i int) (*lexEntry, int) {
	es := l.byFirst[toks[i].Norm]
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

// lexicons are the embedded word lists, read once.
type lexicons struct {
	triggers   *lexicon
	kindRank   map[string]int // order of kinds in triggers.tsv: lower wins a tie
	casualty   map[string]string
	background *lexicon
	topics     *lexicon
	// sites mark victims as civilians: places struck ("site") and people ("people").
	sites *lexicon
}

func loadLexicons() *lexicons {
	lx := &lexicons{triggers: newLexicon(), kindRank: map[string]int{}, casualty: map[string]string{}, background: newLexicon(), topics: newLexicon(), sites: newLexicon()}
	for _, f := range lines("triggers.tsv") {
		if len(f) < 3 {
			continue
		}
		s, _ := strconv.Atoi(f[2])
		lx.triggers.add(f[0], f[1], s)
		if _, ok := lx.kindRank[f[1]]; !ok {
			lx.kindRank[f[1]] = len(lx.kindRank)
		}
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
