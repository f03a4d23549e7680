// Package actors owns who does what in news text: the table of armed groups,
// forces and governments with their aliases, the sources that give casualty
// figures, and the people an article names with their titles, so that later
// bare surnames resolve to the full person. Deciding who did what to whom in
// a sentence is left to the extractor.
package actors

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/sitrep-bot/sitrep/briefing/text"
)

//go:embed data
var dataFS embed.FS

// Actor kinds.
const (
	KindState     = "state"     // a government's forces
	KindGroup     = "group"     // a non-state armed group
	KindCoalition = "coalition" // a multinational coalition
	KindGeneric   = "generic"   // a descriptive word ("rebels") that names an actor only in context
)

// Air capabilities: what an actor can strike from the air with.
const (
	AirNone     = "none"     // no aircraft: named near an air strike, it is the target
	AirDrones   = "drones"   // armed drones only
	AirAircraft = "aircraft" // warplanes and helicopters
)

// An Actor is one canonical party to a conflict.
type Actor struct {
	Name    string
	Country string // empty for transnational groups and coalitions
	Kind    string
	// Air says what the actor strikes from the air with; the data's air
	// column, else aircraft for states and coalitions and none for others.
	Air string
}

// CanAirStrike reports whether the actor can carry out an air strike;
// drone says the strike was by drone.
func (a *Actor) CanAirStrike(drone bool) bool {
	return a.Air == AirAircraft || drone && a.Air == AirDrones
}

// airOf is an actor's air capability when the data leaves it out.
func airOf(kind, given string) string {
	switch given {
	case AirNone, AirDrones, AirAircraft:
		return given
	}
	if kind == KindState || kind == KindCoalition {
		return AirAircraft
	}
	return AirNone
}

// A Mention is an actor named in a token sequence.
type Mention struct {
	Actor *Actor
	First int // token span, inclusive
	Last  int
	// Suffix is the hyphenated word that turned the name into a modifier:
	// "held" in "IS-held", "led" in "Saudi-led", "backed" in "US-backed".
	Suffix string
}

// A Table maps aliases to canonical actors, sources, titles and well-known
// people. It is read-only once loaded and safe for concurrent use.
type Table struct {
	actors       []*Actor
	actorIndex   *phrases
	sourceIndex  *phrases       // alias → index into sourceNames
	sourceNames  [][]SourceName // what each alias may stand for
	roles        *phrases
	roleNames    []string
	institutions map[string]string // lower-case → country
	instIndex    *phrases
	known        []knownPerson
	orgs         []Organisation
	orgIndex     *phrases
	vocab        map[string]*starts // every phrase index by first word
}

var (
	defaultOnce sync.Once
	defaultTab  *Table
)

// Default returns the table built from the embedded data, loaded once.
func Default() *Table {
	defaultOnce.Do(func() {
		t, err := loadEmbedded()
		if err != nil {
			panic(err) // the embedded data is part of the build; a defect here is a build defect
		}
		defaultTab = t
	})
	return defaultTab
}

func loadEmbedded() (*Table, error) {
	open := func(name string) io.Reader {
		f, err := dataFS.Open("data/" + name)
		if err != nil {
			return strings.NewReader("")
		}
		return f
	}
	t, err := Load(open("actors.tsv"), open("sources.tsv"), open("roles.txt"), open("people.tsv"), open("institutions.tsv"))
	if err != nil {
		return nil, err
	}
	return t, t.LoadOrganisations(open("organisations.tsv"))
}

// An Organisation is a body that takes part in diplomacy as one party: a
// coalition, an alliance, the UN.
type Organisation struct {
	Name    string
	Country string
}

// An OrganisationMention is an organisation named in a token sequence.
type OrganisationMention struct {
	Organisation
	First int // token span, inclusive
	Last  int
}

// LoadOrganisations adds organisations (canonical, country, |-separated
// aliases) to the table.
func (t *Table) LoadOrganisations(r io.Reader) error {
	if t.orgIndex == nil {
		t.orgIndex = newPhrases()
	}
	err := eachRow(r, "organisations", 3, func(f []string) {
		t.orgs = append(t.orgs, Organisation{Name: f[0], Country: f[1]})
		t.orgIndex.add(f[0], len(t.orgs)-1)
		for _, alias := range strings.Split(f[2], "|") {
			if alias != "" {
				t.orgIndex.add(alias, len(t.orgs)-1)
			}
		}
	})
	t.orgIndex.sort()
	t.index()
	return err
}

// Organisations returns the organisations named in toks, in order.
func (t *Table) Organisations(toks []text.Token) []OrganisationMention {
	return t.organisations(t.tag(toks))
}

