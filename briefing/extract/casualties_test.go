package extract

import (
	"testing"

	sitrep "github.com/sitrep-bot/sitrep"
)

// values collects the values and vague amounts an event gives for one
// figure category.
func values(evs []sitrep.Event, what string) (nums map[int]bool, vague map[string]bool) {
	nums, vague = map[int]bool{}, map[string]bool{}
	for _, e := range evs {
		for _, f := range e.Figures {
			if f.What != what {
				continue
			}
			if f.Value > 0 {
				nums[f.Value] = true
			}
			if f.Vague != "" {
				vague[f.Vague] = true
			}
		}
	}
	return nums, vague
}

// TestCasualtyFamilies: each phrasing of a toll yields the figures it
// states, in the category it states them.
func TestCasualtyFamilies(t *testing.T) {
	tests := []struct {
		name, title, para string
		what              string
		want              int
	}{
		{"were martyred", "", "Four citizens were martyred and 11 others were injured when a car bomb went off in the Zahra district of Homs on Tuesday, SANA said.", sitrep.FigureCivilians, 4},
		{"claiming martyrs", "", "Two suicide bombers blew themselves up at a checkpoint near Jableh on Tuesday, claiming 7 martyrs and 20 injured.", sitrep.FigureKilled, 7},
		{"leaving martyrs", "", "A motorcycle bomb exploded near a mosque in the Raml district of Latakia on Tuesday, leaving 3 martyrs.", sitrep.FigureKilled, 3},
		{"martyrdom of", "", "The bombing in the Jaramana suburb of Damascus on Tuesday resulted in the martyrdom of 5 citizens and injured 14 others.", sitrep.FigureCivilians, 5},
		{"toll reached", "", "The death toll from the rocket attacks on the Aleppo districts of Midan and Suleimaniyeh on Tuesday has reached 14 people in addition to dozens of others injured, state media said.", sitrep.FigureKilled, 14},
		{"market total", "", "Warplanes struck a crowded vegetable market in the town of Maarat al-Numan on Tuesday, killing 31 people, the monitor said.", sitrep.FigureCivilians, 31},
		{"bakery total", "", "A barrel bomb hit a bakery in the town of Kafr Zita in Hama province on Tuesday, killing 9 people.", sitrep.FigureCivilians, 9},
		{"school total", "", "Shells slammed into a school in the Damascus district of Qaboun on Tuesday, killing six and wounding 20.", sitrep.FigureCivilians, 6},
		{"evacuee convoy", "", "A car bomb tore through a convoy of buses carrying evacuees near Rashidin, west of Aleppo, on Tuesday, killing 57 people.", sitrep.FigureCivilians, 57},
		{"displaced camp", "", "An air strike hit a camp for displaced people near the town of Sarmada in Idlib province on Tuesday, killing 28 people.", sitrep.FigureCivilians, 28},
		{"women and children", "", "Air strikes on the town of Saraqib in Idlib province killed 17 people including women and children on Tuesday, the monitor said.", sitrep.FigureCivilians, 17},
		{"all of them civilians", "", "Shelling on the town of Harasta on Tuesday killed 12 people, all of them civilians, the monitor said.", sitrep.FigureCivilians, 12},
		{"among them children", "", "Air strikes on the town of Atarib killed 22 people on Tuesday, among them 8 children, activists said.", sitrep.FigureChildren, 8},
		{"of the dead were children", "", "Barrel bombs fell on the town of Daraya on Tuesday, killing 19 people. Seven of the dead were children, rescuers said.", sitrep.FigureChildren, 7},
		{"victims included", "", "An air strike on the village of Kafr Nabl killed 15 people on Tuesday. The victims included 6 children, the civil defence said.", sitrep.FigureChildren, 6},
		{"number words without commas", "", "Thirty two people were killed when warplanes struck the town of Khan Sheikhoun on Tuesday.", sitrep.FigureKilled, 32},
		{"hyphenated number word", "", "Twenty-one people died in shelling on the town of Douma on Tuesday, medics said.", sitrep.FigureKilled, 21},
		{"family of", "", "A family of seven was killed when a shell hit their home in the town of Dael in Daraa province on Tuesday.", sitrep.FigureCivilians, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := incidents(Default().Extract(article(tt.title, tt.para)))
			nums, _ := values(evs, tt.what)
			if !nums[tt.want] {
				var got []sitrep.Figure
				for _, e := range evs {
					got = append(got, e.Figures...)
				}
				t.Errorf("no %s figure of %d; got %+v", tt.what, tt.want, got)
			}
		})
	}
}

// TestMostlyCiviliansIsVague: "mostly civilians" is a share kept as words.
func TestMostlyCiviliansIsVague(t *testing.T) {
	evs := incidents(Default().Extract(article("", "Air strikes on the city of Idlib killed 40 people on Tuesday, mostly civilians, the monitor said.")))
	nums, vague := values(evs, sitrep.FigureCivilians)
	if len(vague) == 0 {
		t.Errorf("no vague civilian share; got %v %v", nums, vague)
	}
	if nums[40] {
		t.Errorf("a share read as the whole toll: %v", nums)
	}
}

// TestFightersAtSchoolNotCivilians: a toll of soldiers is not made a
// civilian toll because a school is named.
func TestFightersAtSchoolNotCivilians(t *testing.T) {
	evs := incidents(Default().Extract(article("", "Rebels shelled an army post in a former school in the town of Morek on Tuesday, killing 9 soldiers.")))
	if nums, _ := values(evs, sitrep.FigureCivilians); len(nums) > 0 {
		t.Errorf("soldiers read as civilians: %v", nums)
	}
}
