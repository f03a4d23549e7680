package places

import "testing"

// TestAliasTablePlacesAreLocated checks that every place the alias table
// names resolved to a region and coordinates: a canonical name GeoNames
// lacks must say its region.
func TestAliasTablePlacesAreLocated(t *testing.T) {
	g := Default()
	for _, e := range g.entries {
		if !e.curated || e.kind == KindCountry {
			continue
		}
		if e.place.Admin == "" || e.place.Country == "" || e.place.Lat == 0 && e.place.Lon == 0 {
			t.Errorf("alias table place %q (%s) has no region or coordinates: %+v", e.place.Name, e.cc, e.place)
		}
	}
}
