package sitrep

import "testing"

func TestKindConstantsAreRegistered(t *testing.T) {
	incidents := []Kind{KindAirstrike, KindShelling, KindBombing, KindSuicideAttack, KindClash, KindAttack, KindExecution, KindAbduction, KindChemicalAttack}
	developments := []Kind{KindMeeting, KindVisit, KindTalks, KindPhoneCall, KindStatement, KindProposal, KindAgreement, KindArmsDeal, KindSanctions}
	for _, k := range incidents {
		if k.Category() != CategoryIncident {
			t.Errorf("%q: category %q, want incident", k, k.Category())
		}
		if _, _, _, ok := k.Headline(); !ok {
			t.Errorf("%q has no headline noun", k)
		}
	}
	for _, k := range developments {
		if k.Category() != CategoryDevelopment {
			t.Errorf("%q: category %q, want development", k, k.Category())
		}
	}
	if n := len(Kinds("")); n != len(Kinds(CategoryIncident))+len(Kinds(CategoryDevelopment)) {
		t.Errorf("%d kinds are neither incidents nor developments", n)
	}
}

func TestKindCompatible(t *testing.T) {
	tests := []struct {
		a, b Kind
		want bool
	}{
		{KindAirstrike, KindShelling, true},
		{KindShelling, KindAttack, true},
		{KindBombing, KindSuicideAttack, true},
		{KindExecution, KindAbduction, true},
		{KindVisit, KindTalks, true},
		{KindTalks, KindAgreement, true},
		{KindAirstrike, KindClash, false},
		{KindSuicideAttack, KindChemicalAttack, false},
		{KindMeeting, KindSanctions, false},
		{KindAirstrike, "no such kind", false},
		{"missile strike", KindShelling, true},
		{"drone strike", KindAttack, true},
		{"drone strike", KindClash, false},
	}
	for _, tt := range tests {
		if got := tt.a.Compatible(tt.b); got != tt.want || tt.b.Compatible(tt.a) != tt.want {
			t.Errorf("%q and %q compatible: %v, want %v both ways", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestKindHeadline(t *testing.T) {
	noun, plural, prep, ok := KindAirstrike.Headline()
	if noun != "air strikes" || !plural || prep != "on" || !ok {
		t.Errorf("airstrike headline: %q %v %q %v", noun, plural, prep, ok)
	}
	if _, _, _, ok := KindMeeting.Headline(); ok {
		t.Error("a development has a headline noun")
	}
}

func TestKindNamed(t *testing.T) {
	if !KindShelling.Named(" Shelling ") || KindShelling.Named("airstrike") {
		t.Error("shelling is named by its own name only")
	}
}

func TestKindFamily(t *testing.T) {
	if !Kind("drone strike").Is(KindAirstrike) || !Kind("missile strike").Is(KindShelling) || KindShelling.Is(KindAirstrike) {
		t.Error("families: a drone strike is an air strike, a missile strike shelling, shelling no air strike")
	}
	if KindAirstrike.Family() != KindAirstrike {
		t.Errorf("airstrike's family is %q", KindAirstrike.Family())
	}
}

func TestKindsNamed(t *testing.T) {
	got := KindsNamed("Airstrike")
	if len(got) != 2 || got[0] != KindAirstrike || got[1] != "drone strike" {
		t.Errorf("KindsNamed(Airstrike) = %q; want airstrike and drone strike", got)
	}
	if got := KindsNamed("no such kind"); got != nil {
		t.Errorf("KindsNamed(no such kind) = %q", got)
	}
}
