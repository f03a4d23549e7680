package story

import (
	"strings"
	"testing"

	"github.com/sitrep-bot/sitrep"
)

func TestComposeHeadlines(t *testing.T) {
	a := src("a", "Levant Wire", "2016-02-10T07:00:00Z")
	b := src("b", "Gulf Courier", "2016-02-10T09:00:00Z")
	tests := []struct {
		name    string
		reports []sitrep.Event
		want    string
		summary []string
	}{
		{"raid with a range and civilians", []sitrep.Event{
			incident("a/0", a, sitrep.KindAirstrike, douma, day("2016-02-09"), "Syrian government", killed(21, "Syrian Observatory for Human Rights"), civilians(9, "Syrian Observatory for Human Rights")),
			incident("b/0", b, sitrep.KindAirstrike, douma, day("2016-02-09"), "Syrian government", killed(30, "")),
		}, "Syrian government air strikes on Douma kill 21–30, at least 9 of them civilians",
			[]string{"9 February 2016", "21 (Syrian Observatory for Human Rights via Levant Wire)", "30 (Gulf Courier)"}},
		{"all dead civilians, children among them", []sitrep.Event{
			incident("a/0", a, sitrep.KindAirstrike, sarmin, day("2016-02-09"), "Russia", civilians(14, ""),
				sitrep.Figure{What: sitrep.FigureChildren, Value: 5}),
		}, "Russian air strikes on Sarmin kill 14 civilians, including 5 children", []string{"Sarmin (Idlib Governorate, Syria)", "killed 14 civilians"}},
		{"forces named by their country, killed and wounded", []sitrep.Event{
			incident("a/0", a, sitrep.KindAirstrike, sarmin, day("2016-02-09"), "Russian forces", civilians(14, ""),
				sitrep.Figure{What: sitrep.FigureChildren, Value: 5}, sitrep.Figure{What: sitrep.FigureWounded, Value: 30}),
		}, "Russian air strikes on Sarmin kill 14 civilians, including 5 children", []string{"including 5 children, and wounded 30"}},
		{"one child", []sitrep.Event{
			incident("a/0", a, sitrep.KindShelling, sarmin, day("2016-02-09"), "Russian forces", killed(7, ""),
				sitrep.Figure{What: sitrep.FigureChildren, Value: 1}),
		}, "Russian shelling of Sarmin kills 7, including 1 child", nil},
		{"fighters and women among the dead, people missing", []sitrep.Event{
			incident("a/0", a, sitrep.KindClash, sarmin, day("2016-02-09"), "", killed(20, ""), civilians(9, ""),
				sitrep.Figure{What: sitrep.FigureFighters, Value: 11}, sitrep.Figure{What: sitrep.FigureWomen, Value: 3},
				sitrep.Figure{What: sitrep.FigureWounded, Value: 30}, sitrep.Figure{What: sitrep.FigureMissing, Value: 4}),
		}, "Clashes in Sarmin kill 20, at least 9 of them civilians", []string{
			"killed 20 people, at least 9 of them civilians and at least 11 fighters, including 3 women, and wounded 30.",
			" 4 people missing."}},
		{"a toll of fighters alone", []sitrep.Event{
			incident("a/0", a, sitrep.KindClash, sarmin, day("2016-02-09"), "", sitrep.Figure{What: sitrep.FigureFighters, Value: 12},
				sitrep.Figure{What: sitrep.FigureAbducted, Value: 2}),
		}, "Clashes in Sarmin kill 12", []string{"killed 12 fighters.", " 2 people abducted."}},
		{"disputed perpetrator, no toll", []sitrep.Event{
			incident("a/0", a, sitrep.KindShelling, douma, day("2016-02-09"), "Syrian government"),
			incident("b/0", b, sitrep.KindShelling, douma, day("2016-02-09"), "Russia"),
		}, "Russian or Syrian government shelling of Douma", []string{"reports differ", "Reported by Levant Wire and Gulf Courier"}},
		{"meeting with its host first", []sitrep.Event{
			development("a/0", a, sitrep.KindMeeting, moscow, day("2016-02-10"),
				person("Nasser Judeh", "Foreign Minister", "Jordan"), person("Vladimir Putin", "President", "Russia")),
		}, "Putin meets Jordanian Foreign Minister Judeh in Moscow", []string{"Vladimir Putin (President, Russia)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storyOf(tt.reports...)
			if s.Headline != tt.want {
				t.Errorf("headline %q, want %q", s.Headline, tt.want)
			}
			for _, w := range tt.summary {
				if !strings.Contains(s.Summary, w) {
					t.Errorf("summary %q lacks %q", s.Summary, w)
				}
			}
		})
	}
}

