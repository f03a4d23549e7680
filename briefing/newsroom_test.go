package briefing

import (
	"context"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/extract"
	"github.com/sitrep-bot/sitrep/store"
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func article(id, outlet, url, title, published string, paras ...string) sitrep.Article {
	return sitrep.Article{ID: id, Outlet: outlet, URL: url, Link: url, Title: title, Published: at(published), Paragraphs: paras}
}

// homsDay is two outlets on one air raid and one ministers' meeting, and a
// third on a bombing elsewhere.
func homsDay() []sitrep.Article {
	return []sitrep.Article{
		article("lw-1", "Levant Wire", "https://levantwire.example/2016/03/09/homs-raid", "Air strikes on Homs market kill 22", "2016-03-09T08:00:00Z",
			"BEIRUT - Syrian government warplanes struck a crowded market in the city of Homs on Tuesday, killing at least 22 people, the Syrian Observatory for Human Rights said.",
			"The Britain-based monitor said nine of the dead were civilians.",
			"Separately, Russian Foreign Minister Sergei Lavrov met Jordanian Foreign Minister Nasser Judeh in Moscow on Wednesday to discuss the ceasefire."),
		article("gc-1", "Gulf Courier", "https://gulfcourier.example/news/homs-market?src=rss", "Homs air raid kills 31", "2016-03-09T16:00:00Z",
			"Air strikes by Syrian government jets on a market in Homs on Tuesday killed 31 people, a local medic told the Gulf Courier.",
			"Lavrov held talks with Judeh in Moscow on Wednesday, the Russian foreign ministry said."),
		article("od-1", "Observer Daily", "https://observer.example/a/9911", "Car bomb kills 7 in Qamishli", "2016-03-09T12:00:00Z",
			"A car bomb exploded near a checkpoint in the northeastern city of Qamishli on Tuesday, killing seven people, state media reported."),
	}
}

func newNewsroom(t *testing.T) (*Newsroom, *store.SQLite) {
	t.Helper()
	st, err := store.Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return NewNewsroom(st, extract.Default(), func() time.Time { return at("2016-03-10T00:00:00Z") }), st
}

// storySources is each story as its sorted source URLs, sorted.
func storySources(b sitrep.Briefing) []string {
	var out []string
	for _, sec := range [][]sitrep.BriefedStory{b.Incidents, b.Developments, b.AlsoReported} {
		for _, s := range sec {
			var urls []string
			for _, src := range s.Sources {
				urls = append(urls, src.URL)
			}
			sort.Strings(urls)
			out = append(out, string(s.Category)+" "+strings.Join(urls, " "))
		}
	}
	sort.Strings(out)
	return out
}

func TestNewsroomGroupsReportsWhateverTheOrder(t *testing.T) {
	ctx := context.Background()
	w := Window{From: at("2016-03-09T00:00:00Z"), To: at("2016-03-10T00:00:00Z")}
	var first []string
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}, {1, 2, 0}} {
		n, _ := newNewsroom(t)
		for _, i := range order {
			if _, err := n.Ingest(ctx, homsDay()[i]); err != nil {
				t.Fatal(err)
			}
		}
		b, err := n.Compose(ctx, Window{From: w.From, To: w.To, All: true})
		if err != nil {
			t.Fatal(err)
		}
		got := storySources(b)
		if first == nil {
			first = got
			var raid *sitrep.BriefedStory
			for i, s := range b.Incidents {
				if len(s.Sources) == 2 {
					raid = &b.Incidents[i]
				}
			}
			if raid == nil {
				t.Fatalf("no incident cites both reports of the Homs raid: %q", got)
			}
			if raid.Tolls.Range(sitrep.FigureKilled) == nil || raid.Tolls.Range(sitrep.FigureKilled).Min != 22 || raid.Tolls.Range(sitrep.FigureKilled).Max != 31 {
				t.Errorf("Homs raid killed %+v, want 22–31", raid.Tolls.Range(sitrep.FigureKilled))
			}
			if !slices.ContainsFunc(raid.Sources, func(s sitrep.Source) bool { return s.URL == "https://gulfcourier.example/news/homs-market?src=rss" }) {
				t.Errorf("sources %+v lack the feed link exactly as given", raid.Sources)
			}
			continue
		}
		if !slices.Equal(got, first) {
			t.Errorf("order %v gives stories %q, first order %q", order, got, first)
		}
	}
}

func TestNewsroomBriefsAStoryAgainOnlyWhenItChanges(t *testing.T) {
	ctx := context.Background()
	n, _ := newNewsroom(t)
	day := homsDay()
	if _, err := n.Ingest(ctx, day[0]); err != nil {
		t.Fatal(err)
	}
	w := Window{From: at("2016-03-09T00:00:00Z"), To: at("2016-03-11T00:00:00Z")}
	first, err := n.Compose(ctx, w)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Incidents) == 0 {
		t.Fatal("no incident briefed")
	}
	briefed := map[int64]string{}
	for _, s := range append(first.Incidents, first.Developments...) {
		briefed[s.ID] = s.FactsHash
	}
	w.Briefed = briefed
	again, err := n.Compose(ctx, w)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Incidents)+len(again.Developments)+len(again.AlsoReported) != 0 {
		t.Errorf("unchanged stories briefed again: %q", storySources(again))
	}
	// A later report raises the toll: the raid comes back, as an update.
	if _, err := n.Ingest(ctx, day[1]); err != nil {
		t.Fatal(err)
	}
	third, err := n.Compose(ctx, w)
	if err != nil {
		t.Fatal(err)
	}
	raid := first.Incidents[0].ID
	i := slices.IndexFunc(third.Incidents, func(s sitrep.BriefedStory) bool { return s.ID == raid })
	if i < 0 {
		t.Fatalf("raised toll not briefed: %q", storySources(third))
	}
	if !third.Incidents[i].Update || third.Incidents[i].Tolls.Range(sitrep.FigureKilled).Max != 31 {
		t.Errorf("update %v killed %+v, want an update to 31", third.Incidents[i].Update, third.Incidents[i].Tolls.Range(sitrep.FigureKilled))
	}
}

func TestNewsroomReingestReplacesAnArticlesReports(t *testing.T) {
	ctx := context.Background()
	n, st := newNewsroom(t)
	a := homsDay()[0]
	for range 2 {
		if _, err := n.Ingest(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	stories, err := st.StoriesForArticle(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stories {
		if len(s.Reports) != 1 {
			t.Errorf("story %q holds %d reports from one article ingested twice", s.Headline, len(s.Reports))
		}
	}
}

func TestNewsroomRejectsAnArticleWithoutID(t *testing.T) {
	n, _ := newNewsroom(t)
	if _, err := n.Ingest(context.Background(), sitrep.Article{URL: "https://x.example/"}); err == nil {
		t.Error("an article without an ID was ingested")
	}
}

func TestBriefKeepsToTheWindow(t *testing.T) {
	n, _ := newNewsroom(t)
	day := homsDay()
	late := article("late", "Levant Wire", "https://levantwire.example/late", "Shelling kills 4 in Daraa", "2016-03-12T08:00:00Z",
		"Shelling killed four people in the southern city of Daraa on Saturday, activists said.")
	b, err := n.Brief(context.Background(), append(day, late), Window{From: at("2016-03-09T00:00:00Z"), To: at("2016-03-10T00:00:00Z")})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range storySources(b) {
		if strings.Contains(s, "/late") {
			t.Errorf("an article published after the window was briefed: %s", s)
		}
	}
	if len(b.Incidents) < 2 {
		t.Errorf("incidents %q, want the Homs raid and the Qamishli bombing", storySources(b))
	}
}
