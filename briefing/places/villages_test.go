package places

import "testing"

// findMention returns the mention written as text, if Find gives one.
func findMention(g *Gazetteer, body, text string) (Mention, bool) {
	for _, m := range g.Find(body, Hint{}) {
		if m.Text == text {
			return m, true
		}
	}
	return Mention{}, false
}

// TestVillagesPlacedAtTheirProvince checks that a village the gazetteer
// lacks by its spelling takes a region from its context when its sentence
// names none.
func TestVillagesPlacedAtTheirProvince(t *testing.T) {
	g := Default()
	tests := []struct {
		name, body, village, admin string
	}{
		{"unlisted spelling of a village in a region the text names",
			"Warplanes pounded Aleppo province overnight. Four people died when a barrel bomb hit the village of Taduf, activists said.",
			"Taduf", "Aleppo Governorate"},
		{"unlisted spelling whose region the text does not name",
			"Syrian troops advanced on Wednesday. Residents fled the village of Daret Izza after the shelling.",
			"Daret Izza", "Aleppo Governorate"},
		{"the town named before it in the paragraph",
			"Fighting raged around Manbij for a third day. Most of the dead were sheltering in the nearby village of Umm Qurra, the monitor said.",
			"Umm Qurra", "Aleppo Governorate"},
		{"the same village placed in another sentence",
			"Jets struck the village of Khirbet Sawan at dawn. Khirbet Sawan, a village in the Hama countryside, has been shelled for weeks.",
			"Khirbet Sawan", "Hama Governorate"},
		{"the region the article names most",
			"Rebels in Idlib province said government jets had struck twice.\n\nIn the village of Kherbet Mawaz, six people died.\n\nIdlib has been bombed daily.",
			"Kherbet Mawaz", "Idlib Governorate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := findMention(g, tt.body, tt.village)
			if !ok {
				t.Fatalf("no mention %q in %q: %v", tt.village, tt.body, g.Find(tt.body, Hint{}))
			}
			if m.Place.Admin != tt.admin || m.Place.Country != "Syria" || m.Kind != KindVillage {
				t.Errorf("%q = %s {%q %q}, want village in %q, Syria", tt.village, m.Kind, m.Place.Admin, m.Place.Country, tt.admin)
			}
		})
	}
}

// TestVillageNameStopsBeforeSource checks that a village's name stops
// before an organisation, agency or demonym written after it when the
// commas are lost.
func TestVillageNameStopsBeforeSource(t *testing.T) {
	g := Default()
	tests := []struct{ body, want, junk string }{
		{"Eleven died in the eastern Syrian town of Jdeidet Bakkara Syrian Observatory for Human Rights said.", "Jdeidet Bakkara", "Jdeidet Bakkara Syrian Observatory"},
		{"Families hid in the village of Kafr Jales Amnesty International said on Friday.", "Kafr Jales", "Kafr Jales Amnesty International"},
		{"Shells fell on the village of Zor Maghar AFP reported.", "Zor Maghar", "Zor Maghar AFP"},
	}
	for _, tt := range tests {
		for _, m := range g.Find(tt.body, Hint{}) {
			if m.Text == tt.junk {
				t.Errorf("%q: mention %q runs into the source", tt.body, m.Text)
			}
		}
		if tt.want == "" {
			continue
		}
		if _, ok := findMention(g, tt.body, tt.want); !ok {
			t.Errorf("%q: no mention %q", tt.body, tt.want)
		}
	}
}

// TestLostApostrophes checks possessives whose apostrophe was lost on the
// way into the feed: a city's is the city, a country's is context only.
func TestLostApostrophes(t *testing.T) {
	g := Default()
	body := "Rebels shelled Aleppos western districts as Syrias government vowed to retake the city."
	if m, ok := findMention(g, body, "Aleppos"); !ok || m.Place.Name != "Aleppo" {
		t.Errorf("Aleppos = %+v, %v; want Aleppo", m.Place, ok)
	}
	if m, ok := findMention(g, body, "Syrias"); ok {
		t.Errorf("Syrias is a mention %+v; want context only", m)
	}
	body = "Snipers fired into Aleppo's Salaheddine neighbourhood."
	if m, ok := findMention(g, body, "Salaheddine"); !ok || m.Kind != KindVillage || m.Place.Admin != "Aleppo Governorate" {
		t.Errorf("Salaheddine = %+v, %v; want a neighbourhood in Aleppo Governorate", m, ok)
	}
}

// TestCountryCapital checks "the Syrian capital" and "Iraq's capital".
func TestCountryCapital(t *testing.T) {
	g := Default()
	for body, want := range map[string]string{
		"Mortar rounds struck a school in the Syrian capital on Sunday.": "Damascus",
		"Car bombs shook Iraq's capital overnight.":                      "Baghdad",
	} {
		ms := g.Find(body, Hint{})
		found := false
		for _, m := range ms {
			found = found || m.Place.Name == want && m.Kind == KindCity
		}
		if !found {
			t.Errorf("%q: no mention of %s in %v", body, want, ms)
		}
	}
}

// TestVillageNameKeepsCommonWords checks that a village the gazetteer lacks
// keeps every capitalised word of its name when a cue marks it, even words
// English also uses ("Pa", "Sin").
func TestVillageNameKeepsCommonWords(t *testing.T) {
	g := Default()
	tests := []struct{ body, want string }{
		{"Jets struck the village of Nam Pa Sin in Shan state on Tuesday, residents said.", "Nam Pa Sin"},
		{"Artillery hit Hpa Do Sin village in Myanmar's Shan state overnight.", "Hpa Do Sin"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			m, ok := findMention(g, tt.body, tt.want)
			if !ok {
				t.Fatalf("no mention %q in %+v", tt.want, g.Find(tt.body, Hint{}))
			}
			if m.Place.Name != tt.want || m.Place.Country != "Myanmar" {
				t.Errorf("got %+v, want %q in Myanmar", m.Place, tt.want)
			}
		})
	}
}
