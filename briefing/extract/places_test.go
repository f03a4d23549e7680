package extract

import "testing"

// TestPlaceNotGovernmentMetonym: a capital standing for its government
// ("Damascus's ally Russia") is not where the strike fell.
func TestPlaceNotGovernmentMetonym(t *testing.T) {
	evs := incidents(Default().Extract(article("",
		"Air strikes on a crowded market killed at least 21 civilians in a town in northern Syria on Tuesday, a monitor said. It was unclear whether the raids on rebel-held Maarat al-Numan were carried out by Syrian jets or those of Damascuss ally Russia.")))
	if len(evs) == 0 {
		t.Fatal("no incident")
	}
	if got := evs[0].Place.Admin; got != "Idlib Governorate" {
		t.Errorf("placed at %q (%s), want Idlib Governorate", evs[0].Place.Name, got)
	}
}

// TestPlaceAfterTheLocative: "at the Bab al-Salama crossing" places the
// event like "at Bab al-Salama".
func TestPlaceAfterTheLocative(t *testing.T) {
	evs := incidents(Default().Extract(article("Blast at Syria-Turkey border kills 12 rebels",
		"At least 12 Syrian rebels were killed on Sunday in a blast at a border crossing with Turkey, the monitor said. It was unclear what caused the blast at the Azaz crossing between Turkey and the northern Syrian province of Aleppo.")))
	if len(evs) == 0 {
		t.Fatal("no incident")
	}
	if got := evs[0].Place; got.Admin != "Aleppo Governorate" {
		t.Errorf("placed at %q/%q, want the crossing in Aleppo Governorate", got.Name, got.Admin)
	}
}

// TestVillagesAreSeparateScenes: two villages of one province with their
// own tolls are two incidents, not one.
func TestVillagesAreSeparateScenes(t *testing.T) {
	evs := incidents(Default().Extract(article("",
		"Government helicopters dropped barrel bombs on the village of Kafr Karmin in Aleppo province on Monday, killing seven civilians, the monitor said. In the west of the province, nine civilians were killed when jets struck the village of Kafr Naha.")))
	seen := map[string]bool{}
	for _, e := range evs {
		seen[e.Place.Name] = true
	}
	if !seen["Kafr Karmin"] || !seen["Kafr Naha"] {
		var got []string
		for _, e := range evs {
			got = append(got, e.Place.Name+"/"+e.Place.Admin)
		}
		t.Errorf("incidents at %q, want one at each village", got)
	}
}
