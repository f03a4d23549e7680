package sitrep

import (
	"slices"
	"testing"
)

// TestTollsOf: figures grouped by category in briefing order; a party's
// claim spans a range only when it is the category's only number; words
// give no range.
func TestTollsOf(t *testing.T) {
	ts := TollsOf([]Figure{
		{What: FigureWounded, Vague: "dozens"},
		{What: FigureKilled, Value: 40, Claim: true},
		{What: FigureKilled, Value: 12},
		{What: FigureKilled, Value: 18},
		{What: FigureFighters, Value: 30, Claim: true},
		{What: "detained", Value: 5},
	})
	if got, want := ts.Categories(), []string{FigureKilled, FigureFighters, FigureWounded, "detained"}; !slices.Equal(got, want) {
		t.Errorf("categories %v, want %v", got, want)
	}
	for what, want := range map[string]*Range{
		FigureKilled: {Min: 12, Max: 18}, FigureFighters: {Min: 30, Max: 30}, FigureWounded: nil, FigureMissing: nil,
	} {
		if got := ts.Range(what); (got == nil) != (want == nil) || got != nil && *got != *want {
			t.Errorf("%s range %+v, want %+v", what, got, want)
		}
	}
	if n := len(ts.Figures()); n != 6 {
		t.Errorf("%d figures, want 6", n)
	}
	if TollsOf(nil) != nil {
		t.Error("no figures gave tolls")
	}
}
