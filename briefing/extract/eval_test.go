package extract

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
	sitrep "github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/extract/internal/evalset"
)

// The evaluation harness reads the shared evaluation data when it is
// present and scores extraction per article as the project's scorers do,
// so changes to patterns are measured, not guessed. It is skipped when the
// data is absent.

func sharedDir(t testing.TB) string {
	for _, d := range []string{"/work/shared", "../../../shared"} {
		if st, err := os.Stat(filepath.Join(d, "eval")); err == nil && st.IsDir() {
			return d
		}
	}
	t.Skip("evaluation data not present")
	return ""
}

var (
	paraBreak = regexp.MustCompile(`(?i)</p>|<br\s*/?>|</h[1-6]>|</li>|</div>`)
	anyTag    = regexp.MustCompile(`<[^>]*>`)
)

// feedArticles reads a feed file into articles, one paragraph per HTML block.
func feedArticles(t testing.TB, path string) []sitrep.Article {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	feed, err := gofeed.NewParser().Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []sitrep.Article
	for _, it := range feed.Items {
		body := it.Content
		if body == "" {
			body = it.Description
		}
		var paras []string
		for _, p := range strings.Split(paraBreak.ReplaceAllString(body, "\n"), "\n") {
			p = strings.TrimSpace(html.UnescapeString(anyTag.ReplaceAllString(p, " ")))
			p = strings.Join(strings.Fields(p), " ")
			if p != "" {
				paras = append(paras, p)
			}
		}
		a := sitrep.Article{ID: it.Link, URL: it.Link, Link: it.Link, Title: it.Title, Outlet: feed.Title, Paragraphs: paras}
		if it.PublishedParsed != nil {
			a.Published = *it.PublishedParsed
		} else if it.UpdatedParsed != nil {
			a.Published = *it.UpdatedParsed
		}
		out = append(out, a)
	}
	return out
}

// rangeValues is what a story built from one event would report for a
// category: the lowest and highest figure.
func rangeValues(e sitrep.Event, what string) map[int]bool {
	lo, hi := 0, 0
	for _, f := range e.Figures {
		if f.What != what || f.Value == 0 {
			continue
		}
		if lo == 0 || f.Value < lo {
			lo = f.Value
		}
		if f.Value > hi {
			hi = f.Value
		}
	}
	if hi == 0 {
		return nil
	}
	return map[int]bool{lo: true, hi: true}
}

type fakesScore struct{ n, nk, found, place, civ, chi int }

func scoreFakes(t *testing.T, x *Extractor, dir string, verbose bool) fakesScore {
	labels, err := evalset.Labels(filepath.Join(dir, "gold.csv"))
	if err != nil {
		t.Fatal(err)
	}
	arts := map[string]sitrep.Article{}
	paths, _ := filepath.Glob(filepath.Join(dir, "feeds", "*.xml"))
	for _, p := range paths {
		for _, a := range feedArticles(t, p) {
			arts[a.Link] = a
		}
	}
	var s fakesScore
	for _, l := range labels {
		civ, kids, gov := l.Civilians, l.Children, l.Governorate
		s.n++
		if kids > 0 {
			s.nk++
		}
		evs := incidentsOnly(x.Extract(arts[l.URL]))
		if len(evs) == 0 {
			if verbose {
				t.Logf("NOT FOUND %s %q", l.URL, l.Title)
			}
			continue
		}
		s.found++
		okPlace, okCiv, okKid := false, false, false
		for _, e := range evs {
			if evalset.InGovernorate(e.Place, gov) {
				okPlace = true
			}
			if rangeValues(e, sitrep.FigureCivilians)[civ] || rangeValues(e, sitrep.FigureKilled)[civ] {
				okCiv = true
			}
			if rangeValues(e, sitrep.FigureChildren)[kids] {
				okKid = true
			}
		}
		if okPlace {
			s.place++
		}
		if okCiv {
			s.civ++
		}
		if kids > 0 && okKid {
			s.chi++
		}
		if verbose && (!okPlace || !okCiv || kids > 0 && !okKid) {
			var got []string
			for _, e := range evs {
				b, _ := json.Marshal(e.Figures)
				got = append(got, string(e.Kind)+" @ "+e.Place.Name+"/"+e.Place.Admin+" "+string(b))
			}
			t.Logf("MISS place=%v civ=%v kid=%v gold %s civ=%d kids=%d %s\n  %q\n  %s", okPlace, okCiv, okKid, gov, civ, kids, l.URL, l.Title, strings.Join(got, "\n  "))
		}
	}
	return s
}

