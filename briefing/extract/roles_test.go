package extract

import (
	"testing"

	sitrep "github.com/sitrep-bot/sitrep"
)

// TestAirStrikePerpetrators: only an actor with aircraft carries out an
// air strike; a group named by one is not its perpetrator, and no actor is
// its own target.
func TestAirStrikePerpetrators(t *testing.T) {
	cases := []struct {
		name, title, body string
		perp              string
		notPerp           string
	}{
		{"group named by the strike", "",
			"Air strikes by Islamic State fighters killed 12 people in the town of Maskanah on Tuesday, the monitor said.", "", "Islamic State"},
		{"rebels near regime jets", "",
			"Syrian government warplanes bombed the rebel-held town of Talbiseh on Monday, killing 15 civilians, activists said.", "Syrian government", "Syrian rebels"},
		{"coalition strike on the group", "",
			"US-led coalition air strikes on Islamic State positions in the town of Hajin killed 20 civilians on Tuesday, the Observatory said.", "US-led coalition", "Islamic State"},
		{"drone strike by a group with drones", "",
			"A Houthi drone strike on the Saudi city of Abha killed two people on Monday, officials said.", "Houthis", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			evs := incidents(Default().Extract(article(c.title, c.body)))
			if len(evs) == 0 {
				t.Fatalf("no incident read from %q", c.body)
			}
			e := evs[0]
			if !e.Kind.Is(sitrep.KindAirstrike) {
				t.Fatalf("kind %q, want an air strike", e.Kind)
			}
			if c.perp != "" && e.Perpetrator != c.perp {
				t.Errorf("perpetrator %q, want %q", e.Perpetrator, c.perp)
			}
			if c.notPerp != "" && e.Perpetrator == c.notPerp {
				t.Errorf("perpetrator %q cannot have carried out an air strike", e.Perpetrator)
			}
			if e.Perpetrator != "" && e.Perpetrator == e.Target {
				t.Errorf("perpetrator and target both %q", e.Target)
			}
		})
	}
}

// TestPerpetratorIsNotTarget: a headline naming one side and a body naming
// it as the target leave no actor attacking itself.
func TestPerpetratorIsNotTarget(t *testing.T) {
	evs := incidents(Default().Extract(article("Syrian army shells Islamic State in Deir Ezzor",
		"Syrian army artillery shelled Islamic State positions in the city of Deir Ezzor on Wednesday, killing 17 militants. The shelling targeting the Syrian army lines continued overnight, state media said.")))
	if len(evs) == 0 {
		t.Fatal("no incident")
	}
	for _, e := range evs {
		if e.Perpetrator != "" && e.Perpetrator == e.Target {
			t.Errorf("perpetrator and target both %q", e.Target)
		}
	}
}
