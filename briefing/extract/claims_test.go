package extract

import (
	"strings"
	"testing"

	sitrep "github.com/sitrep-bot/sitrep"
)

// figureBy returns who the first figure of a kind in an article's first
// incident is attributed to, failing the test when there is none.
func figureBy(t *testing.T, evs []sitrep.Event, what string, value int) string {
	t.Helper()
	for _, e := range incidents(evs) {
		for _, f := range e.Figures {
			if f.What == what && f.Value == value {
				return f.AttributedTo
			}
		}
	}
	t.Fatalf("no %s figure of %d in %+v", what, value, evs)
	return ""
}

// An attribution is an article's paragraphs and whom one of its figures
// must be attributed to.
type attribution struct {
	name  string
	paras []string
	what  string
	value int
	want  string
}

func checkAttributions(t *testing.T, cases []attribution) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := figureBy(t, Default().Extract(article("", c.paras...)), c.what, c.value); got != c.want {
				t.Errorf("%s %d attributed to %q, want %q", c.what, c.value, got, c.want)
			}
		})
	}
}

// TestSourcesTiedToCountry: a description that stands for one country's
// body ("rescuers", "a military source", "the monitor") names that body only
// in a story set there or one naming the body outright; elsewhere the figure
// keeps the description as written, or goes to the local body the table
// knows. A source another country's name qualifies is that country's.
func TestSourcesTiedToCountry(t *testing.T) {
	checkAttributions(t, []attribution{
		{"rescuers in Ukraine", []string{"A Russian missile struck an apartment block in Dnipro on Wednesday, killing six people, rescuers said."},
			sitrep.FigureKilled, 6, "rescuers"},
		{"military source in Iraq", []string{"A roadside bomb struck an army patrol near Tikrit on Wednesday, killing three soldiers, a military source said."},
			sitrep.FigureFighters, 3, "a military source"},
		{"monitor in Yemen", []string{"An air strike hit a wedding hall in the town of Hajjah on Wednesday, killing 14 civilians, the monitor said."},
			sitrep.FigureCivilians, 14, "the monitor"},
		{"civil defence in Gaza", []string{"An Israeli strike on a house in Rafah killed eight people on Wednesday, the civil defence agency said."},
			sitrep.FigureKilled, 8, "Palestinian Civil Defence"},
		{"another country's Red Crescent", []string{"A shell hit a clinic in the town of Azaz in northern Syria on Wednesday, killing four people, the Turkish Red Crescent said."},
			sitrep.FigureKilled, 4, "the Turkish Red Crescent"},
		{"monitor named outright abroad", []string{"Rockets fired from Syria hit the Lebanese border town of Hermel on Wednesday, killing three people, the Syrian Observatory for Human Rights said.", "Two of the dead were children, the monitor said."},
			sitrep.FigureChildren, 2, "Syrian Observatory for Human Rights"},
		{"rescuers in Syria", []string{"Barrel bombs killed 11 people in the town of Kafr Zita on Wednesday, rescuers said."},
			sitrep.FigureKilled, 11, "Syrian Civil Defence"},
	})
}

// TestPlaceIsNoParticipant: a city named in a visit is not a well-known
// figure whose surname it sounds like.
func TestPlaceIsNoParticipant(t *testing.T) {
	evs := Default().Extract(article("Jordan's foreign minister visits Baghdad for talks on trade",
		"Jordanian Foreign Minister Ayman Safadi arrived in Baghdad on Wednesday for talks with Iraqi Prime Minister Mohammed Shia al-Sudani on trade and electricity links."))
	found := false
	for _, e := range evs {
		for _, p := range e.Participants {
			if strings.Contains(p.Name, "Baghdadi") {
				t.Errorf("%s has participant %+v", e.Kind, p)
			}
			found = found || p.Name == "Ayman Safadi"
		}
	}
	if !found {
		t.Errorf("Ayman Safadi not a participant in %+v", evs)
	}
}

