package places

import "testing"

// TestDemonym: the adjective a headline uses for a country, the hand-kept
// one where news words it differently from world-countries.
func TestDemonym(t *testing.T) {
	g := Default()
	for country, want := range map[string]string{
		"Syria": "Syrian", "United States": "U.S.", "Saudi Arabia": "Saudi", "South Korea": "South Korean",
		"Palestine": "Palestinian", "Netherlands": "Dutch", "Kazakhstan": "Kazakh", "Chad": "Chadian",
	} {
		if got, ok := g.Demonym(country); !ok || got != want {
			t.Errorf("Demonym(%q) = %q, %v; want %q", country, got, ok, want)
		}
	}
	for _, name := range []string{"Syrian", "Syrian government", "Raqqa", ""} {
		if got, ok := g.Demonym(name); ok {
			t.Errorf("Demonym(%q) = %q; want none for a name that is not a country's", name, got)
		}
	}
}
