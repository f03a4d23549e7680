package story

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/actors"
	"github.com/sitrep-bot/sitrep/briefing/translit"
)

// Reconcile recomputes every fact of a story from its reports: kind, day,
// place, actors, figures and their ranges, participants, sources, keys, the
// composed text and the facts hash. The result does not depend on the order
// the reports arrived in.
func Reconcile(s *sitrep.Story) {
	reconcileFacts(s)
	describe(s)
}

// describe writes the text and facts hash of a story whose facts are
// reconciled.
func describe(s *sitrep.Story) {
	if len(s.Reports) == 0 {
		return
	}
	Compose(s)
	s.FactsHash = FactsHash(*s)
}

// reconcileFacts recomputes what matching reads of a story: its facts and
// blocking keys, not its text.
func reconcileFacts(s *sitrep.Story) {
	rs := s.Reports
	if len(rs) == 0 {
		return
	}
	s.Category = rs[0].Category
	s.Kind = sitrep.Kind(mostCommon(rs, func(e sitrep.Event) string { return string(e.Kind) }))
	s.Day = commonDay(rs)
	s.Place = bestPlaceOf(rs)
	s.Perpetrators = claims(rs, func(e sitrep.Event) string { return e.Perpetrator })
	if s.Kind.Is(sitrep.KindAirstrike) {
		// A report of another kind merged here may name a group that has no
		// aircraft; it cannot have carried out the air strikes.
		s.Perpetrators = slices.DeleteFunc(s.Perpetrators, func(p string) bool {
			a, ok := actors.Default().Actor(p)
			return ok && !a.CanAirStrike(true)
		})
	}
	s.Target = ""
	if ts := claims(rs, func(e sitrep.Event) string { return e.Target }); len(ts) > 0 {
		s.Target = ts[0]
	}
	s.Tolls = tolls(standingFigures(rs))
	s.Participants = mergePeople(rs)
	s.Countries = union(rs, func(e sitrep.Event) []string { return e.Countries })
	s.Topics = union(rs, func(e sitrep.Event) []string { return e.Topics })
	s.Sources = sources(rs)
	s.Keys = storyKeys(rs)
}

// mostCommon is the most frequent non-empty value, ties broken by the
// smaller value so the choice is independent of order.
func mostCommon(rs []sitrep.Event, f func(sitrep.Event) string) string {
	counts := map[string]int{}
	for _, r := range rs {
		if v := f(r); v != "" {
			counts[v]++
		}
	}
	best, n := "", 0
	for v, c := range counts {
		if c > n || c == n && v < best {
			best, n = v, c
		}
	}
	return best
}

// commonDay is the day most reports give; on a tie the earlier one, since
// later dates usually come from reports dated by publication.
func commonDay(rs []sitrep.Event) time.Time {
	counts := map[time.Time]int{}
	for _, r := range rs {
		if !r.Day.IsZero() {
			counts[r.Day.UTC()]++
		}
	}
	var best time.Time
	n := 0
	for d, c := range counts {
		if c > n || c == n && d.Before(best) {
			best, n = d, c
		}
	}
	return best
}

// bestPlaceOf is the most specific place the reports give, the most often
// given among equally specific ones.
func bestPlaceOf(rs []sitrep.Event) sitrep.Place {
	type cand struct {
		p     sitrep.Place
		n     int
		level int
	}
	byKey := map[string]*cand{}
	for _, r := range rs {
		if r.Place.IsZero() {
			continue
		}
		k := placeKey(r.Place) + "|" + r.Place.Country
		c := byKey[k]
		if c == nil {
			c = &cand{p: r.Place, level: level(r.Place)}
			byKey[k] = c
		} else if betterSpelling(r.Place, c.p) {
			c.p = r.Place
		}
		c.n++
	}
	var best *cand
	for _, c := range byKey {
		if best == nil || c.level > best.level ||
			c.level == best.level && (c.n > best.n || c.n == best.n && c.p.Name < best.p.Name) {
			best = c
		}
	}
	if best == nil {
		return sitrep.Place{}
	}
	return best.p
}

// betterSpelling prefers the place record with coordinates and region, then
// the alphabetically first name, so one spelling wins whatever the order.
func betterSpelling(a, b sitrep.Place) bool {
	ra, rb := placeRichness(a), placeRichness(b)
	if ra != rb {
		return ra > rb
	}
	return a.Name < b.Name
}

func placeRichness(p sitrep.Place) int {
	n := 0
	if hasCoords(p) {
		n += 2
	}
	if p.Admin != "" {
		n++
	}
	return n
}

