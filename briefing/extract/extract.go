// Package extract turns one article's text into incidents (air strikes,
// shelling, bombings, clashes, executions and the like, with place, day,
// actors and attributed casualty figures) and diplomatic developments
// (meetings, visits, talks, statements, agreements). It works from word
// lists, the actor table and the gazetteer, with no statistical tagger, so
// it is fast and each decision can be read back from the sentences an event
// keeps. Grouping events from many articles into stories is left to
// briefing/story.
//
// Decisions worth knowing:
//   - An event is news only if it falls in the article's own time frame:
//     from three days before publication to a day after. Sentences about
//     totals since the war began, trends, or days outside that window are
//     background and yield nothing.
//   - When the text names no day for an event, its day is the publication
//     day: wire copy that omits the day reports something that just happened.
//   - Vague amounts ("dozens", "half of them civilians") are kept as words;
//     a category total with no overall toll ("53 civilians were killed")
//     also counts as the overall toll; nothing is summed or halved.
//   - A headline's figures are dropped when the body gives figures of the
//     same kind, since headlines round ("over 20 kids").
package extract

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	sitrep "github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/actors"
	"github.com/sitrep-bot/sitrep/briefing/places"
	"github.com/sitrep-bot/sitrep/briefing/text"
)

// maxText caps the article text read, so hostile or broken input costs
// bounded time; real articles are far shorter.
const maxText = 256 << 10

// An Extractor finds events in articles. It is read-only once built and safe
// for concurrent use.
type Extractor struct {
	gaz    *places.Gazetteer
	actors *actors.Table
	lx     *lexicons
	dev    *lexicon
	vocab  map[string]*wordLists // every lexicon by first word
	// states maps a country to its government's forces, for "Syria
	// carries out air strikes".
	states map[string]string
	// forces maps a country to the actor its adjective names when
	// followed by a weapon or force noun ("Saudi jets", "a Russian
	// missile"): its government's forces unless forces.tsv says otherwise.
	forces map[string]string
	// generic names the actors that are descriptive words ("gunmen").
	generic map[string]bool
	spk     speakerWords
	// actorByName finds a canonical actor, to read its kind and air capability.
	actorByName map[string]*actors.Actor
	model       model
}

var (
	defaultOnce sync.Once
	defaultX    *Extractor
)

// Default returns the extractor built on the embedded gazetteer and actor
// table, built once.
func Default() *Extractor {
	defaultOnce.Do(func() { defaultX = New(places.Default(), actors.Default()) })
	return defaultX
}

// New builds an extractor on a gazetteer and an actor table.
func New(g *places.Gazetteer, a *actors.Table) *Extractor {
	x := &Extractor{gaz: g, actors: a, lx: loadLexicons(), dev: newLexicon(), spk: loadSpeakerWords(), states: map[string]string{}, model: loadModel()}
	for _, ac := range a.Actors() {
		if ac.Kind == actors.KindState && ac.Country != "" && x.states[ac.Country] == "" {
			x.states[ac.Country] = ac.Name
		}
	}
	x.generic = map[string]bool{}
	x.actorByName = map[string]*actors.Actor{}
	for _, ac := range a.Actors() {
		x.actorByName[ac.Name] = ac
		if ac.Kind == actors.KindGeneric {
			x.generic[ac.Name] = true
		}
	}
	x.forces = map[string]string{}
	for c, n := range x.states {
		x.forces[c] = n
	}
	for _, f := range lines("forces.tsv") {
		if len(f) >= 2 {
			x.forces[f[0]] = f[1]
		}
	}
	for _, f := range lines("development-triggers.tsv") {
		if len(f) >= 3 {
			var s int
			fmt.Sscan(f[2], &s)
			mustBeKind(f[1], sitrep.CategoryDevelopment)
			x.dev.add(f[0], f[1], s)
		}
	}
	x.vocab = vocabulary(x.lx, x.dev)
	return x
}

