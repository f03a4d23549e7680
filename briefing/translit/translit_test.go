package translit

import (
	"fmt"
	"strings"
	"testing"
)

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

func TestWordsDropsArticlesAndApostrophes(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Ar-Raqqah", "raqqah"},
		{"Deir ez-Zor", "deir zor"},
		{"Ma`arrat an-Nu`man", "maarrat numan"},
		{"Dar'a", "dara"},
		{"Taʿizz", "taizz"},
		{"Ḩamāh", "hamah"},
		{"Jisr ash-Shughur", "jisr shughur"},
		{"Al", "al"},
	}
	for _, tt := range tests {
		if got := strings.Join(Words(tt.in), " "); got != tt.want {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKeyPlaceSpellings(t *testing.T) {
	groups := [][]string{
		{"Deir Ezzor", "Deir el-Zour", "Deir al-Zour"},
		{"Daraa", "Dara'a", "Deraa"},
		{"Idlib", "Idleb"},
		{"Lattakia", "Latakia"},
		{"Hasakeh", "Hassakeh"},
		{"Tartus", "Tartous"},
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

// BenchmarkKey measures a name seen for the first time and one seen before.
func BenchmarkKey(b *testing.B) {
	b.Run("new", func(b *testing.B) {
		for b.Loop() {
			key("Walid al-Moualem")
		}
	})
	b.Run("seen", func(b *testing.B) {
		for b.Loop() {
			Key("Walid al-Moualem")
		}
	})
}

func TestKeyRemembersWithinItsBound(t *testing.T) {
	for i := range 3 * keyCacheSize {
		name := fmt.Sprintf("Town %d al-Raqqa", i)
		if got, want := Key(name), key(name); got != want {
			t.Fatalf("Key(%q) = %q, want %q", name, got, want)
		}
	}
	keys.Lock()
	n := len(keys.m)
	keys.Unlock()
	if n > keyCacheSize {
		t.Errorf("%d keys remembered, bound %d", n, keyCacheSize)
	}
}
