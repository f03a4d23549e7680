package text

import (
	"testing"
	"time"
)

// TestDatesWithYear: datelines name their year, in words or in digits.
func TestDatesWithYear(t *testing.T) {
	pub := time.Date(2017, 5, 2, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Time
		year bool
	}{
		{"Published October 17 2016 Air strikes hit the town", time.Date(2016, 10, 17, 0, 0, 0, 0, time.UTC), true},
		{"AFP Wednesday 17 Sep 2014 Syrian air strikes", time.Date(2014, 9, 17, 0, 0, 0, 0, time.UTC), true},
		{"23-07-2016 Death toll rises", time.Date(2016, 7, 23, 0, 0, 0, 0, time.UTC), true},
		{"02.10.2017 Fifteen people died", time.Date(2017, 10, 2, 0, 0, 0, 0, time.UTC), true},
		{"Shells fell on April 30 near the market", time.Date(2017, 4, 30, 0, 0, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		ds := Dates(Tokenize(tt.in), pub)
		found := false
		for _, d := range ds {
			if d.Day.Equal(tt.want) && d.Year == tt.year {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: got %+v, want %s (year %v)", tt.in, ds, tt.want.Format("2006-01-02"), tt.year)
		}
	}
	if ds := Dates(Tokenize("Route 31-13-2016 was closed"), pub); len(ds) != 0 {
		t.Errorf("an impossible date was read: %+v", ds)
	}
}
