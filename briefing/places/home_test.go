package places

import "testing"

// TestHomeAdjectiveIsNoContext: "a UK-based monitor" says where a body sits,
// not where the story is, so it does not open the country to unlisted
// spellings of its places.
func TestHomeAdjectiveIsNoContext(t *testing.T) {
	for _, m := range Default().Find("Airwars, a UK-based monitor that tracks civilian harm, said at least 10 civilians had been killed in Saada.", Hint{Country: "Yemen"}) {
		if m.Place.Country == "United Kingdom" {
			t.Errorf("%q read as %+v", m.Text, m.Place)
		}
	}
}
