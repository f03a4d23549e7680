package places

import "testing"

// TestLocativeSettlements checks that a name the gazetteer lacks, placed by
// a known region after it, comes out at that region, and that ordinary
// capitalised words in the same frame never become places.
func TestLocativeSettlements(t *testing.T) {
	cases := []struct {
		text, want, admin string // want "" means no unknown place may come out
	}{
		{"Jets bombed a camp near Laiza in Myanmar's northern Kachin state on Monday.", "Laiza", "Kachin State"},
		{"Troops shelled positions outside Tokhar in Aleppo province.", "Tokhar", "Aleppo Governorate"},
		{"The talks resumed in March in Damascus.", "", ""},
		{"Protesters gathered outside Parliament in London.", "", ""},
		{"Fighting near Ahmed in Idlib was reported.", "", ""},
	}
	for _, c := range cases {
		var got *Mention
		ms := Default().Find(c.text, Hint{})
		for i := range ms {
			if ms[i].Kind == KindVillage {
				got = &ms[i]
			}
		}
		switch {
		case c.want == "" && got != nil:
			t.Errorf("%q: junk place %+v", c.text, got.Place)
		case c.want != "" && got == nil:
			t.Errorf("%q: no place %s in %+v", c.text, c.want, ms)
		case c.want != "" && (got.Place.Name != c.want || got.Place.Admin != c.admin):
			t.Errorf("%q: %+v, want %s in %s", c.text, got.Place, c.want, c.admin)
		}
	}
}
