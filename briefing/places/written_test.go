package places

import (
	"testing"

	"github.com/sitrep-bot/sitrep/briefing/translit"
)

// TestPlaceNamedAsWritten checks that a place the gazetteer lists with the
// Arabic article keeps the name the copy gives it, and the gazetteer's
// key, region and point, so reports written either way still group.
func TestPlaceNamedAsWritten(t *testing.T) {
	g := Default()
	tests := []struct {
		body, text, want, gazetteer string
	}{
		{"Gunmen attacked an army checkpoint in Dujayl late on Sunday, police said.", "Dujayl", "Dujayl", "Ad Dujayl"},
		{"A roadside bomb exploded in Shatrah on Sunday, killing two policemen.", "Shatrah", "Shatrah", "Ash Shatrah"},
		{"Government shelling hit Sanamayn in Deraa province overnight.", "Sanamayn", "Sanamayn", "As Sanamayn"},
		{"A car bomb went off in Zubayr, south of Basra, on Friday.", "Zubayr", "Zubayr", "Az Zubayr"},
		// Written with the article, the name stays as the gazetteer has it.
		{"Gunmen attacked an army checkpoint in Ad Dujayl late on Sunday.", "Ad Dujayl", "Ad Dujayl", "Ad Dujayl"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			m, ok := findMention(g, tt.body, tt.text)
			if !ok {
				t.Fatalf("no mention %q in %+v", tt.text, g.Find(tt.body, Hint{}))
			}
			if m.Place.Name != tt.want {
				t.Errorf("named %q, want %q", m.Place.Name, tt.want)
			}
			ref, ok := g.Lookup(tt.gazetteer, "")
			if !ok {
				t.Fatalf("no gazetteer place %q", tt.gazetteer)
			}
			if m.Place.Key != ref.Key || m.Place.Key != translit.Key(tt.gazetteer) || m.Place.Admin != ref.Admin || m.Place.Lat != ref.Lat || m.Place.Lon != ref.Lon {
				t.Errorf("placed at %+v, want the gazetteer's %+v", m.Place, ref)
			}
		})
	}
}

// TestAsWritten checks when a text's spelling replaces the gazetteer's.
func TestAsWritten(t *testing.T) {
	tests := []struct{ name, mention, want string }{
		{"At Tall", "Tall", "Tall"},
		{"Ar-Rutbah", "Rutbah", "Rutbah"},
		{"Al Qaim", "AL QAIM", "Al Qaim"}, // a dateline's capitals
		{"Saraqib", "Saraqeb", "Saraqib"}, // another spelling, not the article
		{"Anbar", "bar", "Anbar"},
		{"San Remo", "Remo", "San Remo"},
	}
	for _, tt := range tests {
		if got := asWritten(tt.name, tt.mention); got != tt.want {
			t.Errorf("asWritten(%q, %q) = %q, want %q", tt.name, tt.mention, got, tt.want)
		}
	}
}
