package render

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/story"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func build(id int64, reports ...sitrep.Event) sitrep.BriefedStory {
	s := sitrep.Story{ID: id, Reports: reports}
	story.Reconcile(&s)
	return sitrep.BriefedStory{Story: s}
}

// sampleBriefing is a small day: a raid three outlets report with
// different tolls, a meeting, and a one-line story, one outlet of which
// tries to ping everyone.
func sampleBriefing() sitrep.Briefing {
	hama := sitrep.Place{Name: "Hama", Admin: "Hama Governorate", Country: "Syria", Lat: 35.1318, Lon: 36.7578}
	d := at("2016-05-03T00:00:00Z")
	src := func(id, outlet, published string) sitrep.Source {
		return sitrep.Source{ArticleID: id, Outlet: outlet, Title: "Report " + id, URL: "https://" + id + ".example/news?id=7&ref=rss", Published: at(published)}
	}
	a, b, c := src("a", "Levant Wire", "2016-05-03T09:00:00Z"), src("b", "Gulf Courier", "2016-05-03T12:00:00Z"), src("c", "Tip Line <@&1234> @everyone", "2016-05-03T15:00:00Z")
	raid := build(1,
		sitrep.Event{ID: "a/0", Category: sitrep.CategoryIncident, Kind: sitrep.KindAirstrike, Source: a, Day: d, Place: hama,
			Perpetrator: "Syrian government", Target: "rebels", Sentences: []string{"At least 18 people were killed when jets struck a market in Hama on Tuesday, the Observatory said."},
			Figures: []sitrep.Figure{{What: sitrep.FigureKilled, Value: 18, Qualifier: "at least", AttributedTo: "Syrian Observatory for Human Rights"}}},
		sitrep.Event{ID: "b/0", Category: sitrep.CategoryIncident, Kind: sitrep.KindAirstrike, Source: b, Day: d, Place: hama,
			Perpetrator: "Russia", Figures: []sitrep.Figure{{What: sitrep.FigureKilled, Value: 24}, {What: sitrep.FigureCivilians, Value: 11}}},
	)
	meeting := build(2, sitrep.Event{ID: "a/1", Category: sitrep.CategoryDevelopment, Kind: sitrep.KindMeeting, Source: a, Day: d,
		Place:        sitrep.Place{Name: "Geneva", Country: "Switzerland", Lat: 46.2044, Lon: 6.1432},
		Participants: []sitrep.Person{{Name: "Staffan de Mistura", Role: "UN envoy"}, {Name: "Bashar Jaafari", Role: "Ambassador", Country: "Syria"}},
		Countries:    []string{"Syria"}, Topics: []string{"ceasefire"}})
	meeting.Update = true
	also := build(3, sitrep.Event{ID: "c/0", Category: sitrep.CategoryIncident, Kind: sitrep.KindShelling, Source: c, Day: d,
		Place: sitrep.Place{Name: "Kafr Nabudah <#42>", Admin: "Hama Governorate", Country: "Syria"}, Figures: []sitrep.Figure{{What: sitrep.FigureKilled, Value: 2}}})
	return sitrep.Briefing{From: at("2016-05-03T00:00:00Z"), To: at("2016-05-04T00:00:00Z"),
		Incidents: []sitrep.BriefedStory{raid}, Developments: []sitrep.BriefedStory{meeting}, AlsoReported: []sitrep.BriefedStory{also}}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}

func TestMarkdownGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := Markdown(&buf, sampleBriefing()); err != nil {
		t.Fatal(err)
	}
	golden(t, "briefing.md", buf.Bytes())
}

func TestJSONGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, sampleBriefing()); err != nil {
		t.Fatal(err)
	}
	golden(t, "briefing.json", buf.Bytes())
}

func TestDiscordGolden(t *testing.T) {
	b, err := json.MarshalIndent(Discord(sampleBriefing()), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "discord.json", append(b, '\n'))
}

