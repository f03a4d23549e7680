package places

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-bot/sitrep/briefing/translit"
)

// A word is one word of the text a name can match, after the Arabic article
// before it has been folded in: "al-Raqqa" is one word, "raqqa", that starts
// at the "a" of "al".
//
// Offsets are int32 to keep the struct small: Find makes one per word of
// every article, and texts are far below 2 GiB.
type word struct {
	start, end int32  // bytes, article included
	wstart     int32  // byte where the word itself starts, after any article
	sentence   int32  // index of its sentence
	norm       string // lower-case, no diacritics or apostrophes
	key        string // translit.Key of norm, filled in when needed
	cap        bool   // written with a capital
	gap        bool   // punctuation (not a hyphen) between it and the word before
	sentStart  bool   // first word of its sentence
	poss       bool   // written with a possessive "'s", which end excludes
}

// arabicArticles are the forms of the article that may be dropped before a
// name. "al" and "el" are never English words; the others are ("as", "at",
// "an"), so they count as the article only when hyphenated or capitalised
// before a capitalised word.
var arabicArticles = map[string]bool{
	"ar": true, "er": true, "ad": true, "ed": true, "as": true, "es": true, "ash": true,
	"at": true, "et": true, "az": true, "ez": true, "an": true, "en": true, "ul": true, "adh": true,
}

type rawToken struct {
	start, end int32
	gap        bool // punctuation before it
	sentStart  bool
	hyphenNext bool // a hyphen joins it to the next token
	poss       bool // "'s" followed it and was cut off
}

// scratch holds the slices one Find call tokenises into. Find returns
// nothing that points into them, so they are pooled and reused across
// calls instead of being garbage for every article.
type scratch struct {
	toks  []rawToken
	words []word
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// tokenize splits text into words with byte offsets, folding articles in.
// The words live in sc and are valid until sc is reused.
func (sc *scratch) tokenize(text string) []word {
	toks := sc.toks[:0]
	defer func() { sc.toks = toks }()
	prevEnd := 0
	sentEnd := true // the start of the text begins a sentence
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && !isAlnumByte(c) {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		start := i
		for i < len(text) {
			if c := text[i]; isAlnumByte(c) {
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '.' && isAcronymDot(text, start, i) {
				i += size
				continue
			}
			// An apostrophe inside a word: "Dar'a", "Ma`arrat".
			if translit.IsApostrophe(r) && i+size < len(text) {
				n, _ := utf8.DecodeRuneInString(text[i+size:])
				if unicode.IsLetter(n) {
					i += size
					continue
				}
			}
			break
		}
		end := i
		between := text[prevEnd:start]
		t := rawToken{start: int32(start), end: int32(end)}
		if len(toks) == 0 {
			t.gap = true
		} else {
			for _, c := range between {
				if c != ' ' && c != '-' && c != '\u00a0' {
					t.gap = true
				}
				if c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';' {
					sentEnd = true
				}
			}
			if strings.HasPrefix(between, "-") && len(between) == 1 {
				toks[len(toks)-1].hyphenNext = true
			}
		}
		t.sentStart = sentEnd
		sentEnd = false
		// Possessive: "Idlib's" is "Idlib".
		if w := text[start:end]; len(w) > 2 && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "\u2019s")) {
			t.end = int32(end - len("s"))
			_, asz := utf8.DecodeLastRuneInString(text[start:t.end])
			t.end -= int32(asz)
			t.poss = true
		}
		toks = append(toks, t)
		prevEnd = end
	}

	words := sc.words[:0]
	defer func() { sc.words = words }()
	// One lower-cased copy of the text serves every plain ASCII word, so
	// capitalised words cost no allocation of their own.
	lower := translit.ASCIILower(text)
	norm := func(start, end int32) string {
		if plainASCII(text[start:end]) {
			return lower[start:end]
		}
		return fold(text[start:end])
	}
	sentence := int32(-1)
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if t.sentStart {
			sentence++
		}
		raw := text[t.start:t.end]
		nm := norm(t.start, t.end)
		if k+1 < len(toks) && !toks[k+1].gap && isArticleToken(raw, nm, t.hyphenNext, text[toks[k+1].start:]) {
			n := toks[k+1]
			if n.sentStart {
				sentence++
			}
			nraw := text[n.start:n.end]
			words = append(words, word{
				start: t.start, end: n.end, wstart: n.start, norm: norm(n.start, n.end), cap: isCap(nraw),
				gap: t.gap, sentence: sentence, sentStart: t.sentStart, poss: n.poss,
			})
			k++
			continue
		}
		words = append(words, word{
			start: t.start, end: t.end, wstart: t.start, norm: nm, cap: isCap(raw),
			gap: t.gap, sentence: sentence, sentStart: t.sentStart, poss: t.poss,
		})
	}
	return words
}

// isAcronymDot reports whether the dot at i is inside an acronym such as
// "U.S." or "U.K.": single capitals separated by dots.
func isAcronymDot(text string, start, i int) bool {
	if i+1 >= len(text) || i-start < 1 {
		return false
	}
	prev := text[i-1]
	next := text[i+1]
	return prev >= 'A' && prev <= 'Z' && (i-start == 1 || text[i-2] == '.') && next >= 'A' && next <= 'Z' &&
		(i+2 >= len(text) || text[i+2] == '.' || !isLetterByte(text[i+2]))
}

// isAlnumByte reports whether an ASCII byte is a letter or digit; the
// scanner tests bytes before decoding runes, as most copy is ASCII.
func isAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

func isArticleToken(raw, norm string, hyphenNext bool, rest string) bool {
	if norm == "al" || norm == "el" {
		return true
	}
	if len(norm) > 3 || !arabicArticles[norm] {
		return false
	}
	if hyphenNext {
		return true
	}
	return isCap(raw) && isCap(rest)
}

// plainASCII reports whether a word is ASCII letters and digits only, so
// its folded form is its lower-case form.
func plainASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 || c == '\'' || c == '`' || c == '.' {
			return false
		}
	}
	return true
}

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// fold normalises one word of text as names are normalised.
func fold(s string) string {
	f := translit.Fold(s)
	if strings.IndexFunc(f, translit.IsApostrophe) >= 0 || strings.IndexByte(f, '.') >= 0 {
		f = strings.Map(func(r rune) rune {
			if translit.IsApostrophe(r) || r == '.' {
				return -1
			}
			return r
		}, f)
	}
	return f
}
