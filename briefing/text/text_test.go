package text

import (
	"strings"
	"testing"
	"time"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		para string
		want []string
	}{
		{"abbreviations", "Lt. Gen. Ahmed Hassan told Dr. Karim Nasser in St. Petersburg on Nov. 3 that talks would resume. Nasser declined to comment.",
			[]string{"Lt. Gen. Ahmed Hassan told Dr. Karim Nasser in St. Petersburg on Nov. 3 that talks would resume.", "Nasser declined to comment."}},
		{"U.S. mid-sentence and at the end", "The U.S. Army said it struck a depot. Officials in the U.S. The strike was the third this week.",
			[]string{"The U.S. Army said it struck a depot.", "Officials in the U.S.", "The strike was the third this week."}},
		{"decimals and initials", "About 1.5 million people have fled, said John F. Kerrigan. Aid has stalled.",
			[]string{"About 1.5 million people have fled, said John F. Kerrigan.", "Aid has stalled."}},
		{"quotes", "\"We will not leave,\" he said. \"The shelling has not stopped.\" Residents fled overnight.",
			[]string{"\"We will not leave,\" he said.", "\"The shelling has not stopped.\"", "Residents fled overnight."}},
		{"question", "Who fired the rockets? Nobody has said.",
			[]string{"Who fired the rockets?", "Nobody has said."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Split([]string{tt.para}) {
				got = append(got, s.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestSplitKeepsOffsetsAndParagraphs(t *testing.T) {
	paras := []string{"HOMS — Two mortar rounds hit a school. Nobody was hurt.", "Moscow: Talks are set for Friday."}
	joined := Join(paras)
	got := Split(paras)
	if len(got) != 3 {
		t.Fatalf("got %d sentences, want 3: %+v", len(got), got)
	}
	for _, s := range got {
		if joined[s.Start:s.Start+len(s.Text)] != s.Text {
			t.Errorf("offset %d does not point at %q", s.Start, s.Text)
		}
	}
	if got[0].Dateline != "HOMS" || got[2].Dateline != "Moscow" || got[2].Para != 1 {
		t.Errorf("datelines/paragraphs wrong: %+v", got)
	}
	if got[0].Text != "Two mortar rounds hit a school." {
		t.Errorf("dateline not stripped: %q", got[0].Text)
	}
}

func TestStripDateline(t *testing.T) {
	tests := []struct{ in, rest, place string }{
		{"BEIRUT (Reuters) - Rebels shelled the city.", "Rebels shelled the city.", "BEIRUT"},
		{"ALEPPO, Syria — Barrel bombs fell.", "Barrel bombs fell.", "ALEPPO"},
		{"Ankara: Turkey said on Monday it would reply.", "Turkey said on Monday it would reply.", "Ankara"},
		{"US warplanes hit a bridge - the third this week.", "US warplanes hit a bridge - the third this week.", ""},
		{"The minister said: we will go.", "The minister said: we will go.", ""},
	}
	for _, tt := range tests {
		rest, place := StripDateline(tt.in)
		if rest != tt.rest || place != tt.place {
			t.Errorf("StripDateline(%q) = %q, %q; want %q, %q", tt.in, rest, place, tt.rest, tt.place)
		}
	}
}

func TestBoilerplate(t *testing.T) {
	for _, p := range []string{"Leave a Reply", "Advertisement", "Share", "You might also like", "-Reuters, AFP",
		"This website uses cookies to improve your experience.", "03/04/2016 10:15 by admin", "A man walks past rubble in Douma. |"} {
		if !IsBoilerplate(p) {
			t.Errorf("IsBoilerplate(%q) = false", p)
		}
	}
	for _, p := range []string{"Shelling killed four people in Douma on Sunday.", "Share prices fell after the blast."} {
		if IsBoilerplate(p) {
			t.Errorf("IsBoilerplate(%q) = true", p)
		}
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		in        string
		value     int
		vague     string
		qualifier string
	}{
		{"at least 1,300 people", 1300, "", "at least"},
		{"more than 1300 people", 1300, "", "more than"},
		{"sixty-three civilians", 63, "", ""},
		{"two dozen soldiers", 24, "", ""},
		{"a dozen fighters", 12, "", ""},
		{"half a million refugees", 500000, "", ""},
		{"nearly 70 children", 70, "", "nearly"},
		{"close to 18 jihadists", 18, "", "close to"},
		{"up to 40 wounded", 40, "", "up to"},
		{"dozens of civilians", 0, "dozens", ""},
		{"scores of soldiers", 0, "scores", ""},
		{"hundreds of people", 0, "hundreds", ""},
		{"1.2 million people", 1200000, "", ""},
		{"one hundred and five bodies", 105, "", ""},
		{"some 30 families", 30, "", "some"},
	}
	for _, tt := range tests {
		nums := Numbers(Tokenize(tt.in))
		if len(nums) == 0 {
			t.Errorf("%q: no number", tt.in)
			continue
		}
		n := nums[0]
		if n.Value != tt.value || n.Vague != tt.vague || n.Qualifier != tt.qualifier {
			t.Errorf("%q: got %+v", tt.in, n)
		}
	}
}

func TestDates(t *testing.T) {
	pub := time.Date(2014, 11, 26, 9, 30, 0, 0, time.UTC) // a Wednesday
	tests := []struct {
		in     string
		want   string
		coarse bool
	}{
		{"killed on Tuesday", "2014-11-25", false},
		{"talks Wednesday", "2014-11-26", false},
		{"Saturdays blast", "2014-11-22", false},
		{"struck yesterday", "2014-11-25", false},
		{"hit last night", "2014-11-25", false},
		{"arrives today", "2014-11-26", false},
		{"this morning", "2014-11-26", false},
		{"on Nov. 25 the", "2014-11-25", false},
		{"on 25 November", "2014-11-25", false},
		{"on November 25, 2013", "2013-11-25", false},
		{"On December 30 rebels", "2013-12-30", false},
		{"nine days ago", "2014-11-17", false},
		{"in late August", "2014-08-01", true},
		{"in September 2013", "2013-09-01", true},
		{"last year", "2013-11-26", true},
	}
	for _, tt := range tests {
		ds := Dates(Tokenize(tt.in), pub)
		if len(ds) == 0 {
			t.Errorf("%q: no date", tt.in)
			continue
		}
		if got := ds[0].Day.Format("2006-01-02"); got != tt.want || ds[0].Coarse != tt.coarse {
			t.Errorf("%q: got %s coarse=%v, want %s coarse=%v", tt.in, got, ds[0].Coarse, tt.want, tt.coarse)
		}
	}
}

func TestTokenize(t *testing.T) {
	got := Tokenize("U.S.-led strikes on al-Moualem's 1,300-strong unit, 2.5 km away.")
	var norms []string
	for _, tk := range got {
		norms = append(norms, tk.Norm)
	}
	want := "u.s.-led|strikes|on|al-moualem|1,300-strong|unit|,|2.5|km|away|."
	if strings.Join(norms, "|") != want {
		t.Errorf("got %s\nwant %s", strings.Join(norms, "|"), want)
	}
}
