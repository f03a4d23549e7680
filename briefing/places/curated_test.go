package places

import "testing"

// TestAliasTablePlacesAreLocated checks that every place the alias table
// names resolved to a region and coordinates: a canonical name GeoNames
// lacks must say its region.
func TestAliasTablePlacesAreLocated(t *testing.T) {
	g := Default()
	for i, e := range g.entries {
		if !e.curated || e.kind == kCountry {
			continue
		}
		p := g.place(int32(i))
		if p.Admin == "" || p.Country == "" || p.Lat == 0 && p.Lon == 0 {
			t.Errorf("alias table place %q (%s) has no region or coordinates: %+v", p.Name, g.str(e.cc), p)
		}
	}
}
