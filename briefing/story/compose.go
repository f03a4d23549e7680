package story

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-bot/sitrep"
)

// Compose writes a story's headline, one- or two-sentence summary and quote
// from its reconciled facts, in the manner of a daily events portal: one
// line that says who did what where, and the figures with who gave them.
func Compose(s *sitrep.Story) {
	if s.Category == sitrep.CategoryDevelopment {
		s.Headline = developmentHeadline(*s)
		s.Summary = developmentSummary(*s)
	} else {
		s.Headline = incidentHeadline(*s)
		s.Summary = incidentSummary(*s)
	}
	s.Quote = bestQuote(*s)
}

// kindPhrase is how a headline names an incident of a kind, as the kind
// registry says; an incident of no kind is an attack.
func kindPhrase(kind sitrep.Kind) (noun string, plural bool, prep string) {
	if noun, plural, prep, ok := kind.Headline(); ok {
		return noun, plural, prep
	}
	if kind == "" {
		return "attack", false, "in"
	}
	return string(kind), false, "in"
}

// perpetratorPhrase names who carried an incident out, as an adjective
// where the actor is a country ("Russian air strikes"); disputed claims are
// all named.
func perpetratorPhrase(ps []string) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = demonym(p)
	}
	return strings.Join(names, " or ")
}

func rangeText(r *sitrep.Range) string {
	if r == nil {
		return ""
	}
	if r.Min == r.Max {
		return fmt.Sprint(r.Min)
	}
	return fmt.Sprintf("%d–%d", r.Min, r.Max)
}

// countNoun picks the noun for a count: one for exactly 1, many otherwise.
func countNoun(r *sitrep.Range, one, many string) string {
	if r != nil && r.Min == 1 && r.Max == 1 {
		return one
	}
	return many
}

// casualtyClause is "kill 63–95, at least 36 of them civilians", or in
// the past tense "killed 63–95 people, ..." for a summary, which also names
// the fighters and women among the dead.
func casualtyClause(s sitrep.Story, plural, past bool) string {
	verb := func(v string) string {
		switch {
		case past:
			return v + "ed"
		case plural:
			return v
		}
		return v + "s"
	}
	people := ""
	if past {
		people = " people"
	}
	killed, civilians, wounded := s.Tolls.Range(sitrep.FigureKilled), s.Tolls.Range(sitrep.FigureCivilians), s.Tolls.Range(sitrep.FigureWounded)
	var fighters, women *sitrep.Range
	if past {
		fighters, women = s.Tolls.Range(sitrep.FigureFighters), s.Tolls.Range(sitrep.FigureWomen)
	}
	var b strings.Builder
	apposition := false // a clause set off by a comma is open
	switch {
	case killed != nil && civilians != nil && *killed == *civilians:
		fmt.Fprintf(&b, "%s %s %s", verb("kill"), rangeText(killed), countNoun(killed, "civilian", "civilians"))
	case killed != nil && civilians == nil && fighters != nil && *killed == *fighters:
		fmt.Fprintf(&b, "%s %s %s", verb("kill"), rangeText(killed), countNoun(killed, "fighter", "fighters"))
	case killed != nil:
		fmt.Fprintf(&b, "%s %s%s", verb("kill"), rangeText(killed), people)
		if civilians != nil {
			fmt.Fprintf(&b, ", at least %d of them %s", civilians.Min, countNoun(&sitrep.Range{Min: civilians.Min, Max: civilians.Min}, "a civilian", "civilians"))
		}
		if fighters != nil {
			apposition = true
			one := &sitrep.Range{Min: fighters.Min, Max: fighters.Min}
			if civilians != nil {
				fmt.Fprintf(&b, " and at least %d %s", fighters.Min, countNoun(one, "fighter", "fighters"))
			} else {
				fmt.Fprintf(&b, ", at least %d of them %s", fighters.Min, countNoun(one, "a fighter", "fighters"))
			}
		}
	case wounded != nil:
		fmt.Fprintf(&b, "%s %s%s", verb("wound"), rangeText(wounded), people)
		return b.String()
	default:
		return ""
	}
	var among []string
	if r := s.Tolls.Range(sitrep.FigureChildren); r != nil {
		among = append(among, rangeText(r)+" "+countNoun(r, "child", "children"))
	}
	if women != nil {
		among = append(among, rangeText(women)+" "+countNoun(women, "woman", "women"))
	}
	if len(among) > 0 {
		b.WriteString(", including " + joinAnd(among))
		apposition = true
	}
	if past && wounded != nil && apposition {
		b.WriteString(",") // closes the apposition before "and wounded"
	}
	return b.String()
}

