package extract

import (
	"strings"
	"testing"

	sitrep "github.com/sitrep-bot/sitrep"
)

// TestAftermathAndBackground covers the ways longer copy reports an
// incident: tolls revised on a later day, days given for statements,
// children named one at a time as subjects, the dead counted as bodies,
// hangings, news clauses that recall older years, hostages killed, attacks
// laid at someone's door, attacks on villages, a second incident abroad,
// and a town the body gives for the lead's region. The article is dated
// Thursday 10 March 2016.
func TestAftermathAndBackground(t *testing.T) {
	tests := []struct {
		name, title, para string
		kind              sitrep.Kind
		place, day        string
		perp              string
		killed, children  int
		civilians         int
	}{
		{"toll a day after", "", "The death toll from a Russian drone attack on the city of Sumy rose to 9 on Thursday, a day after the strike, regional officials said.", "drone strike", "Sumy", "2016-03-09", "Russian forces", 9, -1, -1},
		{"toll revised later", "", "The toll from shelling of the town of Avdiivka climbed to 7 on Thursday, regional officials said. The shells hit a bus stop on Tuesday morning.", sitrep.KindShelling, "Avdiivka", "2016-03-08", "*", 7, -1, -1},
		{"day of statement", "", "Five soldiers were killed in clashes near the town of Sake on Tuesday, the army said on Wednesday.", sitrep.KindClash, "Sake", "2016-03-08", "*", 5, -1, -1},
		{"child as subject", "", "Shelling killed four people in the town of Horlivka on Wednesday, officials said. A 9-year-old boy was among the dead.", sitrep.KindShelling, "Horlivka", "2016-03-09", "*", 4, 1, -1},
		{"bodies", "", "Medics said 14 bodies had been recovered after an air strike on a market in the town of Saada on Wednesday.", sitrep.KindAirstrike, "Saada", "2016-03-09", "*", 14, -1, -1},
		{"hanged", "", "Authorities hanged three men in the city of Mashhad on Wednesday, state media said.", sitrep.KindExecution, "Mashhad", "2016-03-09", "*", 3, -1, -1},
		{"news day over an older year", "", "Authorities hanged three men in the city of Mashhad on Wednesday over riots in 2009, state media said.", sitrep.KindExecution, "Mashhad", "2016-03-09", "*", 3, -1, -1},
		{"hostages in an aside", "", "Three hostages, seized in January during a raid on a convoy near the town of Gao, have been executed by their captors, the army said.", sitrep.KindExecution, "*", "2016-03-10", "*", -1, -1, -1},
		{"kidnapped as who", "Four kidnapped engineers killed in Nigeria", "Gunmen killed four kidnapped engineers near the town of Gwoza on Wednesday, police said.", sitrep.KindAttack, "Gwoza", "2016-03-09", "*", 4, -1, -1},
		{"killed them", "", "Two journalists were killed by their kidnappers in northern Mali, their employer said on Thursday. JNIM fighters killed them on Tuesday, it said.", "*", "*", "2016-03-08", "JNIM", 2, -1, -1},
		{"blamed on", "", "A drone strike blamed on the Rapid Support Forces hit a market in the city of Kosti on Wednesday, killing eight people, medics said.", "drone strike", "Kosti", "2016-03-09", "Rapid Support Forces", 8, -1, -1},
		{"gunmen attack a village", "", "Gunmen attacked the village of Zike on Wednesday, killing 12 people and burning homes, a local official said.", sitrep.KindAttack, "Zike", "2016-03-09", "*", 12, -1, 12},
		{"attack on a base is a clash", "", "Militants attacked an army base near the town of Djibo on Wednesday, killing 12 soldiers, the army said.", sitrep.KindClash, "Djibo", "2016-03-09", "*", 12, -1, -1},
		{"among the dead were", "", "Gunmen attacked the town of Bunia on Wednesday, killing nine people. Among the dead were two soldiers.", sitrep.KindAttack, "Bunia", "2016-03-09", "*", 9, -1, -1},
		{"second incident abroad", "", "An Israeli strike killed two people in the southern Lebanese town of Tyre on Wednesday, the health ministry said. Hezbollah said it fired rockets at a base in northern Israel in response.", sitrep.KindAirstrike, "Tyre", "2016-03-09", "Israeli army", 2, -1, -1},
		{"strike placed later", "", "A drone strike killed 11 people in Ethiopia's Amhara region on Wednesday, witnesses said. The strike hit the town of Debre Markos, a health worker said.", "drone strike", "Debre Markos", "2016-03-09", "*", 11, -1, -1},
		{"headline names the region", "Strike kills five in Gaza", "An Israeli air strike on a house in Khan Younis in the southern Gaza Strip killed five people on Wednesday, medics said.", sitrep.KindAirstrike, "Khan Yunis", "2016-03-09", "Israeli army", 5, -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := incidents(Default().Extract(article(tt.title, tt.para)))
			if len(evs) == 0 {
				t.Fatal("no incident")
			}
			e := evs[0]
			if tt.kind != "*" && e.Kind != tt.kind {
				t.Errorf("kind %q, want %q", e.Kind, tt.kind)
			}
			if tt.place != "*" && e.Place.Name != tt.place {
				t.Errorf("place %q, want %q", e.Place.Name, tt.place)
			}
			if got := e.Day.Format("2006-01-02"); got != tt.day {
				t.Errorf("day %s, want %s", got, tt.day)
			}
			if tt.perp != "*" && e.Perpetrator != tt.perp {
				t.Errorf("perpetrator %q, want %q", e.Perpetrator, tt.perp)
			}
			for _, c := range []struct {
				what string
				want int
			}{{sitrep.FigureKilled, tt.killed}, {sitrep.FigureChildren, tt.children}, {sitrep.FigureCivilians, tt.civilians}} {
				if c.want < 0 {
					continue
				}
				if got := largest(e, c.what); got != c.want {
					t.Errorf("%s %d, want %d (%+v)", c.what, got, c.want, e.Figures)
				}
			}
		})
	}
}

