package actors

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	sitrep "github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/text"
	"github.com/sitrep-bot/sitrep/briefing/translit"
)

// knownPerson is a well-known figure, so "Lavrov" alone resolves.
type knownPerson struct {
	person  sitrep.Person
	surname string // translit key of the last name
	last    string // the last name as spelled, folded: lastWord
}

func newKnown(name, role, country string) knownPerson {
	return knownPerson{
		person:  sitrep.Person{Name: name, Role: role, Country: country, Key: translit.Key(name)},
		surname: surnameKey(name),
		last:    lastWord(name),
	}
}

// surnameKey is the key of a name's last word ("Walid al-Moualem" → key of
// "Moualem").
func surnameKey(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	last := f[len(f)-1]
	if k := translit.Key(last); len(k) >= 3 {
		return k
	}
	// A skeleton of one or two consonants matches too much ("Sochi" and
	// "Sisi" both reduce to "s"): short names must be spelled alike.
	if w := translit.Words(last); len(w) > 0 {
		return "=" + w[len(w)-1]
	}
	return "=" + translit.Fold(last)
}

// A PersonMention is a person named in a token sequence.
type PersonMention struct {
	Person sitrep.Person
	First  int // token span, inclusive, title included
	Last   int
}

// particles may sit inside a name in lower case: "Staffan de Mistura", "bin Salman".
var particles = map[string]bool{"de": true, "al": true, "el": true, "bin": true, "ibn": true, "abu": true, "van": true, "von": true, "der": true, "la": true, "di": true, "da": true, "ben": true, "abdel": true}

// notNames are capitalised words that follow titles but are not names.
var notNames = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "and": true, "of": true, "for": true, "in": true,
	"on": true, "said": true, "says": true, "told": true, "was": true, "is": true, "has": true, "had": true,
	"office": true, "ministry": true, "government": true, "administration": true, "council": true, "minister": true,
	// Headline verbs after a bare title: "Foreign Minister Begins Visit".
	"begins": true, "arrives": true, "meets": true, "holds": true, "visits": true, "calls": true, "urges": true, "warns": true,
	"heads": true, "ends": true, "signs": true, "rejects": true, "welcomes": true, "denies": true, "vows": true, "seeks": true,
}

// People returns the people named with a title in toks: "Russian President
// Vladimir Putin", "Kremlin spokesman Dmitry Peskov", "Russia's Deputy
// Foreign Minister Mikhail Bogdanov". country resolves a country name or
// demonym ("Russian" → "Russia"); it may be nil.
func (t *Table) People(toks []text.Token, country func(string) (string, bool)) []PersonMention {
	return t.people(t.tag(toks), country)
}

