package places

import (
	"strings"
	"sync"
	"testing"
)

// TestSyrianGovernorates checks the alias table for the 14 governorates and
// their main cities: every spelling lands in the right governorate.
func TestSyrianGovernorates(t *testing.T) {
	g := Default()
	tests := []struct {
		spellings []string
		name      string
		admin     string
	}{
		{[]string{"Damascus", "Dimashq"}, "Damascus", "Damascus Governorate"},
		{[]string{"Rif Dimashq", "Rural Damascus", "Damascus countryside", "Reef Dimashq"}, "Rif Dimashq Governorate", "Rif Dimashq Governorate"},
		{[]string{"Aleppo", "Halab"}, "Aleppo", "Aleppo Governorate"},
		{[]string{"Homs", "Hims"}, "Homs", "Homs Governorate"},
		{[]string{"Hama", "Hamah"}, "Hama", "Hama Governorate"},
		{[]string{"Idlib", "Idleb", "Edlib"}, "Idlib", "Idlib Governorate"},
		{[]string{"Latakia", "Lattakia"}, "Latakia", "Latakia Governorate"},
		{[]string{"Tartus", "Tartous"}, "Tartus", "Tartus Governorate"},
		{[]string{"Raqqa", "Raqa", "Ar-Raqqah", "Rakka", "al-Raqqa"}, "Raqqa", "Raqqa Governorate"},
		{[]string{"Deir ez-Zor", "Deir Ezzor", "Deir al-Zor", "Dayr az-Zawr", "Deir el-Zour"}, "Deir ez-Zor", "Deir ez-Zor Governorate"},
		{[]string{"Hasakah", "Hasakeh", "Hassakeh", "Al-Hasakah"}, "Hasakah", "Al-Hasakah Governorate"},
		{[]string{"Daraa", "Deraa", "Dara'a"}, "Daraa", "Daraa Governorate"},
		{[]string{"Suwayda", "Sweida"}, "Suwayda", "Suwayda Governorate"},
		{[]string{"Quneitra"}, "Quneitra", "Quneitra Governorate"},
		{[]string{"Palmyra", "Tadmur", "Tadmor"}, "Palmyra", "Homs Governorate"},
		{[]string{"Douma", "Duma", "Eastern Ghouta", "Ghouta"}, "", "Rif Dimashq Governorate"},
		{[]string{"Jobar"}, "Jobar", "Damascus Governorate"},
		{[]string{"Al-Bab", "Al Bab"}, "Al-Bab", "Aleppo Governorate"},
		{[]string{"Kobani", "Ain al-Arab"}, "Kobani", "Aleppo Governorate"},
		{[]string{"Qamishli"}, "Qamishli", "Al-Hasakah Governorate"},
		{[]string{"Manbij"}, "Manbij", "Aleppo Governorate"},
		{[]string{"Jarablus"}, "Jarablus", "Aleppo Governorate"},
		{[]string{"Maarat al-Numan", "Maarrat al-Numan", "Ma'arrat al-Nu'man"}, "Maarat al-Numan", "Idlib Governorate"},
		{[]string{"Khan Sheikhoun", "Khan Shaykhun"}, "Khan Sheikhoun", "Idlib Governorate"},
		{[]string{"Abu al-Duhur", "Abu al-Duhour"}, "Abu al-Duhur", "Idlib Governorate"},
	}
	for _, tt := range tests {
		for _, s := range tt.spellings {
			p, ok := g.Lookup(s, "Syria")
			if !ok {
				t.Errorf("Lookup(%q) found nothing", s)
				continue
			}
			if tt.name != "" && p.Name != tt.name || p.Admin != tt.admin || p.Country != "Syria" {
				t.Errorf("Lookup(%q) = %q, %q, %q; want %q, %q, Syria", s, p.Name, p.Admin, p.Country, tt.name, tt.admin)
			}
		}
	}
}