// Extract returns the events an article reports, in text order.
func (x *Extractor) Extract(a sitrep.Article) []sitrep.Event {
	if x.notNews(a.Title) {
		return nil
	}
	sc := scratchPool.Get().(*scratch)
	defer func() {
		clear(sc.toks) // hold no article text while pooled
		clear(sc.lex)
		scratchPool.Put(sc)
	}()
	d := x.readInto(a, sc)
	if d == nil {
		return nil
	}
	incs := x.incidents(d)
	devs := x.developments(d)
	all := append(incs, devs...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].first < all[j].first })
	var out []sitrep.Event
	for _, e := range all {
		ev := e.Event
		ev.Source = a.Source()
		ev.ID = fmt.Sprintf("%s#%d", a.ID, len(out)+1)
		for i := range ev.Figures {
			ev.Figures[i].Outlet = ev.Source.Outlet
			ev.Figures[i].URL = ev.Source.URL
		}
		out = append(out, ev)
	}
	return out
}

// doc is one article read into sentences with everything found in them.
type doc struct {
	art    sitrep.Article
	pub    time.Time // publication day, midnight UTC
	sents  []*sentence
	roster *actors.Roster
	hint   string // the article's main country
	// named holds the sources the article names outright ("the Syrian
	// Observatory for Human Rights"), so a description of one ("the
	// monitor") stands for it wherever the story is.
	named map[string]bool
	gaz   *places.Gazetteer
	// countries memoises gaz.Country: an article asks after the same
	// words many times.
	countries map[string]countryOf
	// titled lists the people named with a title, read once the roster
	// is complete.
	titled     []titledPerson
	titledRead bool
	// lead is the index of the first sentence past the lead (lead.go).
	lead int
}

type countryOf struct {
	name string
	ok   bool
}

// country is gaz.Country, computed once per word of an article.
func (d *doc) country(w string) (string, bool) {
	c, ok := d.countries[w]
	if !ok {
		c.name, c.ok = d.gaz.Country(w)
		d.countries[w] = c
	}
	return c.name, c.ok
}

// sentence is one sentence with its tokens and what they name.
type sentence struct {
	text.Sentence
	toks       []text.Token
	lex        []*wordLists // per token: the lexicon entries starting there, nil for none
	nums       []text.Number
	dates      []text.Date
	places     []placeAt
	actors     []actors.Mention
	sources    []actors.SourceMention
	people     []actors.PersonMention
	orgs       []actors.OrganisationMention
	title      bool
	background bool
	attrib     string // who this sentence says gave its figures
	// party is a party to the fighting the sentence gives as the one
	// speaking: an armed group's claim ("al-Shabaab claim" for "the group
	// said it killed 12 soldiers") or a government's forces. Figures from
	// token partyFrom on are the party's, the others attrib's.
	party     string
	partyFrom int
}

// by returns who gave the figure at token tok.
func (s *sentence) by(tok int) string {
	if s.party != "" && tok >= s.partyFrom {
		return s.party
	}
	return s.attrib
}

// placeAt is a place mention with its token index in the sentence.
type placeAt struct {
	places.Mention
	tok      int
	nameKey  string // placeKey of the name and of the admin region, computed once
	adminKey string
	// dateline is set for the place a story is filed from ("DAMASCUS —",
	// "BEIRUT (Reuters) -"): where the reporter is, not the event.
	dateline bool
}

