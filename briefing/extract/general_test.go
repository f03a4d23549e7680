package extract

import (
	"testing"

	sitrep "github.com/sitrep-bot/sitrep"
)

// TestGeneralPatterns covers incident patterns of news beyond one war:
// a country's adjective with a weapon names its forces, responsibility
// claims name the perpetrator and denials do not, children counted one by
// one, drones as air strikes, a camp named inside a broader place.
func TestGeneralPatterns(t *testing.T) {
	tests := []struct {
		name, title, para string
		kind              sitrep.Kind
		place, perp       string
		children          int
	}{
		{"demonym missile", "", "A Russian cruise missile struck a hospital in the city of Kharkiv on Tuesday, killing three people, officials said.", "missile strike", "Kharkiv", "Russian forces", -1},
		{"demonym drones", "", "Turkish drones hit a car near the town of Sinjar on Wednesday, killing two men, local officials said.", "drone strike", "Sinjar", "Turkish army", -1},
		{"victims are not strikers", "", "A roadside bomb killed two Turkish soldiers near the town of Sinjar on Wednesday.", sitrep.KindBombing, "Sinjar", "", -1},
		{"claim", "", "A car bomb exploded at a checkpoint in Mogadishu on Tuesday, killing six people, police said. Al Shabaab claimed responsibility for the attack.", sitrep.KindBombing, "Mogadishu", "al-Shabaab", -1},
		{"said it carried out", "", "A suicide bomber blew himself up at a police post in Peshawar on Tuesday, killing four officers. The TTP said it carried out the attack.", sitrep.KindSuicideAttack, "Peshawar", "Pakistani Taliban", -1},
		{"denial", "", "A car bomb exploded at a checkpoint in Mogadishu on Tuesday, killing six people, police said. Al Shabaab denied carrying out the attack.", sitrep.KindBombing, "Mogadishu", "", -1},
		{"blamed on", "", "Gunmen stormed the town of Ardamata on Tuesday, killing 14 villagers, witnesses said. Residents blamed the attack on the Rapid Support Forces.", sitrep.KindAttack, "Ardamata", "Rapid Support Forces", -1},
		{"including a boy", "", "A missile hit a house in Zaporizhzhia on Tuesday, killing three people, including a 10-year-old boy, officials said.", "missile strike", "Zaporizhzhia", "*", 1},
		{"a child and his mother", "", "An air strike on a house in Rafah on Tuesday killed six people, among them a child and his mother, medics said.", sitrep.KindAirstrike, "Rafah", "*", 1},
		{"a boy and a girl", "", "Shelling of the town of Horlivka on Tuesday killed four people, including a boy and a girl, officials said.", sitrep.KindShelling, "*", "*", 2},
		{"camp inside city", "Air strike hits Gaza camp", "An air strike on a house in the Jabalia refugee camp in northern Gaza killed seven people on Tuesday, medics said.", sitrep.KindAirstrike, "Jabalia", "*", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := incidents(Default().Extract(article(tt.title, tt.para)))
			if len(evs) == 0 {
				t.Fatal("no incident")
			}
			e := evs[0]
			if e.Kind != tt.kind {
				t.Errorf("kind %q, want %q", e.Kind, tt.kind)
			}
			if tt.place != "*" && e.Place.Name != tt.place {
				t.Errorf("place %q, want %q", e.Place.Name, tt.place)
			}
			if tt.perp != "*" && e.Perpetrator != tt.perp {
				t.Errorf("perpetrator %q, want %q", e.Perpetrator, tt.perp)
			}
			if tt.children >= 0 {
				f, _ := figure(e, sitrep.FigureChildren)
				if f.Value != tt.children {
					t.Errorf("children %d, want %d (%+v)", f.Value, tt.children, e.Figures)
				}
			}
		})
	}
}

// TestDevelopmentTopicsAndTitles: topics from "to discuss X", "talks on X",
// "about X and Y"; an office before an honorific is the role, and the
// country comes from the adjective before the office.
func TestDevelopmentTopicsAndTitles(t *testing.T) {
	evs := Default().Extract(article("",
		"Qatari Foreign Minister Sheikh Mohammed bin Abdulrahman Al Thani met Egyptian Foreign Minister Sameh Shoukry in Cairo on Tuesday to discuss a ceasefire in Sudan and the return of refugees."))
	var dev *sitrep.Event
	for i := range evs {
		if evs[i].Category == sitrep.CategoryDevelopment {
			dev = &evs[i]
		}
	}
	if dev == nil {
		t.Fatalf("no development in %+v", evs)
	}
	found := false
	for _, p := range dev.Participants {
		if p.Country == "Qatar" && p.Role == "Foreign Minister" {
			found = true
		}
	}
	if !found {
		t.Errorf("no Qatari foreign minister in %+v", dev.Participants)
	}
	for _, want := range []string{"ceasefire in Sudan", "return of refugees"} {
		if !containsFold(dev.Topics, want) {
			t.Errorf("no topic %q in %q", want, dev.Topics)
		}
	}
	got := phraseTopics(Default().read(article("", "The leaders held talks on grain exports through the Black Sea and the war in Gaza.")).sents[0].toks)
	if len(got) != 2 || got[0] != "grain exports" || got[1] != "war in Gaza" {
		t.Errorf("topics %q", got)
	}
}

// TestWeaponsTradedAreNotAttacks: buying, selling or delivering weapons is
// an arms deal, never an air strike; the same weapons used are.
func TestWeaponsTradedAreNotAttacks(t *testing.T) {
	deal := article("Warsaw buys attack helicopters",
		"Polish Defence Minister Mariusz Blaszczak signed a deal on Wednesday to buy 96 attack helicopters from the United States.",
		"Egypt took delivery of the first of 30 fighter jets, officials said.")
	evs := Default().Extract(deal)
	if inc := incidents(evs); len(inc) != 0 {
		t.Errorf("weapons bought or delivered reported as incidents: %+v", inc)
	}
	arms := false
	for _, e := range evs {
		arms = arms || e.Category == sitrep.CategoryDevelopment && e.Kind == sitrep.KindArmsDeal
	}
	if !arms {
		t.Errorf("no arms deal among %+v", evs)
	}
	used := article("Jets strike market", "Fighter jets struck a market in the town of Ariha on Wednesday, killing 11 civilians, rescuers said.")
	if inc := incidents(Default().Extract(used)); len(inc) != 1 || inc[0].Kind != sitrep.KindAirstrike {
		t.Errorf("an air strike by fighter jets: %+v", inc)
	}
}
