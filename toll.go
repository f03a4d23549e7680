package sitrep

import (
	"cmp"
	"slices"
)

// Range is the spread of one casualty figure across a story's reports.
type Range struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// A Toll is one casualty category of a story: the range its reports'
// numbers span, and its figures, each with who gave it.
type Toll struct {
	// Range is zero when the reports give only vague figures ("dozens").
	// A total no report gives takes the largest category's range, with no
	// figures of its own.
	Range
	Figures []Figure
}

// Tolls are a story's casualty figures by category (one of the Figure*
// values). A category no report gives is absent.
type Tolls map[string]Toll

// TollsOf groups figures by category, each with the range its numbers
// span. A party's claim of what it did spans a range only when no one else
// gives a number for the category.
func TollsOf(fs []Figure) Tolls {
	if len(fs) == 0 {
		return nil
	}
	ts := Tolls{}
	for _, f := range fs {
		t := ts[f.What]
		t.Figures = append(t.Figures, f)
		ts[f.What] = t
	}
	for what, t := range ts {
		t.Range = span(t.Figures, false)
		if t.Max == 0 {
			t.Range = span(t.Figures, true)
		}
		ts[what] = t
	}
	return ts
}

// span is the range of the numbers among fs that are, or are not, claims;
// zero when there are none.
func span(fs []Figure, claims bool) Range {
	var r Range
	for _, f := range fs {
		if f.Vague != "" || f.Value <= 0 || f.Claim != claims {
			continue
		}
		if r.Max == 0 {
			r = Range{Min: f.Value, Max: f.Value}
		}
		r.Min, r.Max = min(r.Min, f.Value), max(r.Max, f.Value)
	}
	return r
}

// Range returns a copy of a category's range, nil when no report gives it
// a number.
func (ts Tolls) Range(what string) *Range {
	t, ok := ts[what]
	if !ok || t.Max <= 0 {
		return nil
	}
	r := t.Range
	return &r
}

// Categories lists the categories present, in FigureCategories order, then
// any others by name.
func (ts Tolls) Categories() []string {
	out := make([]string, 0, len(ts))
	for what := range ts {
		out = append(out, what)
	}
	slices.SortFunc(out, func(a, b string) int {
		return cmp.Or(cmp.Compare(figureOrder(a), figureOrder(b)), cmp.Compare(a, b))
	})
	return out
}

// Figures lists every figure of every category, categories in the order
// Categories gives.
func (ts Tolls) Figures() []Figure {
	var out []Figure
	for _, what := range ts.Categories() {
		out = append(out, ts[what].Figures...)
	}
	return out
}

// figureOrder is a category's place in FigureCategories, after them all
// when it is not listed.
func figureOrder(what string) int {
	if i := slices.Index(FigureCategories, what); i >= 0 {
		return i
	}
	return len(FigureCategories)
}
