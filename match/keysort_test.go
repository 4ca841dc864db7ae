package match

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortByKey checks the radix sort against slices.Sort on entries made
// in record order, as the index makes them, with keys spread, crowded
// into a few, sharing bytes, and none at all.
func TestSortByKey(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name string
		n    int
		key  func() uint32
	}{
		{"empty", 0, rng.Uint32},
		{"one", 1, rng.Uint32},
		{"spread", 10000, rng.Uint32},
		{"few keys", 10000, func() uint32 { return rng.Uint32N(7) }},
		{"shared top bytes", 10000, func() uint32 { return 0xAB000000 | rng.Uint32N(1<<12) }},
		{"one key", 500, func() uint32 { return 42 }},
		{"extremes", 1000, func() uint32 { return []uint32{0, 1, 0xFFFFFFFF, 0x80000000}[rng.IntN(4)] }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			es := make([]uint64, tc.n)
			for r := range es {
				es[r] = uint64(tc.key())<<32 | uint64(r)
			}
			want := slices.Clone(es)
			slices.Sort(want)
			for _, buf := range [][]uint64{nil, make([]uint64, tc.n+3)} {
				got := slices.Clone(es)
				sortByKey(got, buf)
				if !slices.Equal(got, want) {
					t.Fatalf("sortByKey differs from slices.Sort (buffer %d)", len(buf))
				}
			}
		})
	}
}

func BenchmarkSortByKey(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	es := make([]uint64, 1<<20)
	for r := range es {
		es[r] = uint64(rng.Uint32())<<32 | uint64(r)
	}
	work, buf := make([]uint64, len(es)), make([]uint64, len(es))
	b.Run("radix", func(b *testing.B) {
		for b.Loop() {
			copy(work, es)
			sortByKey(work, buf)
		}
	})
	b.Run("slices.Sort", func(b *testing.B) {
		for b.Loop() {
			copy(work, es)
			slices.Sort(work)
		}
	})
}