// TestNoIncident covers copy that uses the words of violence for other
// things: alarms, campaigns, history, and reviews.
func TestNoIncident(t *testing.T) {
	tests := []struct{ name, title, para string }{
		{"fighting corruption", "Minister vows to keep fighting corruption", "The minister said on Wednesday she would keep fighting corruption in the city of Lagos."},
		{"air raid sirens", "", "Air raid sirens sounded across Kyiv on Wednesday evening before the concert resumed, organisers said."},
		{"crisis in which", "", "The vote on Wednesday followed a political crisis in which 40 people were killed in clashes with police."},
		{"review", "Review: a siege seen from a bread queue", "A shell kills 12 people in a market in Mostar on Wednesday in the film's opening scene."},
		{"aircraft carrier", "", "The navy's first aircraft carrier docked in Kochi on Wednesday, officials said."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if evs := incidents(Default().Extract(article(tt.title, tt.para))); len(evs) > 0 {
				t.Errorf("got %s at %q, want none", evs[0].Kind, evs[0].Place.Name)
			}
		})
	}
}

// TestGovernmentsAsParties covers developments carried by governments and
// armed parties with no one named, visits whose meetings stay part of the
// visit, sanctions only rejected, and a meeting that is only the occasion
// of a statement.
func TestGovernmentsAsParties(t *testing.T) {
	tests := []struct {
		name, para string
		kind       sitrep.Kind
		countries  []string
		topic      string
	}{
		{"sanctions by two governments", "Canada and Australia imposed sanctions on Wednesday on Myanmar's military leaders, the two governments said.", sitrep.KindSanctions, []string{"Canada", "Australia"}, ""},
		{"visit with meetings", "Egyptian Foreign Minister Sameh Shoukry arrived in Amman on Wednesday for a two-day visit. Shoukry met Jordanian Foreign Minister Ayman Safadi to discuss the war in Gaza.", sitrep.KindVisit, []string{"Egypt", "Jordan"}, "war in Gaza"},
		{"sanctions rejected", "Chinese President Xi Jinping met Brazilian President Luiz Inacio Lula da Silva in Beijing on Wednesday. The two leaders said in a statement after the talks that they rejected unilateral sanctions.", sitrep.KindMeeting, []string{"China", "Brazil"}, ""},
		{"statement after a meeting", "The foreign ministers of Saudi Arabia, Egypt and Turkey rejected any plan to annex the West Bank in a joint statement issued after a meeting in Riyadh on Wednesday.", sitrep.KindStatement, []string{"Saudi Arabia", "Egypt", "Turkey"}, "annex"},
		{"armed parties talk", "Delegations from the Ethiopian army and the Fano militia resumed talks in the Kenyan capital Nairobi on Wednesday.", sitrep.KindTalks, []string{"Ethiopia"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e *sitrep.Event
			evs := Default().Extract(article("", tt.para))
			for i := range evs {
				if evs[i].Category == sitrep.CategoryDevelopment {
					e = &evs[i]
					break
				}
			}
			if e == nil {
				t.Fatalf("no development in %+v", evs)
			}
			if e.Kind != tt.kind {
				t.Errorf("kind %q, want %q", e.Kind, tt.kind)
			}
			for _, c := range tt.countries {
				if !containsFold(e.Countries, c) {
					t.Errorf("no country %s in %v", c, e.Countries)
				}
			}
			if tt.topic != "" && !strings.Contains(strings.ToLower(strings.Join(e.Topics, "|")), strings.ToLower(tt.topic)) {
				t.Errorf("no topic %q in %q", tt.topic, e.Topics)
			}
		})
	}
}
