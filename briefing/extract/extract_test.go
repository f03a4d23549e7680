package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"

	sitrep "github.com/sitrep-bot/sitrep"
)

// pub is a Thursday.
var pub = time.Date(2016, 3, 10, 14, 0, 0, 0, time.UTC)

func article(title string, paras ...string) sitrep.Article {
	return sitrep.Article{ID: "a1", Title: title, Outlet: "Wire", Link: "https://wire.example/1", Paragraphs: paras, Published: pub}
}

func incidents(evs []sitrep.Event) []sitrep.Event {
	var out []sitrep.Event
	for _, e := range evs {
		if e.Category == sitrep.CategoryIncident {
			out = append(out, e)
		}
	}
	return out
}

func figure(e sitrep.Event, what string) (sitrep.Figure, bool) {
	for _, f := range e.Figures {
		if f.What == what {
			return f, true
		}
	}
	return sitrep.Figure{}, false
}

// largest is the largest figure of one kind an event gives, 0 for none.
func largest(e sitrep.Event, what string) int {
	n := 0
	for _, f := range e.Figures {
		if f.What == what && f.Value > n {
			n = f.Value
		}
	}
	return n
}

func TestIncidentKindPlaceDayActors(t *testing.T) {
	tests := []struct {
		name, para   string
		kind         sitrep.Kind
		place, admin string
		day          string
		perp, target string
	}{
		{"air strike by government", "BEIRUT (Reuters) - Syrian government warplanes struck the town of Douma on Tuesday, killing 14 people, a monitor said.",
			sitrep.KindAirstrike, "Douma", "Rif Dimashq Governorate", "2016-03-08", "Syrian government", ""},
		{"shelling of IS-held city", "Turkish artillery shelled IS-held positions near Jarablus on Wednesday, the army said.",
			sitrep.KindShelling, "Jarablus", "Aleppo Governorate", "2016-03-09", "Turkish army", "Islamic State"},
		{"car bomb", "A car bomb exploded near a checkpoint in Homs yesterday, killing five soldiers.",
			sitrep.KindBombing, "Homs", "Homs Governorate", "2016-03-09", "", ""},
		{"suicide attack", "A suicide bomber blew himself up at a mosque in Qamishli today, killing at least 20 worshippers.",
			sitrep.KindSuicideAttack, "Qamishli", "Al-Hasakah Governorate", "2016-03-10", "", ""},
		{"execution", "Islamic State militants executed 12 men in the town of al-Bab on Monday, activists said.",
			sitrep.KindExecution, "al-Bab", "Aleppo Governorate", "2016-03-07", "Islamic State", ""},
		{"chemical attack", "At least 30 people suffocated in a chlorine gas attack on Saraqeb in Idlib province last night, medics said.",
			sitrep.KindChemicalAttack, "", "Idlib Governorate", "2016-03-09", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := incidents(Default().Extract(article("", tt.para)))
			if len(evs) != 1 {
				t.Fatalf("got %d incidents: %+v", len(evs), evs)
			}
			e := evs[0]
			if e.Kind != tt.kind {
				t.Errorf("kind %q, want %q", e.Kind, tt.kind)
			}
			if tt.place != "" && !strings.EqualFold(e.Place.Name, tt.place) && !strings.Contains(strings.ToLower(e.Place.Name), strings.ToLower(strings.TrimPrefix(tt.place, "al-"))) {
				t.Errorf("place %q, want %q", e.Place.Name, tt.place)
			}
			if e.Place.Admin != tt.admin {
				t.Errorf("admin %q, want %q", e.Place.Admin, tt.admin)
			}
			if got := e.Day.Format("2006-01-02"); got != tt.day {
				t.Errorf("day %s, want %s", got, tt.day)
			}
			if e.Perpetrator != tt.perp || e.Target != tt.target {
				t.Errorf("perpetrator %q target %q, want %q %q", e.Perpetrator, e.Target, tt.perp, tt.target)
			}
			if len(e.Sentences) == 0 || e.Source.URL != "https://wire.example/1" || e.ID != "a1#1" {
				t.Errorf("provenance missing: %+v", e)
			}
		})
	}
}

