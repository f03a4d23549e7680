package places

import "testing"

// TestCompassNamedRegions: copy writes a region's compass word either way
// ("South Kordofan" for GeoNames' Southern Kordofan, "Northern Kivu" for
// North Kivu); both forms are the region, not the bare name after them.
func TestCompassNamedRegions(t *testing.T) {
	cases := []struct{ text, mention, region string }{
		{"Shelling hit Kadugli, the capital of South Kordofan state, on Monday.", "South Kordofan", "Southern Kordofan"},
		{"Militias torched villages in West Darfur overnight.", "West Darfur", "Western Darfur"},
		{"Fighting spread across Northern Kivu this week.", "Northern Kivu", "North Kivu"},
		{"Police in North Sinai said two officers were hurt.", "North Sinai", "North Sinai"},
		{"A drone strike in North Waziristan killed three militants.", "North Waziristan", ""},
	}
	for _, c := range cases {
		var got *Mention
		ms := Default().Find(c.text, Hint{})
		for i := range ms {
			if ms[i].Text == c.mention || ms[i].Text == c.mention+" state" {
				got = &ms[i]
			}
		}
		if got == nil {
			t.Errorf("%q: no mention %q in %+v", c.text, c.mention, ms)
			continue
		}
		if c.region != "" && (got.Kind != KindRegion || got.Place.Name != c.region) {
			t.Errorf("%q: %q read as %q (%s), want the region %q", c.text, c.mention, got.Place.Name, got.Kind, c.region)
		}
	}
}

// TestCompassVariant: only a compass word opening a name is swapped, and a
// name that is a compass word and a type word keeps its one form.
func TestCompassVariant(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"Northern Darfur", "North Darfur", true},
		{"West Kordofan", "Western Kordofan", true},
		{"Northern State", "", false},
		{"Eastern Province", "", false},
		{"Central Equatoria", "", false},
		{"Kassala", "", false},
	}
	for _, c := range cases {
		got, ok := compassVariant(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("compassVariant(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