// scratch is the token buffer one Extract call reads into. The events
// Extract returns hold no tokens, so the buffer is pooled and reused.
type scratch struct {
	toks []text.Token
	lex  []*wordLists
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// read splits the article and finds tokens, numbers, days, places, actors,
// sources and people in each sentence.
func (x *Extractor) read(a sitrep.Article) *doc { return x.readInto(a, new(scratch)) }

// readInto is read with its tokens in sc.
func (x *Extractor) readInto(a sitrep.Article, sc *scratch) *doc {
	body := a.Paragraphs
	if len(body) == 0 && a.Summary != "" {
		body = []string{a.Summary}
	}
	var raw []string
	title := strings.TrimSpace(a.Title)
	if title != "" {
		raw = append(raw, title)
	}
	size := len(title)
	for _, p := range body {
		if size+len(p) > maxText {
			p = p[:max(0, maxText-size)]
		}
		size += len(p)
		raw = append(raw, p)
		if size >= maxText {
			break
		}
	}
	paras := text.Paragraphs(raw)
	if len(paras) == 0 {
		return nil
	}
	titled := title != "" && paras[0] == title
	ss := text.Split(paras)
	joined := text.Join(paras)
	pub := a.Published
	if pub.IsZero() {
		pub = a.Fetched
	}
	// The text's days are read on its own clock and moved onto the feed's
	// date, so the events of one article keep the day the feed gives it.
	clock, shift := pub, 0
	// Tokenise once; the dateline is read from the first sentences' tokens.
	// All sentences' tokens share one backing slice; each sentence's is
	// capped so appending to it cannot reach the next.
	toks := make([][]text.Token, len(ss))
	buf := sc.toks[:0]
	if want := len(joined)/5 + len(ss); cap(buf) < want {
		buf = make([]text.Token, 0, want)
	}
	for i, s := range ss {
		n := len(buf)
		buf = text.AppendTokens(buf, s.Text)
		toks[i] = buf[n:len(buf):len(buf)]
	}
	sc.toks = buf
	// Tag each token once with the lexicon entries that can start there.
	lex := sc.lex[:0]
	if cap(lex) < len(buf) {
		lex = make([]*wordLists, 0, cap(buf))
	}
	for _, tk := range buf {
		lex = append(lex, x.vocab[tk.Norm])
	}
	sc.lex = lex
	lexOf := make([][]*wordLists, len(ss))
	for i, n := 0, 0; i < len(ss); i++ {
		lexOf[i] = lex[n : n+len(toks[i]) : n+len(toks[i])]
		n += len(toks[i])
	}
	dl, ok := datelineDay(ss, toks, titled, pub)
	if ok {
		clock = dl.Day
		shift = int(text.Midnight(pub).Sub(dl.Day).Hours() / 24)
	}
	d := &doc{art: a, pub: text.Midnight(pub), roster: x.actors.NewPlaceRoster(x.gaz.IsPlaceWord), gaz: x.gaz, countries: map[string]countryOf{}}

	mentions := x.gaz.Find(joined, places.Hint{})
	mi := 0
	// Place keys repeat across an article's mentions; compute each once.
	keys := map[string]string{}
	key := func(name string) string {
		k, ok := keys[name]
		if !ok {
			k = placeKey(name)
			keys[name] = k
		}
		return k
	}
	for si, s := range ss {
		sn := &sentence{Sentence: s, title: titled && s.Para == 0}
		sn.toks = toks[si]
		sn.lex = lexOf[si]
		sn.nums = text.Numbers(sn.toks)
		sn.dates = text.Dates(sn.toks, clock)
		if ok && s.Index == dl.sent {
			// The dateline's own date is not an event's day.
			sn.dates = slices.DeleteFunc(sn.dates, func(dt text.Date) bool { return dt.First == dl.First })
		}
		if shift != 0 {
			for i := range sn.dates {
				sn.dates[i].Day = sn.dates[i].Day.AddDate(0, 0, shift)
			}
		}
		end := s.Start + len(s.Text)
		for mi < len(mentions) && mentions[mi].Start < s.Start {
			mi++
		}
		for k := mi; k < len(mentions) && mentions[k].Start < end; k++ {
			m := mentions[k]
			if m.End > end {
				break
			}
			sn.places = append(sn.places, placeAt{Mention: m, tok: tokenAt(sn.toks, m.Start-s.Start), nameKey: key(m.Place.Name), adminKey: key(m.Place.Admin)})
		}
		if !sn.title && len(d.sents) <= 3 && len(sn.places) > 0 {
			markDateline(sn)
		}
		names := x.actors.Read(sn.toks, d.country)
		sn.actors, sn.sources, sn.people, sn.orgs = names.Actors, names.Sources, names.People, names.Organisations
		for i, pm := range sn.people {
			sn.people[i].Person = d.roster.Add(pm.Person)
		}
		sn.background = x.isBackground(sn, d.pub)
		if !sn.background && len(d.sents) > 0 {
			prev := d.sents[len(d.sents)-1]
			sn.background = prev.background && prev.Para == sn.Para && continuesPast(sn, d.pub)
		}
		d.sents = append(d.sents, sn)
	}
	d.lead = leadEnd(d)
	d.hint = mainCountry(d.sents)
	d.named = namedSources(d.sents)
	x.attribute(d)
	return d
}

// namedSources lists the sources an article names by a name that stands
// for them wherever the story is.
func namedSources(ss []*sentence) map[string]bool {
	var named map[string]bool
	for _, s := range ss {
		for _, sm := range s.sources {
			if name, ok := sm.Anywhere(); ok {
				if named == nil {
					named = map[string]bool{}
				}
				named[name] = true
			}
		}
	}
	return named
}

// datelineDay reads the date an article's opening prints for itself
// ("Published October 17 2016 …", "AFP Wednesday 17 Sep 2014 …",
// "23-07-2016 …"). Feeds re-date items when they are edited or re-published,
// so "on Saturday" is read against the text's own date. A date
// after a preposition ("on 21 August 2013") is an event's, not the
// article's.
func datelineDay(ss []text.Sentence, all [][]text.Token, titled bool, pub time.Time) (dateline, bool) {
	seen := 0
	for si, s := range ss {
		if titled && s.Para == 0 {
			continue
		}
		if seen++; seen > 2 {
			break
		}
		toks := all[si]
		if len(toks) > 40 {
			toks = toks[:40]
		}
		for _, dt := range text.Dates(toks, pub) {
			if !dt.Year || dt.Coarse || dt.First > 30 {
				continue
			}
			// "Date of publication 11 September 2016" is the article's own.
			own := dt.First > 1 && toks[dt.First-2].Is("publication", "published", "updated")
			if dt.First > 0 && !own && toks[dt.First-1].Is("on", "in", "since", "of", "from", "until", "till", "by", "at", "before", "after", "to", "between", "and", "dated") {
				continue
			}
			return dateline{Date: dt, sent: s.Index}, true
		}
	}
	return dateline{}, false
}

// dateline is the date an article prints for itself and the sentence it
// is in.
type dateline struct {
	text.Date
	sent int
}

// markDateline marks a place that opens a sentence as a dateline when it is
// written in capitals or followed by a dash, colon or parenthesis.
func markDateline(s *sentence) {
	p := &s.places[0]
	if p.tok > 3 || p.Kind == places.KindCountry {
		return
	}
	for k := 0; k < p.tok; k++ {
		if s.toks[k].Kind == text.Word && !s.toks[k].Capitalised() {
			return
		}
	}
	next := p.tok + 1
	for next < len(s.toks) && s.toks[next].Start < p.End-s.Start {
		next++
	}
	upper := strings.ToUpper(p.Text) == p.Text && len(p.Text) > 2
	if upper || next < len(s.toks) && s.toks[next].Is("—", "–", "-", ":", "(") {
		p.dateline = true
	}
	// A dateline may name two cities ("LAHORE/ISLAMABAD, Pakistan").
	for i := 1; p.dateline && i < len(s.places); i++ {
		q := &s.places[i]
		if q.tok > s.places[i-1].tok+3 || q.tok < 1 || !s.toks[q.tok-1].Is("/", ",") && !s.toks[q.tok-1].Is("and") {
			break
		}
		q.dateline = strings.ToUpper(q.Text) == q.Text || q.Kind == places.KindCountry
	}
}

// mainCountry is the country an article's events most likely happen in, as
// a hint for ambiguous names and foreign mentions: the country whose towns
// and regions it names most, else the country it names most. Countries are
// named as often for their governments ("Russia denied", "the United States
// called for") as for where things happen; datelines say where the
// reporter is.
func mainCountry(ss []*sentence) string {
	type tally struct{ local, named int }
	count := map[string]*tally{}
	var order []string
	for _, s := range ss {
		for _, p := range s.places {
			c := p.Place.Country
			if c == "" || p.dateline {
				continue
			}
			t := count[c]
			if t == nil {
				t = &tally{}
				count[c] = t
				order = append(order, c)
			}
			if p.Kind == places.KindCountry {
				t.named++
			} else {
				t.local++
			}
		}
	}
	best := ""
	for _, c := range order {
		if best == "" || count[c].local > count[best].local || count[c].local == count[best].local && count[c].named > count[best].named {
			best = c
		}
	}
	return best
}

// tokenAt returns the index of the token covering byte offset off.
func tokenAt(toks []text.Token, off int) int {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].End > off })
	if i >= len(toks) {
		return len(toks) - 1
	}
	return i
}

