package actors

import "testing"

// TestAirCapability: states and coalitions strike from the air; armed
// groups do not, except by drone where the data says they have drones.
func TestAirCapability(t *testing.T) {
	tab := Default()
	cases := []struct {
		name         string
		plane, drone bool
	}{
		{"Syrian government", true, true},
		{"US-led coalition", true, true},
		{"Islamic State", false, false},
		{"Syrian rebels", false, false},
		{"Houthis", false, true},
		{"Rapid Support Forces", false, true},
	}
	for _, c := range cases {
		a, ok := tab.Actor(c.name)
		if !ok {
			t.Fatalf("no actor %q", c.name)
		}
		if got := a.CanAirStrike(false); got != c.plane {
			t.Errorf("%s CanAirStrike(false) = %v, want %v", c.name, got, c.plane)
		}
		if got := a.CanAirStrike(true); got != c.drone {
			t.Errorf("%s CanAirStrike(true) = %v, want %v", c.name, got, c.drone)
		}
	}
}
