package codec

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-bot/sitrep"
)

func sample() sitrep.Story {
	src := sitrep.Source{ArticleID: "a1", Outlet: "Levant Wire", Title: "Raid", URL: "https://a.example/1", Published: time.Date(2016, 2, 10, 7, 0, 0, 0, time.UTC)}
	figs := []sitrep.Figure{
		{What: sitrep.FigureCivilians, Value: 9, Qualifier: "at least", AttributedTo: "Syrian Observatory for Human Rights", Outlet: "Levant Wire", URL: src.URL, Sentence: "At least 9 civilians died."},
		{What: sitrep.FigureWomen, Value: 2, Outlet: "Levant Wire", URL: src.URL},
		{What: sitrep.FigureWounded, Vague: "dozens", Outlet: "Levant Wire", URL: src.URL},
	}
	ts := sitrep.TollsOf(figs)
	ts[sitrep.FigureKilled] = sitrep.Toll{Range: sitrep.Range{Min: 9, Max: 9}}
	return sitrep.Story{
		ID: 4, Category: sitrep.CategoryIncident, Kind: sitrep.KindAirstrike, Day: time.Date(2016, 2, 9, 0, 0, 0, 0, time.UTC),
		Place:        sitrep.Place{Name: "Douma", Admin: "Rif Dimashq Governorate", Country: "Syria", Lat: 33.57, Lon: 36.4, Key: "dwm"},
		Perpetrators: []string{"Syrian government", "Russia"}, Target: "rebels", Tolls: ts,
		Sources: []sitrep.Source{src}, Headline: "H", Summary: "S", Quote: "Q", Keys: []string{"place:dwm"},
		Reports: []sitrep.Event{{ID: "a1/0", Category: sitrep.CategoryIncident, Kind: sitrep.KindAirstrike, Source: src,
			Day: time.Date(2016, 2, 9, 0, 0, 0, 0, time.UTC), Figures: figs, Sentences: []string{"At least 9 civilians died."}, Confidence: 0.8}},
	}
}

// TestStoryRoundTrip: what FromStory writes reads back as the story.
func TestStoryRoundTrip(t *testing.T) {
	want := sample()
	b, err := json.Marshal(FromStory(want))
	if err != nil {
		t.Fatal(err)
	}
	var j Story
	if err := json.Unmarshal(b, &j); err != nil {
		t.Fatal(err)
	}
	if got := j.Story(); !reflect.DeepEqual(got, want) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, want)
	}
}

// TestPublicStory: a briefing prints the contract's keys (null ranges
// included), the other categories only when given, and nothing only the
// store needs.
func TestPublicStory(t *testing.T) {
	b, err := json.Marshal(Public(sample()))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"killed", "civilians_killed", "children_killed", "wounded", "women_killed", "figures", "perpetrator", "place", "date", "sources"} {
		if _, ok := m[k]; !ok {
			t.Errorf("no %q in %s", k, b)
		}
	}
	for _, k := range []string{"fighters_killed", "missing", "abducted", "participants", "reports", "keys", "category"} {
		if _, ok := m[k]; ok {
			t.Errorf("%q in %s", k, b)
		}
	}
	if m["children_killed"] != nil || m["perpetrator"] != "Syrian government / Russia (disputed)" {
		t.Errorf("children_killed %v, perpetrator %v", m["children_killed"], m["perpetrator"])
	}
	for _, hidden := range []string{"article_id", "sentence", `"key"`} {
		if strings.Contains(string(b), hidden) {
			t.Errorf("%s printed: %s", hidden, b)
		}
	}
	d := sitrep.Story{ID: 5, Category: sitrep.CategoryDevelopment, Kind: sitrep.KindMeeting,
		Participants: []sitrep.Person{{Name: "Vladimir Putin", Role: "President", Country: "Russia", Key: "ptn"}}}
	b, _ = json.Marshal(Public(d))
	if s := string(b); strings.Contains(s, "killed") || strings.Contains(s, `"key"`) || !strings.Contains(s, `"topics":[]`) || !strings.Contains(s, `"place":null`) {
		t.Errorf("development printed as %s", s)
	}
}
