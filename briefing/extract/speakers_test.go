package extract

import (
	"testing"
)

// TestFigureAttribution: a figure is attributed to the source phrase a
// sentence names, canonicalised, and never to a date, a place, a bare
// pronoun or an armed group claiming its own attack; an armed group giving
// a toll itself makes the toll its claim.
func TestFigureAttribution(t *testing.T) {
	cases := []struct {
		name, body, want string
	}{
		{"reporter quoting a source",
			"Shelling on the town of Nubl killed nine people on Monday, the reporter quoted a medical source as saying.", ""},
		{"day before the monitor",
			"Air strikes on the town of Saraqib killed 14 civilians on Thursday a monitor said.", "Syrian Observatory for Human Rights"},
		{"Britain-based monitor",
			"Regime barrel bombs killed 22 people in the town of Darayya, the Britain-based monitor said.", "Syrian Observatory for Human Rights"},
		{"state news agency",
			"A car bomb killed 11 people in the city of Homs, state news agency SANA reported.", "SANA"},
		{"group claiming its attack",
			"A suicide bomber killed 30 people at a checkpoint in the town of Azaz, and Daesh claimed the attack.", ""},
		{"group named as source",
			"Islamic State said 40 soldiers were killed in the attack on the air base near Deir Ezzor.", "Islamic State claim"},
		{"Amaq is a source",
			"The attack in the town of Tal Abyad killed 12 Kurdish fighters, the Islamic State's Amaq agency said.", "Amaq"},
		{"clause run into the source",
			"The rockets hit a school in the town of Jisr al-Shughour and killed three civilians local media reported.", "local media"},
		{"title and name",
			"Mortar shells killed seven people in the Akrama district of Homs, Homs governor Talal al-Barazi told reporters.", "Homs governor Talal al-Barazi"},
		{"place is no source",
			"Shelling killed five people in the town of Kafr Nabl, Idlib said.", ""},
		{"apostrophe lost from a group",
			"Twenty soldiers were killed in the town of Palmyra, ISs statement said.", "Islamic State claim"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			evs := incidents(Default().Extract(article("", c.body)))
			if len(evs) == 0 || len(evs[0].Figures) == 0 {
				t.Fatalf("no figures read from %q", c.body)
			}
			for _, f := range evs[0].Figures {
				if f.AttributedTo != c.want {
					t.Errorf("%s %d attributed to %q, want %q", f.What, f.Value, f.AttributedTo, c.want)
				}
			}
		})
	}
}

// TestCleanSpeaker reads phrases as the attribution step receives them.
func TestCleanSpeaker(t *testing.T) {
	x := Default()
	d := &doc{roster: x.actors.NewRoster(), gaz: x.gaz, countries: map[string]countryOf{}, hint: "Syria"}
	cases := map[string]string{
		"Idleb Meanwhile civil sources":     "civil sources",
		"injured many others local sources": "local sources",
		"Sunday a monitor":                  "Syrian Observatory for Human Rights",
		"DAESH":                             "",
		"Friday":                            "",
		"Harasta he":                        "",
		"the source":                        "",
		"an informed source":                "an informed source",
		"others wounded Al-Manar TV correspondent": "Al-Manar TV correspondent",
		"Earlier reports":                          "",
		"the Sawaiq al-Rahman Brigade":             "",
		"a leading international rights group":     "a leading international rights group",
		"the northern province of Raqqa":           "",
		"Turkey local sources":                     "local sources",
		"coalition spokesman Lt":                   "coalition spokesman",
		"the Daesh-linked Aamaq news agency":       "Amaq",
	}
	for in, want := range cases {
		if got := x.cleanSpeaker(d, in); got != want {
			t.Errorf("cleanSpeaker(%q) = %q, want %q", in, got, want)
		}
	}
}