func TestCasualtyFigures(t *testing.T) {
	type want struct {
		what  string
		value int
		vague string
		qual  string
	}
	tests := []struct {
		name string
		para string
		want []want
	}{
		{"nested children", "Russian air strikes on the town of Maarat al-Numan killed 41 civilians, including 17 children, on Tuesday.",
			[]want{{sitrep.FigureCivilians, 41, "", ""}, {sitrep.FigureChildren, 17, "", ""}, {sitrep.FigureKilled, 41, "", ""}}},
		{"killed and wounded", "Shelling on Aleppo's Salaheddine district killed 9 people and wounded 30 others, state television said.",
			[]want{{sitrep.FigureKilled, 9, "", ""}, {sitrep.FigureWounded, 30, "", ""}}},
		{"passive with qualifier", "At least 23 people were killed and dozens were wounded in barrel bomb attacks on Daraa on Wednesday.",
			[]want{{sitrep.FigureKilled, 23, "", "at least"}, {sitrep.FigureWounded, 0, "dozens", ""}}},
		{"words and among", "Two dozen people died in the raids on Douma, and eight children were among the dead.",
			[]want{{sitrep.FigureKilled, 24, "", ""}, {sitrep.FigureChildren, 8, "", ""}}},
		{"lost comma of them", "The toll from the air strikes on Raqqa has risen to 37 12 of them children the monitor said.",
			[]want{{sitrep.FigureKilled, 37, "", ""}, {sitrep.FigureChildren, 12, "", ""}}},
		{"vague share kept as words", "Air strikes on Manbij killed 40 people, half of them civilians, on Monday.",
			[]want{{sitrep.FigureKilled, 40, "", ""}, {sitrep.FigureCivilians, 0, "half of them", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := incidents(Default().Extract(article("", tt.para)))
			if len(evs) != 1 {
				t.Fatalf("got %d incidents", len(evs))
			}
			for _, w := range tt.want {
				f, ok := figure(evs[0], w.what)
				if !ok || f.Value != w.value || f.Vague != w.vague || f.Qualifier != w.qual {
					t.Errorf("%s: got %+v (found %v), want %+v; all %+v", w.what, f, ok, w, evs[0].Figures)
				}
			}
		})
	}
}

func TestAttributionAndRevision(t *testing.T) {
	tests := []struct {
		para, want string
		revised    bool
	}{
		{"Air strikes killed 18 people in Idlib on Monday, according to the Britain-based Syrian Observatory for Human Rights.", "Syrian Observatory for Human Rights", false},
		{"Air strikes killed 18 people in Idlib on Monday, the Observatory said.", "Syrian Observatory for Human Rights", false},
		{"A rebel commander in the town told Reuters that the shelling had killed 11 fighters on Monday.", "a rebel commander", false},
		{"The death toll from Monday's car bomb in Azaz rose to 52, SOHR said.", "Syrian Observatory for Human Rights", true},
		{"Shelling killed four people in Daraa on Monday, activists said.", "activists", false},
	}
	for _, tt := range tests {
		evs := incidents(Default().Extract(article("", tt.para)))
		if len(evs) != 1 || len(evs[0].Figures) == 0 {
			t.Errorf("%q: no incident with figures: %+v", tt.para, evs)
			continue
		}
		f := evs[0].Figures[0]
		if f.AttributedTo != tt.want || f.Revised != tt.revised || f.Sentence == "" {
			t.Errorf("%q: attributed %q revised %v, want %q %v", tt.para, f.AttributedTo, f.Revised, tt.want, tt.revised)
		}
	}
}

func TestBackgroundIsNotNews(t *testing.T) {
	for _, para := range []string{
		"The conflict has killed more than 250,000 people since it began in March 2011.",
		"In late August, the jihadists seized the Tabqa air base and executed scores of soldiers.",
		"Government forces have stepped up their air strikes on rebel areas in recent weeks.",
		"Nine days ago, rebels shelled the town of Fuaa, killing seven people.",
	} {
		if evs := incidents(Default().Extract(article("", para))); len(evs) != 0 {
			t.Errorf("%q reported as news: %+v", para, evs)
		}
	}
}

func TestSameIncidentMergesAcrossSentences(t *testing.T) {
	a := article("Air strikes kill 30 in Syria's Idlib",
		"Syrian warplanes struck a market in the town of Ariha in Idlib province on Wednesday, killing at least 30 people, the Syrian Observatory for Human Rights said.",
		"A civil defence worker in Ariha told AFP the strikes had killed 34 people, among them 9 children.",
		"Separately, a car bomb exploded in the city of Azaz near the Turkish border, killing six.")
	evs := incidents(Default().Extract(a))
	if len(evs) != 2 {
		t.Fatalf("got %d incidents, want 2: %+v", len(evs), evs)
	}
	first := evs[0]
	var killed []int
	for _, f := range first.Figures {
		if f.What == sitrep.FigureKilled {
			killed = append(killed, f.Value)
		}
	}
	if len(killed) < 2 || first.Kind != sitrep.KindAirstrike {
		t.Errorf("first incident: kind %q killed %v, want both tolls", first.Kind, killed)
	}
	if evs[1].Kind != sitrep.KindBombing || evs[1].ID != "a1#2" {
		t.Errorf("second incident: %+v", evs[1])
	}
}

func TestDevelopmentMeeting(t *testing.T) {
	a := article("Putin hosts Iranian minister",
		"Russian President Vladimir Putin met Iranian Foreign Minister Mohammad Javad Zarif in the Black Sea resort of Sochi on Wednesday for talks on the Syrian peace process.",
		"Kremlin spokesman Dmitry Peskov said Putin and Zarif had discussed the delivery of S-300 missiles.",
		"Zarif's visit follows a $2 billion loan agreed last month.")
	var devs []sitrep.Event
	for _, e := range Default().Extract(a) {
		if e.Category == sitrep.CategoryDevelopment {
			devs = append(devs, e)
		}
	}
	if len(devs) != 1 {
		t.Fatalf("got %d developments, want 1: %+v", len(devs), devs)
	}
	d := devs[0]
	if d.Kind != sitrep.KindMeeting || d.Place.Name != "Sochi" || d.Day.Format("2006-01-02") != "2016-03-09" {
		t.Errorf("kind %q place %q day %s", d.Kind, d.Place.Name, d.Day.Format("2006-01-02"))
	}
	names := map[string]string{}
	for _, p := range d.Participants {
		names[p.Name] = p.Country
	}
	if names["Vladimir Putin"] != "Russia" || names["Mohammad Javad Zarif"] != "Iran" {
		t.Errorf("participants %+v", d.Participants)
	}
	topics := strings.Join(d.Topics, "|")
	for _, want := range []string{"peace process", "S-300 missiles"} {
		if !strings.Contains(topics, want) {
			t.Errorf("topics %q lack %q", topics, want)
		}
	}
	if len(d.Countries) < 2 {
		t.Errorf("countries %v", d.Countries)
	}
}

// TestNewsWithABackgroundClause: a past event hung off today's news in a
// subordinate clause does not make the news background.
func TestNewsWithABackgroundClause(t *testing.T) {
	a := article("Iraqi minister in Ankara",
		"Iraqi Foreign Minister Ibrahim al-Jaafari begins a two-day visit to Turkey today after a similar trip by a Kurdish delegation earlier this month.")
	var devs []sitrep.Event
	for _, e := range Default().Extract(a) {
		if e.Category == sitrep.CategoryDevelopment {
			devs = append(devs, e)
		}
	}
	if len(devs) != 1 || devs[0].Kind != sitrep.KindVisit {
		t.Fatalf("want one visit, got %+v", devs)
	}
	if got := devs[0].Day.Format("2006-01-02"); got != "2016-03-10" {
		t.Errorf("day %s, want the publication day", got)
	}
	// Without today's news in the main clause the sentence stays background.
	if evs := Default().Extract(article("", "The minister visited Turkey after a similar trip earlier this month.")); len(evs) != 0 {
		t.Errorf("background reported as news: %+v", evs)
	}
}

// TestExtractConcurrent runs one extractor from many goroutines, as the
// poller does; with -race it checks the pooled buffers are not shared.
func TestExtractConcurrent(t *testing.T) {
	x := Default()
	arts := []sitrep.Article{
		article("Strikes on Douma", "At least 12 civilians were killed when warplanes struck Douma on Wednesday, the Syrian Observatory for Human Rights said."),
		article("Talks in Geneva", "Russian Foreign Minister Sergei Lavrov met U.N. envoy Staffan de Mistura in Geneva on Tuesday for talks on a ceasefire."),
	}
	want := make([]int, len(arts))
	for i, a := range arts {
		want[i] = len(x.Extract(a))
	}
	done := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func(g int) {
			for n := 0; n < 20; n++ {
				i := (g + n) % len(arts)
				if got := len(x.Extract(arts[i])); got != want[i] {
					done <- fmt.Errorf("article %d: %d events, want %d", i, got, want[i])
					return
				}
			}
			done <- nil
		}(g)
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
