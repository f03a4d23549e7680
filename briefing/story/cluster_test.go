package story

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/store"
)

// dayOfReports is one day of coverage: three outlets on one air raid with
// different tolls and spellings, a round-up with a second raid elsewhere,
// and a ministers' meeting spelled three ways.
func dayOfReports() [][]sitrep.Event {
	a := src("lw-1", "Levant Wire", "2016-02-10T07:00:00Z")
	b := src("gc-1", "Gulf Courier", "2016-02-10T09:30:00Z")
	c := src("ob-1", "Observer Daily", "2016-02-10T18:00:00Z")
	d := src("lw-2", "Levant Wire", "2016-02-10T21:00:00Z")
	duma := place("Duma", "Rif Dimashq Governorate", "Syria", 33.5711, 36.4019)
	return [][]sitrep.Event{
		{
			incident("lw-1/0", a, sitrep.KindAirstrike, douma, day("2016-02-09"), "Syrian government",
				killed(21, "Syrian Observatory for Human Rights"), civilians(9, "Syrian Observatory for Human Rights")),
			development("lw-1/1", a, sitrep.KindMeeting, moscow, day("2016-02-10"),
				person("Sergei Lavrov", "Foreign Minister", "Russia"), person("Nasser Judeh", "Foreign Minister", "Jordan")),
		},
		{
			incident("gc-1/0", b, sitrep.KindAirstrike, duma, day("2016-02-09"), "Syrian government",
				killed(25, "a local medic"), sitrep.Figure{What: sitrep.FigureKilled, Vague: "dozens"}),
			incident("gc-1/1", b, sitrep.KindShelling, sarmin, day("2016-02-09"), "", killed(4, "")),
			development("gc-1/2", b, sitrep.KindTalks, moscow, day("2016-02-10"), person("Joudeh", "", "Jordan"), person("Lavrov", "", "Russia")),
		},
		{
			incident("ob-1/0", c, sitrep.KindAirstrike, harasta, day("2016-02-09"), "Russia", killed(30, "")),
			development("ob-1/1", c, sitrep.KindVisit, sitrep.Place{}, day("2016-02-10"), person("Nasser Judah", "Foreign Minister", "Jordan")),
		},
		{
			incident("lw-2/0", d, sitrep.KindAirstrike, douma, day("2016-02-09"), "Syrian government",
				sitrep.Figure{What: sitrep.FigureKilled, Value: 27, AttributedTo: "Syrian Observatory for Human Rights", Revised: true}),
		},
	}
}

// grouping is the stories as sorted lists of event IDs, for comparing runs.
func grouping(stories []sitrep.Story) []string {
	var out []string
	for _, s := range stories {
		var ids []string
		for _, r := range s.Reports {
			ids = append(ids, r.ID)
		}
		sort.Strings(ids)
		out = append(out, strings.Join(ids, " "))
	}
	sort.Strings(out)
	return out
}

// clusterAll clusters the articles' events, in order, into a fresh SQLite
// store and returns every story it holds.
func clusterAll(t *testing.T, articles [][]sitrep.Event) []sitrep.Story {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c := NewClusterer(st, func() time.Time { return at("2016-02-11T00:00:00Z") })
	for _, evs := range articles {
		if _, err := c.AddAll(ctx, evs); err != nil {
			t.Fatal(err)
		}
	}
	stories, err := st.StoriesUpdated(ctx, time.Time{}, at("2100-01-01T00:00:00Z"))
	if err != nil {
		t.Fatal(err)
	}
	return stories
}

func TestMemoryAgreesWithTheStore(t *testing.T) {
	m := NewMemory()
	c := NewClusterer(m, func() time.Time { return at("2016-02-11T00:00:00Z") })
	for _, evs := range dayOfReports() {
		if _, err := c.AddAll(context.Background(), evs); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := grouping(m.Stories()), grouping(clusterAll(t, dayOfReports())); !slices.Equal(got, want) {
		t.Errorf("in memory %q, in SQLite %q", got, want)
	}
}

func TestClusterSameStoriesWhateverTheOrder(t *testing.T) {
	articles := dayOfReports()
	want := []string{
		"gc-1/0 lw-1/0 lw-2/0 ob-1/0",
		"gc-1/1",
		"gc-1/2 lw-1/1 ob-1/1",
	}
	orders := [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}, {1, 3, 0, 2}}
	var first map[string]string
	for _, order := range orders {
		var in [][]sitrep.Event
		for _, i := range order {
			in = append(in, articles[i])
		}
		stories := clusterAll(t, in)
		if got := grouping(stories); !slices.Equal(got, want) {
			t.Fatalf("order %v: stories %q, want %q", order, got, want)
		}
		facts := map[string]string{}
		for _, s := range stories {
			facts[grouping([]sitrep.Story{s})[0]] = s.Headline + " | " + s.Summary + " | " + s.FactsHash
		}
		if first == nil {
			first = facts
			continue
		}
		for k, v := range facts {
			if first[k] != v {
				t.Errorf("order %v: story %s reads\n%s\nbut in the first order\n%s", order, k, v, first[k])
			}
		}
	}
}