func (t *Table) people(tt tagged, country func(string) (string, bool)) []PersonMention {
	toks := tt.toks
	var out []PersonMention
	for i := 0; i < len(toks); i++ {
		n, v := matchList(tt.starts(i).roles, toks, i)
		if n == 0 {
			continue
		}
		role := titleCase(t.roleNames[v])
		// The name: capitalised words, particles inside.
		j := i + n
		// A rank or honorific after the office: "Sovereign Council
		// chairman Gen. Abdel Fattah al-Burhan".
		for m := 0; m < 2 && j < len(toks); m++ {
			n2, _ := matchList(tt.starts(j).roles, toks, j)
			if n2 == 0 || !abbreviatedTitle(toks, j, n2) {
				break
			}
			j += n2
		}
		var name []string
		for j < len(toks) && len(name) < 5 {
			tk := toks[j]
			if tk.Kind != text.Word || notNames[tk.Norm] {
				break
			}
			if nameWord(tk) && !isAllCapsLong(tk.Text) {
				name = append(name, strings.TrimSuffix(strings.TrimSuffix(tk.Text, "'s"), "’s"))
				j++
				if strings.HasSuffix(tk.Text, "'s") || strings.HasSuffix(tk.Text, "’s") {
					break // a possessive ends the name: "Putin's"
				}
				continue
			}
			if particles[strings.TrimSuffix(tk.Norm, "-")] && j+1 < len(toks) && toks[j+1].Capitalised() && len(name) > 0 {
				name = append(name, tk.Text)
				j++
				continue
			}
			break
		}
		if len(name) == 0 || t.isRoleWord(name[0]) {
			continue
		}
		// Modifiers before the title: "Deputy", a country, an institution, an organisation.
		first := i
		p := sitrep.Person{Name: strings.Join(name, " "), Role: role}
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			tk := toks[k]
			// "Foreign Minister Prince Faisal": an office before an
			// honorific is the role.
			if honorifics[strings.ToLower(p.Role)] && first == i {
				if k2, v2, ok := roleEndingAt(tt, first); ok {
					p.Role = titleCase(t.roleNames[v2])
					first = k2
					k = k2
					continue
				}
			}
			if tk.Is("deputy", "acting", "former", "vice", "assistant", "senior", "top", "chief") {
				if tk.Is("deputy", "acting", "vice", "assistant") {
					p.Role = titleCase(tk.Norm) + " " + p.Role
				}
				first = k
				continue
			}
			if c, ok := t.institutions[tk.Norm]; ok {
				p.Role = tk.Text + " " + p.Role
				if p.Country == "" {
					p.Country = c
				}
				first = k
				continue
			}
			if tk.Is("foreign", "defence", "defense", "interior", "ministry") && tk.Capitalised() {
				p.Role = tk.Text + " " + p.Role
				first = k
				continue
			}
			if isAcronym(tk.Text) && tk.Kind == text.Word && (tk.Norm == "un" || tk.Norm == "u.n." || tk.Norm == "eu" || tk.Norm == "nato" || tk.Norm == "u.n") {
				p.Role = "UN " + p.Role
				if tk.Norm == "eu" || tk.Norm == "nato" {
					p.Role = tk.Text + strings.TrimPrefix(p.Role, "UN")
				}
				first = k
				continue
			}
			if country != nil && tk.Capitalised() {
				if c, ok := country(strings.TrimSuffix(strings.TrimSuffix(tk.Text, "'s"), "’s")); ok {
					if p.Country == "" {
						p.Country = c
					}
					first = k
					break
				}
			}
			if n, v := matchList(tt.starts(k).actors, toks, k); n > 0 && k+n == first {
				a := t.actors[v]
				if a.Kind != KindGeneric {
					p.Role = a.Name + " " + p.Role
					if p.Country == "" {
						p.Country = a.Country
					}
					first = k
				}
			}
			break
		}
		if p.Country == "" {
			// "Foreign Minister Sergei Lavrov": a well-known figure.
			if kp, ok := t.knownByName(p.Name); ok {
				p.Country = kp.Country
			}
		}
		p.Key = translit.Key(p.Name)
		out = append(out, PersonMention{Person: p, First: first, Last: j - 1})
		i = j - 1
	}
	return out
}

// abbreviatedTitle reports whether the title of n tokens at i is written
// short with its dot ("Gen.", "Lt. Gen.", "Dr."), a rank before a name
// rather than a word of it.
func abbreviatedTitle(toks []text.Token, i, n int) bool {
	return n > 1 && toks[i+n-1].Text == "."
}

