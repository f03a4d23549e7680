package story

import (
	"testing"

	"github.com/sitrep-bot/sitrep"
)

func storyOf(events ...sitrep.Event) sitrep.Story {
	s := sitrep.Story{ID: 1, Reports: events}
	Reconcile(&s)
	return s
}

func TestScoreDecidesWhetherAnEventJoins(t *testing.T) {
	a := src("a1", "Levant Wire", "2016-02-10T08:00:00Z")
	b := src("b1", "Gulf Courier", "2016-02-10T11:00:00Z")
	base := incident("a1-0", a, sitrep.KindAirstrike, douma, day("2016-02-09"), "Syrian government", killed(12, ""))
	tests := []struct {
		name  string
		story sitrep.Story
		event sitrep.Event
		join  bool
	}{
		{"same town, kind and day", storyOf(base),
			incident("b1-0", b, sitrep.KindAirstrike, douma, day("2016-02-09"), "Syrian government"), true},
		{"spelling variant of the town", storyOf(base),
			incident("b1-0", b, sitrep.KindAirstrike, place("Duma", "Rif Dimashq Governorate", "Syria", 33.5711, 36.4019), day("2016-02-09"), ""), true},
		{"neighbouring town a few km away", storyOf(base),
			incident("b1-0", b, sitrep.KindAirstrike, harasta, day("2016-02-09"), "Syrian government"), true},
		{"the region the town lies in", storyOf(base),
			incident("b1-0", b, sitrep.KindAirstrike, sitrep.Place{Name: "Rif Dimashq province", Country: "Syria"}, day("2016-02-09"), "Syrian government"), true},
		{"a day later by publication", storyOf(base),
			incident("b1-0", b, sitrep.KindShelling, douma, day("2016-02-10"), "Syrian government"), true},
		{"undated report", storyOf(base),
			incident("b1-0", b, sitrep.KindAirstrike, douma, sitrep.Event{}.Day, ""), true},
		{"disputed perpetrator at the same town", storyOf(base),
			incident("b1-0", b, sitrep.KindAirstrike, douma, day("2016-02-09"), "Russia"), true},
		{"two days apart", storyOf(base),
			incident("b1-0", b, sitrep.KindAirstrike, douma, day("2016-02-11"), "Syrian government"), false},
		{"another governorate", storyOf(base),
			incident("b1-0", b, sitrep.KindAirstrike, sarmin, day("2016-02-09"), "Syrian government"), false},
		{"country-wide report", storyOf(base),
			incident("b1-0", b, sitrep.KindAirstrike, syria, day("2016-02-09"), "Syrian government"), false},
		{"incompatible kind", storyOf(base),
			incident("b1-0", b, sitrep.KindAbduction, douma, day("2016-02-09"), "Syrian government"), false},
		{"villages sharing borrowed province coordinates", storyOf(incident("a1-0", a, sitrep.KindAirstrike, idlib, day("2016-02-09"), "")),
			incident("b1-0", b, sitrep.KindAirstrike, unnamedA, day("2016-02-09"), ""), true}, // Idlib city is the region's namesake
		{"a village of the town's region the next day, told as another kind", storyOf(incident("a1-0", a, sitrep.KindShelling, idlib, day("2016-02-09"), "Syrian government")),
			incident("b1-0", b, sitrep.KindBombing, sarmin, day("2016-02-10"), "Syrian government"), false},
		{"a village of the town's region the next day, told alike", storyOf(incident("a1-0", a, sitrep.KindAirstrike, idlib, day("2016-02-09"), "Syrian government")),
			incident("b1-0", b, sitrep.KindAirstrike, sarmin, day("2016-02-10"), "Syrian government"), true},
		{"an attack on civilians that does not say how", storyOf(base),
			incident("b1-0", b, sitrep.KindAttack, douma, day("2016-02-10"), ""), true},
		{"development is never an incident", storyOf(base),
			development("b1-0", b, sitrep.KindMeeting, douma, day("2016-02-09"), person("Sergei Lavrov", "", "Russia")), false},
		{"second event of the same article at another town", storyOf(base),
			incident("a1-1", a, sitrep.KindAirstrike, harasta, day("2016-02-09"), "Syrian government"), false},
		{"second mention in the same article, plainly the same", storyOf(base),
			incident("a1-1", a, sitrep.KindAirstrike, douma, day("2016-02-09"), "Syrian government"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			score, ok := Score(tt.event, tt.story)
			got := ok && score >= Threshold
			if got != tt.join {
				t.Errorf("joins = %v (score %.1f, ok %v), want %v", got, score, ok, tt.join)
			}
		})
	}
}

func TestScoreMatchesParticipantsAcrossSpellings(t *testing.T) {
	a := src("a1", "Levant Wire", "2016-02-10T08:00:00Z")
	b := src("b1", "Gulf Courier", "2016-02-10T11:00:00Z")
	base := development("a1-0", a, sitrep.KindMeeting, moscow, day("2016-02-10"),
		person("Sergei Lavrov", "Foreign Minister", "Russia"), person("Nasser Judeh", "Foreign Minister", "Jordan"))
	tests := []struct {
		name  string
		event sitrep.Event
		join  bool
	}{
		{"surname only, other spelling", development("b1-0", b, sitrep.KindTalks, moscow, day("2016-02-10"), person("Joudeh", "", "Jordan")), true},
		{"visit by one of them, next day", development("b1-0", b, sitrep.KindVisit, sitrep.Place{}, day("2016-02-11"), person("Nasser Judah", "", "Jordan")), true},
		{"nobody shared", development("b1-0", b, sitrep.KindMeeting, moscow, day("2016-02-10"), person("Ayman Safadi", "", "Jordan")), false},
		{"same people a week later", development("b1-0", b, sitrep.KindMeeting, moscow, day("2016-02-17"), person("Lavrov", "", "Russia")), false},
		{"a statement elsewhere by one of them", development("b1-0", b, sitrep.KindStatement, amman, day("2016-02-10"), person("Lavrov", "", "Russia")), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			score, ok := Score(tt.event, storyOf(base))
			if got := ok && score >= Threshold; got != tt.join {
				t.Errorf("joins = %v (score %.1f, ok %v), want %v", got, score, ok, tt.join)
			}
		})
	}
}

func TestLookupKeysFindEveryStoryAnEventCanJoin(t *testing.T) {
	// Each pair joins (see TestScoreDecidesWhetherAnEventJoins); the
	// event's lookup keys must share a key with the story's keys.
	a := src("a1", "Levant Wire", "2016-02-10T08:00:00Z")
	b := src("b1", "Gulf Courier", "2016-02-10T11:00:00Z")
	pairs := [][2]sitrep.Place{
		{douma, harasta}, {douma, rifDim}, {douma, {Name: "Rif Dimashq province", Country: "Syria"}},
		{{Name: "Rif Dimashq province", Country: "Syria"}, douma}, {idlib, sarmin}, {sarmin, idlib},
	}
	for _, p := range pairs {
		s := storyOf(incident("a1-0", a, sitrep.KindAirstrike, p[0], day("2016-02-09"), ""))
		e := incident("b1-0", b, sitrep.KindAirstrike, p[1], day("2016-02-09"), "")
		score, ok := Score(e, s)
		if !ok || score < Threshold {
			continue
		}
		if !shareKey(LookupKeys(e), s.Keys) {
			t.Errorf("%s joins a story at %s but its lookup keys %v miss the story's %v", p[1].Name, p[0].Name, LookupKeys(e), s.Keys)
		}
	}
}

func shareKey(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