func incidentsOnly(evs []sitrep.Event) []sitrep.Event {
	var out []sitrep.Event
	for _, e := range evs {
		if e.Category == sitrep.CategoryIncident {
			out = append(out, e)
		}
	}
	return out
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Floors a little below what extraction achieves, so a regression fails.
// Reading only the lead's incidents (and the country rather than a guessed
// town) gave up a few of these for far fewer false incidents.
const (
	floorPlace     = 91
	floorCivilians = 81
	floorChildren  = 78
)

func TestEvalFakes(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "eval", "fakes")
	s := scoreFakes(t, Default(), dir, os.Getenv("EXTRACT_VERBOSE") != "")
	t.Logf("fakes: found %d/%d (%.0f%%) · place %d/%d (%.0f%%) · civilians %d/%d (%.0f%%) · children %d/%d (%.0f%%)",
		s.found, s.n, pct(s.found, s.n), s.place, s.n, pct(s.place, s.n), s.civ, s.n, pct(s.civ, s.n), s.chi, s.nk, pct(s.chi, s.nk))
	if pct(s.place, s.n) < floorPlace || pct(s.civ, s.n) < floorCivilians || pct(s.chi, s.nk) < floorChildren {
		t.Errorf("below the floor: place %.0f%% (floor %d), civilians %.0f%% (floor %d), children %.0f%% (floor %d)",
			pct(s.place, s.n), floorPlace, pct(s.civ, s.n), floorCivilians, pct(s.chi, s.nk), floorChildren)
	}
}

// seedGold is the part of seeds.json the harness checks.
type seedGold struct {
	Articles []struct {
		ID  string `json:"id"`
		URL string `json:"url"`
	} `json:"articles"`
	Incidents    []goldItem `json:"incidents"`
	Developments []goldItem `json:"developments"`
	MustNot      []struct {
		Killed []int `json:"killed"`
	} `json:"must_not_report"`
}

type goldItem struct {
	ID           string              `json:"id"`
	Required     bool                `json:"required"`
	Articles     []string            `json:"articles"`
	Place        []string            `json:"place"`
	Area         []string            `json:"area"`
	Country      string              `json:"country"`
	Dates        []string            `json:"dates"`
	Kind         []string            `json:"kind"`
	Perpetrator  []string            `json:"perpetrator"`
	Target       []string            `json:"target"`
	Killed       map[string]int      `json:"killed"`
	Civilians    map[string]int      `json:"civilians_killed"`
	Children     map[string]int      `json:"children_killed"`
	Wounded      map[string]int      `json:"wounded"`
	Participants [][]string          `json:"participants"`
	Countries    []string            `json:"countries"`
	Topics       []string            `json:"topics"`
	Extra        map[string][]string `json:"-"`
}

// checkIncident scores an event against a gold incident, field by field;
// figures are checked against the values the article's event gives.
// tally returns a function that counts a field checked, and names it
// when wrong.
func tally(pts, tot *int, wrong *[]string) func(name string, ok bool) {
	return func(name string, ok bool) {
		*tot++
		if ok {
			*pts++
		} else {
			*wrong = append(*wrong, name)
		}
	}
}