// othersText is the sentence on the categories the casualty clause leaves
// out: "4 people missing and 3 abducted."
func othersText(s sitrep.Story) string {
	var parts []string
	for _, c := range []struct{ what, words string }{
		{sitrep.FigureMissing, "missing"}, {sitrep.FigureAbducted, "abducted"},
	} {
		r := s.Tolls.Range(c.what)
		if r == nil {
			continue
		}
		n := rangeText(r)
		if len(parts) == 0 {
			n += " " + countNoun(r, "person", "people")
		}
		parts = append(parts, n+" "+c.words)
	}
	if len(parts) == 0 {
		return ""
	}
	return joinAnd(parts) + "."
}

func incidentHeadline(s sitrep.Story) string {
	noun, plural, prep := kindPhrase(s.Kind)
	var b strings.Builder
	if p := perpetratorPhrase(s.Perpetrators); p != "" {
		b.WriteString(p + " ")
	}
	b.WriteString(noun)
	if s.Place.Name != "" {
		b.WriteString(" " + prep + " " + s.Place.Name)
	} else if s.Place.Country != "" {
		b.WriteString(" in " + s.Place.Country)
	}
	if c := casualtyClause(s, plural, false); c != "" {
		b.WriteString(" " + c)
	}
	return capitalise(b.String())
}

func incidentSummary(s sitrep.Story) string {
	var b strings.Builder
	noun, plural, prep := kindPhrase(s.Kind)
	if p := perpetratorPhrase(s.Perpetrators); p != "" {
		b.WriteString(p + " ")
	}
	b.WriteString(noun)
	if s.Place.Name != "" {
		b.WriteString(" " + prep + " " + s.Place.Name)
		admin := s.Place.Admin
		if regionKey(admin) == regionKey(s.Place.Name) && level(s.Place) == levelRegion {
			admin = ""
		}
		if rest := placeText(sitrep.Place{Admin: admin, Country: s.Place.Country}); rest != "" && level(s.Place) != levelCountry {
			b.WriteString(" (" + rest + ")")
		}
	} else if s.Place.Country != "" {
		b.WriteString(" in " + s.Place.Country)
	}
	if s.Target != "" {
		b.WriteString(" targeting " + s.Target)
	}
	if !s.Day.IsZero() {
		b.WriteString(" on " + s.Day.Format("2 January 2006"))
	}
	if c := casualtyClause(s, plural, true); c != "" {
		b.WriteString(" " + c)
	}
	if w := s.Tolls.Range(sitrep.FigureWounded); w != nil && s.Tolls.Range(sitrep.FigureKilled) != nil {
		b.WriteString(" and wounded " + rangeText(w))
	}
	if len(s.Perpetrators) > 1 {
		b.WriteString(" (reports differ on who carried it out)")
	}
	b.WriteString(".")
	if o := othersText(s); o != "" {
		b.WriteString(" " + o)
	}
	if f := figuresText(s.Tolls.Figures()); f != "" {
		b.WriteString(" " + f)
	} else if o := s.Outlets(); len(o) > 0 {
		b.WriteString(" Reported by " + joinAnd(o) + ".")
	}
	return capitalise(b.String())
}

