package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxSentence caps a sentence's length in bytes. Run-on text (scraped copy
// that lost its punctuation, or hostile input) is cut at a space past it, so
// that per-sentence work stays bounded.
const MaxSentence = 1500

// A Sentence is one sentence of an article with where it sits.
type Sentence struct {
	Text  string
	Para  int // index of its paragraph among those kept
	Index int // ordinal in the article
	// Start is the byte offset of Text in the article text Join builds.
	Start int
	// Dateline is the place a dateline opening the paragraph named
	// ("DAMASCUS —"), on the paragraph's first sentence only.
	Dateline string
	Heading  bool // a title or sub-heading: no final punctuation, few words
}

// Join returns the article text the sentence offsets refer to: the kept
// paragraphs separated by blank lines.
func Join(paras []string) string { return strings.Join(paras, "\n\n") }

// Paragraphs returns the paragraphs worth reading: boilerplate dropped, and
// a long paragraph with line breaks split into its lines.
func Paragraphs(paras []string) []string {
	var out []string
	for _, p := range paras {
		for _, line := range strings.Split(p, "\n") {
			line = strings.TrimSpace(line)
			if line == "" || IsBoilerplate(line) {
				continue
			}
			out = append(out, line)
		}
	}
	return out
}

// Split splits kept paragraphs (from Paragraphs) into sentences. Offsets
// refer to Join(paras).
func Split(paras []string) []Sentence {
	var out []Sentence
	base := 0
	for pi, p := range paras {
		body, dateline := StripDateline(p)
		off := base + len(p) - len(body)
		first := true
		for _, sp := range splitSpans(body) {
			s := Sentence{Text: body[sp[0]:sp[1]], Para: pi, Index: len(out), Start: off + sp[0]}
			if first {
				s.Dateline = dateline
				first = false
			}
			s.Heading = isHeading(s.Text)
			out = append(out, s)
		}
		base += len(p) + 2
	}
	return out
}

// isHeading reports whether a sentence reads like a headline: no final
// punctuation and short.
func isHeading(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".!?\"”'’:", last) {
		return false
	}
	return len(strings.Fields(s)) <= 16
}

// splitSpans returns the [start, end) byte spans of the sentences of one
// paragraph, trimmed of spaces.
func splitSpans(p string) [][2]int {
	var spans [][2]int
	start := 0
	emit := func(end int) {
		a, b := start, end
		for a < b && isSpaceByte(p[a]) {
			a++
		}
		for b > a && isSpaceByte(p[b-1]) {
			b--
		}
		if b > a {
			spans = append(spans, [2]int{a, b})
		}
		start = end
	}
	lastSpace := -1
	for i := 0; i < len(p); {
		r, n := decodeRune(p, i)
		if r == ' ' {
			lastSpace = i
		}
		if i-start >= MaxSentence && lastSpace > start {
			emit(lastSpace + 1)
		}
		if r == '.' || r == '!' || r == '?' || r == '…' {
			end := i + n
			// Closing quotes and brackets belong to the sentence.
			for end < len(p) {
				q, qn := utf8.DecodeRuneInString(p[end:])
				if !strings.ContainsRune("\"”’')]»", q) {
					break
				}
				end += qn
			}
			if boundary(p, i, end) {
				emit(end)
				i = end
				continue
			}
		}
		i += n
	}
	emit(len(p))
	return spans
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// boundary decides whether the terminator at p[i] (ending at end, after any
// closing quotes) ends a sentence.
func boundary(p string, i, end int) bool {
	if end < len(p) {
		r, _ := utf8.DecodeRuneInString(p[end:])
		if !unicode.IsSpace(r) {
			return false // "1.5", "U.S.-led", "e.g.,"
		}
	}
	// The next word must open a sentence: upper case, a digit or a quote.
	j := end
	for j < len(p) && isSpaceByte(p[j]) {
		j++
	}
	if j < len(p) {
		r, _ := utf8.DecodeRuneInString(p[j:])
		if unicode.IsLower(r) {
			return false
		}
	}
	if p[i] != '.' {
		return true
	}
	// The word before the dot.
	k := i
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(p[:k])
		if unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' {
			break
		}
		k -= n
	}
	word := strings.ToLower(p[k:i])
	if word == "" {
		return true
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsLetter([]rune(word)[0]) {
		return false // an initial: "John F. Kennedy"
	}
	if abbreviations[word] {
		// "U.S." ends a sentence only before a word that cannot follow it.
		if word == "u.s" || word == "u.n" || word == "u.k" || word == "e.u" || word == "d.c" || word == "a.m" || word == "p.m" {
			return opensSentence(p[j:])
		}
		return false
	}
	return true
}