func checkIncident(g goldItem, e sitrep.Event) (pts, tot int, wrong []string) {
	point := tally(&pts, &tot, &wrong)
	point("place", evalset.HasAlias(e.Place.Name, g.Place))
	if g.Country != "" {
		point("country", evalset.HasAlias(e.Place.Country+" "+e.Place.Name, []string{g.Country}))
	}
	if len(g.Dates) > 0 {
		d := e.Day.Format("2006-01-02")
		point("date="+d, slices.Contains(g.Dates, d))
	}
	point("kind="+string(e.Kind), evalset.HasAlias(string(e.Kind), g.Kind))
	if len(g.Perpetrator) > 0 {
		point("perpetrator="+e.Perpetrator, evalset.HasAlias(e.Perpetrator, g.Perpetrator))
	}
	if len(g.Target) > 0 {
		point("target="+e.Target, evalset.HasAlias(e.Target, g.Target))
	}
	for what, want := range map[string]map[string]int{sitrep.FigureKilled: g.Killed, sitrep.FigureCivilians: g.Civilians, sitrep.FigureChildren: g.Children, sitrep.FigureWounded: g.Wounded} {
		if want == nil {
			continue
		}
		vals := map[int]bool{}
		for _, f := range e.Figures {
			if f.What == what {
				vals[f.Value] = true
			}
		}
		// Across articles a story takes min and max; one article need only give one of them.
		ok := vals[want["min"]] || vals[want["max"]]
		point(what, ok)
	}
	return pts, tot, wrong
}

func checkDevelopment(g goldItem, e sitrep.Event) (pts, tot int, wrong []string) {
	point := tally(&pts, &tot, &wrong)
	var names []string
	for _, p := range e.Participants {
		names = append(names, p.Name)
	}
	for _, grp := range g.Participants {
		point("participant "+grp[0], evalset.HasAlias(strings.Join(names, " | "), grp))
	}
	for _, c := range g.Countries {
		point("country "+c, evalset.HasAlias(strings.Join(e.Countries, " | "), []string{c}))
	}
	if len(g.Place) > 0 {
		point("place="+e.Place.Name, evalset.HasAlias(e.Place.Name, g.Place))
	}
	if len(g.Dates) > 0 {
		d := e.Day.Format("2006-01-02")
		point("date="+d, slices.Contains(g.Dates, d))
	}
	point("kind="+string(e.Kind), evalset.HasAlias(string(e.Kind), g.Kind))
	if len(g.Topics) > 0 {
		point("topics", evalset.HasAlias(strings.Join(e.Topics, " | "), g.Topics))
	}
	return pts, tot, wrong
}

