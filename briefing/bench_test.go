package briefing

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/extract"
	"github.com/sitrep-bot/sitrep/briefing/render"
	"github.com/sitrep-bot/sitrep/briefing/story"
	"github.com/sitrep-bot/sitrep/store"
)

// BenchmarkComposeAndRenderDay composes and renders the briefing for a day
// of 10,000 articles (one event each, three outlets to an incident on
// average), from stories already stored.
func BenchmarkComposeAndRenderDay(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(":memory:")
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	now := func() time.Time { return at("2016-03-10T00:00:00Z") }
	mem := story.NewMemory()
	c := story.NewClusterer(mem, now)
	day := at("2016-03-09T00:00:00Z")
	for i := range 10000 {
		town := i / 3
		e := sitrep.Event{
			ID: fmt.Sprintf("e%d", i), Category: sitrep.CategoryIncident, Kind: sitrep.KindShelling, Day: day,
			Source:    sitrep.Source{ArticleID: fmt.Sprintf("a%d", i), Outlet: fmt.Sprintf("Outlet %d", i%13), Title: "Shelling kills several", URL: fmt.Sprintf("https://o.example/%d", i), Published: day.Add(10 * time.Hour)},
			Place:     sitrep.Place{Name: fmt.Sprintf("Town %d", town), Admin: fmt.Sprintf("Region %d", town/50), Country: "Testland", Lat: float64(town%100) * 0.4, Lon: float64(town/100) * 0.4},
			Figures:   []sitrep.Figure{{What: sitrep.FigureKilled, Value: 2 + i%9, AttributedTo: "a monitor"}},
			Sentences: []string{"Shelling killed several people in the town on Tuesday, a monitor said."},
		}
		if _, err := c.Add(ctx, e); err != nil {
			b.Fatal(err)
		}
	}
	for _, s := range mem.Stories() {
		s.ID = 0
		if err := st.SaveStory(ctx, &s); err != nil {
			b.Fatal(err)
		}
	}
	n := NewNewsroom(st, extract.Default(), now)
	w := Window{From: day, To: day.AddDate(0, 0, 2), MaxIncidents: 15, MaxDevelopments: 10}
	b.ResetTimer()
	for b.Loop() {
		br, err := n.Compose(ctx, w)
		if err != nil {
			b.Fatal(err)
		}
		if len(br.Incidents) == 0 {
			b.Fatal("empty briefing")
		}
		_ = render.JSON(io.Discard, br)
		_ = render.Markdown(io.Discard, br)
		_ = render.Discord(br)
	}
}