func TestMatchFilter(t *testing.T) {
	a := src("a", "Levant Wire", "2016-02-10T07:00:00Z")
	raid := storyOf(incident("a/0", a, sitrep.KindAirstrike, douma, day("2016-02-09"), "Syrian government", killed(12, "")))
	meeting := storyOf(development("a/1", a, sitrep.KindMeeting, moscow, day("2016-02-10"), person("Sergei Lavrov", "Foreign Minister", "Russia")))
	tests := []struct {
		name   string
		filter sitrep.Filter
		raid   bool
		meet   bool
	}{
		{"empty", sitrep.Filter{}, true, true},
		{"country", sitrep.Filter{Regions: []string{"syria"}}, true, false},
		{"region without its level word", sitrep.Filter{Regions: []string{"Rif Dimashq"}}, true, false},
		{"kind", sitrep.Filter{Kinds: []string{"airstrike"}}, true, false},
		{"category", sitrep.Filter{Kinds: []string{"development"}}, false, true},
		{"actor by other spelling", sitrep.Filter{Actors: []string{"Lavrof"}}, false, true},
		{"perpetrator", sitrep.Filter{Actors: []string{"Syrian government"}}, true, false},
		{"keyword in headline", sitrep.Filter{Keywords: []string{"douma"}}, true, false},
		{"keyword in a source title", sitrep.Filter{Keywords: []string{"levant wire report"}}, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Match(tt.filter, raid); got != tt.raid {
				t.Errorf("raid passes = %v, want %v", got, tt.raid)
			}
			if got := Match(tt.filter, meeting); got != tt.meet {
				t.Errorf("meeting passes = %v, want %v", got, tt.meet)
			}
		})
	}
}

func TestRankPutsTheDeadlierBetterSourcedStoryFirst(t *testing.T) {
	a := src("a", "Levant Wire", "2016-02-10T07:00:00Z")
	b := src("b", "Gulf Courier", "2016-02-10T09:00:00Z")
	small := storyOf(incident("a/0", a, sitrep.KindShelling, sarmin, day("2016-02-09"), "", killed(2, "")))
	small.ID = 1
	big := storyOf(incident("a/1", a, sitrep.KindAirstrike, douma, day("2016-02-09"), "", killed(40, "")),
		incident("b/1", b, sitrep.KindAirstrike, douma, day("2016-02-09"), "", killed(45, "")))
	big.ID = 2
	stories := []sitrep.Story{small, big}
	Rank(stories, at("2016-02-10T12:00:00Z"))
	if stories[0].ID != 2 {
		t.Errorf("ranked %d first, want the 40–45 dead raid reported twice", stories[0].ID)
	}
}

func TestAirStrikesOnlyByActorsThatFly(t *testing.T) {
	a := src("a", "Levant Wire", "2016-02-10T07:00:00Z")
	b := src("b", "Gulf Courier", "2016-02-10T09:00:00Z")
	s := storyOf(
		incident("a/0", a, sitrep.KindAirstrike, douma, day("2016-02-09"), "Syrian government", killed(12, "")),
		incident("b/0", b, sitrep.KindAirstrike, douma, day("2016-02-09"), "Syrian rebels", killed(14, "")),
	)
	if len(s.Perpetrators) != 1 || s.Perpetrators[0] != "Syrian government" {
		t.Errorf("perpetrators %q, want only the Syrian government", s.Perpetrators)
	}
}