func TestEvalSeeds(t *testing.T) {
	shared := sharedDir(t)
	raw, err := os.ReadFile(filepath.Join(shared, "eval", "seeds.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold seedGold
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	idByURL := map[string]string{}
	for _, a := range gold.Articles {
		idByURL[a.URL] = a.ID
	}
	events := map[string][]sitrep.Event{}
	paths, _ := filepath.Glob(filepath.Join(shared, "eval", "feeds", "*"))
	x := Default()
	for _, p := range paths {
		for _, a := range feedArticles(t, p) {
			if id, ok := idByURL[a.Link]; ok {
				events[id] = x.Extract(a)
			}
		}
	}
	verbose := os.Getenv("EXTRACT_VERBOSE") != ""
	if verbose {
		ids := make([]string, 0, len(events))
		for id := range events {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			for _, e := range events[id] {
				b, _ := json.Marshal(struct {
					Kind, Day, Perp, Target string
					Place                   sitrep.Place
					Figures                 []sitrep.Figure
					Participants            []sitrep.Person
					Countries, Topics       []string
					Sentences               []string
				}{string(e.Kind), e.Day.Format("2006-01-02"), e.Perpetrator, e.Target, e.Place, e.Figures, e.Participants, e.Countries, e.Topics, e.Sentences})
				t.Logf("%s %s", id, b)
			}
		}
	}
	reqHit, reqAll, pts, tot := 0, 0, 0, 0
	score := func(items []goldItem, cat sitrep.Category, check func(goldItem, sitrep.Event) (int, int, []string)) {
		for _, g := range items {
			if g.Required {
				reqAll++
			}
			bestP, bestT, best := -1, 0, []string(nil)
			for _, id := range g.Articles {
				for _, e := range events[id] {
					if e.Category != cat {
						continue
					}
					if cat == sitrep.CategoryIncident && !evalset.HasAlias(e.Place.Name+" "+e.Place.Admin, append(append([]string{}, g.Place...), g.Area...)) {
						continue
					}
					p, tt, w := check(g, e)
					if cat == sitrep.CategoryDevelopment && p == 0 {
						continue
					}
					if p*100/max(tt, 1) > bestP*100/max(bestT, 1) || bestP < 0 {
						bestP, bestT, best = p, tt, w
					}
				}
			}
			if bestP < 0 {
				t.Logf("MISS %s (required %v)", g.ID, g.Required)
				continue
			}
			if g.Required {
				reqHit++
			}
			pts += bestP
			tot += bestT
			t.Logf("HIT  %s (required %v): fields %d/%d wrong %v", g.ID, g.Required, bestP, bestT, best)
		}
	}
	score(gold.Incidents, sitrep.CategoryIncident, checkIncident)
	score(gold.Developments, sitrep.CategoryDevelopment, checkDevelopment)
	forbidden := 0
	for id, evs := range events {
		for _, e := range evs {
			for _, f := range e.Figures {
				for _, bad := range gold.MustNot {
					for _, v := range bad.Killed {
						if f.Value == v {
							forbidden++
							t.Errorf("FORBIDDEN %s: %d reported (%q)", id, v, f.Sentence)
						}
					}
				}
			}
		}
	}
	t.Logf("seeds: required %d/%d · fields %d/%d (%.0f%%) · forbidden %d", reqHit, reqAll, pts, tot, pct(pts, tot), forbidden)
	if reqHit < floorSeedRequired || pct(pts, tot) < floorSeedFields {
		t.Errorf("below the floor: required %d (floor %d), fields %.0f%% (floor %d)", reqHit, floorSeedRequired, pct(pts, tot), floorSeedFields)
	}
}

const (
	floorSeedRequired = 4
	floorSeedFields   = 89
)

// TestEvalDump prints what extraction finds in the articles whose link
// contains EXTRACT_DUMP, with the place mentions of each sentence.
func TestEvalDump(t *testing.T) {
	want := os.Getenv("EXTRACT_DUMP")
	if want == "" {
		t.Skip("EXTRACT_DUMP not set")
	}
	shared := sharedDir(t)
	paths, _ := filepath.Glob(filepath.Join(shared, "eval", "fakes", "feeds", "*.xml"))
	more, _ := filepath.Glob(filepath.Join(shared, "eval", "feeds", "*"))
	x := Default()
	for _, p := range append(paths, more...) {
		for _, a := range feedArticles(t, p) {
			if !strings.Contains(a.Link, want) {
				continue
			}
			d := x.read(a)
			for _, s := range d.sents {
				var ps []string
				for _, m := range s.places {
					ps = append(ps, m.Text+"→"+m.Place.Name+"/"+m.Place.Admin+"/"+m.Kind)
				}
				t.Logf("[%d bg=%v attr=%q] %s\n    places %v", s.Index, s.background, s.attrib, s.Text, ps)
			}
			for _, e := range x.Extract(a) {
				b, _ := json.Marshal(e.Figures)
				t.Logf("EVENT %s %s @ %s/%s perp=%q target=%q day=%s %s %v", e.Category, e.Kind, e.Place.Name, e.Place.Admin, e.Perpetrator, e.Target, e.Day.Format("2006-01-02"), b, e.Participants)
			}
		}
	}
}
