package actors

import (
	"strings"
	"testing"

	"github.com/sitrep-bot/sitrep/briefing/text"
)

// demonyms stands in for the gazetteer's country lookup.
func demonyms(s string) (string, bool) {
	m := map[string]string{"Russian": "Russia", "Russia": "Russia", "Syrian": "Syria", "Syria": "Syria", "U.S.": "United States",
		"US": "United States", "French": "France", "France": "France", "Turkish": "Turkey", "Iranian": "Iran"}
	c, ok := m[s]
	return c, ok
}

func TestFindActors(t *testing.T) {
	tab := Default()
	tests := []struct {
		sentence string
		want     []string // canonical names in order, with suffix after a slash
	}{
		{"Syrian warplanes pounded IS-held areas of the city.", []string{"Syrian government", "Islamic State/held"}},
		{"Assad's warplanes struck a market, while the U.S.-led coalition hit ISIL oil sites.", []string{"Syrian government", "US-led coalition", "Islamic State"}},
		{"The Nusra Front, now known as Jabhat Fateh al-Sham, is not HTS.", []string{"Jabhat al-Nusra", "Jabhat al-Nusra", "Hayat Tahrir al-Sham"}},
		{"Houthi rebels fired a missile at the Saudi-led coalition.", []string{"Houthis", "Saudi-led coalition"}},
		{"It is unclear who is behind the attack.", nil},
		{"The Kurdish YPG militia and the SDF advanced.", []string{"YPG", "Syrian Democratic Forces"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range tab.Find(text.Tokenize(tt.sentence)) {
			s := m.Actor.Name
			if m.Suffix != "" {
				s += "/" + m.Suffix
			}
			got = append(got, s)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%q: got %v, want %v", tt.sentence, got, tt.want)
		}
	}
}

func TestSources(t *testing.T) {
	tab := Default()
	for phrase, want := range map[string]string{
		"the Britain-based monitor": "Syrian Observatory for Human Rights",
		"SOHR":                      "Syrian Observatory for Human Rights",
		"Syrian state television":   "Syrian state media",
		"the White Helmets":         "Syrian Civil Defence",
		"rescuers":                  "Syrian Civil Defence",
	} {
		if got, ok := tab.SourceIn(phrase, "Syria", nil); !ok || got != want {
			t.Errorf("SourceIn(%q, Syria) = %q, %v; want %q", phrase, got, ok, want)
		}
	}
}

// TestSourcesTiedToCountry: a description of a source ("the monitor",
// "civil defence", "a military source") names one country's body only in
// a story set there or one that names the body; elsewhere it names a body
// of that country when the table knows one, else nothing.
func TestSourcesTiedToCountry(t *testing.T) {
	tab := Default()
	cases := []struct {
		phrase, country string
		named           map[string]bool
		want            string // "" for no source
	}{
		{"the monitor", "Yemen", nil, ""},
		{"rescuers", "Ukraine", nil, ""},
		{"a military source", "Iraq", nil, ""},
		{"state media", "Iran", nil, ""},
		{"civil defence", "Palestine", nil, "Palestinian Civil Defence"},
		{"civil defence", "Iraq", nil, "Iraqi Civil Defence"},
		{"the Red Crescent", "Palestine", nil, "Palestine Red Crescent Society"},
		{"the Red Crescent", "Afghanistan", nil, ""},
		{"the monitor", "Turkey", map[string]bool{"Syrian Observatory for Human Rights": true}, "Syrian Observatory for Human Rights"},
		{"SOHR", "Lebanon", nil, "Syrian Observatory for Human Rights"},
		{"the White Helmets", "", nil, "Syrian Civil Defence"},
		{"medics", "Sudan", nil, "medics"},
	}
	for _, c := range cases {
		got, ok := tab.SourceIn(c.phrase, c.country, c.named)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("SourceIn(%q, %q) = %q, %v; want %q", c.phrase, c.country, got, ok, c.want)
		}
	}
	// Source knows no country: a description tied to one names nothing.
	if got, ok := tab.Source("the war monitor"); ok {
		t.Errorf("Source(the war monitor) = %q with no country", got)
	}
}

func TestPeople(t *testing.T) {
	tab := Default()
	tests := []struct {
		sentence, name, role, country string
	}{
		{"Russian President Vladimir Putin met him on Monday.", "Vladimir Putin", "President", "Russia"},
		{"Syrian Foreign Minister Walid al-Moualem arrived.", "Walid al-Moualem", "Foreign Minister", "Syria"},
		{"U.S. Secretary of State John Kerry said talks were near.", "John Kerry", "Secretary of State", "United States"},
		{"Kremlin spokesman Dmitry Peskov declined to comment.", "Dmitry Peskov", "Kremlin Spokesman", "Russia"},
		{"UN envoy Staffan de Mistura proposed a freeze.", "Staffan de Mistura", "UN Envoy", ""},
		{"Russia's Deputy Foreign Minister Mikhail Bogdanov said so.", "Mikhail Bogdanov", "Deputy Foreign Minister", "Russia"},
		{"Iranian Foreign Minister Mohammad Javad Zarif's visit ended.", "Mohammad Javad Zarif", "Foreign Minister", "Iran"},
		{"It was led by Foreign Minister Sergei Lavrov.", "Sergei Lavrov", "Foreign Minister", "Russia"},
		// Ranks written short with a dot, after an office or alone, and a
		// counterpart named by nationality.
		{"Army chairman Gen. Ahmed Haroun received the envoy.", "Ahmed Haroun", "Chairman", ""},
		{"Council deputy chairman Lt. Gen. Omar Zain met him.", "Omar Zain", "Deputy Chairman", ""},
		{"Maj. Gen. Ivan Petrenko said the front held.", "Ivan Petrenko", "Maj. Gen.", ""},
		{"Dr. Amal Haddad treated the wounded.", "Amal Haddad", "Dr.", ""},
		{"He spoke to his Turkish counterpart Kemal Aydin by phone.", "Kemal Aydin", "Counterpart", "Turkey"},
	}
	for _, tt := range tests {
		got := tab.People(text.Tokenize(tt.sentence), demonyms)
		if len(got) != 1 {
			t.Errorf("%q: got %d people %+v", tt.sentence, len(got), got)
			continue
		}
		p := got[0].Person
		if p.Name != tt.name || !strings.EqualFold(p.Role, tt.role) || p.Country != tt.country {
			t.Errorf("%q: got %+v", tt.sentence, p)
		}
	}
}

func TestRosterResolvesSurnames(t *testing.T) {
	tab := Default()
	r := tab.NewRoster()
	for _, pm := range tab.People(text.Tokenize("Syrian Foreign Minister Walid al-Moualem flew to Sochi to meet Foreign Minister Anwar Haddad."), demonyms) {
		r.Add(pm.Person)
	}
	for _, bare := range []string{"Muallem", "Moallem", "al-Moualem"} {
		p, ok := r.Resolve(bare)
		if !ok || p.Name != "Walid al-Moualem" || p.Country != "Syria" {
			t.Errorf("Resolve(%q) = %+v, %v", bare, p, ok)
		}
	}
	if p, ok := r.Resolve("Haddad"); !ok || p.Name != "Anwar Haddad" {
		t.Errorf("Resolve(Haddad) = %+v, %v", p, ok)
	}
	if p, ok := r.Resolve("Putin"); !ok || p.Country != "Russia" {
		t.Errorf("well-known Putin not resolved: %+v", p)
	}
	ms := r.Mentions(text.Tokenize("Putin and Muallem were discussing bilateral relations."), nil)
	if len(ms) != 2 || ms[1].Person.Name != "Walid al-Moualem" {
		t.Errorf("Mentions = %+v", ms)
	}
}

// TestPlaceWordsAreNotSurnames: a word that names a place, or only sounds
// like a well-known figure's surname, is no person; the surname spelled as
// the person spells it, or given with a title, still is.
func TestPlaceWordsAreNotSurnames(t *testing.T) {
	tab := Default()
	places := map[string]bool{"Baghdad": true, "Mosul": true, "Kandahar": true, "Aleppo": true}
	r := tab.NewPlaceRoster(func(w string) bool { return places[w] })
	for _, pm := range tab.People(text.Tokenize("Taliban commander Mullah Abdul Kandahari and militia leader Omar al-Mosuli spoke."), demonyms) {
		r.Add(pm.Person)
	}
	for _, bare := range []string{"Baghdad", "Kandahar", "Mosul", "Sisy", "Putinn"} {
		if p, ok := r.Resolve(bare); ok {
			t.Errorf("Resolve(%q) = %+v, want no one", bare, p)
		}
	}
	for bare, want := range map[string]string{"Baghdadi": "Abu Bakr al-Baghdadi", "Kandahari": "Mullah Abdul Kandahari", "Mosuli": "Omar al-Mosuli", "Sisi": "Abdel Fattah al-Sisi"} {
		if p, ok := r.Resolve(bare); !ok || p.Name != want {
			t.Errorf("Resolve(%q) = %+v, %v; want %s", bare, p, ok, want)
		}
	}
	// With a title, a spelling of the surname is the person.
	got := tab.People(text.Tokenize("President Erdoğan spoke."), demonyms)
	if len(got) != 1 || got[0].Person.Country != "Turkey" {
		t.Errorf("titled spelling not resolved: %+v", got)
	}
	ms := r.Mentions(text.Tokenize("Officials in Baghdad said Kandahar was calm."), func(i int) bool { return i == 2 })
	if len(ms) != 0 {
		t.Errorf("place words read as people: %+v", ms)
	}
}

func TestOrganisations(t *testing.T) {
	tab := Default()
	cases := []struct {
		sentence string
		want     []string
	}{
		{"The opposition National Coalition on Sunday rejected the plan.", []string{"National Coalition"}},
		{"Syria's main opposition coalition urged the envoy to act.", []string{"National Coalition"}},
		{"NATO and the European Union condemned the strike.", []string{"NATO", "European Union"}},
		{"The U.N. Security Council will meet on Friday.", []string{"UN Security Council"}},
		{"He is at the un-named base.", nil},
	}
	for _, c := range cases {
		var got []string
		for _, m := range tab.Organisations(text.Tokenize(c.sentence)) {
			got = append(got, m.Name)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: got %v, want %v", c.sentence, got, c.want)
		}
	}
}

func TestShortSurnamesMustBeSpelledAlike(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"Sochi", "Abdel Fattah al-Sisi", false},
		{"Assad", "Bashar al-Assad", true},
		{"Muallem", "Walid al-Moualem", true},
		{"Putin", "Vladimir Putin", true},
	} {
		if got := surnameKey(c.a) == surnameKey(c.b); got != c.same {
			t.Errorf("surnameKey(%q) == surnameKey(%q) is %v, want %v", c.a, c.b, got, c.same)
		}
	}
}