// figuresText is the second sentence: each total with who gave it, e.g.
// "Tolls: 63 (Syrian Observatory for Human Rights via Reuters); 95 (AFP)."
func figuresText(fs []sitrep.Figure) string {
	what := sitrep.FigureKilled
	var parts []string
	for _, w := range []string{sitrep.FigureKilled, sitrep.FigureCivilians, sitrep.FigureFighters} {
		for _, f := range fs {
			if f.What == w && f.Vague == "" {
				what = w
				break
			}
		}
		if what == w {
			break
		}
	}
	for _, f := range fs {
		if f.What != what || f.Vague != "" {
			continue
		}
		n := fmt.Sprint(f.Value)
		if f.Qualifier != "" {
			n = f.Qualifier + " " + n
		}
		parts = append(parts, n+" ("+whoSaid(f)+")")
		if len(parts) == 6 {
			break
		}
	}
	if len(parts) == 0 {
		return ""
	}
	label := "Toll"
	if len(parts) > 1 {
		label = "Tolls"
	}
	if what == sitrep.FigureCivilians {
		label = "Civilian " + strings.ToLower(label)
	}
	return label + ": " + strings.Join(parts, "; ") + "."
}

// whoSaid is "SOHR via Reuters", or the outlet alone when it is the source.
func whoSaid(f sitrep.Figure) string {
	switch {
	case f.AttributedTo == "" || strings.EqualFold(f.AttributedTo, f.Outlet):
		return f.Outlet
	case f.Outlet == "":
		return f.AttributedTo
	}
	return f.AttributedTo + " via " + f.Outlet
}