// opensSentence reports whether s starts with a word that usually begins a
// sentence rather than continuing a name ("U.S. The", not "U.S. Army").
func opensSentence(s string) bool {
	w := s
	if sp := strings.IndexAny(s, " ,"); sp >= 0 {
		w = s[:sp]
	}
	switch strings.ToLower(w) {
	case "the", "a", "an", "it", "he", "she", "they", "we", "i", "but", "in", "on", "at", "this", "that", "there", "its", "his", "her", "their", "meanwhile", "earlier", "later":
		return true
	}
	return false
}

// boilerHead is longer than any listed boilerplate phrase.
const boilerHead = 256

func hasBoilerPrefix(t string) bool {
	for _, pre := range boilerPrefixes {
		if strings.HasPrefix(t, pre) {
			return true
		}
	}
	return false
}

// IsBoilerplate reports whether a paragraph is web furniture rather than
// copy: share buttons, cookie banners, "Leave a Reply", bylines.
func IsBoilerplate(p string) bool {
	// Every listed phrase is short: a long paragraph is read by its head
	// only, so it is not lower-cased whole.
	if len(p) > boilerHead {
		t := strings.TrimLeft(strings.ToLower(strings.TrimSpace(foldQuote(p[:boilerHead]))), " -|•:.*")
		return hasBoilerPrefix(t) || strings.HasSuffix(strings.TrimSpace(p), "|")
	}
	t := strings.ToLower(strings.TrimSpace(foldQuote(p)))
	t = strings.Trim(t, " -|•:.*")
	if t == "" {
		return true
	}
	if boilerExact[t] || hasBoilerPrefix(t) {
		return true
	}
	// A signature line: "Reuters, TAAN", "IT", "AFP".
	if strings.HasPrefix(strings.TrimSpace(p), "-") || strings.HasPrefix(strings.TrimSpace(p), "–") {
		if len(strings.Fields(t)) <= 4 && !strings.ContainsAny(t, ".!?") {
			return true
		}
	}
	// A date and byline stamp: "27/11/2017 08:46 by admin".
	if len(t) < 40 && strings.Contains(t, " by ") && strings.ContainsAny(t, "/:") && strings.IndexFunc(t, unicode.IsDigit) == 0 {
		return true
	}
	// A photo caption ends in a pipe.
	if strings.HasSuffix(strings.TrimSpace(p), "|") {
		return true
	}
	return false
}

// StripDateline removes a dateline opening a paragraph ("DAMASCUS —",
// "BEIRUT (Reuters) -", "Moscow:", "ALEPPO, Syria, Nov 3 (AFP) -") and returns
// the rest and the place it named.
func StripDateline(p string) (rest, place string) {
	// Look for the dash or colon in the first few words only.
	limit := len(p)
	if limit > 80 {
		limit = 80
	}
	head := p[:limit]
	if !mayHoldSeparator(head) {
		return p, ""
	}
	cut, sepLen := -1, 0
	for _, sep := range []string{" — ", " – ", " - ", "— ", "– ", ": ", " -- "} {
		if k := strings.Index(head, sep); k > 0 && (cut < 0 || k < cut) {
			cut, sepLen = k, len(sep)
		}
	}
	if cut < 0 {
		return p, ""
	}
	lead := strings.TrimSpace(head[:cut])
	// Drop an agency in brackets.
	if k := strings.Index(lead, "("); k >= 0 {
		if e := strings.Index(lead[k:], ")"); e > 0 {
			lead = strings.TrimSpace(lead[:k] + lead[k+e+1:])
		}
	}
	words := strings.Fields(lead)
	if len(words) == 0 || len(words) > 6 {
		return p, ""
	}
	allCaps := true
	for _, w := range strings.Fields(strings.Split(lead, ",")[0]) {
		if strings.ToUpper(w) != w || strings.IndexFunc(w, unicode.IsLetter) < 0 {
			allCaps = false
		}
	}
	colon := strings.HasPrefix(p[cut:], ":")
	switch {
	case allCaps:
	case colon && len(words) == 1 && isCapitalised(words[0]):
	default:
		return p, ""
	}
	name := strings.TrimRight(strings.Split(lead, ",")[0], " ,")
	return strings.TrimSpace(p[cut+sepLen:]), name
}

// mayHoldSeparator reports whether s holds a byte a dateline separator
// starts with: a colon, a hyphen, or the lead byte of an en or em dash.
// Most paragraphs open with no dateline, and this saves searching for each
// separator in turn.
func mayHoldSeparator(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ':' || c == '-' || c == 0xE2 {
			return true
		}
	}
	return false
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