// TestSpellingsShareKey checks that the spellings of one place share a Key.
func TestSpellingsShareKey(t *testing.T) {
	g := Default()
	for _, group := range [][]string{
		{"Raqqa", "Ar-Raqqah", "Rakka"},
		{"Deir Ezzor", "Dayr az-Zawr", "Deir el-Zour"},
		{"Kiev", "Kyiv"},
	} {
		want, _ := g.Lookup(group[0], "")
		for _, s := range group[1:] {
			if p, _ := g.Lookup(s, ""); p.Key != want.Key || p.Key == "" {
				t.Errorf("Lookup(%q).Key = %q, want %q as for %q", s, p.Key, want.Key, group[0])
			}
		}
	}
}

type wantMention struct {
	text, name, admin, country, kind string
}

func checkMentions(t *testing.T, g *Gazetteer, text string, hint Hint, want []wantMention) {
	t.Helper()
	got := g.Find(text, hint)
	for _, m := range got {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("%q: mention %q has offsets [%d,%d) = %q", text, m.Text, m.Start, m.End, text[m.Start:m.End])
		}
	}
	if len(got) != len(want) {
		var s []string
		for _, m := range got {
			s = append(s, m.Text+"→"+m.Place.Name)
		}
		t.Errorf("%q: got %d mentions %q, want %d", text, len(got), s, len(want))
		return
	}
	for i, w := range want {
		m := got[i]
		if m.Text != w.text || (w.name != "" && m.Place.Name != w.name) || m.Place.Admin != w.admin || m.Place.Country != w.country || m.Kind != w.kind {
			t.Errorf("%q: mention %d = %q %s {%q %q %q}, want %q %s {%q %q %q}", text, i,
				m.Text, m.Kind, m.Place.Name, m.Place.Admin, m.Place.Country, w.text, w.kind, w.name, w.admin, w.country)
		}
	}
}