// window is the span of days an article reports as news.
func inWindow(day, pub time.Time) bool {
	return !day.Before(pub.AddDate(0, 0, -3)) && !day.After(pub.AddDate(0, 0, 1))
}

// isBackground reports whether a sentence is about totals, trends or the
// past rather than the article's news.
func (x *Extractor) isBackground(s *sentence, pub time.Time) bool {
	// A sentence naming a day of the news window is news, whatever earlier
	// year a clause of it recalls: "Iran hanged two men on Tuesday over
	// protests in 2022". The day a statement was made does not count.
	news := false
	for _, dt := range s.dates {
		if !dt.Coarse && inWindow(dt.Day, pub) && !reportDate(s.toks, dt.First) {
			news = true
		}
	}
	for _, dt := range s.dates {
		// A date after publication says the feed's date is wrong, not that
		// the sentence is history.
		if !news && dt.Day.Before(pub.AddDate(0, 0, -3)) && !aside(s.toks, dt.First) {
			return true
		}
	}
	for i := range s.toks {
		if e, _ := matchEntries(s.lists(i).background, s.toks, i); e != nil && !subordinatePast(s.toks, i) {
			return true
		}
		if s.toks[i].Is("since") && sinceLong(s.toks, i+1) {
			return true
		}
		if decade(s.toks[i].Norm) {
			// "attacks in the 2000s": history.
			return true
		}
	}
	return false
}