// claims lists each distinct actor the reports name, most often named first.
func claims(rs []sitrep.Event, f func(sitrep.Event) string) []string {
	type claim struct {
		name string
		n    int
	}
	byKey := map[string]*claim{}
	for _, r := range rs {
		v := f(r)
		if v == "" {
			continue
		}
		k := actorKey(v)
		if c := byKey[k]; c != nil {
			c.n++
			if v < c.name {
				c.name = v
			}
		} else {
			byKey[k] = &claim{v, 1}
		}
	}
	cs := make([]*claim, 0, len(byKey))
	for _, c := range byKey {
		cs = append(cs, c)
	}
	slices.SortFunc(cs, func(a, b *claim) int {
		return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.name, b.name))
	})
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.name
	}
	return out
}

// standingFigures are the figures of all reports that still stand: a
// revised toll replaces the same reporter's earlier figures (same outlet,
// same attribution), repeats of one figure by one reporter count once, and
// vague figures are kept only where no number is given for the same thing.
func standingFigures(rs []sitrep.Event) []sitrep.Figure {
	type fig struct {
		sitrep.Figure
		published time.Time
	}
	var all []fig
	for _, r := range rs {
		for _, f := range r.Figures {
			if f.Outlet == "" {
				f.Outlet = r.Source.Outlet
			}
			if f.URL == "" {
				f.URL = r.Source.URL
			}
			all = append(all, fig{f, r.Source.Published})
		}
	}
	reporter := func(f sitrep.Figure) string {
		return f.What + "|" + strings.ToLower(f.Outlet) + "|" + actorKey(f.AttributedTo)
	}
	// The latest revision of each reporter's figure.
	latest := map[string]fig{}
	for _, f := range all {
		if !f.Revised || f.Vague != "" {
			continue
		}
		k := reporter(f.Figure)
		if l, ok := latest[k]; !ok || f.published.After(l.published) || f.published.Equal(l.published) && f.Value > l.Value {
			latest[k] = f
		}
	}
	numeric := map[string]bool{}
	var out []sitrep.Figure
	seen := map[string]bool{}
	for _, f := range all {
		if l, ok := latest[reporter(f.Figure)]; ok && f.Vague == "" && !f.published.After(l.published) &&
			(f.Value != l.Value || f.URL != l.URL || !f.Revised) {
			continue // superseded by the reporter's revision
		}
		id := reporter(f.Figure) + "|" + f.Vague + "|" + strconv.Itoa(f.Value)
		if seen[id] {
			continue
		}
		seen[id] = true
		if f.Vague == "" && f.Value > 0 {
			numeric[f.What] = true
		}
		out = append(out, f.Figure)
	}
	kept := out[:0]
	for _, f := range out {
		if f.Vague != "" && numeric[f.What] || f.Vague == "" && f.Value <= 0 {
			continue
		}
		kept = append(kept, f)
	}
	slices.SortStableFunc(kept, func(a, b sitrep.Figure) int {
		return cmp.Or(cmp.Compare(a.Value, b.Value), cmp.Compare(a.Outlet, b.Outlet), cmp.Compare(a.AttributedTo, b.AttributedTo), cmp.Compare(a.URL, b.URL))
	})
	return kept
}

// tolls groups the standing figures by category, each with the range its
// numbers span. When no report gives a total, the largest category given
// stands in for it: "53 civilians were killed" says at least 53 people died.
func tolls(fs []sitrep.Figure) sitrep.Tolls {
	ts := sitrep.TollsOf(fs)
	if ts == nil || ts.Range(sitrep.FigureKilled) != nil {
		return ts
	}
	for _, what := range []string{sitrep.FigureCivilians, sitrep.FigureFighters, sitrep.FigureChildren, sitrep.FigureWomen} {
		if r := ts.Range(what); r != nil {
			t := ts[sitrep.FigureKilled]
			t.Range = *r
			ts[sitrep.FigureKilled] = t
			break
		}
	}
	return ts
}