func TestFindWireCopy(t *testing.T) {
	g := Default()
	tests := []struct {
		text string
		want []wantMention
	}{
		{"Government air strikes killed at least 14 civilians in Douma and Harasta, in the rebel-held Eastern Ghouta, on Sunday.",
			[]wantMention{
				{"Douma", "Douma", "Rif Dimashq Governorate", "Syria", KindCity},
				{"Harasta", "Harasta", "Rif Dimashq Governorate", "Syria", KindCity},
				{"Eastern Ghouta", "Eastern Ghouta", "Rif Dimashq Governorate", "Syria", KindCity},
			}},
		{"Turkish-backed rebels pushed into al-Bab, northeast of Aleppo, after weeks of fighting.",
			[]wantMention{
				{"al-Bab", "Al-Bab", "Aleppo Governorate", "Syria", KindCity},
				{"Aleppo", "Aleppo", "Aleppo Governorate", "Syria", KindCity},
			}},
		{"Mortar rounds fell on Jobar, on the eastern edge of Damascus, state media reported.",
			[]wantMention{
				{"Jobar", "Jobar", "Damascus Governorate", "Syria", KindCity},
				{"Damascus", "Damascus", "Damascus Governorate", "Syria", KindCity},
			}},
		{"Islamic State militants blew up more of the ancient ruins of Palmyra, known in Arabic as Tadmur.",
			[]wantMention{
				{"Palmyra", "Palmyra", "Homs Governorate", "Syria", KindCity},
				{"Tadmur", "Palmyra", "Homs Governorate", "Syria", KindCity},
			}},
		{"Warplanes struck Abu al-Duhur and the outskirts of Saraqeb in Idlib province.",
			[]wantMention{
				{"Abu al-Duhur", "Abu al-Duhur", "Idlib Governorate", "Syria", KindCity},
				{"Saraqeb", "Saraqib", "Idlib Governorate", "Syria", KindCity},
				{"Idlib province", "Idlib Governorate", "Idlib Governorate", "Syria", KindRegion},
			}},
		{"The SDF said it had taken Deir Ezzor's Conoco gas field.",
			[]wantMention{{"Deir Ezzor", "Deir ez-Zor", "Deir ez-Zor Governorate", "Syria", KindCity}}},
		{"Shelling in the Hama countryside killed three, while Raqqa province saw clashes.",
			[]wantMention{
				{"Hama countryside", "Hama Governorate", "Hama Governorate", "Syria", KindRegion},
				{"Raqqa province", "Raqqa Governorate", "Raqqa Governorate", "Syria", KindRegion},
			}},
		{"Iraqi forces retook west Mosul while car bombs hit Baghdad and Fallujah.",
			[]wantMention{
				{"Mosul", "Mosul", "Nineveh Governorate", "Iraq", KindCity},
				{"Baghdad", "Baghdad", "Baghdad Governorate", "Iraq", KindCity},
				{"Fallujah", "Fallujah", "Anbar Governorate", "Iraq", KindCity},
			}},
		{"Saudi-led coalition jets bombed Hodeidah and Sanaa; fighting continued in Taiz.",
			[]wantMention{
				{"Hodeidah", "Hodeidah", "Hodeidah Governorate", "Yemen", KindCity},
				{"Sanaa", "Sanaa", "Amanat al-Asimah", "Yemen", KindCity},
				{"Taiz", "Taiz", "Taiz Governorate", "Yemen", KindCity},
			}},
		{"Russian missiles hit Kharkiv and Odessa overnight, Ukraine's air force said.",
			[]wantMention{
				{"Kharkiv", "Kharkiv", "Kharkiv Oblast", "Ukraine", KindCity},
				{"Odessa", "Odesa", "Odesa Oblast", "Ukraine", KindCity},
				{"Ukraine", "Ukraine", "", "Ukraine", KindCountry},
			}},
		{"Israeli strikes on Khan Younis and Rafah in the southern Gaza Strip killed 20 people.",
			[]wantMention{
				{"Khan Younis", "Khan Yunis", "Gaza Strip", "Palestine", KindCity},
				{"Rafah", "Rafah", "Gaza Strip", "Palestine", KindCity},
				{"Gaza Strip", "Gaza Strip", "Gaza Strip", "Palestine", KindRegion},
			}},
		{"Putin and Erdogan met in Sochi to discuss Idlib.",
			[]wantMention{
				{"Sochi", "Sochi", "Krasnodar Krai", "Russia", KindCity},
				{"Idlib", "Idlib", "Idlib Governorate", "Syria", KindCity},
			}},
		{"Clashes erupted in Benghazi and Derna, in eastern Libya.",
			[]wantMention{
				{"Benghazi", "Benghazi", "Benghazi District", "Libya", KindCity},
				{"Derna", "Derna", "Derna District", "Libya", KindCity},
				{"Libya", "Libya", "", "Libya", KindCountry},
			}},
	}
	for _, tt := range tests {
		checkMentions(t, g, tt.text, Hint{}, tt.want)
	}
}

// TestFindIgnoresWordsAndNames checks the stop list and the rules for
// names that are usually words or people: none of these is a place.
func TestFindIgnoresWordsAndNames(t *testing.T) {
	g := Default()
	for _, text := range []string{
		"Most of the dead were civilians, police said. Best estimates put the toll at 40.",
		"The Islamic State group claimed the attack through its Amaq news agency.",
		"Victoria Nuland said Reading the report was grim. Nice work, said Police chief Eagle.",
		"Assad forces pounded rebel positions, Bashar al-Assad's office said.",
		"Hezbollah and Al Qaeda fighters joined Ahrar al-Sham and Jabhat Fateh al-Sham.",
		"Of the 40 killed, Mobile phone footage showed, many were children.",
		"Syrian and Russian officials said the Iraqi and Turkish delegations would attend.",
		"Medics from the White Helmets said Doctors Without Borders had withdrawn.",
		"Foreign Minister Walid al-Moualem said Mr Hassan and Sheikh Ali were safe.",
	} {
		if got := g.Find(text, Hint{}); len(got) != 0 {
			var s []string
			for _, m := range got {
				s = append(s, m.Text+"→"+m.Place.Name+", "+m.Place.Country)
			}
			t.Errorf("Find(%q) = %q, want none", text, s)
		}
	}
}

