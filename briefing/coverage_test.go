package briefing

import (
	"cmp"
	"context"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/extract"
	"github.com/sitrep-bot/sitrep/feeds"
	"github.com/sitrep-bot/sitrep/store"
)

// The coverage set (testdata/coverage) is four days of news from six
// outlets outside Syria: a wire agency, a broadcaster, two regional papers,
// a local paper and an aid group. Several events are reported by several of
// them with different tolls, spellings (Kharkiv/Kharkov, Zelensky/
// Zelenskyy/Zelenskiy, Hodeidah/Hudaydah, El Fasher/Al-Fashir,
// Sergei/Sergey), places (a city, its region, a district, a camp or port
// near it) and datelines; the wire revises its own toll the next day. Two
// strikes hit Kharkiv on consecutive days, and Ukraine and Gaza each have
// two incidents on one day: these must stay apart.

// coverageStory is one expected story: the links of the articles reporting
// it and, for an incident, the killed range across them.
type coverageStory struct {
	name     string
	category sitrep.Category
	links    []string
	killed   *sitrep.Range
}

const (
	cpa = "https://continental-press.example/world/2025/"
	wsr = "https://wsr.example/news/"
	kp  = "https://kharkivpost.example/2025/"
	ec  = "https://eurasiacourier.example/news/"
	gh  = "https://gulfherald.example/region/"
	rw  = "https://reliefwatch.example/updates/"
)

func killedRange(lo, hi int) *sitrep.Range { return &sitrep.Range{Min: lo, Max: hi} }

// coverageWant is the grouping a careful reader gives the coverage set.
// Articles that report no incident or development (a power cut restored, a
// cholera update, a capsized boat with people missing) are in no story.
var coverageWant = []coverageStory{
	{"Kharkiv missile strike, Monday", sitrep.CategoryIncident, []string{
		cpa + "11/10/russian-missile-strike-kharkiv-apartment-block",
		cpa + "11/11/death-toll-russian-strike-kharkiv-rises",
		wsr + "world-europe-70011842",
		kp + "11/10/seven-dead-missile-saltivka/",
		ec + "2025-11-10/nine-killed-missile-strike-kharkov",
	}, killedRange(7, 11)}, // the wire's 6 is revised to 11
	{"Kharkiv glide bombs, Tuesday", sitrep.CategoryIncident, []string{
		cpa + "11/11/death-toll-russian-strike-kharkiv-rises",
		wsr + "world-europe-70013504",
		kp + "11/11/glide-bombs-industrialnyi-district/",
	}, killedRange(2, 3)},
	{"Odesa drone attack, Monday", sitrep.CategoryIncident, []string{
		cpa + "11/10/russian-drone-attack-odesa-port",
		ec + "2025-11-10/drones-attack-odessa-port",
	}, killedRange(2, 3)},
	{"Gaza City school strike, Monday", sitrep.CategoryIncident, []string{
		cpa + "11/10/israeli-strike-gaza-city-school",
		wsr + "world-middle-east-70012210",
		gh + "israeli-strike-gaza-city-school-shelter-kills-27-1.4471203",
		rw + "gaza-school-shelter-strike",
	}, killedRange(20, 27)},
	{"Khan Younis house strike, Monday", sitrep.CategoryIncident, []string{
		cpa + "11/10/israeli-strike-khan-yunis-home",
		gh + "eight-members-of-one-family-killed-in-khan-younis-strike-1.4471260",
	}, killedRange(7, 8)},
	{"Hodeidah strikes, Tuesday", sitrep.CategoryIncident, []string{
		cpa + "11/11/us-british-strikes-hodeidah",
		wsr + "world-middle-east-70013781",
		gh + "us-uk-jets-pound-houthi-targets-ras-isa-1.4471598",
	}, killedRange(3, 6)},
	{"El Fasher shelling, Wednesday", sitrep.CategoryIncident, []string{
		cpa + "11/12/rsf-shelling-el-fasher",
		wsr + "world-africa-70014930",
		rw + "sudan-al-fashir-shelling",
	}, killedRange(12, 15)},
	{"Belgorod drone strike, Wednesday", sitrep.CategoryIncident, []string{
		wsr + "world-europe-70014102",
		ec + "2025-11-12/drone-attack-belgorod",
	}, killedRange(1, 1)},
	{"Maiduguri market bombing", sitrep.CategoryIncident, []string{
		cpa + "11/13/suicide-bomber-market-maiduguri",
	}, killedRange(9, 9)},
	{"Bannu checkpoint attack", sitrep.CategoryIncident, []string{
		wsr + "world-asia-70012977",
	}, killedRange(5, 5)},
	{"Kupiansk shelling", sitrep.CategoryIncident, []string{
		kp + "11/13/shelling-kupiansk-woman-killed/",
	}, killedRange(1, 1)},
	{"Kirkuk roadside bomb", sitrep.CategoryIncident, []string{
		gh + "roadside-bomb-kills-two-iraqi-soldiers-kirkuk-1.4472077",
	}, killedRange(2, 2)},
	{"North Kordofan village attack", sitrep.CategoryIncident, []string{
		rw + "sudan-north-kordofan-village-attack",
	}, killedRange(20, 20)},
	{"Zelensky meets Stubb in Kyiv", sitrep.CategoryDevelopment, []string{
		cpa + "11/12/zelenskiy-meets-stubb-kyiv",
		wsr + "world-europe-70014458",
		kp + "11/12/zelenskyy-stubb-air-defense/",
	}, nil},
	{"Lavrov and Fidan phone call", sitrep.CategoryDevelopment, []string{
		cpa + "11/11/lavrov-fidan-phone-call",
		ec + "2025-11-11/lavrov-fidan-telephone-conversation",
	}, nil},
	{"Burhan receives Saudi foreign minister", sitrep.CategoryDevelopment, []string{
		cpa + "11/13/burhan-saudi-foreign-minister-port-sudan",
		gh + "sudan-al-burhan-saudi-foreign-minister-jeddah-talks-1.4472010",
	}, nil},
	{"Egyptian and Qatari ministers meet", sitrep.CategoryDevelopment, []string{
		gh + "egyptian-qatari-foreign-ministers-meet-cairo-1.4471844",
	}, nil},
	{"Kazakh-Uzbek water agreement", sitrep.CategoryDevelopment, []string{
		ec + "2025-11-13/tokayev-mirziyoyev-water-agreement",
	}, nil},
}

