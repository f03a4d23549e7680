package places

import (
	"runtime"
	"strings"
	"testing"
)

// BenchmarkLoad measures building the gazetteer from the embedded data.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := loadFS(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHeap reports the live heap the loaded gazetteer holds, and how
// many objects the garbage collector must keep track of in it.
func BenchmarkHeap(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g, err := loadFS()
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(g)
	for b.Loop() {
	}
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-heap")
	b.ReportMetric(float64(after.HeapObjects-before.HeapObjects), "heap-objects")
}

// article5K is about 5 KB of wire copy.
var article5K = strings.Repeat(`Syrian government warplanes struck the rebel-held town of Khan Sheikhoun in southern Idlib province on Tuesday, killing at least 12 civilians including four children, the Syrian Observatory for Human Rights said. The Britain-based monitor said the strikes also hit Maarat al-Numan and the village of Al-Tamanah, while clashes continued near Abu al-Duhur. In Damascus, President Bashar al-Assad met Russian Foreign Minister Sergei Lavrov, who later flew to Geneva for talks with the United Nations envoy. `, 10)

// BenchmarkFind measures Find on a 5 KB article.
func BenchmarkFind(b *testing.B) {
	g := Default()
	b.SetBytes(int64(len(article5K)))
	for b.Loop() {
		g.Find(article5K, Hint{})
	}
}