func TestJSONFollowsTheContract(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, sampleBriefing()); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Incidents []struct {
			Date        string
			Perpetrator string
			Killed      map[string]int
			Children    any `json:"children_killed"`
			Place       map[string]any
			Sources     []map[string]string
		}
		Developments []struct {
			Participants []map[string]string
			Countries    []string
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	inc := got.Incidents[0]
	if inc.Date != "2016-05-03" || inc.Perpetrator != "Russia / Syrian government (disputed)" ||
		inc.Killed["min"] != 18 || inc.Killed["max"] != 24 || inc.Children != nil || inc.Place["name"] != "Hama" {
		t.Errorf("incident = %+v", inc)
	}
	if u := inc.Sources[0]["url"]; u != "https://a.example/news?id=7&ref=rss" {
		t.Errorf("source url %q, want the feed link exactly", u)
	}
	if len(got.Developments[0].Participants) != 2 {
		t.Errorf("developments = %+v", got.Developments)
	}
}

func TestDiscordNeverMentions(t *testing.T) {
	for _, m := range Discord(sampleBriefing()) {
		if m.AllowedMentions == nil || m.AllowedMentions.Parse == nil || len(m.AllowedMentions.Parse) != 0 {
			t.Errorf("allowed mentions %+v, want an empty parse list", m.AllowedMentions)
		}
		b, _ := json.Marshal(m)
		var text string
		if err := json.Unmarshal(b, &struct{}{}); err == nil {
			text = string(b)
		}
		for _, bad := range []string{"@everyone", "@here", "<@", "<#"} {
			if strings.Contains(text, bad) {
				t.Errorf("message contains %q: %s", bad, text)
			}
		}
	}
}

// bigBriefing has many long stories with many sources, to force splitting.
func bigBriefing(n int) sitrep.Briefing {
	var b sitrep.Briefing
	long := strings.Repeat("Residents said the strikes hit the old market and a bakery near the main square. ", 40)
	for i := range n {
		var srcs []sitrep.Source
		for j := range 60 {
			srcs = append(srcs, sitrep.Source{Outlet: fmt.Sprintf("Outlet number %d", j), URL: fmt.Sprintf("https://o%d.example/%d/a-rather-long-path-to-the-article", j, i)})
		}
		s := sitrep.BriefedStory{Story: sitrep.Story{ID: int64(i + 1), Category: sitrep.CategoryIncident,
			Headline: strings.Repeat("Headline ", 40), Summary: long, Quote: long, Sources: srcs}}
		b.Incidents = append(b.Incidents, s)
		b.AlsoReported = append(b.AlsoReported, s)
	}
	return b
}

func TestDiscordRespectsLimits(t *testing.T) {
	msgs := Discord(bigBriefing(30))
	if len(msgs) < 2 {
		t.Fatalf("%d messages, want the briefing split", len(msgs))
	}
	stories := 0
	for i, m := range msgs {
		if len(m.Embeds) > MaxEmbeds {
			t.Errorf("message %d has %d embeds", i, len(m.Embeds))
		}
		total := 0
		for _, e := range m.Embeds {
			total += EmbedLength(e)
			checkEmbed(t, e)
			if e.Title != "" {
				stories++
			}
		}
		if total > MaxEmbedsTotal {
			t.Errorf("message %d embeds total %d characters", i, total)
		}
		if utf8.RuneCountInString(m.Content) > MaxContent {
			t.Errorf("message %d content too long", i)
		}
	}
	if stories != 30 {
		t.Errorf("%d story embeds across messages, want each of 30 stories once", stories)
	}
}

func checkEmbed(t *testing.T, e *discordgo.MessageEmbed) {
	t.Helper()
	limits := []struct {
		what string
		s    string
		max  int
	}{{"title", e.Title, MaxTitle}, {"description", e.Description, MaxDescription}}
	if e.Footer != nil {
		limits = append(limits, struct {
			what string
			s    string
			max  int
		}{"footer", e.Footer.Text, MaxFooter})
	}
	if e.Author != nil {
		limits = append(limits, struct {
			what string
			s    string
			max  int
		}{"author", e.Author.Name, MaxAuthor})
	}
	for _, l := range limits {
		if n := utf8.RuneCountInString(l.s); n > l.max {
			t.Errorf("%s has %d characters, limit %d", l.what, n, l.max)
		}
	}
	if len(e.Fields) > MaxFields {
		t.Errorf("%d fields", len(e.Fields))
	}
}

func BenchmarkRenderDay(b *testing.B) {
	br := bigBriefing(200)
	for b.Loop() {
		var buf bytes.Buffer
		_ = JSON(&buf, br)
		_ = Markdown(&buf, br)
		_ = Discord(br)
	}
}
