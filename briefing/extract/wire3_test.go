package extract

import (
	"testing"

	sitrep "github.com/sitrep-bot/sitrep"
)

// wire3Expected is what the articles of testdata/wire/wire3.xml report: a
// third held-out set from wars outside Syria whose figures come from health
// ministries, police, hospitals, UN agencies, rescuers, local officials,
// rights groups, armed groups' claims and unnamed security sources. Each
// row says who gave its figures, so a description tied to Syria ("rescuers",
// "a military source", "a UK-based monitor") must not turn into a Syrian
// body, and an armed group's tally must read as its claim.
var wire3Expected = []wireFacts{
	{link: "y01", kind: "missile strike", place: "Kryvyi Rih", country: "Ukraine", day: "2025-04-04", perp: "Russian forces", killed: 18, civ: -1, children: 9, wounded: 60,
		attrib: []string{"killed=18@Lysak", "children_killed=9@Lysak"}},
	{link: "y02", kind: sitrep.KindAirstrike, place: "Khan Yunis", country: "Palestine", day: "2025-05-12", perp: "Israeli army", killed: 15, civ: -1, children: 6, wounded: -1,
		attrib: []string{"killed=15@Palestinian Civil Defence", "children_killed=6@Palestinian Civil Defence"}},
	{link: "y03", kind: "drone strike", place: "Tyre", country: "Lebanon", day: "2025-06-17", perp: "Israeli army", killed: 2, civ: -1, children: -1, wounded: -1,
		attrib: []string{"killed=2@health ministry"}},
	{link: "y04", kind: sitrep.KindClash, place: "Tarmiyah", country: "Iraq", day: "2025-01-13", perp: "Islamic State", killed: 4, civ: 0, children: -1, wounded: 3,
		attrib: []string{"killed=4@security sources"}},
	{link: "y05", kind: sitrep.KindAirstrike, place: "Saada", country: "Yemen", day: "2025-04-22", perp: "US military", killed: 8, civ: 10, children: 2, wounded: -1,
		attrib: []string{"killed=8@health ministry", "children_killed=2@health ministry", "civilians_killed=10@Airwars"}},
	{link: "y06", kind: sitrep.KindShelling, place: "Omdurman", country: "Sudan", day: "2025-02-01", perp: "Rapid Support Forces", killed: 54, civ: -1, children: -1, wounded: 158,
		attrib: []string{"killed=54@health ministry"}},
	{link: "y07", kind: sitrep.KindClash, place: "Mahaday", country: "Somalia", day: "2025-03-13", perp: "al-Shabaab", killed: 23, civ: 0, children: -1, wounded: -1,
		attrib: []string{"fighters_killed=7@military official", "fighters_killed=23@al-Shabaab claim"}},
	{link: "y08", kind: sitrep.KindAttack, place: "Dikwa", country: "Nigeria", day: "2025-03-08", perp: "Boko Haram", killed: 12, civ: 12, children: -1, wounded: -1,
		attrib: []string{"civilians_killed=12@local government official", "killed=9@Daso"}},
	{link: "y09", kind: sitrep.KindAttack, place: "Lubero", country: "Democratic Republic of the Congo", day: "2024-09-02", perp: "Allied Democratic Forces", killed: 22, civ: 22, children: -1, wounded: -1,
		attrib: []string{"civilians_killed=22@local administrator"}},
	{link: "y10", kind: sitrep.KindSuicideAttack, place: "Bannu", country: "Pakistan", day: "2024-10-21", perp: "Pakistani Taliban", killed: 6, civ: 0, children: -1, wounded: 11,
		attrib: []string{"killed=6@police", "wounded=11@police"}},
	{link: "y11", kind: sitrep.KindSuicideAttack, place: "Kabul", country: "Afghanistan", day: "2025-01-15", perp: "Islamic State", killed: 20, civ: -1, children: 0, wounded: 13,
		attrib: []string{"killed=6@police spokesman", "killed=20@Amaq|Islamic State claim"}},
	{link: "y12", kind: sitrep.KindAirstrike, place: "Lin Ta Lu", country: "Myanmar", day: "2025-07-11", perp: "Myanmar military", killed: 23, civ: -1, children: 4, wounded: -1,
		attrib: []string{"killed=23@resistance group|rescuers"}},
	{link: "y13", kind: "drone strike", place: "", country: "Colombia", day: "2025-08-17", perp: "ELN", killed: 5, civ: 0, children: -1, wounded: 8,
		attrib: []string{"fighters_killed=5@army"}},
	{link: "y14", kind: sitrep.KindAttack, place: "", country: "Haiti", day: "2024-10-03", perp: "*", killed: 115, civ: -1, children: 3, wounded: -1,
		attrib: []string{"killed=70@United Nations|UN", "killed=115@Human Rights Defense Network"}},
	{link: "y15", kind: sitrep.KindClash, place: "", country: "Burkina Faso", day: "2025-02-22", perp: "JNIM", killed: 48, civ: 0, children: -1, wounded: -1,
		attrib: []string{"fighters_killed=15@security sources", "fighters_killed=48@JNIM claim"}},
	{link: "y16", kind: sitrep.KindVisit, place: "Baghdad", country: "Iraq", day: "2024-09-10", people: []string{"Abbas Araghchi|Iran", "Fuad Hussein|Iraq"},
		countries: []string{"Iran", "Iraq"}, topics: []string{"border security"}, forbid: []string{"Abu Bakr al-Baghdadi"}},
	{link: "y17", kind: sitrep.KindAirstrike, place: "Zaporizhzhia", country: "Ukraine", day: "2024-11-17", perp: "Russian forces", killed: 2, civ: -1, children: -1, wounded: 11,
		attrib: []string{"killed=2@rescuers"}},
}

// wire3Floor is how many of the third set's articles extraction gets
// right, attributions included; a change may raise it, never lower it.
const wire3Floor = 17

// TestWireCopyAttribution holds extraction to the third wire set: who gave
// each toll, in wars outside Syria.
func TestWireCopyAttribution(t *testing.T) {
	holdToWire(t, "attribution wire copy", "testdata/wire/wire3.xml", wire3Expected, wire3Floor)
}
