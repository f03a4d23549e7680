package extract

import (
	"testing"
	"time"
)

// TestDatelineDateReadsRelativeDays: a feed that re-dates an item does
// not make its "on Saturday" history; the text's own date is the clock,
// and the event keeps its distance from the feed's date.
func TestDatelineDateReadsRelativeDays(t *testing.T) {
	a := article("Air strikes kill 14 in Idlib",
		"Published March 1 2016 Air strikes on the town of Saraqib in Idlib province killed 14 people on Saturday, activists said.")
	evs := incidents(Default().Extract(a)) // feed date March 10, a Thursday: Saturday is five days before
	if len(evs) == 0 {
		t.Fatal("the lead was read as background")
	}
	// Saturday before Tuesday March 1 is February 27, three days before
	// the text's date; on the feed's clock that is March 7.
	if want := time.Date(2016, 3, 7, 0, 0, 0, 0, time.UTC); !evs[0].Day.Equal(want) {
		t.Errorf("day %s, want %s", evs[0].Day.Format("2006-01-02"), want.Format("2006-01-02"))
	}
}

// TestDatelinePlaceIsNotTheEvent: the city a story is filed from yields to
// the place the lead names.
func TestDatelinePlaceIsNotTheEvent(t *testing.T) {
	tests := []struct{ name, para, want string }{
		{"capitals and dash", "DAMASCUS — Government helicopters dropped barrel bombs on Daraya on Tuesday, killing 11 people, activists said.", "Darayya"},
		{"city and colon", "Moscow: Russian jets struck the town of Saraqib on Tuesday, killing 8 people, a monitor said.", "Saraqib"},
		{"wire dateline", "BEIRUT (Reuters) - Air strikes killed 9 people in Idlib province on Tuesday, a monitor said.", "Idlib Governorate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := incidents(Default().Extract(article("", tt.para)))
			if len(evs) == 0 {
				t.Fatal("no incident")
			}
			if evs[0].Place.Name != tt.want {
				t.Errorf("placed at %q, want %q", evs[0].Place.Name, tt.want)
			}
		})
	}
}