var coverageWindow = Window{From: at("2025-11-10T00:00:00Z"), To: at("2025-11-14T00:00:00Z")}

// coverageArticles parses the coverage feeds as a poller would.
func coverageArticles(t *testing.T) []sitrep.Article {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "coverage", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no coverage feeds: %v", err)
	}
	var out []sitrep.Article
	for _, f := range files {
		p, err := feeds.ParseFile(f, coverageWindow.To)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p.Articles...)
	}
	return out
}

func coverageNewsroom(t *testing.T) *Newsroom {
	t.Helper()
	st, err := store.Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return NewNewsroom(st, extract.Default(), func() time.Time { return coverageWindow.To })
}

// briefedStories is every story of a briefing, in all sections.
func briefedStories(b sitrep.Briefing) []sitrep.BriefedStory {
	return slices.Concat(b.Incidents, b.Developments, b.AlsoReported)
}

// links is a story's source links, sorted.
func links(s sitrep.Story) []string {
	var out []string
	for _, src := range s.Sources {
		out = append(out, src.URL)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// pairs is every unordered pair of links that share a story.
func pairs(groups [][]string) map[[2]string]bool {
	out := map[[2]string]bool{}
	for _, g := range groups {
		for i, a := range g {
			for _, b := range g[i+1:] {
				out[[2]string{min(a, b), max(a, b)}] = true
			}
		}
	}
	return out
}

// coverageScore is how close a briefing's grouping comes to coverageWant.
type coverageScore struct {
	precision, recall float64
	hit, got, want    int // pairs: right, formed, expected
	exact, killed     int
	wrong             []string // expected stories not formed exactly, and why
}

func scoreCoverage(b sitrep.Briefing) coverageScore {
	var got, want [][]string
	byLinks := map[string]sitrep.BriefedStory{}
	for _, s := range briefedStories(b) {
		l := links(s.Story)
		got = append(got, l)
		byLinks[string(s.Category)+" "+strings.Join(l, " ")] = s
	}
	var sc coverageScore
	for _, w := range coverageWant {
		l := slices.Sorted(slices.Values(w.links))
		want = append(want, l)
		s, ok := byLinks[string(w.category)+" "+strings.Join(l, " ")]
		if !ok {
			sc.wrong = append(sc.wrong, w.name+": not formed exactly")
			continue
		}
		sc.exact++
		switch {
		case w.killed == nil:
			sc.killed++
		case s.Tolls.Range(sitrep.FigureKilled) != nil && *s.Tolls.Range(sitrep.FigureKilled) == *w.killed:
			sc.killed++
		default:
			sc.wrong = append(sc.wrong, w.name+": killed "+rangeText(s.Tolls.Range(sitrep.FigureKilled))+", want "+rangeText(w.killed))
		}
	}
	gp, wp := pairs(got), pairs(want)
	hit := 0
	for p := range gp {
		if wp[p] {
			hit++
		}
	}
	sc.hit, sc.got, sc.want = hit, len(gp), len(wp)
	sc.precision, sc.recall = ratio(hit, len(gp)), ratio(hit, len(wp))
	return sc
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func rangeText(r *sitrep.Range) string {
	if r == nil {
		return "none"
	}
	return strconv.Itoa(r.Min) + "–" + strconv.Itoa(r.Max)
}

// grouping is a briefing's stories as category and sorted links, sorted.
func grouping(b sitrep.Briefing) []string {
	var out []string
	for _, s := range briefedStories(b) {
		out = append(out, string(s.Category)+" "+strings.Join(links(s.Story), " "))
	}
	sort.Strings(out)
	return out
}

// Floors the coverage set reaches; a change to extraction or clustering that
// loses any of it fails here.
const (
	coverageMinPrecision = 1.00 // 33/33
	coverageMinRecall    = 1.00 // 33/33
	coverageMinExact     = 18
	coverageMinKilled    = 18
)

func TestCoverageGroupsOtherWars(t *testing.T) {
	articles := coverageArticles(t)
	b, err := coverageNewsroom(t).Brief(context.Background(), articles, coverageWindow)
	if err != nil {
		t.Fatal(err)
	}
	sc := scoreCoverage(b)
	t.Logf("coverage: %d articles, %d stories; pairs precision %.2f (%d/%d) recall %.2f (%d/%d); stories exactly right %d/%d, with the right killed range %d",
		len(articles), len(briefedStories(b)), sc.precision, sc.hit, sc.got, sc.recall, sc.hit, sc.want, sc.exact, len(coverageWant), sc.killed)
	for _, w := range sc.wrong {
		t.Logf("  %s", w)
	}
	if testing.Verbose() {
		for _, s := range briefedStories(b) {
			t.Logf("  %s %s %s %s killed %s: %s", s.Category, s.Kind, s.Day.Format(time.DateOnly), s.Place.Name, rangeText(s.Tolls.Range(sitrep.FigureKilled)), strings.Join(links(s.Story), " "))
		}
	}
	if sc.precision < coverageMinPrecision || sc.recall < coverageMinRecall {
		t.Errorf("pairs precision %.2f recall %.2f, want at least %.2f and %.2f", sc.precision, sc.recall, coverageMinPrecision, coverageMinRecall)
	}
	if sc.exact < coverageMinExact || sc.killed < coverageMinKilled {
		t.Errorf("%d stories exactly right, %d with the right toll; want at least %d and %d", sc.exact, sc.killed, coverageMinExact, coverageMinKilled)
	}
}

func TestCoverageGroupsTheSameWhateverTheOrder(t *testing.T) {
	ctx := context.Background()
	b, err := coverageNewsroom(t).Brief(ctx, coverageArticles(t), coverageWindow)
	if err != nil {
		t.Fatal(err)
	}
	want := grouping(b)
	newestFirst := coverageArticles(t)
	slices.SortStableFunc(newestFirst, func(a, b sitrep.Article) int {
		return cmp.Or(b.Published.Compare(a.Published), cmp.Compare(b.ID, a.ID))
	})
	orders := []struct {
		name     string
		articles []sitrep.Article
	}{
		// A poller catching up on a backlog may see the newest first.
		{"newest first", newestFirst},
		// A first poll takes one outlet's feed after another.
		{"feed by feed", coverageArticles(t)},
	}
	for _, o := range orders {
		n := coverageNewsroom(t)
		for _, a := range o.articles {
			if _, err := n.Ingest(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		got, err := n.Compose(ctx, Window{All: true, To: coverageWindow.To})
		if err != nil {
			t.Fatal(err)
		}
		if g := grouping(got); !slices.Equal(g, want) {
			t.Errorf("%s gives\n%s\noldest first\n%s", o.name, strings.Join(g, "\n"), strings.Join(want, "\n"))
		}
	}
}
