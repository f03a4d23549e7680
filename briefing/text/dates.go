package text

import (
	"strconv"
	"strings"
	"time"
)

// A Date is a day named in a sentence, resolved against publication.
type Date struct {
	Day   time.Time // midnight UTC
	First int       // token span
	Last  int
	// Explicit is set for a calendar date ("Nov. 25"); relative words
	// ("Tuesday", "yesterday") leave it unset.
	Explicit bool
	// Coarse is set when only a month, season or year is named ("in late
	// August", "last year"); Day is then the first day of that period.
	Coarse bool
	// Year is set when the text gives the year ("17 Sep 2014",
	// "23-07-2016"), as a dateline does.
	Year bool
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// month looks up a month's name, written capitalised.
func month(w string, capital bool) (time.Month, bool) {
	if !capital {
		return 0, false
	}
	m, ok := months[w]
	return m, ok
}

// Midnight returns the UTC midnight of t's day.
func Midnight(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// weekday reads "Tuesday", "Tuesday's" and "Tuesdays" (scraped copy loses
// apostrophes).
func weekday(w string) (time.Weekday, bool) {
	d, ok := weekdays[w]
	if !ok && strings.HasSuffix(w, "s") {
		d, ok = weekdays[w[:len(w)-1]]
	}
	return d, ok
}

// Dates returns the days named in a token sequence, resolved against the
// publication time pub: a weekday is the most recent such day on or before
// publication, "today" the publication day, a date without a year the most
// recent such date not after publication.
func Dates(toks []Token, pub time.Time) []Date {
	day := Midnight(pub)
	var out []Date
	add := func(d time.Time, first, last int, explicit, coarse bool) {
		out = append(out, Date{Day: d, First: first, Last: last, Explicit: explicit, Coarse: coarse})
	}
	// year marks the date just added as naming its year.
	year := func() { out[len(out)-1].Year = true }
	for i := 0; i < len(toks); i++ {
		w := toks[i].Norm
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].Norm
		}
		// Capitalised first: it is cheaper than the lookups and most words fail it.
		capital := toks[i].Capitalised()
		wd, isDay := time.Weekday(0), false
		if capital {
			wd, isDay = weekday(w)
		}
		if isDay {
			back := (int(day.Weekday()) - int(wd) + 7) % 7
			// "last Tuesday" on a Tuesday means a week ago.
			if i > 0 && toks[i-1].Norm == "last" && back == 0 {
				back = 7
			}
			first := i
			if i > 0 && toks[i-1].Is("on", "last", "this", "late", "early") {
				first = i - 1
			}
			last := i
			if next == "night" || next == "morning" || next == "evening" || next == "afternoon" {
				last = i + 1
			}
			add(day.AddDate(0, 0, -back), first, last, false, false)
			continue
		}
		switch w {
		case "today", "tonight":
			add(day, i, i, false, false)
			continue
		case "yesterday":
			add(day.AddDate(0, 0, -1), i, i, false, false)
			continue
		case "overnight":
			add(day, i, i, false, false)
			continue
		case "this", "earlier", "last":
			if next == "morning" || next == "afternoon" || next == "evening" || next == "today" {
				add(day, i, i+1, false, false)
				i++
				continue
			}
			if w == "last" && next == "night" {
				add(day.AddDate(0, 0, -1), i, i+1, false, false)
				i++
				continue
			}
			if w == "last" && (next == "week" || next == "month" || next == "year") {
				d := day.AddDate(0, 0, -7)
				if next == "month" {
					d = day.AddDate(0, -1, 0)
				} else if next == "year" {
					d = day.AddDate(-1, 0, 0)
				}
				add(d, i, i+1, false, true)
				i++
				continue
			}
			if w == "last" {
				if m, ok := months[next]; ok && len(next) > 3 {
					y := day.Year()
					if m >= day.Month() {
						y--
					}
					add(time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), i, i+1, false, true)
					i++
					continue
				}
			}
		}
		// "nine days ago", "two weeks ago".
		if i+2 < len(toks) && toks[i+2].Norm == "ago" {
			if n, used := amount(toks, i); used == 1 && n.Vague == "" {
				switch next {
				case "day", "days":
					add(day.AddDate(0, 0, -n.Value), i, i+2, false, false)
				case "week", "weeks":
					add(day.AddDate(0, 0, -7*n.Value), i, i+2, false, true)
				case "month", "months":
					add(day.AddDate(0, -n.Value, 0), i, i+2, false, true)
				case "year", "years":
					add(day.AddDate(-n.Value, 0, 0), i, i+2, false, true)
				}
			}
			if w == "a" || w == "one" {
				switch next {
				case "day":
					add(day.AddDate(0, 0, -1), i, i+2, false, false)
				case "week":
					add(day.AddDate(0, 0, -7), i, i+2, false, true)
				}
			}
		}
		// "Nov. 25", "November 25, 2014", "Nov 25".
		if m, ok := month(w, capital); ok && (len(w) > 3 || w == "may" || strings.HasSuffix(toks[i].Text, ".") || next != "") {
			j := i + 1
			if j < len(toks) && toks[j].Text == "." {
				j++
			}
			if j < len(toks) && toks[j].Kind == Digits {
				if d, err := strconv.Atoi(strings.TrimSuffix(toks[j].Text, ",")); err == nil && d >= 1 && d <= 31 && len(toks[j].Text) <= 2 {
					last := j
					y, hasYear := 0, false
					k := j + 1
					if k < len(toks) && toks[k].Text == "," {
						k++
					}
					if k < len(toks) && toks[k].Kind == Digits && len(toks[k].Text) == 4 {
						y, _ = strconv.Atoi(toks[k].Text)
						hasYear, last = true, k
					}
					add(calendar(day, y, hasYear, m, d), i, last, true, false)
					if hasYear {
						year()
					}
					i = last
					continue
				}
			}
			if len(w) > 3 {
				// "in late August", "in September 2013", "since March".
				y, hasYear := 0, false
				last := i
				if j := i + 1; j < len(toks) && toks[j].Kind == Digits && len(toks[j].Text) == 4 {
					y, _ = strconv.Atoi(toks[j].Text)
					hasYear, last = true, j
				}
				if i > 0 && (toks[i-1].Is("in", "late", "early", "mid", "since", "until", "last", "of") || hasYear) {
					first := i
					if toks[i-1].Is("late", "early", "mid") {
						first = i - 1
					}
					add(calendar(day, y, hasYear, m, 1), first, last, true, true)
					i = last
					continue
				}
			}
		}
		// "25 November", "25 Nov 2014".
		if toks[i].Kind == Digits && len(toks[i].Text) <= 2 && i+1 < len(toks) {
			if m, ok := month(next, toks[i+1].Capitalised()); ok {
				if d, err := strconv.Atoi(toks[i].Text); err == nil && d >= 1 && d <= 31 {
					last := i + 1
					y, hasYear := 0, false
					if k := i + 2; k < len(toks) && toks[k].Kind == Digits && len(toks[k].Text) == 4 {
						y, _ = strconv.Atoi(toks[k].Text)
						hasYear, last = true, k
					}
					add(calendar(day, y, hasYear, m, d), i, last, true, false)
					if hasYear {
						year()
					}
					i = last
					continue
				}
			}
		}
		// "23-07-2016", "02.10.2017": day, month, year.
		if d, ok := numericDate(toks[i].Text); ok {
			add(d, i, i, true, false)
			year()
			continue
		}
		// A bare year: "in 2011", "since 2013".
		if toks[i].Kind == Digits && len(toks[i].Text) == 4 && i > 0 && toks[i-1].Is("in", "since", "of", "until", "from") {
			if y, err := strconv.Atoi(toks[i].Text); err == nil && y > 1900 && y < 2100 {
				add(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), i, i, true, true)
			}
		}
	}
	return out
}

// calendar resolves a month and day, with or without a year, against the
// publication day: without a year it is the most recent such date not more
// than a day after publication.
func calendar(pub time.Time, y int, hasYear bool, m time.Month, d int) time.Time {
	if hasYear {
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	t := time.Date(pub.Year(), m, d, 0, 0, 0, 0, time.UTC)
	if t.After(pub.AddDate(0, 0, 1)) {
		t = t.AddDate(-1, 0, 0)
	}
	return t
}

// numericDate reads a day-month-year date written in digits with hyphens,
// dots ("23-07-2016", "02.10.2017"), as Arabic and European
// outlets print datelines. Month-first order is not read: it is ambiguous.
func numericDate(w string) (time.Time, bool) {
	if len(w) != 10 || (w[2] != '-' && w[2] != '.') || w[5] != w[2] {
		return time.Time{}, false
	}
	d, err1 := strconv.Atoi(w[0:2])
	m, err2 := strconv.Atoi(w[3:5])
	y, err3 := strconv.Atoi(w[6:10])
	if err1 != nil || err2 != nil || err3 != nil || d < 1 || d > 31 || m < 1 || m > 12 || y < 1900 || y > 2100 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}
