package match

import (
	"slices"
	"testing"
)

// TestBlockIndex checks that every key's block holds exactly its records,
// in order, for runs shorter and longer than the stepping limit.
func TestBlockIndex(t *testing.T) {
	var keys []uint64
	want := map[uint64][]int32{}
	for _, run := range []struct {
		key uint64
		n   int
	}{{5, 1}, {7, 7}, {9, 8}, {11, 9}, {13, 20}, {2, 3}} {
		for i := 0; i < run.n; i++ {
			want[run.key] = append(want[run.key], int32(len(keys)))
			keys = append(keys, run.key)
		}
	}
	keys = append(keys, 0) // no key
	b := newBlockIndex(keys, 10)
	for key, ids := range want {
		if got := b.block(key); !slices.Equal(got, ids) {
			t.Errorf("block(%d) = %v, want %v", key, got, ids)
		}
		if big := len(ids) > 10; b.big[key] != big {
			t.Errorf("big[%d] = %v, want %v", key, b.big[key], big)
		}
	}
	for _, missing := range []uint64{0, 1, 6, 12, 99} {
		if got := b.block(missing); len(got) != 0 {
			t.Errorf("block(%d) = %v, want none", missing, got)
		}
	}
}
