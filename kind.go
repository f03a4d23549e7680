package sitrep

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
)

// A Kind is what sort of incident or development an event is: the word a
// briefing prints and the JSON carries ("airstrike", "meeting"). Every kind
// is a row of the embedded registry kinds.tsv, which also says how a
// headline names it, how a slash command offers it and which kinds one
// real event may be reported as.
type Kind string

// Incident kinds code treats specially, after ACLED's sub-event types.
// Each is a row of kinds.tsv.
const (
	KindAirstrike      Kind = "airstrike"
	KindShelling       Kind = "shelling"
	KindBombing        Kind = "bombing"
	KindSuicideAttack  Kind = "suicide attack"
	KindClash          Kind = "clashes"
	KindAttack         Kind = "attack on civilians"
	KindExecution      Kind = "execution"
	KindAbduction      Kind = "abduction"
	KindChemicalAttack Kind = "chemical attack"
)

// Development kinds code treats specially, after CAMEO's diplomatic verbs.
// Each is a row of kinds.tsv.
const (
	KindMeeting   Kind = "meeting"
	KindVisit     Kind = "visit"
	KindTalks     Kind = "talks"
	KindPhoneCall Kind = "phone call"
	KindStatement Kind = "statement"
	KindProposal  Kind = "proposal"
	KindAgreement Kind = "agreement"
	KindArmsDeal  Kind = "arms deal"
	KindSanctions Kind = "sanctions"
)

// kindInfo is one row of the registry.
type kindInfo struct {
	category Category
	family   Kind
	noun     string
	plural   bool
	prep     string
	label    string
	groups   []string
}

//go:embed kinds.tsv
var kindsTSV string

// kindTable is the registry, read once at package load.
var kindTable, kindOrder = loadKinds(kindsTSV)

// loadKinds reads the registry. A malformed row is a build defect, so it
// panics rather than returning an error.
func loadKinds(data string) (map[Kind]*kindInfo, []Kind) {
	table := map[Kind]*kindInfo{}
	var order []Kind
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 8 {
			panic(fmt.Sprintf("sitrep: kinds.tsv: %d fields, want 8: %q", len(f), line))
		}
		k := Kind(f[0])
		info := &kindInfo{category: Category(f[1]), noun: dash(f[3]), plural: f[4] == "plural", prep: dash(f[5]), label: f[6]}
		if fam := dash(f[2]); fam != "" {
			info.family = Kind(fam)
		}
		for _, g := range strings.Split(f[7], ",") {
			if g = strings.TrimSpace(g); g != "" {
				info.groups = append(info.groups, g)
			}
		}
		if table[k] != nil || info.category != CategoryIncident && info.category != CategoryDevelopment {
			panic(fmt.Sprintf("sitrep: kinds.tsv: bad row %q", line))
		}
		table[k] = info
		order = append(order, k)
	}
	for _, k := range order {
		if fam := table[k].family; fam != "" && table[fam] == nil {
			panic(fmt.Sprintf("sitrep: kinds.tsv: %q belongs to unknown family %q", k, fam))
		}
	}
	return table, order
}

// dash reads "-" as an empty field.
func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

// Kinds returns every kind of a category, in registry order; every kind
// for an empty category.
func Kinds(c Category) []Kind {
	var out []Kind
	for _, k := range kindOrder {
		if c == "" || kindTable[k].category == c {
			out = append(out, k)
		}
	}
	return out
}

// Known reports whether k is a row of the registry.
func (k Kind) Known() bool { return kindTable[k] != nil }

// Category is the section of a briefing a kind belongs to; empty for an
// unknown kind.
func (k Kind) Category() Category {
	if info := kindTable[k]; info != nil {
		return info.category
	}
	return ""
}

// Family is the broader kind k is a form of ("airstrike" for a drone
// strike), or k itself.
func (k Kind) Family() Kind {
	if info := kindTable[k]; info != nil && info.family != "" {
		return info.family
	}
	return k
}

// Is reports whether k is f or a form of f: a drone strike is an air strike.
func (k Kind) Is(f Kind) bool { return k == f || k.Family() == f }

// Named reports whether name, as a reader types it in a filter, takes in
// kind k: it is k or k's family, ignoring case, so "airstrike" takes in
// drone strikes.
func (k Kind) Named(name string) bool {
	name = strings.TrimSpace(name)
	return strings.EqualFold(name, string(k)) || strings.EqualFold(name, string(k.Family()))
}

// KindsNamed returns the kinds a name a reader types takes in (see Named),
// in registry order: "airstrike" gives air strikes and drone strikes.
func KindsNamed(name string) []Kind {
	var out []Kind
	for _, k := range kindOrder {
		if k.Named(name) {
			out = append(out, k)
		}
	}
	return out
}

// Headline is how a headline names an incident of kind k: its noun, whether
// the noun is plural and the preposition before the place ("air strikes",
// true, "on"). ok is false for a development or an unknown kind.
func (k Kind) Headline() (noun string, plural bool, prep string, ok bool) {
	info := kindTable[k]
	if info == nil || info.noun == "" {
		return "", false, "", false
	}
	return info.noun, info.plural, info.prep, true
}

// Label is the name a slash command offers for k.
func (k Kind) Label() string {
	if info := kindTable[k]; info != nil && info.label != "" {
		return info.label
	}
	return string(k)
}

// Compatible reports whether reports of kinds k and o may describe one real
// event: the same kind, or kinds sharing a group in the registry.
func (k Kind) Compatible(o Kind) bool {
	if k == o {
		return true
	}
	a, b := kindTable[k], kindTable[o]
	if a == nil || b == nil {
		return false
	}
	for _, g := range a.groups {
		for _, h := range b.groups {
			if g == h {
				return true
			}
		}
	}
	return false
}
