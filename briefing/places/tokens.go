package places

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-bot/sitrep/briefing/translit"
)

// A word is one word of the text a name can match, after the Arabic article
// before it has been folded in: "al-Raqqa" is one word, "raqqa", that starts
// at the "a" of "al".
type word struct {
	start, end int    // bytes, article included
	wstart     int    // byte where the word itself starts, after any article
	norm       string // lower-case, no diacritics or apostrophes
	key        string // translit.Key of norm, filled in when needed
	cap        bool   // written with a capital
	gap        bool   // punctuation (not a hyphen) between it and the word before
	sentence   int    // index of its sentence
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
	start, end int
	gap        bool // punctuation before it
	sentStart  bool
	hyphenNext bool // a hyphen joins it to the next token
	poss       bool // "'s" followed it and was cut off
}

// tokenize splits text into words with byte offsets, folding articles in.
func tokenize(text string) []word {
	toks := make([]rawToken, 0, len(text)/5+1)
	prevEnd := 0
	sentEnd := true // the start of the text begins a sentence
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' && isAcronymDot(text, start, i) {
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
		t := rawToken{start: start, end: end}
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
			t.end = end - len("s")
			_, asz := utf8.DecodeLastRuneInString(text[start:t.end])
			t.end -= asz
			t.poss = true
		}
		toks = append(toks, t)
		prevEnd = end
	}

	words := make([]word, 0, len(toks))
	sentence := -1
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if t.sentStart {
			sentence++
		}
		raw := text[t.start:t.end]
		norm := fold(raw)
		if k+1 < len(toks) && !toks[k+1].gap && isArticleToken(raw, norm, t.hyphenNext, text[toks[k+1].start:]) {
			n := toks[k+1]
			if n.sentStart {
				sentence++
			}
			nraw := text[n.start:n.end]
			words = append(words, word{
				start: t.start, end: n.end, wstart: n.start, norm: fold(nraw), cap: isCap(nraw),
				gap: t.gap, sentence: sentence, sentStart: t.sentStart, poss: n.poss,
			})
			k++
			continue
		}
		words = append(words, word{
			start: t.start, end: t.end, wstart: t.start, norm: norm, cap: isCap(raw),
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

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

func isArticleToken(raw, norm string, hyphenNext bool, rest string) bool {
	if norm == "al" || norm == "el" {
		return true
	}
	if !arabicArticles[norm] {
		return false
	}
	if hyphenNext {
		return true
	}
	return isCap(raw) && isCap(rest)
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
