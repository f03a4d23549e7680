package text

import (
	"strconv"
	"strings"
)

// A Number is one amount read from tokens: a value, or a vague word.
type Number struct {
	Value     int    // zero when Vague is set
	Vague     string // "dozens", "scores", "hundreds": never turned into a number
	Qualifier string // "at least", "more than", …
	First     int    // index of the first token, qualifier included
	Head      int    // index of the first token of the amount itself
	Last      int    // index of the last token of the amount
	Year      bool   // a bare four-digit 19xx/20xx numeral, likely a year
}

var (
	numberWords = valueTable("number-words.txt")
	scales      = valueTable("scales.txt")
	qualifiers  = phraseList("qualifiers.txt")
	vagueWords  = phraseList("vague.txt")
	// numberStarts are the words an amount or its qualifier can start
	// with, so Numbers passes over other tokens with one lookup.
	numberStarts = startWords()
)

func startWords() map[string]bool {
	out := map[string]bool{"half": true, "a": true}
	for w := range numberWords {
		out[w] = true
	}
	for _, idx := range []phraseIndex{qualifiers, vagueWords} {
		for w := range idx {
			out[w] = true
		}
	}
	return out
}

// mayStartNumber reports whether an amount, or a qualifier before one, can
// start at t: a numeral, a start word, or a hyphenated word ("sixty-three").
func mayStartNumber(t Token) bool {
	return t.Kind == Digits || numberStarts[t.Norm] || strings.IndexByte(t.Norm, '-') > 0
}

func valueTable(name string) map[string]int {
	out := map[string]int{}
	for line := range wordSet(name) {
		f := strings.Fields(line)
		if len(f) != 2 {
			continue
		}
		v, err := strconv.Atoi(f[1])
		if err == nil {
			out[f[0]] = v
		}
	}
	return out
}

// phraseIndex holds phrases by their first word, longest first.
type phraseIndex map[string][][]string

// phraseList reads a list of phrases as token sequences, longest first.
func phraseList(name string) phraseIndex {
	var out [][]string
	for line := range wordSet(name) {
		out = append(out, strings.Fields(line))
	}
	// Longest first so "tens of thousands" wins over "tens".
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && (len(out[j]) > len(out[j-1]) || len(out[j]) == len(out[j-1]) && strings.Join(out[j], " ") < strings.Join(out[j-1], " ")); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	idx := phraseIndex{}
	for _, ph := range out {
		idx[ph[0]] = append(idx[ph[0]], ph)
	}
	return idx
}

// MatchPhrase returns the number of tokens of toks[i:] that spell one of
// the phrases, or 0.
func matchPhrase(toks []Token, i int, phrases phraseIndex) (int, string) {
	for _, ph := range phrases[toks[i].Norm] {
		if i+len(ph) > len(toks) {
			continue
		}
		ok := true
		for k, w := range ph {
			if toks[i+k].Norm != w {
				ok = false
				break
			}
		}
		if ok {
			return len(ph), strings.Join(ph, " ")
		}
	}
	return 0, ""
}

// Numbers returns the amounts in a token sequence, in order.
func Numbers(toks []Token) []Number {
	var out []Number
	for i := 0; i < len(toks); {
		if !mayStartNumber(toks[i]) {
			i++
			continue
		}
		first := i
		qual := ""
		if n, q := matchPhrase(toks, i, qualifiers); n > 0 && i+n < len(toks) {
			if _, ok := amount(toks, i+n); ok > 0 {
				qual = q
				i += n
			}
		}
		num, n := amount(toks, i)
		if n == 0 {
			i = first + 1
			continue
		}
		num.First, num.Head, num.Last, num.Qualifier = first, i, i+n-1, qual
		out = append(out, num)
		i += n
	}
	return out
}

// amount reads one amount at toks[i], returning it and the tokens it used.
func amount(toks []Token, i int) (Number, int) {
	if i >= len(toks) {
		return Number{}, 0
	}
	t := toks[i]
	if n, v := matchPhrase(toks, i, vagueWords); n > 0 {
		// "several" alone is vague; "tens" needs "of".
		if v == "tens" && !(i+1 < len(toks) && toks[i+1].Norm == "of") {
			return Number{}, 0
		}
		return Number{Vague: v}, n
	}
	if t.Kind == Digits {
		v, ok := parseDigits(t.Text)
		if !ok {
			return Number{}, 0
		}
		n := 1
		if i+1 < len(toks) {
			if s, ok := scales[toks[i+1].Norm]; ok && s >= 1000 {
				f, _ := strconv.ParseFloat(strings.ReplaceAll(t.Text, ",", ""), 64)
				v = int(f * float64(s))
				n = 2
			}
		}
		year := n == 1 && len(t.Text) == 4 && (strings.HasPrefix(t.Text, "19") || strings.HasPrefix(t.Text, "20"))
		return Number{Value: v, Year: year}, n
	}
	return wordAmount(toks, i)
}

func parseDigits(s string) (int, bool) {
	s = strings.ReplaceAll(s, ",", "")
	if strings.Contains(s, ".") {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f > 1e9 {
			return 0, false
		}
		return int(f), true
	}
	if len(s) > 9 {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	return v, err == nil
}

// wordAmount reads numbers written as words: "sixty-three", "two dozen",
// "a dozen", "half a million", "one hundred and five".
func wordAmount(toks []Token, i int) (Number, int) {
	j := i
	total, cur := 0, 0
	seen := false
	// "a dozen", "a hundred", "half a million".
	if toks[j].Norm == "half" && j+2 < len(toks) && toks[j+1].Norm == "a" {
		if s, ok := scales[toks[j+2].Norm]; ok {
			return Number{Value: s / 2}, 3
		}
		if toks[j+2].Norm == "dozen" {
			return Number{Value: 6}, 3
		}
	}
	if toks[j].Norm == "a" && j+1 < len(toks) {
		if toks[j+1].Norm == "dozen" {
			return Number{Value: 12}, 2
		}
		if s, ok := scales[toks[j+1].Norm]; ok {
			cur, seen = 1, true
			j++
			_ = s
		}
	}
	for j < len(toks) {
		w := toks[j].Norm
		if v, ok := wordValue(w); ok {
			if w == "dozen" {
				if !seen {
					cur = 12
				} else {
					cur *= 12
				}
			} else {
				cur += v
			}
			seen = true
			j++
			continue
		}
		if s, ok := scales[w]; ok && seen {
			if s == 100 {
				cur *= 100
			} else {
				total += cur * s
				cur = 0
			}
			j++
			continue
		}
		if w == "and" && seen && j+1 < len(toks) {
			if _, ok := wordValue(toks[j+1].Norm); ok && j > i && scales[toks[j-1].Norm] > 0 {
				j++
				continue
			}
		}
		break
	}
	if !seen {
		return Number{}, 0
	}
	return Number{Value: total + cur}, j - i
}

// wordValue reads "sixty-three" as well as "sixty" and "three".
func wordValue(w string) (int, bool) {
	if v, ok := numberWords[w]; ok {
		return v, true
	}
	if k := strings.IndexByte(w, '-'); k > 0 {
		a, ok1 := numberWords[w[:k]]
		b, ok2 := numberWords[w[k+1:]]
		if ok1 && ok2 && a >= 20 && a%10 == 0 && b < 10 {
			return a + b, true
		}
	}
	return 0, false
}

// IsNumberWord reports whether w, a normal form, is a number written as a
// word: "two", "eleven", "dozen".
func IsNumberWord(w string) bool {
	_, ok := numberWords[w]
	return ok
}
