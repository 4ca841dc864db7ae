package ingest

import (
	"math/rand/v2"
	"testing"
)

// TestHashSet checks the distinct count and the second-sighting flag
// against a map, through several growths, with hashes that differ only in
// the bit the flag takes and a hash of 0.
func TestHashSet(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	var s hashSet
	seen := map[uint64]int{}
	for i := range 200_000 {
		h := rng.Uint64N(60_000) * 0x9E3779B97F4A7C15
		switch i % 1000 {
		case 1:
			h = 0
		case 2:
			h = 1 // the same as 0 once bit 0 is cleared
		}
		key := h &^ 1
		seen[key]++
		want := min(seen[key], 3)
		if got := s.add(h); got != want {
			t.Fatalf("add %d: %d, want %d", i, got, want)
		}
	}
	if s.n != len(seen) {
		t.Errorf("%d distinct, want %d", s.n, len(seen))
	}
}
