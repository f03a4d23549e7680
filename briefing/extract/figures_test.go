package extract

import (
	"testing"

	sitrep "github.com/sitrep-bot/sitrep"
)

// TestChildAndCivilianCounts covers the ways wire copy counts children and
// civilians inside a toll, including copy that lost its commas.
func TestChildAndCivilianCounts(t *testing.T) {
	tests := []struct {
		name, title, para string
		what              string
		value             int
	}{
		{"children among a later toll", "", "Nine children were among at least 35 people killed when barrel bombs hit the town of Anadan on Tuesday, the monitor said.", sitrep.FigureChildren, 9},
		{"toll after children among", "", "Nine children were among at least 35 people killed when barrel bombs hit the town of Anadan on Tuesday, the monitor said.", sitrep.FigureKilled, 35},
		{"including before more wounded", "", "There are at least 40 dead including 14 children and scores more wounded, the head of the monitor said after strikes on Maarat al-Numan.", sitrep.FigureChildren, 14},
		{"a woman and children", "", "A second air strike hit the village of Kafr Nabl on Monday, killing a woman and seven children.", sitrep.FigureChildren, 7},
		{"of them without commas", "", "Air raids on the town of Saraqib killed 19 civilians six of them children activists said on Monday", sitrep.FigureChildren, 6},
		{"among them", "", "Shelling killed 12 civilians among them 5 children in the town of Douma on Monday.", sitrep.FigureChildren, 5},
		{"the dead included", "", "Government shelling hit the town of Jisr al-Shughour on Tuesday, killing 17 people. The dead included six children, medics said.", sitrep.FigureChildren, 6},
		{"members of one family", "", "Eight members of one family were killed when a shell hit their home in the town of Daraya on Monday.", sitrep.FigureCivilians, 8},
		{"headline dead and injured", "Two dead twenty injured in rocket attack on Aleppo", "Rockets fired by insurgents hit a residential district of Aleppo on Tuesday, state media said.", sitrep.FigureKilled, 2},
		{"most of them civilians", "", "Air strikes on the town of Maskanah killed 30 people, most of them civilians, on Wednesday.", sitrep.FigureKilled, 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := incidents(Default().Extract(article(tt.title, tt.para)))
			if len(evs) == 0 {
				t.Fatal("no incident")
			}
			for _, e := range evs {
				for _, f := range e.Figures {
					if f.What == tt.what && f.Value == tt.value {
						return
					}
				}
			}
			t.Errorf("want %s %d; got %+v", tt.what, tt.value, evs[0].Figures)
		})
	}
}