// subordinatePast reports whether the background cue at i sits in a
// clause hung off news: "X begins a visit today after a similar trip made
// earlier this month". The main clause, before the subordinator, must name
// the news day for the cue to be set aside.
func subordinatePast(toks []text.Token, i int) bool {
	for k := i - 1; k > 0; k-- {
		if !toks[k].Is("after", "following") {
			continue
		}
		for _, tk := range toks[:k] {
			if tk.Is("today", "tonight", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday") {
				return true
			}
		}
		return false
	}
	return false
}

// sinceLong reports whether the words after "since" name a start long
// before the news: a month, a year, "mid-September", "strikes began".
// "Since Monday" is this week's news and does not count.
func sinceLong(toks []text.Token, i int) bool {
	for k := i; k < len(toks) && k < i+4; k++ {
		w := toks[k].Norm
		switch {
		case isMonth(w) || strings.HasPrefix(w, "mid-") || w == "mid":
			return true
		case toks[k].Kind == text.Digits && len(w) == 4 && (w[0] == '1' || w[0] == '2'):
			return true
		case w == "began" || w == "begun" || w == "started" || w == "start" || w == "beginning" || w == "outbreak" || w == "erupted" || w == "last":
			return true
		}
		if toks[k].Is(",", ".", ";") {
			break
		}
	}
	return false
}

// continuesPast reports whether a sentence carries on the story of the
// background sentence before it: "Its fighters seized a base then", "and
// later executed them", "at the time". A sentence naming a day of its own
// in the news window is news again.
func continuesPast(s *sentence, pub time.Time) bool {
	for _, dt := range s.dates {
		if !dt.Coarse && inWindow(dt.Day, pub) {
			return false
		}
	}
	toks := s.toks
	for i, tk := range toks {
		switch {
		case tk.Is("then") && !(i > 0 && toks[i-1].Is("since", "until", "till")):
			return true
		case tk.Is("later", "subsequently", "afterwards") && i+1 < len(toks) && !toks[i+1].Is("today", "tonight", "this"):
			return true
		case tk.Is("time") && i > 1 && toks[i-1].Is("the", "that") && toks[i-2].Is("at", "by"):
			return true
		}
	}
	return false
}

// notNews reports whether a headline opens with the label of a piece that
// reports no event ("Review: …", "OBITUARY | …"): a film about a siege is
// not a siege.
func (x *Extractor) notNews(title string) bool {
	head, _, ok := strings.Cut(title, ":")
	if !ok || len(head) > 24 {
		head, _, ok = strings.Cut(title, "|")
	}
	if !ok || len(head) > 24 {
		return false
	}
	return x.lx.notNews[strings.ToLower(strings.TrimSpace(head))]
}

// aside reports whether the token at i lies in a participial aside set off
// by commas, which describes someone rather than telling the news: "two of
// its staff, abducted in July while travelling, have been executed".
func aside(toks []text.Token, i int) bool {
	open := -1
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		if toks[k].Is(",") {
			open = k
			break
		}
	}
	if open < 1 || open+1 >= i || !strings.HasSuffix(toks[open+1].Norm, "ed") || toks[open-1].Kind != text.Word {
		return false
	}
	for k := i + 1; k < len(toks) && k <= i+14; k++ {
		if toks[k].Is(",") {
			return true
		}
		if toks[k].Is(".", ";") {
			return false
		}
	}
	return false
}

// decade reports whether a word names a decade: "2000s", "1990s".
func decade(w string) bool {
	if len(w) != 5 || w[4] != 's' || w[3] != '0' {
		return false
	}
	for _, c := range w[:4] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
