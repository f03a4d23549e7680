package store

import (
	"strings"
	"unicode"
)

// ftsQuery turns user text into an FTS5 query matching rows that hold every
// word. Each word becomes an FTS5 string (quoted, inner quotes doubled), so
// operators, parentheses, column filters and stars in the input are plain
// text. Words with no letter or digit are dropped: the tokenizer would make
// nothing of them. Written by hand because neither the driver nor the
// standard library quotes FTS5 queries.
func ftsQuery(q string) string {
	var terms []string
	for _, w := range strings.Fields(strings.ToValidUTF8(q, " ")) {
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
			continue
		}
		w = strings.Map(func(r rune) rune {
			if r == 0 || unicode.IsControl(r) {
				return ' '
			}
			return r
		}, w)
		terms = append(terms, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	return strings.Join(terms, " ")
}
