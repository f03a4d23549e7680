package story

import (
	"bufio"
	"embed"
	"strings"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/places"
	"github.com/sitrep-bot/sitrep/briefing/translit"
)

//go:embed data/*.txt
var dataFS embed.FS

// tables are the embedded word lists, read once at package load and never
// changed afterwards.
var tables = loadTables()

type tableSet struct {
	forces     map[string]string // armed forces → their country's adjective
	levelWords map[string]bool   // "governorate", "province"...
	shared     map[string]bool   // roles many hold at once: "spokesman"
}

func loadTables() tableSet {
	t := tableSet{forces: map[string]string{}, levelWords: map[string]bool{}, shared: map[string]bool{}}
	for _, line := range lines("data/forces.txt") {
		name, adj, ok := strings.Cut(line, "|")
		if ok {
			t.forces[strings.TrimSpace(name)] = strings.TrimSpace(adj)
		}
	}
	for _, w := range lines("data/regions.txt") {
		t.levelWords[strings.ToLower(w)] = true
	}
	for _, w := range lines("data/sharedroles.txt") {
		t.shared[strings.ToLower(w)] = true
	}
	return t
}

// lines returns the non-blank, non-comment lines of an embedded file.
func lines(name string) []string {
	f, err := dataFS.Open(name)
	if err != nil {
		panic("story: embedded table missing: " + name) // a build error, not input
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// sameKind reports whether two kinds name one sort of event: a kind and a
// form of it, as a missile strike is told as shelling.
func sameKind(a, b sitrep.Kind) bool {
	return a.Family() == b.Family()
}

// kindsCompatible reports whether two kinds may describe one event: kinds
// the registry groups together, or a kind and none.
func kindsCompatible(a, b sitrep.Kind) bool {
	return a == "" || b == "" || a.Compatible(b)
}

// demonym is the adjective for a country or for armed forces named after
// one, or the name itself: "Syrian" for Syria, "Russian" for Russian forces.
func demonym(name string) string {
	if d, ok := tables.forces[name]; ok {
		return d
	}
	if d, ok := places.Default().Demonym(name); ok {
		return d
	}
	return name
}

// regionKey is the key of a region's name without its level word, so
// "Raqqa Governorate", "Raqqa province" and "Raqqa" share one.
func regionKey(name string) string {
	if !hasLevelWord(name) {
		return translit.Key(name)
	}
	var kept []string
	for _, w := range strings.Fields(name) {
		if !isLevelWord(w) {
			kept = append(kept, w)
		}
	}
	return translit.Key(strings.Join(kept, " "))
}
