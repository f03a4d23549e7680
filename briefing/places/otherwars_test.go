package places

import "testing"

// TestFindInCopyFromOtherWars covers what copy from wars outside Syria
// names: a capitalised function word opening a sentence, "Congo" for the
// country whose towns the text names, a village the gazetteer lacks named
// by its territory, and a town the table keeps for a well-known spelling.
func TestFindInCopyFromOtherWars(t *testing.T) {
	g := Default()
	tests := []struct {
		name, text string
		want       map[string]string // mention text → "place, admin, country"; "" for no mention
	}{
		{"function words open sentences", "A drone hit a depot in Kherson. The city is still mourning. The blast shattered windows. Its mayor said repairs began.",
			map[string]string{"Kherson": "Kherson, Kherson Oblast, Ukraine", "The": "", "Its": ""}},
		{"a cue after a sentence-opening The", "The Kalamu camp was shelled on Monday, officials in Goma said.",
			map[string]string{"Kalamu": "Kalamu, North Kivu, Democratic Republic of the Congo", "The Kalamu": ""}},
		{"Congo near Goma", "Rebels killed ten villagers in eastern Congo, about 40 km from Goma.",
			map[string]string{"Congo": "Democratic Republic of the Congo, , Democratic Republic of the Congo"}},
		{"Congo with Brazzaville", "Floods killed ten people in Congo, officials in Brazzaville said.",
			map[string]string{"Congo": "Republic of the Congo, , Republic of the Congo"}},
		{"a territory of the DRC", "Militiamen attacked villages in Kibali territory of Ituri province on Monday.",
			map[string]string{"Kibali": "Kibali, Ituri, Democratic Republic of the Congo"}},
		{"a town the table keeps", "Rockets hit Foua and Kefraya on Monday, Syrian state media said.",
			map[string]string{"Foua": "Fuaa, Idlib Governorate, Syria", "Kefraya": "Kafraya, Idlib Governorate, Syria"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]string{}
			for _, m := range g.Find(tt.text, Hint{}) {
				got[m.Text] = m.Place.Name + ", " + m.Place.Admin + ", " + m.Place.Country
			}
			for text, want := range tt.want {
				if got[text] != want {
					t.Errorf("%q: got %q, want %q (all %q)", text, got[text], want, got)
				}
			}
		})
	}
}