// mergePeople joins the reports' participants into one list: one entry per
// person whatever the spelling, however short the mention, or however
// garbled the name where the office is clear. The name shown is the
// spelling family most reports use, in its fullest form. People named by
// more reports come first, then those the reports list earlier.
func mergePeople(rs []sitrep.Event) []sitrep.Person {
	type person struct {
		members  []sitrep.Person
		position int // sum of places in the reports' lists
	}
	var people []*person
	for _, r := range rs {
		for i, p := range r.Participants {
			if personKey(p) == "" {
				continue
			}
			var hit *person
			for _, q := range people {
				if slices.ContainsFunc(q.members, func(m sitrep.Person) bool { return samePersonOf(p, m) }) {
					hit = q
					break
				}
			}
			if hit == nil {
				hit = &person{}
				people = append(people, hit)
			}
			hit.members = append(hit.members, p)
			hit.position += i
		}
	}
	type merged struct {
		sitrep.Person
		mentions, position int
	}
	out := make([]merged, 0, len(people))
	for _, q := range people {
		byKey := map[string]map[string]int{}
		roles, countries := map[string]int{}, map[string]int{}
		for _, m := range q.members {
			k := personKey(m)
			if byKey[k] == nil {
				byKey[k] = map[string]int{}
			}
			byKey[k][m.Name]++
			if m.Role != "" {
				roles[m.Role]++
			}
			if m.Country != "" {
				countries[m.Country]++
			}
		}
		// The spelling family: keys that are one name (a surname and the
		// full name) count together.
		bestKey, bestN := "", -1
		for k := range byKey {
			n := 0
			for k2, names := range byKey {
				if samePerson(k, k2) {
					for _, c := range names {
						n += c
					}
				}
			}
			if n > bestN || n == bestN && (len(k) > len(bestKey) || len(k) == len(bestKey) && k < bestKey) {
				bestKey, bestN = k, n
			}
		}
		names := map[string]int{}
		for k, ns := range byKey {
			if samePerson(k, bestKey) {
				for n, c := range ns {
					names[n] += c
				}
			}
		}
		name := fullestName(names)
		out = append(out, merged{
			Person:   sitrep.Person{Name: name, Role: top(roles), Country: top(countries), Key: personKey(sitrep.Person{Name: name})},
			mentions: len(q.members), position: q.position,
		})
	}
	slices.SortStableFunc(out, func(a, b merged) int {
		return cmp.Or(cmp.Compare(b.mentions, a.mentions), cmp.Compare(a.position, b.position), cmp.Compare(a.Key, b.Key))
	})
	ps := make([]sitrep.Person, len(out))
	for i, m := range out {
		ps[i] = m.Person
	}
	return ps
}

// fullestName prefers the spelling with the most words (a full name over a
// surname), then the most frequent, then the alphabetically first.
func fullestName(names map[string]int) string {
	best, bw, bn := "", -1, 0
	for n, c := range names {
		w := len(translit.Words(n))
		if w > bw || w == bw && (c > bn || c == bn && n < best) {
			best, bw, bn = n, w, c
		}
	}
	return best
}

func top(counts map[string]int) string {
	best, n := "", 0
	for v, c := range counts {
		if c > n || c == n && v < best {
			best, n = v, c
		}
	}
	return best
}

// union lists the distinct values the reports give, most often given first,
// compared without case.
func union(rs []sitrep.Event, f func(sitrep.Event) []string) []string {
	counts := map[string]int{}
	spelling := map[string]string{}
	for _, r := range rs {
		for _, v := range f(r) {
			v = strings.TrimSpace(v)
			if v == "" {
				continue
			}
			k := strings.ToLower(v)
			counts[k]++
			if s, ok := spelling[k]; !ok || v < s {
				spelling[k] = v
			}
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b)) })
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = spelling[k]
	}
	return out
}

// sources lists each article once, oldest first, with its link as given.
func sources(rs []sitrep.Event) []sitrep.Source {
	seen := map[string]bool{}
	var out []sitrep.Source
	for _, r := range rs {
		k := r.Source.URL
		if k == "" {
			k = r.Source.ArticleID
		}
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r.Source)
	}
	slices.SortFunc(out, func(a, b sitrep.Source) int {
		return cmp.Or(a.Published.Compare(b.Published), cmp.Compare(a.URL, b.URL))
	})
	return out
}

// FactsHash is a digest of what a reader sees of a story: kind, day, place,
// actors, figure ranges, participants, countries and topics. A new outlet
// repeating known facts does not change it.
func FactsHash(s sitrep.Story) string {
	facts := struct {
		Kind, Day, Place, Target          string
		Perpetrators                      []string
		Killed, Civilians, Children, Hurt *sitrep.Range
		People, Countries, Topics         []string
		Other                             map[string]sitrep.Range `json:",omitempty"` // the other categories
	}{
		Kind: string(s.Kind), Place: s.Place.Name + "|" + s.Place.Admin + "|" + s.Place.Country, Target: s.Target,
		Perpetrators: s.Perpetrators, Killed: s.Tolls.Range(sitrep.FigureKilled),
		Civilians: s.Tolls.Range(sitrep.FigureCivilians), Children: s.Tolls.Range(sitrep.FigureChildren),
		Hurt: s.Tolls.Range(sitrep.FigureWounded), Countries: s.Countries, Topics: s.Topics,
	}
	for _, what := range s.Tolls.Categories() {
		switch what {
		case sitrep.FigureKilled, sitrep.FigureCivilians, sitrep.FigureChildren, sitrep.FigureWounded:
			continue
		}
		if r := s.Tolls.Range(what); r != nil {
			if facts.Other == nil {
				facts.Other = map[string]sitrep.Range{}
			}
			facts.Other[what] = *r
		}
	}
	if !s.Day.IsZero() {
		facts.Day = s.Day.Format(time.DateOnly)
	}
	for _, p := range s.Participants {
		facts.People = append(facts.People, p.Name+"|"+p.Role)
	}
	b, _ := json.Marshal(facts) // plain values: cannot fail
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12])
}
