package places

import (
	"slices"
	"strconv"
	"testing"
)

// TestMultimapKeepsOrderWhenFrozen checks that freezing keeps every key's
// values in the order they were added, and that keys never added, including
// prefixes and extensions of added ones, find nothing.
func TestMultimapKeepsOrderWhenFrozen(t *testing.T) {
	m := newMultimap[int32]()
	want := map[string][]int32{}
	// Many keys, so the hash table probes past collisions.
	for i := range int32(5000) {
		k := "k" + strconv.Itoa(int(i%1700))
		m.push(k, i)
		want[k] = append(want[k], i)
	}
	m.push("", -1)
	want[""] = []int32{-1}
	for k, w := range want {
		if got := m.get(k); !slices.Equal(got, w) {
			t.Fatalf("before freeze, %q: got %v, want %v", k, got, w)
		}
	}
	m.freeze()
	for k, w := range want {
		if got := m.get(k); !slices.Equal(got, w) {
			t.Fatalf("after freeze, %q: got %v, want %v", k, got, w)
		}
	}
	for _, k := range []string{"k", "k17000", "k1700", "K1", "x"} {
		if got := m.get(k); got != nil {
			t.Errorf("%q was never added but gives %v", k, got)
		}
	}
}

// TestMultimapEmpty checks that an index nothing was added to finds nothing.
func TestMultimapEmpty(t *testing.T) {
	m := newMultimap[name]()
	m.freeze()
	if got := m.get("damascus"); got != nil {
		t.Errorf("empty multimap gives %v", got)
	}
}