// nameWord reports whether a token can be part of a name: capitalised, or
// an Arabic article joined to a capitalised word ("al-Moualem").
func nameWord(tk text.Token) bool {
	if tk.Capitalised() {
		return true
	}
	k := strings.IndexByte(tk.Text, '-')
	if k <= 0 || k > 3 || k+1 >= len(tk.Text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(tk.Text[k+1:])
	return unicode.IsUpper(r)
}

func isAllCapsLong(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 5
}

func (t *Table) isRoleWord(w string) bool {
	toks := text.Tokenize(w)
	n, _ := t.roles.match(toks, 0, nil)
	return n > 0
}

// knownByName finds a well-known figure by full name or surname, the
// surname in any spelling: for a name given with a title ("President
// Erdoğan").
func (t *Table) knownByName(name string) (sitrep.Person, bool) {
	key := translit.Key(name)
	sk := surnameKey(name)
	for _, kp := range t.known {
		if kp.person.Key == key {
			return kp.person, true
		}
	}
	if len(strings.Fields(name)) == 1 {
		for _, kp := range t.known {
			if kp.surname == sk {
				return kp.person, true
			}
		}
	}
	return sitrep.Person{}, false
}

// knownBare finds a well-known figure by a name given bare, with no title
// or first name: the full name in any spelling, or the surname spelled as
// the table spells it. A bare word that only sounds like a surname is
// more often something else: "Baghdad" is not al-Baghdadi.
func (t *Table) knownBare(name string) (sitrep.Person, bool) {
	if len(strings.Fields(name)) > 1 {
		key := translit.Key(name)
		for _, kp := range t.known {
			if kp.person.Key == key {
				return kp.person, true
			}
		}
		return sitrep.Person{}, false
	}
	sk := surnameKey(name)
	last := ""
	for _, kp := range t.known {
		if kp.surname != sk {
			continue
		}
		if last == "" {
			last = lastWord(name)
		}
		if kp.last == last {
			return kp.person, true
		}
	}
	return sitrep.Person{}, false
}

// lastWord is a name's last word folded, without an Arabic article or a
// possessive: "al-Baghdadi" → "baghdadi".
func lastWord(name string) string {
	w := translit.Words(strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s"))
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if w == "of" {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// A Roster is the people one article has named so far, so that a later
// "Putin" or "Muallem" resolves to the full person. Safe for concurrent use.
type Roster struct {
	t        *Table
	mu       sync.Mutex
	people   []sitrep.Person
	surnames []string            // surname keys of people, in step
	cache    map[string]resolved // bare names
	titled   map[string]resolved // names given with a title
	// place reports whether a word names a place; such a word resolves to
	// a person only spelled as the person's surname is.
	place func(word string) bool
	// Keys and well-known figures depend on the name alone, not on whom
	// the roster holds, so they outlive a change of people.
	surnameKeys map[string]string
	known       map[string]resolved
	bare        map[string]resolved
}

type resolved struct {
	p  sitrep.Person
	ok bool
}

// NewRoster starts an empty roster for one article.
func (t *Table) NewRoster() *Roster { return t.NewPlaceRoster(nil) }

// NewPlaceRoster starts an empty roster for one article whose place words
// place reports (it may be nil), so that a place never resolves to a person
// by a spelling of the person's surname.
func (t *Table) NewPlaceRoster(place func(word string) bool) *Roster {
	return &Roster{t: t, place: place, cache: map[string]resolved{}, titled: map[string]resolved{}, surnameKeys: map[string]string{}, known: map[string]resolved{}, bare: map[string]resolved{}}
}

// surnameKey is surnameKey(name), computed once per name.
func (r *Roster) surnameKey(name string) string {
	k, ok := r.surnameKeys[name]
	if !ok {
		k = surnameKey(name)
		r.surnameKeys[name] = k
	}
	return k
}

// knownByName is Table.knownByName, computed once per name.
func (r *Roster) knownByName(name string) (sitrep.Person, bool) {
	return once(r.known, name, r.t.knownByName)
}

// knownBare is Table.knownBare, computed once per name.
func (r *Roster) knownBare(name string) (sitrep.Person, bool) {
	return once(r.bare, name, r.t.knownBare)
}

// once is find(name), remembered in m.
func once(m map[string]resolved, name string, find func(string) (sitrep.Person, bool)) (sitrep.Person, bool) {
	c, ok := m[name]
	if !ok {
		c.p, c.ok = find(name)
		m[name] = c
	}
	return c.p, c.ok
}

// Add records a person named with a title and returns the person as the
// roster knows them: a surname-only mention ("President Putin") takes the
// full name of an earlier mention or of a well-known figure.
func (r *Roster) Add(p sitrep.Person) sitrep.Person {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(strings.Fields(p.Name)) == 1 {
		if full, ok := r.lookup(p.Name, true); ok {
			if p.Role == "" {
				p.Role = full.Role
			}
			if p.Country == "" {
				p.Country = full.Country
			}
			p.Name, p.Key = full.Name, full.Key
		}
	}
	sk := r.surnameKey(p.Name)
	for i, q := range r.people {
		if q.Key == p.Key || (r.surnames[i] == sk && sameFirst(q.Name, p.Name)) {
			if q.Country == "" {
				r.people[i].Country = p.Country
			}
			if q.Role == "" {
				r.people[i].Role = p.Role
			}
			return r.people[i]
		}
	}
	if p.Key == "" {
		p.Key = translit.Key(p.Name)
	}
	r.people = append(r.people, p)
	r.surnames = append(r.surnames, sk)
	clear(r.cache) // a new person can change what a bare name resolves to
	clear(r.titled)
	return p
}

// sameFirst reports whether two names agree on their first word, or one
// lacks it ("Walid Muallem" and "Walid al-Moualem").
func sameFirst(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) < 2 || len(fb) < 2 {
		return true
	}
	return translit.Key(fa[0]) == translit.Key(fb[0])
}

// Resolve finds the person a bare name ("Muallem", "Moallem") stands for:
// someone named earlier in the article, in any spelling of the surname
// unless the word names a place, else a well-known figure by the surname
// as the table spells it.
func (r *Roster) Resolve(name string) (sitrep.Person, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.lookup(name, false)
}

// lookup resolves a name; titled says it was given with a title, which
// lets a well-known figure's surname match in any spelling.
func (r *Roster) lookup(name string, titled bool) (sitrep.Person, bool) {
	cache := r.cache
	if titled {
		cache = r.titled
	}
	if c, ok := cache[name]; ok {
		return c.p, c.ok
	}
	p, ok := r.lookupSlow(name, titled)
	cache[name] = resolved{p, ok}
	return p, ok
}

func (r *Roster) lookupSlow(name string, titled bool) (sitrep.Person, bool) {
	sk := r.surnameKey(name)
	if sk == "" {
		return sitrep.Person{}, false
	}
	// A place word matches only a surname spelled alike.
	exact := !titled && r.place != nil && r.place(name)
	for i := len(r.people) - 1; i >= 0; i-- {
		if r.surnames[i] == sk && strings.Contains(r.people[i].Name, " ") && (!exact || lastWord(r.people[i].Name) == lastWord(name)) {
			return r.people[i], true
		}
	}
	if titled {
		return r.knownByName(name)
	}
	return r.knownBare(name)
}

// People lists the people the roster holds, in the order first named.
func (r *Roster) People() []sitrep.Person {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]sitrep.Person(nil), r.people...)
}

// Mentions returns the bare-name mentions in toks of people the roster or
// the well-known list holds: capitalised words whose key is a known surname.
// skip, when given, reports the tokens that lie in a place mention, which
// never name a person.
func (r *Roster) Mentions(toks []text.Token, skip func(i int) bool) []PersonMention {
	var out []PersonMention
	for i, tk := range toks {
		if tk.Kind != text.Word || !nameWord(tk) || len(tk.Norm) < 4 || notNames[tk.Norm] {
			continue
		}
		// "De Mistura", "Al-Assad": a particle opens the surname.
		first := i
		if i > 0 && particles[toks[i-1].Norm] {
			first = i - 1
		}
		if i+1 < len(toks) && toks[i+1].Kind == text.Word && nameWord(toks[i+1]) || first == i && i > 0 && nameWord(toks[i-1]) && toks[i-1].Kind == text.Word && !toks[i-1].Is("and", "but") && i-1 > 0 {
			continue // part of a longer name
		}
		if first < i && first > 0 && nameWord(toks[first-1]) && toks[first-1].Kind == text.Word && !toks[first-1].Is("and", "but") {
			continue // "Staffan de Mistura": the full name, read with its title
		}
		if skip != nil && skip(i) {
			continue
		}
		if p, ok := r.Resolve(strings.TrimSuffix(strings.TrimSuffix(tk.Text, "'s"), "’s")); ok {
			out = append(out, PersonMention{Person: p, First: first, Last: i})
		}
	}
	return out
}

// honorifics are titles that say rank, not office; an office named before
// one is the person's role.
var honorifics = map[string]bool{"prince": true, "sheikh": true, "sir": true, "emir": false, "princess": true, "dame": true, "lord": true}

// roleEndingAt finds a role phrase that ends just before token end.
func roleEndingAt(tt tagged, end int) (int, int, bool) {
	for k := end - 1; k >= 0 && k >= end-3; k-- {
		if n, v := matchList(tt.starts(k).roles, tt.toks, k); n > 0 && k+n == end {
			return k, v, true
		}
	}
	return 0, 0, false
}
