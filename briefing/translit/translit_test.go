package translit

import "testing"

func TestKeySharedBySpellings(t *testing.T) {
	groups := [][]string{
		{"Moualem", "Muallem", "Moallem", "al-Moualem", "Al Muallem"},
		{"Raqqa", "Raqa", "Ar-Raqqah", "Al-Raqqa", "Rakka"},
		{"Deir Ezzor", "Deir ez-Zor", "Dayr az-Zawr", "Deir al-Zor"},
		{"Homs", "Hims"},
		{"Walid al-Moualem", "Walid Muallem"},
		{"Hasakah", "Hasaka", "Al-Hasakeh"},
	}
	for _, g := range groups {
		want := Key(g[0])
		for _, s := range g[1:] {
			if got := Key(s); got != want {
				t.Errorf("Key(%q) = %q, want %q as for %q", s, got, want, g[0])
			}
		}
	}
}

func TestKeyTellsNamesApart(t *testing.T) {
	pairs := [][2]string{{"Raqqa", "Idlib"}, {"Homs", "Hama"}, {"Putin", "Lavrov"}, {"Aleppo", "Deir Ezzor"}}
	for _, p := range pairs {
		if Key(p[0]) == Key(p[1]) {
			t.Errorf("Key(%q) == Key(%q) == %q", p[0], p[1], Key(p[0]))
		}
	}
}
