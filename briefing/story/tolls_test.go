package story

import (
	"slices"
	"testing"

	"github.com/sitrep-bot/sitrep"
)

// TestTollsByCategory: each category keeps its range and its figures; a
// category given only in words has figures but no range; with no total
// given, the largest category stands in for it without figures of its own.
func TestTollsByCategory(t *testing.T) {
	a := src("a", "Levant Wire", "2016-02-10T07:00:00Z")
	b := src("b", "Gulf Courier", "2016-02-10T09:00:00Z")
	s := storyOf(
		incident("a/0", a, sitrep.KindClash, sarmin, day("2016-02-09"), "", civilians(9, ""),
			sitrep.Figure{What: sitrep.FigureWomen, Value: 2}, sitrep.Figure{What: sitrep.FigureWounded, Vague: "dozens"}),
		incident("b/0", b, sitrep.KindClash, sarmin, day("2016-02-09"), "", civilians(12, ""),
			sitrep.Figure{What: sitrep.FigureWomen, Value: 4}, sitrep.Figure{What: sitrep.FigureMissing, Value: 3}),
	)
	want := []string{sitrep.FigureKilled, sitrep.FigureCivilians, sitrep.FigureWomen, sitrep.FigureWounded, sitrep.FigureMissing}
	if got := s.Tolls.Categories(); !slices.Equal(got, want) {
		t.Fatalf("categories %v, want %v", got, want)
	}
	for what, r := range map[string]*sitrep.Range{
		sitrep.FigureKilled: {Min: 9, Max: 12}, sitrep.FigureCivilians: {Min: 9, Max: 12},
		sitrep.FigureWomen: {Min: 2, Max: 4}, sitrep.FigureMissing: {Min: 3, Max: 3}, sitrep.FigureWounded: nil,
	} {
		if got := s.Tolls.Range(what); (got == nil) != (r == nil) || got != nil && *got != *r {
			t.Errorf("%s range %+v, want %+v", what, got, r)
		}
	}
	if n := len(s.Tolls[sitrep.FigureKilled].Figures); n != 0 {
		t.Errorf("the stand-in total has %d figures of its own", n)
	}
	if fs := s.Tolls[sitrep.FigureWomen].Figures; len(fs) != 2 || fs[0].Outlet != "Levant Wire" || fs[1].Outlet != "Gulf Courier" {
		t.Errorf("women's figures %+v", fs)
	}
	if fs := s.Tolls[sitrep.FigureWounded].Figures; len(fs) != 1 || fs[0].Vague != "dozens" {
		t.Errorf("wounded figures %+v", fs)
	}
}
