package match

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/ingest/normal"
)

// block returns the entries of b with key, found as positions finds them
// and read to the end of their run.
func block(b blockIndex, key blockKey) blockRun {
	pos := b.find(key)
	if pos < 0 {
		return nil
	}
	hi := int(pos)
	for hi < len(b.entries) && entryKey(b.entries[hi]) == key {
		hi++
	}
	return b.entries[pos:hi]
}

// TestBlockIndex checks that every key's block holds exactly its records,
// in order, for runs shorter and longer than the stepping limit.
func TestBlockIndex(t *testing.T) {
	var keys []blockKey
	want := map[blockKey][]int32{}
	for _, run := range []struct {
		key blockKey
		n   int
	}{{5, 1}, {7, 7}, {9, 8}, {11, 9}, {13, 20}, {2, 3}} {
		for i := 0; i < run.n; i++ {
			want[run.key] = append(want[run.key], int32(len(keys)))
			keys = append(keys, run.key)
		}
	}
	keys = append(keys, 0) // no key
	// Keys in the top bits too, where the buckets are picked.
	// The largest key, in a run long enough to be searched.
	for _, k := range []blockKey{1 << 31, 1<<31 + 1, 0xFFFFFFFF, 0xFFFFFFFF, 0x80000000, 0xFFFFFFFF,
		0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF} {
		want[k] = append(want[k], int32(len(keys)))
		keys = append(keys, k)
	}
	b := newBlockIndex(keys)
	for key, ids := range want {
		if got := records(block(b, key)); !slices.Equal(got, ids) {
			t.Errorf("block(%d) = %v, want %v", key, got, ids)
		}
	}
	for _, missing := range []blockKey{0, 1, 6, 12, 99} {
		if got := block(b, missing); len(got) != 0 {
			t.Errorf("block(%d) = %v, want none", missing, got)
		}
	}
}

// TestBlockIndexRandom checks lookups against a map on indexes large
// enough to use many buckets, with keys spread and keys crowded.
func TestBlockIndexRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 100, 5000, 200000} {
		for _, spread := range []uint32{0xFFFFFFFF, 1000} {
			keys := make([]blockKey, n)
			want := map[blockKey][]int32{}
			for i := range keys {
				k := blockKey(1 + rng.Uint32N(spread))
				if spread < 0xFFFFFFFF {
					k <<= 20 // crowd the top bits
				}
				if k == 0 {
					k = 1
				}
				keys[i] = k
				want[k] = append(want[k], int32(i))
			}
			b := newBlockIndex(keys)
			for k, ids := range want {
				if got := records(block(b, k)); !slices.Equal(got, ids) {
					t.Fatalf("n %d: block(%d) = %v, want %v", n, k, got, ids)
				}
			}
			for range 1000 {
				k := blockKey(1 + rng.Uint32())
				if got := records(block(b, k)); !slices.Equal(got, want[k]) {
					t.Fatalf("n %d: block(%d) = %v, want %v", n, k, got, want[k])
				}
			}
			// Left-hand keys joined to the index: some in it, some not,
			// some none; each must start its block, as block finds it.
			left := make([]blockKey, 3000)
			for i := range left {
				switch i % 3 {
				case 0:
					if n > 0 {
						left[i] = keys[rng.IntN(n)]
					}
				case 1:
					left[i] = blockKey(1 + rng.Uint32())
				}
			}
			// Laid out: position p holds record lorig[p]'s block.
			lorig := make([]int32, len(left))
			for p, l := range rng.Perm(len(left)) {
				lorig[p] = int32(l)
			}
			byRecord := b.positions(left, nil)
			for p, pos := range b.positions(left, inverse(lorig)) {
				if pos != byRecord[lorig[p]] {
					t.Fatalf("n %d: laid out, position %d has block %d, want record %d's %d", n, p, pos, lorig[p], byRecord[lorig[p]])
				}
			}
			// The blocks for scoring, by first record: each position
			// moved to where its block is now.
			moved := slices.Clone(byRecord)
			bl := b.byFirstRecord(moved)
			if len(bl.entries) != len(b.entries) {
				t.Fatalf("n %d: %d entries by first record, want %d", n, len(bl.entries), len(b.entries))
			}
			for i, pos := range moved {
				want := want[left[i]]
				if left[i] == 0 {
					want = nil
				}
				var got []int32
				if pos >= 0 {
					got = records(bl.at(pos))
				}
				if !slices.Equal(got, want) || (pos < 0) != (len(want) == 0) {
					t.Fatalf("n %d: positions[%d] gives block %v, want %v", n, i, got, want)
				}
			}
		}
	}
}

