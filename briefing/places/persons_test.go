package places

import "testing"

// TestSurnameNotFuzzyPlace: an unlisted spelling that sounds like a place
// is a surname after a first name or title, and a place elsewhere.
func TestSurnameNotFuzzyPlace(t *testing.T) {
	g := Default()
	tests := []struct {
		name, text string
		want       string // place name expected for "Atareb"/"Barazi", "" for none
		word       string
	}{
		{"after first name", "Talal Barazi, the governor, said on Monday that Syrian troops had reopened the road.", "", "Barazi"},
		{"after title at sentence start", "Colonel Barazi told reporters in Syria that the road was open.", "", "Barazi"},
		{"unlisted spelling", "Warplanes struck rebel-held Atareb in Syria on Monday.", "Atarib", "Atareb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			for _, m := range g.Find(tt.text, Hint{Country: "Syria"}) {
				if m.Text == tt.word {
					got = m.Place.Name
				}
			}
			if got != tt.want {
				t.Errorf("%q read as %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}
