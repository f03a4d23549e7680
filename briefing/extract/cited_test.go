package extract

import (
	"testing"

	sitrep "github.com/sitrep-bot/sitrep"
)

// TestSpeakerCitingOthers: in "X said …, citing Y" the figure is X's,
// given on Y's word; a speaker set off from its verb by a description
// ("X, a group that …, said") is X. Y stands only when no one else speaks.
func TestSpeakerCitingOthers(t *testing.T) {
	checkAttributions(t, []attribution{
		{"a named group citing residents", []string{
			"Saudi-led coalition jets struck a fuel station in Hajjah province on Monday.",
			"Mwatana, a Yemeni rights organisation that documents air strikes, said 11 civilians were killed, citing witnesses and medics.",
		}, sitrep.FigureCivilians, 11, "Mwatana"},
		{"an official citing hospital staff", []string{
			"A drone strike hit a minibus near the town of Marib on Thursday, killing seven people, a local official said, citing hospital staff.",
		}, sitrep.FigureKilled, 7, "a local official"},
		{"a ministry citing medics", []string{
			"Shelling hit a crowded market in the Sudanese city of El Obeid on Monday. The health ministry said 12 people were killed, citing medics at the main hospital.",
		}, sitrep.FigureKilled, 12, "the health ministry"},
		{"residents cited with no other speaker", []string{
			"A drone strike hit a minibus near the town of Marib on Thursday, killing seven people, according to residents.",
		}, sitrep.FigureKilled, 7, "residents"},
		{"Syrian monitor citing its network", []string{
			"Russian jets struck the town of Khan Sheikhoun in Idlib province on Monday, killing nine civilians, the Syrian Observatory for Human Rights said, citing sources on the ground.",
		}, sitrep.FigureCivilians, 9, "Syrian Observatory for Human Rights"},
	})
}

// TestLeadCountOfAKindIsTheToll: a lead that counts the dead of one kind
// ("15 villagers") gives the toll even when another source later puts it
// lower; a tally of a kind given later by another source does not raise
// the lead's toll.
func TestLeadCountOfAKindIsTheToll(t *testing.T) {
	tests := []struct {
		name, title string
		paras       []string
		want        int
	}{
		{"a lower toll from the police", "Gunmen kill 15 villagers in northwest Nigeria", []string{
			"GUSAU, Nigeria (Reuters) - Gunmen killed 15 villagers in an attack on the village of Dogo in Zamfara state on Sunday, a local official said.",
			"A state police spokesman confirmed the raid but put the death toll at 11.",
		}, 15},
		{"a monitor's count of civilians later", "Air strike on Yemen market kills six", []string{
			"An air strike on a market in the Yemeni town of Hajjah killed six people on Tuesday, the health ministry said.",
			"A rights group said at least nine civilians had been killed, citing medics.",
		}, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := incidents(Default().Extract(article(tt.title, tt.paras...)))
			if len(evs) == 0 {
				t.Fatal("no incident")
			}
			if got := largest(evs[0], sitrep.FigureKilled); got != tt.want {
				t.Errorf("killed %d, want %d (%+v)", got, tt.want, evs[0].Figures)
			}
		})
	}
}
