package places

import (
	"hash/maphash"
	"strings"
)

// A multimap maps strings to lists of values kept in the order they were
// added. While the gazetteer loads it is a map of linked lists; freeze packs
// it into flat arrays that hold no pointers, so the garbage collector never
// scans them. A map of slices would cost the collector a pointer or two for
// every one of the hundreds of thousands of names, on every cycle.
type multimap[V any] struct {
	// While loading.
	ids   map[string]int32 // key → list
	ends  [][2]int32       // list → its first and last node
	nodes []node[V]

	// Once frozen: an open-addressed hash table of key ids.
	seed   maphash.Seed
	slots  []int32  // key id + 1; 0 is empty
	hashes []uint64 // by key id
	keys   string   // every key, end to end
	keyEnd []uint32 // by key id, the end of its key in keys
	start  []int32  // by key id, its first value in vals; one more than keys
	vals   []V
	frozen bool
}

type node[V any] struct {
	v    V
	next int32
}

func newMultimap[V any]() *multimap[V] {
	return &multimap[V]{ids: map[string]int32{}}
}

// head is the first node of k's list while loading, or -1.
func (m *multimap[V]) head(k string) int32 {
	if id, ok := m.ids[k]; ok {
		return m.ends[id][0]
	}
	return -1
}

// push adds v at the end of k's list while loading.
func (m *multimap[V]) push(k string, v V) {
	n := int32(len(m.nodes))
	m.nodes = append(m.nodes, node[V]{v: v, next: -1})
	id, ok := m.ids[k]
	if !ok {
		m.ids[k] = int32(len(m.ends))
		m.ends = append(m.ends, [2]int32{n, n})
		return
	}
	m.nodes[m.ends[id][1]].next = n
	m.ends[id][1] = n
}

// get returns k's values. Once frozen the slice is shared and read-only;
// while loading it is a copy.
func (m *multimap[V]) get(k string) []V {
	if !m.frozen {
		var out []V
		for n := m.head(k); n >= 0; n = m.nodes[n].next {
			out = append(out, m.nodes[n].v)
		}
		return out
	}
	if len(m.slots) == 0 {
		return nil
	}
	h := maphash.String(m.seed, k)
	mask := uint64(len(m.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := m.slots[i]
		if s == 0 {
			return nil
		}
		id := s - 1
		if m.hashes[id] == h && m.key(id) == k {
			return m.vals[m.start[id]:m.start[id+1]:m.start[id+1]]
		}
	}
}

func (m *multimap[V]) key(id int32) string {
	lo := uint32(0)
	if id > 0 {
		lo = m.keyEnd[id-1]
	}
	return m.keys[lo:m.keyEnd[id]]
}

// freeze packs the lists into flat arrays; the multimap is read-only after.
func (m *multimap[V]) freeze() {
	n := len(m.ends)
	keys := make([]string, n)
	size := 0
	for k, id := range m.ids {
		keys[id] = k
		size += len(k)
	}
	var kb strings.Builder
	kb.Grow(size)
	m.seed = maphash.MakeSeed()
	m.hashes = make([]uint64, n)
	m.keyEnd = make([]uint32, n)
	m.start = make([]int32, n+1)
	m.vals = make([]V, 0, len(m.nodes))
	slots := 1
	for slots < 2*n {
		slots *= 2
	}
	m.slots = make([]int32, slots)
	mask := uint64(slots - 1)
	for id, k := range keys {
		kb.WriteString(k)
		m.keyEnd[id] = uint32(kb.Len())
		m.start[id] = int32(len(m.vals))
		for x := m.ends[id][0]; x >= 0; x = m.nodes[x].next {
			m.vals = append(m.vals, m.nodes[x].v)
		}
		h := maphash.String(m.seed, k)
		m.hashes[id] = h
		i := h & mask
		for m.slots[i] != 0 {
			i = (i + 1) & mask
		}
		m.slots[i] = int32(id) + 1
	}
	m.start[n] = int32(len(m.vals))
	m.keys = kb.String()
	m.ids, m.ends, m.nodes = nil, nil, nil
	m.frozen = true
}
