package extract

import (
	"strings"
	"testing"
	"time"

	sitrep "github.com/sitrep-bot/sitrep"
)

func fuzzArticle(title, body string) sitrep.Article {
	return sitrep.Article{ID: "fuzz", Title: title, Paragraphs: strings.Split(body, "\n"),
		Published: time.Date(2016, 3, 9, 10, 0, 0, 0, time.UTC)}
}

// FuzzExtract checks that no input makes extraction panic or run away.
func FuzzExtract(f *testing.F) {
	f.Add("Air strikes kill 12 in Idlib", "BEIRUT (Reuters) - At least 12 civilians, including five children, were killed on Tuesday when warplanes struck Maarat al-Numan, a monitor said.")
	f.Add("", "U.S. Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva on Nov. 25.")
	f.Add("x", "1,3,,00 ... at least at least more than - — – $ $1 billion S-300 al- al-- 'Tuesdays' the day after a day after")
	f.Add("Two dozen", "sixty-three-three half a a a million dozens of scores of hundreds of thousands")
	f.Fuzz(func(t *testing.T, title, body string) {
		evs := Default().Extract(fuzzArticle(title, body))
		for _, e := range evs {
			if e.Confidence < 0 || e.Confidence > 1 {
				t.Fatalf("confidence %v out of range", e.Confidence)
			}
			if len(e.Sentences) == 0 {
				t.Fatalf("event without sentences: %+v", e)
			}
		}
	})
}

// TestHugeInputsReturn runs the two worst shapes of input: a megabyte of one
// word, and a megabyte of digits and punctuation with no spaces.
func TestHugeInputsReturn(t *testing.T) {
	oneWord := strings.Repeat("killed ", 1<<20/7)
	digits := strings.Repeat("1,300.5-;:$%", 1<<20/12)
	for name, body := range map[string]string{"one word": oneWord, "digits": digits} {
		t.Run(name, func(t *testing.T) {
			Default().Extract(fuzzArticle("Air strikes", body))
		})
	}
}
