package feeds

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

//go:embed data/boilerplate.txt
var boilerplateData string

// A boilerplate holds the rules from data/boilerplate.txt (the file says
// what each section means). It is read-only once loaded.
type boilerplate struct {
	lines    map[string]bool
	prefixes []string
	captions []string
	sections map[string]bool
	patterns []*regexp.Regexp
	credits  []*regexp.Regexp
}

// defaultBoilerplate is loaded once from embedded data and never modified.
var defaultBoilerplate = mustLoadBoilerplate(boilerplateData)

func mustLoadBoilerplate(data string) *boilerplate {
	b, err := loadBoilerplate(data)
	if err != nil {
		panic(err) // embedded data is checked by the tests
	}
	return b
}

func loadBoilerplate(data string) (*boilerplate, error) {
	b := &boilerplate{lines: map[string]bool{}, sections: map[string]bool{}}
	section := ""
	for i, raw := range strings.Split(data, "\n") {
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			continue
		}
		switch section {
		case "line":
			b.lines[normLine(line)] = true
		case "prefix":
			b.prefixes = append(b.prefixes, strings.ToLower(line))
		case "caption":
			b.captions = append(b.captions, strings.ToLower(line))
		case "section":
			b.sections[normLine(line)] = true
		case "pattern", "credit":
			re, err := regexp.Compile(line)
			if err != nil {
				return nil, fmt.Errorf("boilerplate line %d: %w", i+1, err)
			}
			if section == "pattern" {
				b.patterns = append(b.patterns, re)
			} else {
				b.credits = append(b.credits, re)
			}
		default:
			return nil, fmt.Errorf("boilerplate line %d: %q outside a known section", i+1, line)
		}
	}
	return b, nil
}

// normLine lower-cases a paragraph and strips the punctuation and symbols
// around it, so "Advertisement", "ADVERTISEMENT:" and "» Read more ›" match
// their list entries.
func normLine(s string) string {
	s = strings.ToLower(collapseSpace(s))
	trimmed := strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r)
	})
	if trimmed == "" {
		return s // a paragraph of punctuation only, e.g. "-", matches as itself
	}
	return trimmed
}

// Clean removes boilerplate paragraphs from an article's text. title is the
// item's headline: a first paragraph that only repeats it (perhaps with the
// site name after a separator) is dropped too.
func (b *boilerplate) Clean(title string, paras []string) []string {
	out := make([]string, 0, len(paras))
	inSection := false
	for i, p := range paras {
		words := countWords(p)
		norm := ""
		if len(p) < 200 { // line and section entries are short
			norm = normLine(p)
		}
		head := strings.ToLower(p[:prefixLen(p, 64)])
		if inSection {
			if !isProse(p, words) {
				continue
			}
			inSection = false
		}
		switch {
		case !hasAlnum(p):
			continue
		case norm != "" && b.sections[norm]:
			inSection = true
			continue
		case b.lines[norm]:
			continue
		case words < 60 && hasAnyPrefix(head, b.prefixes):
			continue
		case words < 60 && hasAnyPrefix(head, b.captions):
			continue
		case words < 25 && !endsLikeSentence(p) && matchAny(b.patterns, p):
			continue
		case words < 25 && i >= len(paras)-3 && matchAny(b.credits, p):
			continue
		}
		out = append(out, p)
	}
	return dropTitleRepeat(title, out)
}

// isProse tells a paragraph of article text from a teaser headline or a
// link in a list: long, or sentence-length and ending like a sentence.
func isProse(p string, words int) bool {
	if words >= 20 {
		return true
	}
	p = strings.TrimRight(p, " \"'”’»)")
	return words >= 12 && strings.HasSuffix(p, ".")
}

// dropTitleRepeat removes leading paragraphs (within the first three) that
// repeat the headline, alone or followed by a separator and the site name.
func dropTitleRepeat(title string, paras []string) []string {
	t := titleKey(title)
	if t == "" {
		return paras
	}
	out := paras[:0:0]
	for i, p := range paras {
		if i < 3 && len(p) < 2*len(title)+200 {
			k := titleKey(p)
			if k == t || (strings.HasPrefix(k, t+" ") && len(strings.Fields(k))-len(strings.Fields(t)) <= 8 && hasSeparator(p)) {
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

func hasSeparator(p string) bool {
	return strings.ContainsAny(p, "•|–—·") || strings.Contains(p, " - ")
}

// titleKey folds a headline for comparison: letters and digits only, lower case.
func titleKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		if r == '\'' || r == '’' || r == '‘' {
			continue // "Syria's" and "Syrias" fold together
		}
		space = true
	}
	return b.String()
}

func hasAlnum(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func matchAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// endsLikeSentence gates the pattern rules, which are the costly ones:
// bylines, datelines and counters do not end in a full stop, except after
// "a.m."/"p.m.".
func endsLikeSentence(p string) bool {
	return strings.HasSuffix(p, ".") && !strings.HasSuffix(p, "m.")
}

// prefixLen is the length of the longest prefix of s no longer than n
// bytes that ends on a rune boundary.
func prefixLen(s string, n int) int {
	if len(s) <= n {
		return len(s)
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return n
}
