package extract

import (
	"strings"
	"testing"
	"time"

	sitrep "github.com/sitrep-bot/sitrep"
)

// benchArticle is about 5 KB of wire copy.
func benchArticle() sitrep.Article {
	paras := []string{
		"BEIRUT (Reuters) - Syrian government warplanes struck rebel-held towns in Idlib province on Monday, killing at least 27 people, including nine children, a war monitor said.",
		"The Syrian Observatory for Human Rights said the strikes hit a market in Maarat al-Numan and a hospital in Kafr Nabl, and that 40 others were wounded.",
		"\"The planes came twice, the second time as people were pulling the wounded from the rubble,\" a resident told Reuters by telephone.",
		"Separately, a car bomb exploded near a checkpoint in the northern city of Azaz, close to the Turkish border, killing six people, the Britain-based monitor said.",
		"There was no immediate claim of responsibility for the blast.",
		"Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on Monday for talks on the fate of Idlib and a proposed buffer zone.",
		"Putin said after the meeting that Moscow and Ankara had agreed to set up a demilitarised zone by Oct. 15.",
		"The war has killed hundreds of thousands of people since it began in 2011 and driven more than 11 million from their homes.",
	}
	var body []string
	for len(strings.Join(body, "\n")) < 5000 {
		body = append(body, paras...)
	}
	return sitrep.Article{ID: "bench", Title: "Air strikes kill 27 in Syria's Idlib, monitor says", Paragraphs: body,
		Published: time.Date(2018, 9, 17, 18, 0, 0, 0, time.UTC)}
}

func BenchmarkExtract(b *testing.B) {
	x := Default()
	a := benchArticle()
	size := len(strings.Join(a.Paragraphs, "\n"))
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Extract(a)
	}
}
