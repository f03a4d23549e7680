// Package text owns the low-level reading of news copy: splitting paragraphs
// into sentences (past abbreviations, initials, decimals, quotes and
// datelines), dropping web boilerplate, splitting sentences into tokens, and
// reading numbers ("at least 1,300", "two dozen", "dozens") and days ("on
// Tuesday", "Nov. 25", "yesterday") resolved against the publication time.
// What the numbers and days mean is left to the extractor.
package text

import (
	"bufio"
	"embed"
	"strings"
)

//go:embed data/*.txt
var dataFS embed.FS

// wordSet reads an embedded list, one entry a line, "#" comments, lower-cased.
func wordSet(name string) map[string]bool {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		panic("text: missing embedded list " + name) // a build defect, not input
	}
	defer f.Close()
	set := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		set[strings.ToLower(line)] = true
	}
	return set
}

var (
	abbreviations = wordSet("abbreviations.txt")
	boilerExact   = wordSet("boilerplate.txt")
	// boilerPrefixes is a slice: every paragraph is checked against each.
	boilerPrefixes = keys(wordSet("boilerplate-prefixes.txt"))
)

func keys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	return out
}
