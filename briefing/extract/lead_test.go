package extract

import (
	"slices"
	"testing"

	sitrep "github.com/sitrep-bot/sitrep"
)

// TestBodyTallyIsBackground: a war-long total in the body adds no incident
// and no figure to the lead's.
func TestBodyTallyIsBackground(t *testing.T) {
	evs := incidents(Default().Extract(article("Air strikes kill five in Aleppo",
		"BEIRUT (Reuters) - Air strikes killed five people in the rebel-held east of Aleppo on Tuesday, the Syrian Observatory for Human Rights said.",
		"Residents said the strikes hit a market.",
		"Rescue workers searched the rubble through the night.",
		"Russian air strikes have killed more than 1,700 civilians since they began, a monitoring group says.")))
	if len(evs) != 1 {
		t.Fatalf("got %d incidents, want 1: %+v", len(evs), evs)
	}
	if n := largest(evs[0], sitrep.FigureKilled); n != 5 {
		t.Errorf("killed %d, want 5", n)
	}
	if n := largest(evs[0], sitrep.FigureCivilians); n != 0 {
		t.Errorf("civilians %d, want none", n)
	}
}

// TestBodyRecallsAnotherAttack: "another car bomb … killed 30" is an
// earlier attack, not the lead's toll nor an incident of its own.
func TestBodyRecallsAnotherAttack(t *testing.T) {
	evs := incidents(Default().Extract(article("Car bomb kills 34 in Ankara",
		"ANKARA - A car bomb killed at least 34 people in the Turkish capital on Sunday, officials said.",
		"The government vowed to find those responsible.",
		"Hospitals appealed for blood donors.",
		"The attack came less than a month after another car bomb in Ankara killed 29 people.")))
	if len(evs) != 1 {
		t.Fatalf("got %d incidents, want 1: %+v", len(evs), evs)
	}
	for _, f := range evs[0].Figures {
		if f.Value == 29 {
			t.Errorf("the earlier attack's toll was taken: %+v", f)
		}
	}
}

// TestTollWithoutAttackIsNoIncident: a storm's dead are not an attack's.
func TestTollWithoutAttackIsNoIncident(t *testing.T) {
	evs := incidents(Default().Extract(article("Massive blizzard paralyzes New York and Washington, 19 dead",
		"NEW YORK - Millions of residents began digging out on Thursday from a blizzard that left at least 19 people dead across the northeast.")))
	if len(evs) != 0 {
		t.Fatalf("got %+v, want no incident", evs)
	}
}

// TestBodyIncidentOfItsOwn: another town across the border, with a sure
// word and a toll, is an incident of its own.
func TestBodyIncidentOfItsOwn(t *testing.T) {
	evs := incidents(Default().Extract(article("Russian shelling kills five in Kherson",
		"KYIV (Reuters) - Russian shelling killed five people in the southern Ukrainian city of Kherson on Saturday, regional officials said.",
		"Several houses were destroyed.",
		"Emergency crews worked through the night.",
		"Across the border, Ukrainian shelling killed one man in the Russian town of Shebekino, the regional governor said.")))
	var where []string
	for _, e := range evs {
		where = append(where, e.Place.Name)
	}
	if !slices.Contains(where, "Kherson") || !slices.Contains(where, "Shebekino") {
		t.Fatalf("incidents in %v, want Kherson and Shebekino", where)
	}
}

// TestDatelineAbroadDoesNotPlaceAStrike: the reporter in Washington is not
// where the strike in Yemen was.
func TestDatelineAbroadDoesNotPlaceAStrike(t *testing.T) {
	evs := incidents(Default().Extract(article("U.S. strikes al Qaeda training camp in Yemen, killing dozens",
		"WASHINGTON - The U.S. military carried out an air strike on an al Qaeda training camp in the mountains of Yemen on Tuesday, killing dozens of militants, the Pentagon said.")))
	if len(evs) != 1 {
		t.Fatalf("got %d incidents, want 1: %+v", len(evs), evs)
	}
	if p := evs[0].Place; p.Country != "Yemen" {
		t.Errorf("placed at %+v, want in Yemen", p)
	}
}

// TestDomesticMeetingIsNotDiplomacy: two officials of one country meeting
// at home are politics; foreign ministers of two are diplomacy.
func TestDomesticMeetingIsNotDiplomacy(t *testing.T) {
	x := Default()
	if evs := development(x.Extract(article("",
		"U.S. President Barack Obama met House Speaker Paul Ryan at the White House in Washington on Tuesday to discuss the budget."))); len(evs) != 0 {
		t.Errorf("domestic meeting reported: %+v", evs)
	}
	if evs := development(x.Extract(article("",
		"Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry in Geneva on Tuesday to discuss Syria."))); len(evs) != 1 {
		t.Errorf("got %d developments for a foreign ministers' meeting, want 1", len(evs))
	}
}

// TestConfidenceFollowsEvidence: the model ranks a clearly told lead
// incident above a vague one, and its threshold lies between.
func TestConfidenceFollowsEvidence(t *testing.T) {
	x := Default()
	clear := x.model.score([]string{evLead, evHeadline, evSure, evToll, evTown, evDay, evActor, evMainLand})
	vague := x.model.score([]string{evSure})
	if th := x.Threshold(); !(vague < th && th < clear) {
		t.Errorf("vague %.2f, threshold %.2f, clear %.2f: want vague < threshold < clear", vague, th, clear)
	}
}