func TestClusterReconcilesTheRaid(t *testing.T) {
	var raid sitrep.Story
	for _, s := range clusterAll(t, dayOfReports()) {
		if s.Category == sitrep.CategoryIncident && len(s.Reports) > 1 {
			raid = s
		}
	}
	// The Levant Wire's revision to 27 replaces its 21; the medic's 25 and
	// the 30 stand; "dozens" is no number.
	if raid.Tolls.Range(sitrep.FigureKilled) == nil || *raid.Tolls.Range(sitrep.FigureKilled) != (sitrep.Range{Min: 25, Max: 30}) {
		t.Errorf("killed = %+v, want 25–30", raid.Tolls.Range(sitrep.FigureKilled))
	}
	if raid.Tolls.Range(sitrep.FigureCivilians) == nil || *raid.Tolls.Range(sitrep.FigureCivilians) != (sitrep.Range{Min: 9, Max: 9}) {
		t.Errorf("civilians = %+v, want 9", raid.Tolls.Range(sitrep.FigureCivilians))
	}
	if !slices.Equal(raid.Perpetrators, []string{"Syrian government", "Russia"}) {
		t.Errorf("perpetrators = %q, want both claims, most common first", raid.Perpetrators)
	}
	if raid.Place.Name != "Douma" || !raid.Day.Equal(day("2016-02-09")) {
		t.Errorf("place %q day %s, want Douma on 2016-02-09", raid.Place.Name, raid.Day)
	}
	var urls []string
	for _, s := range raid.Sources {
		urls = append(urls, s.URL)
	}
	wantURLs := []string{"https://lw-1.example/story", "https://gc-1.example/story", "https://ob-1.example/story", "https://lw-2.example/story"}
	if !slices.Equal(urls, wantURLs) {
		t.Errorf("sources %q, want %q", urls, wantURLs)
	}
	for _, f := range raid.Tolls.Figures() {
		if f.Value == 21 {
			t.Errorf("figure 21 still stands after the same reporter revised it to 27")
		}
		if f.Outlet == "" || f.URL == "" {
			t.Errorf("figure %+v lacks its outlet or link", f)
		}
	}
}

func TestClusterMergesSpellingsOfOneMinister(t *testing.T) {
	var meeting sitrep.Story
	for _, s := range clusterAll(t, dayOfReports()) {
		if s.Category == sitrep.CategoryDevelopment {
			meeting = s
		}
	}
	if len(meeting.Participants) != 2 {
		t.Fatalf("participants %+v, want Lavrov and Judeh once each", meeting.Participants)
	}
	for _, p := range meeting.Participants {
		if len(strings.Fields(p.Name)) < 2 || p.Role == "" {
			t.Errorf("participant %+v: want the full name and role over a surname-only mention", p)
		}
	}
}

func TestClusterFactsHashChangesOnlyWithFacts(t *testing.T) {
	a := src("a", "Levant Wire", "2016-02-10T07:00:00Z")
	b := src("b", "Gulf Courier", "2016-02-10T09:00:00Z")
	c := src("c", "Observer Daily", "2016-02-10T10:00:00Z")
	s := storyOf(incident("a/0", a, sitrep.KindAirstrike, douma, day("2016-02-09"), "", killed(10, "")))
	h0 := s.FactsHash
	s.Reports = append(s.Reports, incident("b/0", b, sitrep.KindAirstrike, douma, day("2016-02-09"), "", killed(10, "")))
	Reconcile(&s)
	if s.FactsHash != h0 {
		t.Errorf("a second outlet with the same toll changed the facts hash")
	}
	s.Reports = append(s.Reports, incident("c/0", c, sitrep.KindAirstrike, douma, day("2016-02-09"), "", killed(14, "")))
	Reconcile(&s)
	if s.FactsHash == h0 {
		t.Errorf("a raised toll left the facts hash unchanged")
	}
}

func TestWithoutArticleDropsItsReports(t *testing.T) {
	a := src("a", "Levant Wire", "2016-02-10T07:00:00Z")
	b := src("b", "Gulf Courier", "2016-02-10T09:00:00Z")
	s := storyOf(incident("a/0", a, sitrep.KindAirstrike, douma, day("2016-02-09"), "", killed(10, "")),
		incident("b/0", b, sitrep.KindAirstrike, douma, day("2016-02-09"), "", killed(40, "")))
	s, ok := WithoutArticle(s, "b")
	if !ok || len(s.Sources) != 1 || s.Tolls.Range(sitrep.FigureKilled).Max != 10 {
		t.Errorf("after removing b: ok %v, sources %d, killed %+v; want one source and 10", ok, len(s.Sources), s.Tolls.Range(sitrep.FigureKilled))
	}
	if _, ok := WithoutArticle(s, "a"); ok {
		t.Errorf("removing the last article left a story")
	}
}

