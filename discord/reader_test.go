package discord

import (
	"strings"
	"testing"

	"github.com/sitrep-bot/sitrep"
)

// TestStoryFiguresByCategory: /story gives each category's range in its
// toll line and lists the figures under their category.
func TestStoryFiguresByCategory(t *testing.T) {
	ts := sitrep.TollsOf([]sitrep.Figure{
		{What: sitrep.FigureCivilians, Value: 9, AttributedTo: "Syrian Observatory for Human Rights", Outlet: "Levant Wire"},
		{What: sitrep.FigureCivilians, Value: 12, Outlet: "Gulf Courier"},
		{What: sitrep.FigureWomen, Value: 3, Outlet: "Gulf Courier"},
		{What: sitrep.FigureMissing, Vague: "dozens", Outlet: "Gulf Courier"},
	})
	ts[sitrep.FigureKilled] = sitrep.Toll{Range: sitrep.Range{Min: 9, Max: 12}}
	s := &sitrep.Story{ID: 3, Category: sitrep.CategoryIncident, Kind: sitrep.KindShelling, Tolls: ts}
	var text strings.Builder
	for _, m := range storyMessages(s) {
		for _, e := range m.Embeds {
			text.WriteString(e.Description + "\n")
		}
	}
	got := text.String()
	for _, want := range []string{
		"**Toll**: 9–12 killed, 9–12 civilians, 3 women\n",
		"__9–12 civilians killed__\n• 9 civilians killed, according to Syrian Observatory for Human Rights (Levant Wire)\n• 12 civilians killed (Gulf Courier)\n",
		"__3 women killed__\n• 3 women killed (Gulf Courier)\n",
		"__missing__\n• dozens missing (Gulf Courier)\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("story lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "__9–12 killed__") {
		t.Errorf("a stand-in total is listed as a category of figures:\n%s", got)
	}
	if line := storyLine(s, 0); !strings.Contains(line, "9–12 killed, 9–12 civilians, 3 women") {
		t.Errorf("story line %q lacks the women's toll", line)
	}
	if line := storyLine(s, 0); strings.Contains(line, "unconfirmed") {
		t.Errorf("story line %q is marked unconfirmed with no threshold", line)
	}
	if s.Category == sitrep.CategoryIncident {
		if line := storyLine(s, s.Confidence()+0.01); !strings.Contains(line, "unconfirmed") {
			t.Errorf("story line %q below the threshold is not marked unconfirmed", line)
		}
	} else {
		t.Errorf("the test story is a %s, want an incident", s.Category)
	}
}