// placeText is "Raqqa, Raqqa Governorate, Syria", without repeats.
func placeText(p sitrep.Place) string {
	var parts []string
	for _, s := range []string{p.Name, p.Admin, p.Country} {
		if s == "" {
			continue
		}
		dup := false
		for _, q := range parts {
			if strings.EqualFold(q, s) {
				dup = true
			}
		}
		if !dup {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// orderedParticipants puts the host (a participant from the country the
// meeting was held in) first, so the headline reads "Putin meets ... in Sochi".
func orderedParticipants(s sitrep.Story) []sitrep.Person {
	ps := append([]sitrep.Person(nil), s.Participants...)
	if s.Place.Country == "" {
		return ps
	}
	for i, p := range ps {
		if p.Country == s.Place.Country && i > 0 {
			copy(ps[1:i+1], ps[:i])
			ps[0] = p
			break
		}
	}
	return ps
}

// surname is the name a second reference uses: "Putin", "Muallem",
// "de Mistura".
func surname(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	last := f[len(f)-1]
	if n := len(f); n > 2 && isParticle(f[n-2]) {
		return f[n-2] + " " + last
	}
	for _, art := range []string{"al-", "Al-", "el-", "El-"} {
		if rest, ok := strings.CutPrefix(last, art); ok && rest != "" {
			return rest
		}
	}
	return last
}

// isParticle reports whether a word belongs to the surname after it
// ("de Mistura", "van Rompuy", "bin Salman").
func isParticle(w string) bool {
	switch w {
	case "de", "da", "di", "del", "van", "von", "der", "bin", "ibn", "le", "la":
		return true
	}
	return false
}

// titled is "Syrian Foreign Minister Muallem".
func titled(p sitrep.Person) string {
	name := surname(p.Name)
	if p.Role == "" {
		return name
	}
	adj := ""
	if p.Country != "" {
		adj = demonym(p.Country) + " "
		if strings.Contains(p.Role, demonym(p.Country)) {
			adj = ""
		}
	}
	return adj + p.Role + " " + name
}

func developmentHeadline(s sitrep.Story) string {
	ps := orderedParticipants(s)
	where := ""
	if s.Place.Name != "" && level(s.Place) != levelCountry {
		where = " in " + s.Place.Name
	}
	topic := ""
	if len(s.Topics) > 0 {
		topic = " on " + s.Topics[0]
	}
	var subject, other string
	switch {
	case len(ps) > 0:
		subject = surname(ps[0].Name)
		if len(ps) > 1 {
			other = titled(ps[1])
		}
	case len(s.Countries) > 0:
		subject = joinAnd(s.Countries)
	default:
		subject = "Officials"
	}
	var h string
	switch s.Kind {
	case sitrep.KindMeeting, sitrep.KindVisit, sitrep.KindTalks:
		switch {
		case other != "" && s.Kind == sitrep.KindTalks:
			h = subject + " holds talks with " + other + where
		case other != "":
			h = subject + " meets " + other + where
		case where != "":
			h = subject + " visits " + s.Place.Name
		case len(s.Countries) > 1:
			h = subject + " holds talks with " + s.Countries[1]
		default:
			h = subject + " holds talks" + topic
		}
	case sitrep.KindPhoneCall:
		if other != "" {
			h = subject + " speaks by phone with " + other
		} else {
			h = subject + " holds phone call" + topic
		}
	case sitrep.KindAgreement, sitrep.KindArmsDeal:
		noun := string(s.Kind)
		if other != "" {
			h = subject + " and " + other + " agree " + noun + topic
		} else {
			h = subject + " announces " + noun + topic
		}
	case sitrep.KindSanctions:
		h = subject + " announces sanctions" + topic
	case sitrep.KindProposal:
		h = subject + " makes proposal" + topic
	default:
		if other != "" {
			h = subject + " on " + other
			if topic != "" {
				h = subject + topic
			}
		} else if topic != "" {
			h = subject + " speaks" + topic
		} else {
			h = subject + " makes statement" + where
		}
	}
	return capitalise(h)
}

func developmentSummary(s sitrep.Story) string {
	var names []string
	for _, p := range orderedParticipants(s) {
		n := p.Name
		var detail []string
		if p.Role != "" {
			detail = append(detail, p.Role)
		}
		if p.Country != "" {
			detail = append(detail, p.Country)
		}
		if len(detail) > 0 {
			n += " (" + strings.Join(detail, ", ") + ")"
		}
		names = append(names, n)
		if len(names) == 4 {
			break
		}
	}
	var b strings.Builder
	if len(names) > 0 {
		b.WriteString(joinAnd(names))
	} else if len(s.Countries) > 0 {
		b.WriteString(joinAnd(s.Countries))
	}
	kind := s.Kind
	if kind == "" {
		kind = sitrep.KindStatement
	}
	b.WriteString(": " + string(kind))
	if where := placeText(s.Place); where != "" {
		b.WriteString(" in " + where)
	}
	if !s.Day.IsZero() {
		b.WriteString(" on " + s.Day.Format("2 January 2006"))
	}
	if len(s.Topics) > 0 {
		n := min(len(s.Topics), 5)
		b.WriteString(", on " + joinAnd(s.Topics[:n]))
	}
	b.WriteString(".")
	if o := s.Outlets(); len(o) > 0 {
		b.WriteString(" Reported by " + joinAnd(o) + ".")
	}
	return capitalise(b.String())
}

// bestQuote picks the source sentence that says most of the story: the
// one a standing toll was read from, naming the place or people, of
// readable length; on a tie the earliest report's.
func bestQuote(s sitrep.Story) string {
	var terms []string
	if s.Place.Name != "" {
		terms = append(terms, strings.ToLower(s.Place.Name))
	}
	for _, p := range s.Participants {
		terms = append(terms, strings.ToLower(surname(p.Name)))
	}
	tolls := map[string]bool{}
	for _, f := range s.Tolls.Figures() {
		if f.Sentence != "" && f.Vague == "" {
			tolls[strings.TrimSpace(f.Sentence)] = true
		}
	}
	type cand struct {
		text      string
		score     float64
		published time.Time
	}
	var best cand
	found := false
	for _, r := range s.Reports {
		sents := r.Sentences
		for _, f := range r.Figures {
			sents = append(sents, f.Sentence)
		}
		for _, sent := range sents {
			sent = strings.TrimSpace(sent)
			n := utf8.RuneCountInString(sent)
			if n < 20 {
				continue
			}
			c := cand{text: sent, published: r.Source.Published}
			low := strings.ToLower(sent)
			for _, t := range terms {
				if t != "" && strings.Contains(low, t) {
					c.score++
				}
			}
			if tolls[sent] {
				c.score += 2
			}
			if strings.IndexFunc(sent, unicode.IsDigit) >= 0 {
				c.score++
			}
			if n <= 300 {
				c.score++
			}
			if !found || c.score > best.score || c.score == best.score &&
				(c.published.Before(best.published) || c.published.Equal(best.published) && c.text < best.text) {
				best, found = c, true
			}
		}
	}
	return best.text
}

func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
