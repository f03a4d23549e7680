package places

import "testing"

// TestNamesOverSpellings checks that a place's own name outweighs another
// place's alternate spelling in a region the text names, that words for a
// faith are not places, and that a town news names by its short form is the
// town, not its governorate.
func TestNamesOverSpellings(t *testing.T) {
	tests := []struct {
		name, text, mention, want string
	}{
		{"own name over alternate", "Two men were hanged in the city of Karaj, west of Tehran, on Monday.", "Karaj", "Karaj"},
		{"town not governorate", "A drone hit a car in the southern town of Nabatieh on Friday.", "Nabatieh", "Nabatieh"},
		{"faith is not a place", "Gunmen fired on Hindu pilgrims near Jammu on Sunday.", "Hindu", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			for _, m := range Default().Find(tt.text, Hint{}) {
				if m.Text == tt.mention {
					got = m.Place.Name
					if m.Kind != KindCity {
						t.Errorf("%q read as a %s", tt.mention, m.Kind)
					}
				}
			}
			if got != tt.want {
				t.Errorf("%q resolved to %q, want %q", tt.mention, got, tt.want)
			}
		})
	}
}
