package extract

import (
	"strings"
	"testing"

	sitrep "github.com/sitrep-bot/sitrep"
)

// TestPastEventsAreBackground: a sentence that carries on the story of a
// background sentence ("then", "later") yields no incident.
func TestPastEventsAreBackground(t *testing.T) {
	evs := incidents(Default().Extract(article("",
		"The group overran the last army positions in Hama province in early December. Its gunmen stormed a checkpoint then, capturing and later executing dozens of conscripts.")))
	if len(evs) != 0 {
		t.Errorf("got %d incidents from background, first %+v", len(evs), evs[0])
	}
}

// TestBackgroundTotals: totals "since" a month or a year are not news.
func TestBackgroundTotals(t *testing.T) {
	evs := incidents(Default().Extract(article("",
		"Shelling of the Sheikh Maqsoud district has killed more than 140 civilians since mid-February, the monitor said.")))
	for _, e := range evs {
		if len(e.Figures) > 0 {
			t.Errorf("a total since February became a toll: %+v", e.Figures)
		}
	}
}

// TestStrikePlaceNotAirBase: the base aircraft flew from is not where the
// strike fell.
func TestStrikePlaceNotAirBase(t *testing.T) {
	evs := incidents(Default().Extract(article("",
		"Russian bombers struck the town of Mayadin on Tuesday, killing 14 people, the monitor said. Fighter jets based at the Hmeimim air base in Latakia province escorted the bombers.")))
	for _, e := range evs {
		if e.Place.Name == "Hmeimim" || e.Place.Admin == "Latakia Governorate" {
			t.Errorf("strike placed at the base: %+v", e.Place)
		}
	}
}

// TestPerpetratorIsNotSource: the actor that carried out an act is not the
// source of its toll; a speech verb or "according to" names the source.
func TestPerpetratorIsNotSource(t *testing.T) {
	tests := []struct{ name, para, want string }{
		{"perpetrator", "The Syrian army carried out air raids on the town of Tabqa on Tuesday, in which 12 militants were killed.", ""},
		{"speech verb", "Air raids on the town of Tabqa killed 12 people on Tuesday, the Syrian army said.", "Syrian army"},
		{"according to", "According to SANA, 9 people were killed when rockets hit the Aleppo district of Hamdaniya on Tuesday.", "SANA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := incidents(Default().Extract(article("", tt.para)))
			if len(evs) == 0 || len(evs[0].Figures) == 0 {
				t.Fatalf("no figures: %+v", evs)
			}
			if got := evs[0].Figures[0].AttributedTo; got != tt.want {
				t.Errorf("attributed to %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCountryAsPerpetrator: "Syria carries out air strikes" names the
// government's forces.
func TestCountryAsPerpetrator(t *testing.T) {
	evs := incidents(Default().Extract(article("Syria carries out heavy air strikes on Tabqa", "Warplanes struck the town of Tabqa on Tuesday.")))
	if len(evs) == 0 || evs[0].Perpetrator != "Syrian government" {
		t.Errorf("got %+v", evs)
	}
}

// TestTollsNotLabelsOrTakenPeople: numbers that name things or count
// people taken rather than killed are not tolls.
func TestTollsNotLabelsOrTakenPeople(t *testing.T) {
	tests := []struct{ name, title, para string }{
		{"resolution", "", "Council members cited Resolution 2118 after the gas attack in Douma on Tuesday killed people, medics said."},
		{"kidnapped", "Militants kidnapped 300 Executed 12 in Deir ez-Zor", "Militants stormed the village of Jdid Ekeidat on Tuesday."},
		{"page furniture", "", "Get short URL 0 431 A rocket hit a school in the Damascus district of Jaramana on Tuesday, killing two children."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, e := range incidents(Default().Extract(article(tt.title, tt.para))) {
				for _, f := range e.Figures {
					if f.Value >= 100 {
						t.Errorf("read %d as a toll: %+v", f.Value, f)
					}
				}
			}
		})
	}
}

func development(evs []sitrep.Event) []sitrep.Event {
	var out []sitrep.Event
	for _, e := range evs {
		if e.Category == sitrep.CategoryDevelopment {
			out = append(out, e)
		}
	}
	return out
}

func names(e sitrep.Event) map[string]bool {
	m := map[string]bool{}
	for _, p := range e.Participants {
		m[p.Name] = true
	}
	return m
}

// TestParticipantsAct: people only mentioned ("an ally of Assad", "Assad's
// government") do not take part; organisations that speak do.
func TestParticipantsAct(t *testing.T) {
	evs := development(Default().Extract(article("",
		"Iranian Foreign Minister Mohammad Javad Zarif met Turkish Foreign Minister Mevlut Cavusoglu in Ankara on Tuesday, a key ally of President Bashar al-Assad, to discuss a ceasefire.",
		"Tehran has long supported Assad's government with arms supplies.")))
	if len(evs) == 0 {
		t.Fatal("no development")
	}
	for _, e := range evs {
		if names(e)["Bashar al-Assad"] {
			t.Errorf("Assad taken as a participant of %s: %+v", e.Kind, e.Participants)
		}
		if e.Kind == sitrep.KindArmsDeal {
			t.Errorf("background support read as an arms deal: %+v", e)
		}
	}
}

// TestAppealJoinsOneDevelopment: an appeal to an envoy and a minister's
// support for the same plan, linked by a sentence naming both, are one
// development whose participants include the organisation that spoke.
func TestAppealJoinsOneDevelopment(t *testing.T) {
	evs := development(Default().Extract(article("",
		"The opposition National Coalition on Tuesday urged U.N. envoy Staffan de Mistura to include humanitarian corridors in his ceasefire plan.",
		"British Foreign Secretary Boris Johnson also voiced support on Wednesday for humanitarian corridors.",
		"According to Johnson, Britain is working with de Mistura on the ceasefire plan.")))
	if len(evs) != 1 {
		t.Fatalf("got %d developments: %+v", len(evs), evs)
	}
	n := names(evs[0])
	for _, want := range []string{"Staffan de Mistura", "Boris Johnson", "National Coalition"} {
		if !n[want] {
			t.Errorf("missing participant %s: %+v", want, evs[0].Participants)
		}
	}
}

// TestOfficialStatementOnDialogue: a lone official speaking on dialogue is
// a development dated by its day.
func TestOfficialStatementOnDialogue(t *testing.T) {
	evs := development(Default().Extract(article("",
		"\"The opposition must return to dialogue with the government,\" Iran's Deputy Foreign Minister Hossein Amir-Abdollahian said on Tuesday.")))
	if len(evs) != 1 || evs[0].Kind != sitrep.KindStatement || evs[0].Day.Weekday().String() != "Tuesday" {
		t.Fatalf("got %+v", evs)
	}
}

// TestCapitalStandsForItsCountry: "talks with Kabul" involves Afghanistan.
func TestCapitalStandsForItsCountry(t *testing.T) {
	evs := development(Default().Extract(article("",
		"Pakistan's Foreign Minister Ishaq Dar said on Tuesday that Islamabad wanted to restart talks with Kabul on border security.")))
	if len(evs) != 1 {
		t.Fatalf("got %+v", evs)
	}
	got := strings.Join(evs[0].Countries, "|")
	for _, want := range []string{"Pakistan", "Afghanistan"} {
		if !strings.Contains(got, want) {
			t.Errorf("countries %q lack %s", got, want)
		}
	}
}