// TestCandidatesCreditedOnce checks that a pair found by several blocking
// rules is compared once, credited to the first rule that finds it, and
// that pairs within one dataset come once each, never a record with itself.
func TestCandidatesCreditedOnce(t *testing.T) {
	nick := normal.NewNicknames()
	people := []pv{
		{"WILLIAM", "HARTLEY", "1956-03-05", "AB123456C", "SW1A 1AA", "14 High Street", "", ""},
		{"Bill", "Hartley", "1956-03-05", "AB123456C", "SW1A 1AA", "14 High Street", "", ""},
		{"Grace", "Okafor", "1990-07-01", "", "M1 1AE", "9 Long Road", "", ""},
	}
	kind, _ := ingest.LookupKind("person")
	d := &ingest.Dataset{Name: "p", Kind: kind, Mapped: make([]bool, len(kind.Fields))}
	for _, f := range []string{"ref", "forenames", "surname", "dob", "ni_number", "postcode", "address_1"} {
		d.Mapped[kind.Field(f)] = true
	}
	for _, p := range people {
		d.Records = append(d.Records, *rec(t, nick, p))
	}
	k := NewLinker(CustomReport("dups", "", "p", "p"), d, d, 0)
	st := k.NewStats()
	type pair struct{ l, r int32 }
	seen := map[pair]int{}
	var rules []string
	k.Candidates(0, k.LeftLen(), &st, func(l, r int32, rule int) {
		seen[pair{l, r}]++
		rules = append(rules, k.Rules[rule].Name)
	})
	if len(seen) != 1 || seen[pair{0, 1}] != 1 {
		t.Fatalf("candidates = %v, want the one pair (0, 1) once", seen)
	}
	if rules[0] != "ni_number" {
		t.Errorf("credited to %s, want ni_number (the first rule that finds it)", rules[0])
	}
	if st.Total() != 1 {
		t.Errorf("stats count %d pairs, want 1", st.Total())
	}
}

// TestFoldKey checks that folding keeps "no key" apart from every key.
func TestFoldKey(t *testing.T) {
	for _, h := range []uint64{1, 1 << 32, 1<<32 | 1, 0xFFFFFFFF_FFFFFFFF, 0x12345678_12345678} {
		if foldKey(h) == 0 {
			t.Errorf("foldKey(%#x) = 0, the value for no key", h)
		}
	}
	if foldKey(0) != 0 {
		t.Errorf("foldKey(0) = %d, want 0", foldKey(0))
	}
}

// TestTFComparisonsFit keeps the comparisons adjusted for term frequency
// within the room recordFacts has for them, each with the value its exact
// level compares.
func TestTFComparisonsFit(t *testing.T) {
	if n := len(tfComparisons()); n > maxTF {
		t.Errorf("%d comparisons are adjusted for term frequency; recordFacts holds %d", n, maxTF)
	}
	for _, name := range tfComparisons() {
		if exactValue()[name] == nil {
			t.Errorf("%s is adjusted for term frequency but exactValue has no value for it", name)
		}
	}
}

// TestHouseholdGroups checks that records are grouped by the property they
// are at, each group in file order and cut at maxGroup, the groups in the
// order their first record comes, and records without an address left out.
func TestHouseholdGroups(t *testing.T) {
	nick := normal.NewNicknames()
	kind, _ := ingest.LookupKind("person")
	d := &ingest.Dataset{Name: "p", Kind: kind, Mapped: make([]bool, len(kind.Fields))}
	for _, f := range []string{"ref", "forenames", "surname", "postcode", "address_1"} {
		d.Mapped[kind.Field(f)] = true
	}
	for _, addr := range []string{"14 High Street", "9 Long Road", "14 High St", "", "9 Long Road", "14 High Street", "3 Mill Lane"} {
		d.Records = append(d.Records, *rec(t, nick, pv{forename: "ANN", surname: "SMITH", postcode: "SW1A 1AA", addr: addr}))
	}
	got := householdGroups(d, 2)
	want := [][]int32{{0, 2}, {1, 4}, {6}}
	if len(got) != len(want) {
		t.Fatalf("groups %v, want %v", got, want)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("group %d = %v, want %v", i, got[i], want[i])
		}
	}
}

// records lists a run's records.
func records(run blockRun) []int32 {
	var out []int32
	for _, e := range run {
		out = append(out, entryRecord(e))
	}
	return out
}
