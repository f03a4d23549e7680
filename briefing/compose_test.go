package briefing

import (
	"fmt"
	"testing"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/story"
)

func incidentStory(id int64, place string, killed int, outlets ...string) sitrep.Story {
	var reports []sitrep.Event
	for i, o := range outlets {
		reports = append(reports, sitrep.Event{
			ID: fmt.Sprintf("%d/%d", id, i), Category: sitrep.CategoryIncident, Kind: sitrep.KindShelling,
			Source:  sitrep.Source{ArticleID: fmt.Sprintf("%d-%d", id, i), Outlet: o, URL: fmt.Sprintf("https://%d.example/%d", id, i)},
			Place:   sitrep.Place{Name: place, Admin: place + " Governorate", Country: "Syria"},
			Figures: []sitrep.Figure{{What: sitrep.FigureKilled, Value: killed}},
		})
	}
	s := sitrep.Story{ID: id, Reports: reports, Updated: at("2016-03-09T12:00:00Z")}
	story.Reconcile(&s)
	return s
}

func TestSelectRanksFiltersAndCaps(t *testing.T) {
	stories := []sitrep.Story{
		incidentStory(1, "Daraa", 3, "Levant Wire"),
		incidentStory(2, "Homs", 40, "Levant Wire", "Gulf Courier"),
		incidentStory(3, "Hama", 12, "Gulf Courier"),
		incidentStory(4, "Idlib", 80, "Observer Daily"),
	}
	tests := []struct {
		name string
		w    Window
		main []int64
		also []int64
	}{
		{"ranked, no cap", Window{}, []int64{4, 2, 3, 1}, nil},
		{"capped", Window{MaxIncidents: 2}, []int64{4, 2}, []int64{3, 1}},
		{"filtered by region", Window{Filter: sitrep.Filter{Regions: []string{"Homs"}}}, []int64{2}, nil},
		{"briefed unchanged is left out", Window{Briefed: map[int64]string{4: stories[3].FactsHash}}, []int64{2, 3, 1}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Select(stories, tt.w, at("2016-03-10T00:00:00Z"))
			if got := ids(b.Incidents); fmt.Sprint(got) != fmt.Sprint(tt.main) {
				t.Errorf("incidents %v, want %v", got, tt.main)
			}
			if got := ids(b.AlsoReported); fmt.Sprint(got) != fmt.Sprint(tt.also) {
				t.Errorf("also reported %v, want %v", got, tt.also)
			}
		})
	}
}

func TestSelectMarksChangedStoriesAsUpdates(t *testing.T) {
	s := incidentStory(7, "Homs", 40, "Levant Wire")
	b := Select([]sitrep.Story{s}, Window{Briefed: map[int64]string{7: "an older hash"}}, at("2016-03-10T00:00:00Z"))
	if len(b.Incidents) != 1 || !b.Incidents[0].Update {
		t.Errorf("briefing %+v, want the story once, marked as an update", b.Incidents)
	}
}

func ids(stories []sitrep.BriefedStory) []int64 {
	var out []int64
	for _, s := range stories {
		out = append(out, s.ID)
	}
	return out
}

// TestSelectHoldsBackUnconfirmedIncidents: an incident whose surest report
// is below the threshold is listed as unconfirmed, not briefed; one clear
// report among weak ones is enough.
func TestSelectHoldsBackUnconfirmedIncidents(t *testing.T) {
	weak := incidentStory(1, "Daraa", 3, "Levant Wire")
	mixed := incidentStory(2, "Homs", 40, "Levant Wire", "Gulf Courier")
	weak.Reports[0].Confidence = 0.3
	mixed.Reports[0].Confidence, mixed.Reports[1].Confidence = 0.2, 0.9
	b := Select([]sitrep.Story{weak, mixed}, Window{MinConfidence: 0.8}, at("2016-03-10T00:00:00Z"))
	if got := ids(b.Incidents); fmt.Sprint(got) != "[2]" {
		t.Errorf("incidents %v, want [2]", got)
	}
	if got := ids(b.Unconfirmed); fmt.Sprint(got) != "[1]" {
		t.Errorf("unconfirmed %v, want [1]", got)
	}
}