func (t *Table) organisations(tt tagged) []OrganisationMention {
	if t.orgIndex == nil {
		return nil
	}
	return scanPhrases(tt, func(st *starts) []phrase { return st.orgs }, func(v, first, last int) OrganisationMention {
		return OrganisationMention{Organisation: t.orgs[v], First: first, Last: last}
	})
}

// Load builds a table from its data files: actors (canonical, country,
// kind, |-separated aliases, optional air capability), sources (canonical,
// country, names, local names), roles (one a line), people (name, role,
// country) and institutions (name, country).
func Load(actorsTSV, sourcesTSV, roles, people, institutions io.Reader) (*Table, error) {
	t := &Table{actorIndex: newPhrases(), sourceIndex: newPhrases(), roles: newPhrases(), institutions: map[string]string{}, instIndex: newPhrases()}
	err := eachRow(actorsTSV, "actors", 5, func(f []string) {
		a := &Actor{Name: f[0], Country: f[1], Kind: f[2], Air: airOf(f[2], f[4])}
		t.actors = append(t.actors, a)
		t.actorIndex.add(a.Name, len(t.actors)-1)
		for _, alias := range strings.Split(f[3], "|") {
			t.actorIndex.add(alias, len(t.actors)-1)
		}
	})
	if err != nil {
		return nil, err
	}
	aliasOf := map[string]int{}
	addSource := func(alias string, n SourceName) {
		key := strings.ToLower(strings.Join(strings.Fields(alias), " "))
		if key == "" {
			return
		}
		id, ok := aliasOf[key]
		if !ok {
			id = len(t.sourceNames)
			aliasOf[key] = id
			t.sourceNames = append(t.sourceNames, nil)
			t.sourceIndex.add(alias, id)
		}
		for _, have := range t.sourceNames[id] {
			if have == n {
				return
			}
		}
		t.sourceNames[id] = append(t.sourceNames[id], n)
	}
	err = eachRow(sourcesTSV, "sources", 4, func(f []string) {
		addSource(f[0], SourceName{Name: f[0]})
		for _, alias := range strings.Split(f[2], "|") {
			addSource(alias, SourceName{Name: f[0]})
		}
		for _, alias := range strings.Split(f[3], "|") {
			if alias != "" && f[1] != "" {
				addSource(alias, SourceName{Name: f[0], Country: f[1]})
			}
		}
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(roles, "roles", 1, func(f []string) {
		t.roleNames = append(t.roleNames, f[0])
		t.roles.add(f[0], len(t.roleNames)-1)
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(people, "people", 3, func(f []string) {
		t.known = append(t.known, newKnown(f[0], f[1], f[2]))
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(institutions, "institutions", 2, func(f []string) {
		t.institutions[strings.ToLower(f[0])] = f[1]
		t.instIndex.add(f[0], 0)
	})
	if err != nil {
		return nil, err
	}
	t.actorIndex.sort()
	t.sourceIndex.sort()
	t.roles.sort()
	t.instIndex.sort()
	t.index()
	return t, nil
}

// eachRow calls fn with the tab-separated fields of each data line, padded
// to n fields.
func eachRow(r io.Reader, what string, n int, fn func([]string)) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if strings.TrimSpace(f[0]) == "" {
			return fmt.Errorf("actors: %s line %d: empty first field", what, line)
		}
		for len(f) < n {
			f = append(f, "")
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		fn(f)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("actors: reading %s: %w", what, err)
	}
	return nil
}

// Actors lists every canonical actor.
func (t *Table) Actors() []*Actor { return t.actors }

// Actor returns the canonical actor a name or alias stands for.
func (t *Table) Actor(name string) (*Actor, bool) {
	toks := text.Tokenize(name)
	if n, v := t.actorIndex.match(toks, 0, nil); n == len(toks) && n > 0 {
		return t.actors[v], true
	}
	return nil, false
}

// modifierSuffixes turn an actor's name into a modifier when hyphenated to it.
var modifierSuffixes = []string{"held", "controlled", "led", "backed", "linked", "run", "allied", "affiliated", "occupied", "besieged", "supported", "sponsored", "dominated", "claimed", "inspired", "loyal", "friendly"}

// Find returns the actors named in toks, longest alias first, in order.
func (t *Table) Find(toks []text.Token) []Mention { return t.find(t.tag(toks)) }

func (t *Table) find(tt tagged) []Mention {
	toks := tt.toks
	var out []Mention
	var base []string // lazily built: norms with modifier suffixes removed
	for i := 0; i < len(toks); {
		if n, v := matchList(tt.starts(i).actors, toks, i); n > 0 {
			out = append(out, Mention{Actor: t.actors[v], First: i, Last: i + n - 1})
			i += n
			continue
		}
		if strings.IndexByte(toks[i].Norm, '-') > 0 {
			if base == nil {
				base = make([]string, len(toks))
				for k, tk := range toks {
					base[k] = tk.Norm
				}
			}
			// Try every alias ending at a token like "IS-held".
			for end := i; end < len(toks) && end < i+6; end++ {
				k := strings.LastIndexByte(toks[end].Norm, '-')
				if k <= 0 || !isModifier(toks[end].Norm[k+1:]) {
					continue
				}
				saved := base[end]
				base[end] = toks[end].Norm[:k]
				base[end] = strings.TrimSuffix(base[end], "'s")
				for start := i; start <= end; start++ {
					if n, v := t.actorIndex.match(toks, start, base[:end+1]); n > 0 && start+n-1 == end && start == i {
						out = append(out, Mention{Actor: t.actors[v], First: start, Last: end, Suffix: toks[end].Norm[k+1:]})
					}
				}
				base[end] = saved
				break
			}
			if len(out) > 0 && out[len(out)-1].First == i {
				i = out[len(out)-1].Last + 1
				continue
			}
		}
		i++
	}
	return out
}

func isModifier(s string) bool {
	for _, m := range modifierSuffixes {
		if s == m {
			return true
		}
	}
	return false
}

// A SourceName is a body a source alias stands for. Country is set for a
// description that names the body only in a story set in that country
// ("rescuers" are the Syrian Civil Defence in Syria, and just rescuers
// elsewhere).
type SourceName struct {
	Name    string
	Country string
}

// Source returns the canonical source a phrase names wherever the story is
// ("SOHR" → "Syrian Observatory for Human Rights"). A description tied to
// one country ("the Britain-based monitor") names nothing here; SourceIn
// resolves it.
func (t *Table) Source(phrase string) (string, bool) { return t.SourceIn(phrase, "", nil) }

// SourceIn returns the canonical source a phrase names in a story set in
// country, where the bodies in named have been named outright.
func (t *Table) SourceIn(phrase, country string, named map[string]bool) (string, bool) {
	toks := text.Tokenize(phrase)
	for i := range toks {
		if n, v := t.sourceIndex.match(toks, i, nil); n > 0 {
			if n, ok := pickSource(t.sourceNames[v], country, named); ok {
				return n.Name, true
			}
		}
	}
	return "", false
}

// A SourceMention is a source alias in a token sequence, with every body
// it may stand for.
type SourceMention struct {
	Names []SourceName
	First int
	Last  int
}

// In returns the body the mention stands for in a story set in country,
// where the bodies in named have been named outright: a body tied to the
// country, else one named anywhere, else one the story names outright.
func (m SourceMention) In(country string, named map[string]bool) (SourceName, bool) {
	return pickSource(m.Names, country, named)
}

// Anywhere returns the body the mention stands for whatever the story's
// country, if there is one.
func (m SourceMention) Anywhere() (string, bool) {
	n, ok := pickSource(m.Names, "", nil)
	return n.Name, ok
}

func pickSource(names []SourceName, country string, named map[string]bool) (SourceName, bool) {
	for _, n := range names {
		if n.Country != "" && n.Country == country {
			return n, true
		}
	}
	for _, n := range names {
		if n.Country == "" {
			return n, true
		}
	}
	for _, n := range names {
		if named[n.Name] {
			return n, true
		}
	}
	return SourceName{}, false
}

// Sources returns the source aliases named in toks, in order.
func (t *Table) Sources(toks []text.Token) []SourceMention { return t.sourcesIn(t.tag(toks)) }

func (t *Table) sourcesIn(tt tagged) []SourceMention {
	return scanPhrases(tt, func(st *starts) []phrase { return st.sources }, func(v, first, last int) SourceMention {
		return SourceMention{Names: t.sourceNames[v], First: first, Last: last}
	})
}

// A Reading is every kind of name Read finds in one token sequence.
type Reading struct {
	Actors        []Mention
	Sources       []SourceMention
	People        []PersonMention
	Organisations []OrganisationMention
}

// Read returns what Find, Sources, People and Organisations return for
// toks, looking each token up once for all four.
func (t *Table) Read(toks []text.Token, country func(string) (string, bool)) Reading {
	tt := t.tag(toks)
	return Reading{Actors: t.find(tt), Sources: t.sourcesIn(tt), People: t.people(tt, country), Organisations: t.organisations(tt)}
}
