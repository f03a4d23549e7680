package extract

import (
	"testing"

	sitrep "github.com/sitrep-bot/sitrep"
)

// incidentFacts is what one incident of a test article should say; "*"
// and -1 leave a field unchecked.
type incidentFacts struct {
	kind             sitrep.Kind
	place, day, perp string
	killed           int
}

func holdIncident(t *testing.T, e sitrep.Event, want incidentFacts) {
	t.Helper()
	if want.kind != "*" && e.Kind != want.kind {
		t.Errorf("kind %q, want %q", e.Kind, want.kind)
	}
	if want.place != "*" && e.Place.Name != want.place {
		t.Errorf("place %q, want %q", e.Place.Name, want.place)
	}
	if got := e.Day.Format("2006-01-02"); want.day != "*" && got != want.day {
		t.Errorf("day %s, want %s", got, want.day)
	}
	if want.perp != "*" && e.Perpetrator != want.perp {
		t.Errorf("perpetrator %q, want %q", e.Perpetrator, want.perp)
	}
	if want.killed >= 0 && largest(e, sitrep.FigureKilled) != want.killed {
		t.Errorf("killed %d, want %d (%+v)", largest(e, sitrep.FigureKilled), want.killed, e.Figures)
	}
}

// TestIncidentsOfOtherWars covers how copy from wars outside Syria tells
// its incidents: an article's later incident, a day given with the
// incident's own word, the aftermath recalled, a victim counted twice or
// described alone, a neighbourhood of a city, forces named by nationality,
// missiles and glide bombs. The articles are dated Thursday 10 March 2016.
func TestIncidentsOfOtherWars(t *testing.T) {
	tests := []struct {
		name, title string
		paras       []string
		want        []incidentFacts
	}{
		{"a sentence-opening The is no place", "",
			[]string{"A missile hit a hospital in the city of Zaporizhzhia on Wednesday, killing four people, officials said. The blast shattered windows in nearby homes. The city is still counting the damage."},
			[]incidentFacts{{"missile strike", "Zaporizhzhia", "2016-03-09", "*", 4}}},
		{"the day stated with the strike beats the mourning", "Two killed as drones hit Kherson",
			[]string{"Russian drones have hit an oil depot in Kherson, killing two people, officials say.", "The strike on Wednesday afternoon also damaged a school.", "The city is still mourning the victims of a shelling attack on a bus stop on Monday."},
			[]incidentFacts{{"drone strike", "Kherson", "2016-03-09", "Russian forces", 2}}},
		{"a day after recalls another incident", "",
			[]string{"Three people were killed when drones hit Sumy on Wednesday, a day after a deadly missile strike."},
			[]incidentFacts{{"drone strike", "Sumy", "2016-03-09", "*", 3}}},
		{"late on a night belongs to that day", "",
			[]string{"Drones struck the port of Izmail late on Tuesday night, killing three people, the governor said on Wednesday."},
			[]incidentFacts{{"drone strike", "Izmail", "2016-03-08", "*", 3}}},
		{"later on a day is another incident", "",
			[]string{"The death toll from Tuesday's missile strike on an apartment block in Sumy has risen to 14, the governor said on Wednesday.", "Later on Wednesday, Russian glide bombs hit a depot in Sumy, killing one person and wounding five, he said."},
			[]incidentFacts{{"missile strike", "Sumy", "2016-03-08", "*", 14}, {sitrep.KindAirstrike, "Sumy", "2016-03-09", "Russian forces", 1}}},
		{"in another attack is another incident", "",
			[]string{"Shelling killed five people in the town of Nikopol on Wednesday, the governor said. In another attack, shells killed two people in Nikopol later that evening."},
			[]incidentFacts{{sitrep.KindShelling, "Nikopol", "2016-03-09", "*", 5}, {sitrep.KindShelling, "Nikopol", "*", "*", 2}}},
		{"a victim already counted", "",
			[]string{"Russian forces dropped guided aerial bombs on the city of Sumy on Wednesday, killing four people, the governor said.", "One of the victims, a 40-year-old man, died in hospital. Six people were injured."},
			[]incidentFacts{{sitrep.KindAirstrike, "Sumy", "2016-03-09", "Russian forces", 4}}},
		{"one person described is a toll of one", "",
			[]string{"A 66-year-old man was killed by Russian artillery fire in the town of Nikopol on Wednesday, prosecutors said."},
			[]incidentFacts{{sitrep.KindShelling, "Nikopol", "2016-03-09", "Russian forces", 1}}},
		{"a neighbourhood of a city", "Israeli strike on Khan Yunis home kills six",
			[]string{"An Israeli air strike on a house in the Hay Qeizan neighbourhood of Khan Yunis on Wednesday killed six people, medics said."},
			[]incidentFacts{{sitrep.KindAirstrike, "Khan Yunis", "2016-03-09", "Israeli army", 6}}},
		{"a camp on the edge of a city", "Shelling near Nyala camp kills nine",
			[]string{"Shelling by the Rapid Support Forces on the Umm Qurein camp for displaced people, on the edge of Nyala, killed nine people on Wednesday, aid workers say."},
			[]incidentFacts{{sitrep.KindShelling, "Nyala", "2016-03-09", "Rapid Support Forces", 9}}},
		{"countries named as the forces' nationality", "US, UK jets pound rebel targets at Hodeidah port",
			[]string{"US and British warplanes struck the port of Hodeidah on Wednesday, killing five people, the health ministry said."},
			[]incidentFacts{{sitrep.KindAirstrike, "Hodeidah", "2016-03-09", "US military", 5}}},
		{"a day's strike names its day and its side", "Aid group condemns strike on Rafah clinic",
			[]string{"MedAid condemns Tuesday's Israeli strike on a clinic in Rafah. At least nine people were killed, according to medics."},
			[]incidentFacts{{sitrep.KindAirstrike, "Rafah", "2016-03-08", "Israeli army", 9}}},
		{"raids by a group without aircraft", "",
			[]string{"Suspected ADF rebels killed 15 civilians in raids on villages near Beni on Wednesday, a local administrator said."},
			[]incidentFacts{{sitrep.KindAttack, "Beni", "2016-03-09", "Allied Democratic Forces", 15}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := incidents(Default().Extract(article(tt.title, tt.paras...)))
			if len(evs) != len(tt.want) {
				for _, e := range evs {
					t.Logf("%s %s %s %q %v", e.Kind, e.Place.Name, e.Day.Format("2006-01-02"), e.Sentences, e.Figures)
				}
				t.Fatalf("%d incidents, want %d", len(evs), len(tt.want))
			}
			for i, w := range tt.want {
				holdIncident(t, evs[i], w)
			}
		})
	}
}