func TestFindVillages(t *testing.T) {
	g := Default()
	tests := []struct {
		text string
		want []wantMention
	}{
		{"IS fighters stormed the village of Al-Shafah in Deir Ezzor province at dawn.",
			[]wantMention{
				{"Al-Shafah", "Al-Shafah", "Deir ez-Zor Governorate", "Syria", KindVillage},
				{"Deir Ezzor province", "Deir ez-Zor Governorate", "Deir ez-Zor Governorate", "Syria", KindRegion},
			}},
		{"Seven were killed in Kfar Zeitoun, a village in the northern Hama countryside.",
			[]wantMention{
				{"Kfar Zeitoun", "Kfar Zeitoun", "Hama Governorate", "Syria", KindVillage},
				{"Hama countryside", "Hama Governorate", "Hama Governorate", "Syria", KindRegion},
			}},
		{"In Idlib, barrel bombs fell on the town of Hazanu, activists said.",
			[]wantMention{
				{"Idlib", "Idlib", "Idlib Governorate", "Syria", KindCity},
				{"Hazanu", "Hazanu", "Idlib Governorate", "Syria", KindVillage},
			}},
		{"Snipers fired into the Bustan al-Qasr neighbourhood of Aleppo.",
			[]wantMention{
				{"Bustan al-Qasr", "Bustan al-Qasr", "Aleppo Governorate", "Syria", KindVillage},
				{"Aleppo", "Aleppo", "Aleppo Governorate", "Syria", KindCity},
			}},
		{"Regime forces shelled the Qadam district of Damascus.",
			[]wantMention{
				{"Qadam", "Qadam", "Damascus Governorate", "Syria", KindVillage},
				{"Damascus", "Damascus", "Damascus Governorate", "Syria", KindCity},
			}},
	}
	for _, tt := range tests {
		checkMentions(t, g, tt.text, Hint{}, tt.want)
	}
}

// TestFindByCountryContext checks that a country named in the text or the
// hint picks between places of one name.
func TestFindByCountryContext(t *testing.T) {
	g := Default()
	tests := []struct {
		text    string
		hint    Hint
		country string
	}{
		{"Gunmen opened fire in Tripoli on Friday.", Hint{}, "Libya"},
		{"Gunmen opened fire in Tripoli on Friday.", Hint{Country: "Lebanon"}, "Lebanon"},
		{"Lebanese troops deployed in Tripoli after clashes.", Hint{}, "Lebanon"},
		{"Protesters gathered in Alexandria.", Hint{}, "Egypt"},
		{"Protesters gathered in Alexandria.", Hint{Country: "United States"}, "United States"},
		{"Protesters gathered in Alexandria, Virginia, after the American ruling.", Hint{}, "United States"},
	}
	for _, tt := range tests {
		ms := g.Find(tt.text, tt.hint)
		if len(ms) == 0 || ms[0].Place.Country != tt.country {
			t.Errorf("Find(%q, %+v) = %+v, want first mention in %s", tt.text, tt.hint, ms, tt.country)
		}
	}
}

func TestLookupHint(t *testing.T) {
	g := Default()
	if p, _ := g.Lookup("Tripoli", "Lebanon"); p.Country != "Lebanon" {
		t.Errorf("Lookup(Tripoli, Lebanon) = %+v", p)
	}
	if p, _ := g.Lookup("Tripoli", ""); p.Country != "Libya" {
		t.Errorf("Lookup(Tripoli) = %+v", p)
	}
	if p, ok := g.Lookup("Idlib province", ""); !ok || p.Name != "Idlib Governorate" {
		t.Errorf("Lookup(Idlib province) = %+v, %v", p, ok)
	}
	if _, ok := g.Lookup("Xqzzyv", ""); ok {
		t.Error("Lookup(Xqzzyv) found a place")
	}
}

