package actors

import "testing"

// TestArmedGroupsBeyondSyria checks that groups of other wars resolve by
// the names wire copy gives them.
func TestArmedGroupsBeyondSyria(t *testing.T) {
	tab := Default()
	for alias, want := range map[string]string{
		"ADF rebels":               "Allied Democratic Forces",
		"National Liberation Army": "ELN",
		"former FARC rebels":       "FARC dissidents",
		"M23 rebels":               "M23",
		"Fano militia":             "Fano",
	} {
		a, ok := tab.Actor(alias)
		if !ok || a.Name != want {
			t.Errorf("%q resolved to %+v, want %s", alias, a, want)
		}
	}
}
