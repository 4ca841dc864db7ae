package ingest

import (
	"math"
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

// TestDistinctCounter checks that distinct values are counted exactly up
// to exactDistinct, estimated within 2% past it, and always exactly for a
// reference (exactOnly), duplicates included.
func TestDistinctCounter(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 11))
	for _, n := range []int{1, 1000, exactDistinct, exactDistinct + 1, 300_000, 2_000_000} {
		var c, ref distinctCounter
		ref.exactOnly = true
		for i := range n {
			h := rng.Uint64()
			c.add(h)
			ref.add(h)
			if i%10 == 0 {
				c.add(h) // a repeat counts once
				if ref.add(h) != 2 {
					t.Fatalf("n %d: a reference's second sighting not reported", n)
				}
			}
		}
		got, est := c.count()
		if n <= exactDistinct {
			if got != n || est {
				t.Errorf("n %d: count %d (estimated %v), want %d exactly", n, got, est, n)
			}
		} else if !est || math.Abs(float64(got-n)) > 0.02*float64(n) {
			t.Errorf("n %d: count %d (estimated %v), want an estimate within 2%%", n, got, est)
		}
		if got, est := ref.count(); got != n || est {
			t.Errorf("n %d: reference count %d (estimated %v), want %d exactly", n, got, est, n)
		}
	}
}