// dayOfEvents is n incidents on one day spread over places, a few reports each.
func dayOfEvents(n int) []sitrep.Event {
	out := make([]sitrep.Event, n)
	kinds := []sitrep.Kind{sitrep.KindAirstrike, sitrep.KindShelling, sitrep.KindBombing, sitrep.KindClash}
	for i := range out {
		p := i / 3 // three reports per incident
		lat, lon := float64(p%400)*0.37-70, float64(p/400)*0.53-100
		pl := sitrep.Place{Name: fmt.Sprintf("Town %d", p), Admin: fmt.Sprintf("Region %d", p/20), Country: "Testland", Lat: lat, Lon: lon}
		s := sitrep.Source{ArticleID: fmt.Sprintf("art-%d", i), Outlet: fmt.Sprintf("Outlet %d", i%7), URL: fmt.Sprintf("https://x.example/%d", i), Published: at("2016-02-10T12:00:00Z")}
		out[i] = incident(fmt.Sprintf("e-%d", i), s, kinds[p%len(kinds)], pl, day("2016-02-09"), "", killed(5+i%4, ""))
	}
	return out
}

// BenchmarkCluster10kEventsOneDay clusters a day of 10,000 events, in
// memory (the clustering itself) and into SQLite (with storage).
func BenchmarkCluster10kEventsOneDay(b *testing.B) {
	events := dayOfEvents(10000)
	now := func() time.Time { return at("2016-02-11T00:00:00Z") }
	b.Run("memory", func(b *testing.B) {
		for b.Loop() {
			c := NewClusterer(NewMemory(), now)
			for _, e := range events {
				if _, err := c.Add(context.Background(), e); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	// A fresh database file each time, opened and closed off the clock.
	withStore := func(b *testing.B, cluster func(*store.SQLite) error) {
		for b.Loop() {
			b.StopTimer()
			st, err := store.Open(filepath.Join(b.TempDir(), "stories.db"))
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if err := cluster(st); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			st.Close()
			b.StartTimer()
		}
	}
	// One transaction per event.
	b.Run("sqlite", func(b *testing.B) {
		withStore(b, func(st *store.SQLite) error {
			c := NewClusterer(st, now)
			for _, e := range events {
				if _, err := c.Add(context.Background(), e); err != nil {
					return err
				}
			}
			return nil
		})
	})
	// One batch, as a briefing over feed files ingests: one commit in all.
	b.Run("sqlite-batch", func(b *testing.B) {
		withStore(b, func(st *store.SQLite) error {
			_, err := NewClusterer(st, now).AddAll(context.Background(), events)
			return err
		})
	})
}

// countingIndex counts the candidate lookups reaching an index.
type countingIndex struct {
	Index
	lookups int
}

func (c *countingIndex) StoryCandidates(ctx context.Context, keys []string, from, to time.Time) ([]sitrep.Story, error) {
	c.lookups++
	return c.Index.StoryCandidates(ctx, keys, from, to)
}

func TestBatchAgreesWithOneArticleAtATime(t *testing.T) {
	ctx := context.Background()
	articles := dayOfReports()
	want := grouping(clusterAll(t, articles))
	for split := range len(articles) + 1 {
		// The first articles saved one at a time, the rest in one batch that
		// must find the stored stories as well as its own.
		st, err := store.Open(filepath.Join(t.TempDir(), "stories.db"))
		if err != nil {
			t.Fatal(err)
		}
		idx := &countingIndex{Index: st}
		c := NewClusterer(idx, func() time.Time { return at("2016-02-11T00:00:00Z") })
		for _, evs := range articles[:split] {
			if _, err := c.AddAll(ctx, evs); err != nil {
				t.Fatal(err)
			}
		}
		idx.lookups = 0
		var rest []sitrep.Event
		windows := map[span]bool{}
		for _, evs := range articles[split:] {
			for _, e := range evs {
				from, to := window(e, at("2016-02-11T00:00:00Z"))
				windows[span{from, to}] = true
			}
			rest = append(rest, evs...)
		}
		if _, err := c.AddAll(ctx, rest); err != nil {
			t.Fatal(err)
		}
		// One lookup per window of days, however many events share it.
		if idx.lookups != len(windows) {
			t.Errorf("batch after %d articles: %d lookups for %d windows", split, idx.lookups, len(windows))
		}
		stories, err := st.StoriesUpdated(ctx, time.Time{}, at("2100-01-01T00:00:00Z"))
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got := grouping(stories); !slices.Equal(got, want) {
			t.Errorf("batch after %d articles: stories %q, want %q", split, got, want)
		}
	}
}