func TestCountry(t *testing.T) {
	g := Default()
	for in, want := range map[string]string{
		"Syrian": "Syria", "Syria": "Syria", "Syrian Arab Republic": "Syria", "Russian Federation": "Russia",
		"Russian": "Russia", "Iraqi": "Iraq", "Turkish": "Turkey", "Türkiye": "Turkey", "Iranian": "Iran",
		"U.S.": "United States", "American": "United States", "British": "United Kingdom", "UK": "United Kingdom",
		"Lebanese": "Lebanon", "Yemeni": "Yemen", "Ukrainian": "Ukraine", "Palestinian": "Palestine", "SY": "Syria",
	} {
		if got, ok := g.Country(in); !ok || got != want {
			t.Errorf("Country(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"Aleppo", "Reuters", ""} {
		if got, ok := g.Country(in); ok {
			t.Errorf("Country(%q) = %q, want none", in, got)
		}
	}
}

func TestRegion(t *testing.T) {
	g := Default()
	p, _ := g.Lookup("Douma", "Syria")
	got := strings.Join(g.Region(p), "|")
	if got != "Douma|Rif Dimashq Governorate|Rif Dimashq|Syria" {
		t.Errorf("Region(Douma) = %q", got)
	}
}

func TestFindConcurrent(t *testing.T) {
	g := Default()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 20 {
				if ms := g.Find(article5K[:500], Hint{}); len(ms) == 0 {
					t.Error("no mentions")
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestLoadRejectsBadRows(t *testing.T) {
	base := Sources{Countries: []byte("SY\tSyria\t35\t38\t\tSyrian\n")}
	for name, src := range map[string]Sources{
		"bad coordinates": {Countries: []byte("SY\tSyria\t135\t38\n")},
		"bad country":     {Countries: []byte("Syria\n")},
		"unknown country": {Countries: base.Countries, Aliases: []byte("Raqa\tRaqqa\tAtlantis\n")},
		"bad population":  {Countries: base.Countries, Cities: []byte("Raqqa\tSY\t04\t35.9\t39.0\tmany\tPPLA\t\n")},
		"unknown region":  {Countries: base.Countries, Aliases: []byte("Jobar\tJobar\tSyria\tNowhere Governorate\n")},
	} {
		if _, err := Load(src); err == nil || !strings.HasPrefix(err.Error(), "places: ") {
			t.Errorf("%s: Load error = %v, want one starting places:", name, err)
		}
	}
}

func TestLoadSmall(t *testing.T) {
	g, err := Load(Sources{
		Countries: []byte("SY\tSyria\t35\t38\t\tSyrian\n"),
		Admin1:    []byte("SY.04\tRaqqa Governorate\t35.95\t39.01\tRaqqa\n"),
		Cities:    []byte("Ar Raqqah\tSY\t04\t35.95\t39.01\t177636\tPPLA\traqqa\n"),
		Aliases:   []byte("Rakka\tRaqqa\tSyria\n"),
	})
	if err != nil {
		t.Fatal(err)
	}
	ms := g.Find("Jets struck Rakka and Ar-Raqqah again.", Hint{})
	if len(ms) != 2 || ms[0].Place.Name != "Raqqa" || ms[1].Place.Admin != "Raqqa Governorate" {
		t.Errorf("Find = %+v", ms)
	}
}

// TestFindHostileInput checks that odd text neither panics nor invents places.
func TestFindHostileInput(t *testing.T) {
	g := Default()
	for _, text := range []string{
		"", " ", "-", "'s", "Al", "al-", "U.S.", "\xff\xfeAleppo\xff", strings.Repeat("Al-", 1000),
		strings.Repeat("A", 100000), "Aleppo's", "ALEPPO", "Deir ez-",
	} {
		for _, m := range g.Find(text, Hint{Country: "\xff"}) {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Errorf("Find(%.20q): bad offsets %+v", text, m)
			}
		}
		g.Lookup(text, text)
		g.Country(text)
	}
	if ms := g.Find("Aleppo's old city", Hint{}); len(ms) != 1 || ms[0].Text != "Aleppo" {
		t.Errorf("possessive: %+v", ms)
	}
}

func TestIsCapital(t *testing.T) {
	g := Default()
	for name, want := range map[string]bool{"Damascus": true, "Moscow": true, "Aleppo": false, "Sochi": false} {
		p, ok := g.Lookup(name, "")
		if !ok {
			t.Fatalf("Lookup(%q) found nothing", name)
		}
		if got := g.IsCapital(p); got != want {
			t.Errorf("IsCapital(%s) = %v, want %v", name, got, want)
		}
	}
}
