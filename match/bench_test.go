package match

import (
	"testing"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/ingest/normal"
)

// benchPair is a typical candidate pair: a nickname, a typo in the surname,
// day and month swapped, an address variant.
func benchPair(b *testing.B) (*ingest.Record, *ingest.Record) {
	nick := normal.NewNicknames()
	x := rec(b, nick, pv{"WILLIAM", "HARTLEY", "1956-03-05", "AB123456C", "SW1A 1AA", "Flat 2, 14 High Street", "LEEDS", "123"})
	y := rec(b, nick, pv{"Bill", "Hartly", "1956-05-03", "", "SW1A1AA", "2/14 High St", "Leeds", "124"})
	return x, y
}

// BenchmarkComparisonLevels times each person comparison on one pair; the
// per-pair path allocates nothing.
func BenchmarkComparisonLevels(b *testing.B) {
	x, y := benchPair(b)
	for _, c := range PersonComparisons() {
		b.Run(c.Name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				c.Level(x, y)
			}
		})
	}
}

// BenchmarkScorePair times comparing one pair on every comparison and
// weighing its levels with a model, as Score does for each candidate.
func BenchmarkScorePair(b *testing.B) {
	x, y := benchPair(b)
	comps := PersonComparisons()
	m := DefaultModel("bench", comps)
	levels := make([]uint8, len(comps))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for ci, c := range comps {
			levels[ci] = c.level(x, y)
		}
		_ = Probability(m.Weight(levels, false))
	}
}
