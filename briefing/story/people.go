package story

import (
	"strings"

	"github.com/sitrep-bot/sitrep"
	"github.com/sitrep-bot/sitrep/briefing/translit"
)

// personKey is a participant's transliteration-aware key.
func personKey(p sitrep.Person) string {
	if p.Key != "" {
		return p.Key
	}
	return translit.Key(p.Name)
}

// surnameKey is the last word of a person's key: the part news copy keeps
// when it names someone a second time ("Muallem" for "Walid al-Muallem").
func surnameKey(key string) string {
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		return key[i+1:]
	}
	return key
}

// officeKey identifies a person by office: "foreign minister|syria". Two
// reports of one day naming the Syrian foreign minister mean one person,
// however each spelled (or mangled) the name. Empty for roles many people
// hold at once, or without a country.
func officeKey(p sitrep.Person) string {
	role := strings.ToLower(strings.Join(strings.Fields(p.Role), " "))
	if role == "" || p.Country == "" || tables.shared[role] {
		return ""
	}
	return role + "|" + actorKey(p.Country)
}

// samePersonOf reports whether two participants are one person, by name
// key or by office.
func samePersonOf(p, q sitrep.Person) bool {
	if samePerson(personKey(p), personKey(q)) {
		return true
	}
	o := officeKey(p)
	return o != "" && o == officeKey(q)
}

// samePerson reports whether two keys name one person: equal, or one is a
// shorter form of the other ending in the same surname ("Muallem",
// "Walid Muallem", "Walid al-Muallem").
func samePerson(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	// A one-letter skeleton ("Sisi" → "s") is too weak to match alone.
	return len(short) > 1 && strings.HasSuffix(long, " "+short)
}

// sharedPeople counts the people of ps that also appear in qs.
func sharedPeople(ps, qs []sitrep.Person) int {
	n := 0
	for _, p := range ps {
		for _, q := range qs {
			if samePersonOf(p, q) {
				n++
				break
			}
		}
	}
	return n
}

// actorKey is the comparison key of an actor name ("Syrian government").
func actorKey(name string) string { return translit.Key(name) }