// TestNotAnIncident covers sentences that name weapons or attacks without
// reporting one: words quoted about plans, a weapon as a thing.
func TestNotAnIncident(t *testing.T) {
	tests := []struct{ name, para string }{
		{"quoted plans", `"We discussed air defence, joint production of drones and training," the president said after the talks in Kyiv on Wednesday.`},
		{"weapons asked for", "The minister asked allies for more jets and helicopters at a meeting in Vilnius on Wednesday."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if evs := incidents(Default().Extract(article("", tt.para))); len(evs) > 0 {
				t.Errorf("got %s at %q from %q", evs[0].Kind, evs[0].Place.Name, evs[0].Sentences)
			}
		})
	}
}

// TestDevelopmentsOfOtherWars covers calls for talks, counterparts and the
// topic of a call.
func TestDevelopmentsOfOtherWars(t *testing.T) {
	devs := func(a sitrep.Article) []sitrep.Event {
		var out []sitrep.Event
		for _, e := range Default().Extract(a) {
			if e.Category == sitrep.CategoryDevelopment {
				out = append(out, e)
			}
		}
		return out
	}
	t.Run("a call for talks is not talks", func(t *testing.T) {
		for _, e := range devs(article("", "Jordan and Oman condemned the attack and called for the ceasefire talks to resume.")) {
			if e.Kind == sitrep.KindTalks {
				t.Errorf("talks from %q", e.Sentences)
			}
		}
	})
	t.Run("a counterpart and a topic country", func(t *testing.T) {
		evs := devs(article("", "Iranian Foreign Minister Abbas Araghchi and his Omani counterpart Badr Albusaidi discussed the war in Sudan in a phone call on Wednesday, the ministry said."))
		if len(evs) != 1 {
			t.Fatalf("%d developments, want 1", len(evs))
		}
		e := evs[0]
		if e.Kind != sitrep.KindPhoneCall {
			t.Errorf("kind %q, want phone call", e.Kind)
		}
		if e.Place.Name != "" {
			t.Errorf("place %q, want none: Sudan is what they discussed", e.Place.Name)
		}
		var names []string
		for _, p := range e.Participants {
			names = append(names, p.Name+"|"+p.Role+"|"+p.Country)
		}
		if len(e.Participants) != 2 || e.Participants[1].Name != "Badr Albusaidi" || e.Participants[1].Role != "Foreign Minister" || e.Participants[1].Country != "Oman" {
			t.Errorf("participants %q, want Araghchi and Badr Albusaidi, Oman's foreign minister", names)
		}
	})
	t.Run("a rank abbreviated with its dot", func(t *testing.T) {
		evs := devs(article("", "Sovereign Council deputy chairman Lt. Gen. Shams al-Din Kabbashi received Egyptian Foreign Minister Sameh Shoukry in Port Sudan on Wednesday."))
		if len(evs) == 0 {
			t.Fatal("no development")
		}
		for _, p := range evs[0].Participants {
			if p.Name == "Lt" || p.Name == "Gen" {
				t.Errorf("participant %q is a rank", p.Name)
			}
		}
		if evs[0].Participants[0].Name != "Shams al-Din Kabbashi" {
			t.Errorf("first participant %q, want Shams al-Din Kabbashi", evs[0].Participants[0].Name)
		}
	})
}