// TestArmedGroupClaims: an armed group is the source of a toll only when
// the text gives it as the one speaking, and then the toll is its claim; a
// party named near "said" about something else gives no figure, and a claim
// of responsibility claims no toll.
func TestArmedGroupClaims(t *testing.T) {
	checkAttributions(t, []attribution{
		{"the group said it killed", []string{"Al-Shabaab militants stormed a hotel in Kismayo on Wednesday, killing 12 people, police said. The group said it had killed 30 soldiers."},
			sitrep.FigureFighters, 30, "al-Shabaab claim"},
		{"police keep their own toll", []string{"Al-Shabaab militants stormed a hotel in Kismayo on Wednesday, killing 12 people, police said. The group said it had killed 30 soldiers."},
			sitrep.FigureKilled, 12, "police"},
		{"group named as the speaker", []string{"Boko Haram said in a statement that its fighters killed 40 soldiers in an attack on a base near Monguno on Wednesday."},
			sitrep.FigureFighters, 40, "Boko Haram claim"},
		{"party said something else", []string{"Two soldiers were killed in clashes near the border in southern Lebanon on Wednesday as the Israeli military said it had struck Hezbollah positions."},
			sitrep.FigureFighters, 2, ""},
		{"claim of responsibility", []string{"A car bomb killed nine people at a market in Mogadishu on Wednesday, police said, and al-Shabaab said it was behind the attack."},
			sitrep.FigureKilled, 9, "police"},
		{"claim of responsibility giving a toll", []string{"A suicide bomber struck a checkpoint in Jalalabad on Wednesday, killing four policemen, police said. Islamic State's affiliate in Afghanistan claimed responsibility in a statement, saying it had killed 15 policemen."},
			sitrep.FigureFighters, 15, "Islamic State claim"},
		{"the al-Qaida-linked group", []string{"Al-Shabaab fighters stormed a base near Jowhar on Wednesday, killing five soldiers, a military official said. The al-Qaida-linked group said it had killed 19 soldiers."},
			sitrep.FigureFighters, 19, "al-Shabaab claim"},
		{"the group is the monitor", []string{"Jets struck positions of Hayat Tahrir al-Sham in the town of Sarmada on Wednesday, killing 14 people, the Syrian Network for Human Rights said. The group added that five children were among the dead."},
			sitrep.FigureChildren, 5, "Syrian Network for Human Rights"},
	})
}

// TestMembersOfAGroupAttack: "fighters of X" followed by an attack verb make
// X the perpetrator; "killed fighters of X" make it the target.
func TestMembersOfAGroupAttack(t *testing.T) {
	cases := []struct {
		name, body, perp, target string
	}{
		{"fighters of", "Fighters of Boko Haram killed nine farmers in the village of Kukawa on Wednesday, residents said.", "Boko Haram", ""},
		{"gunmen belonging to", "Gunmen belonging to the Pakistani Taliban stormed a police post in Bannu on Wednesday, killing four officers, officials said.", "Pakistani Taliban", ""},
		{"fighters of, an aside", "Fighters of the Allied Democratic Forces, a group linked to Islamic State, killed 20 villagers in Beni territory on Wednesday, local officials said.", "Allied Democratic Forces", ""},
		{"militants from, a day between", "Militants from al-Shabaab on Wednesday attacked a checkpoint near Afgoye, killing six soldiers, a police officer said.", "al-Shabaab", ""},
		{"killed fighters from", "Troops killed 15 fighters from the Arakan Army near the town of Buthidaung on Wednesday, the military said.", "", "Arakan Army"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			evs := incidents(Default().Extract(article("", c.body)))
			if len(evs) == 0 {
				t.Fatalf("no incident in %q", c.body)
			}
			if evs[0].Perpetrator != c.perp || c.target != "" && evs[0].Target != c.target {
				t.Errorf("perpetrator %q, target %q; want %q, %q", evs[0].Perpetrator, evs[0].Target, c.perp, c.target)
			}
		})
	}
}

// TestFiguresNotCounts: a number that counts the sources is no toll, and a
// list of victims after "including" shares the toll's outcome.
func TestFiguresNotCounts(t *testing.T) {
	evs := incidents(Default().Extract(article("", "Gunmen attacked a checkpoint near Tikrit on Wednesday, killing three soldiers and wounding four, two security sources said.")))
	if len(evs) == 0 {
		t.Fatal("no incident")
	}
	for _, f := range evs[0].Figures {
		if f.Value == 2 {
			t.Errorf("the two sources read as a toll: %+v", f)
		}
	}
	evs = incidents(Default().Extract(article("", "Gang members killed at least 40 people, including eight women and three infants, in an attack on the town of Mirebalais in Haiti on Wednesday, the United Nations said.")))
	if len(evs) == 0 {
		t.Fatal("no incident")
	}
	if got := largest(evs[0], sitrep.FigureChildren); got != 3 {
		t.Errorf("children %d, want 3: %+v", got, evs[0].Figures)
	}
}
