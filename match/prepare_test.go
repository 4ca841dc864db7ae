package match

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/ingest/normal"
)

// randomPeople returns a person dataset of n records drawn from a few
// names, dates, postcodes and addresses, so that blocks hold several.
func randomPeople(t *testing.T, rng *rand.Rand, name string, n int) *ingest.Dataset {
	nick := normal.NewNicknames()
	pick := func(vs ...string) string { return vs[rng.IntN(len(vs))] }
	kind, _ := ingest.LookupKind("person")
	d := &ingest.Dataset{Name: name, Kind: kind, Mapped: make([]bool, len(kind.Fields))}
	for _, f := range []string{"ref", "forenames", "surname", "dob", "ni_number", "postcode", "address_1", "town"} {
		d.Mapped[kind.Field(f)] = true
	}
	for i := range n {
		d.Records = append(d.Records, *rec(t, nick, pv{
			forename: pick("ANN", "JOHN", "BILL", "MARY", ""),
			surname:  pick("SMITH", "JONES", "OKAFOR", "KAUR"),
			dob:      pick("1956-03-05", "1990-07-01", ""),
			ni:       pick("AB123456C", ""),
			postcode: pick("SW1A 1AA", "M1 1AE", "LS1 4AP", "LS1 4AQ", ""),
			addr:     fmt.Sprintf("%d High Street", 1+i%40),
			town:     pick("BATH", ""),
		}))
	}
	return d
}

// TestLayOutKeepsPairs checks that laying the records out by postcode
// changes nothing a caller sees: the candidate pairs are exactly those
// that share a blocking key, as the datasets number their records, and
// each match's levels are those of its two records.
func TestLayOutKeepsPairs(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 15))
	left, right := randomPeople(t, rng, "l", 300), randomPeople(t, rng, "r", 200)
	k := NewLinker(CustomReport("x", "", "l", "r"), left, right, 0)
	if k.lorig == nil || k.rorig == nil {
		t.Fatal("the records were not laid out: the test would show nothing")
	}
	want := map[[2]int32]bool{}
	for l := range left.Records {
		for r := range right.Records {
			for _, b := range k.Rules {
				lk, rk := foldKey(b.Key(&left.Records[l])), foldKey(b.Key(&right.Records[r]))
				if lk != 0 && lk == rk {
					want[[2]int32{int32(l), int32(r)}] = true
				}
			}
		}
	}
	got := map[[2]int32]bool{}
	st := k.NewStats()
	k.Candidates(0, k.LeftLen(), &st, func(l, r int32, _ int) {
		if got[[2]int32{l, r}] {
			t.Errorf("pair (%d, %d) found twice", l, r)
		}
		got[[2]int32{l, r}] = true
	})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%d candidate pairs, want the %d that share a key", len(got), len(want))
	}
	model := DefaultModel("x", k.Comparisons)
	st = k.NewStats()
	ms := k.Score(0, k.LeftLen(), model, 0.01, &st)
	if len(ms) == 0 {
		t.Fatal("no matches: the test would show nothing")
	}
	for _, m := range ms {
		if !want[[2]int32{m.Left, m.Right}] {
			t.Errorf("match (%d, %d) is not a candidate pair", m.Left, m.Right)
		}
		if lv := k.Levels(m.Left, m.Right); !reflect.DeepEqual(m.Levels, lv) {
			t.Errorf("match (%d, %d): levels %v, its records' are %v", m.Left, m.Right, m.Levels, lv)
		}
	}
}

// TestPrepareLinkerStepsAtOnce checks that running each phase's steps at
// once, as the pipeline does, builds the same linker as running them in
// turn: keys, indexes, term frequencies and household keys, and that
// training's passes over the data agree likewise.
func TestPrepareLinkerStepsAtOnce(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 13))
	dataset := func(name string, n int) *ingest.Dataset { return randomPeople(t, rng, name, n) }
	left, right := dataset("l", 700), dataset("r", 500)
	for _, pair := range [][2]*ingest.Dataset{{left, right}, {left, left}} {
		want := NewLinker(CustomReport("x", "", "l", "r"), pair[0], pair[1], 0)
		got, phases := PrepareLinker(CustomReport("x", "", "l", "r"), pair[0], pair[1], 0)
		for _, steps := range phases {
			var wg sync.WaitGroup
			for _, step := range steps {
				wg.Go(step)
			}
			wg.Wait()
		}
		if !reflect.DeepEqual(got.lblock, want.lblock) {
			t.Error("left blocks differ")
		}
		if !reflect.DeepEqual(got.blocks, want.blocks) {
			t.Error("indexes differ")
		}
		if !reflect.DeepEqual(got.tf, want.tf) || !reflect.DeepEqual(got.lfacts, want.lfacts) || !reflect.DeepEqual(got.rfacts, want.rfacts) {
			t.Error("term frequencies or household keys differ")
		}
		if len(want.tf) == 0 {
			t.Error("no term-frequency comparison: the test should see some")
		}

		// Training's two passes, at once and in turn.
		hhSteps, hhResult := got.SampleHouseholdSteps(nil, 1000, MaxHouseholdGroup)
		uSteps, computed := got.ComputedUSteps()
		var wg sync.WaitGroup
		for _, step := range append(hhSteps, uSteps...) {
			wg.Go(step)
		}
		wg.Wait()
		if hs, want := hhResult(), want.SampleHousehold(nil, 1000, MaxHouseholdGroup); !reflect.DeepEqual(hs, want) {
			t.Errorf("household sample %+v, want %+v", hs, want)
		}
		if want := want.ComputedU(); !reflect.DeepEqual(computed, want) {
			t.Errorf("computed u %v, want %v", computed, want)
		}
	}
}

// TestByPosition checks the in-place permutation against a gather, on
// permutations with long cycles, fixed points and none at all.
func TestByPosition(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 2, 7, 1000} {
		for _, lorig := range [][]int32{nil, identity(n), shuffled(rng, n)} {
			xs := make([]int, n)
			for i := range xs {
				xs[i] = 100 + i
			}
			want := slices.Clone(xs)
			if lorig != nil {
				for p, l := range lorig {
					want[p] = xs[l]
				}
			}
			byPosition(xs, lorig)
			if !slices.Equal(xs, want) {
				t.Fatalf("n %d: byPosition gave %v, want %v", n, xs, want)
			}
		}
	}
}

func identity(n int) []int32 {
	out := make([]int32, n)
	for i := range out {
		out[i] = int32(i)
	}
	return out
}

func shuffled(rng *rand.Rand, n int) []int32 {
	out := identity(n)
	rng.Shuffle(n, func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// TestCarve checks that carved copies hold their values, keep them as more
// are carved and appended to, and share blocks.
func TestCarve(t *testing.T) {
	var slab []uint8
	var got [][]uint8
	for i := range 1000 {
		xs := []uint8{byte(i), byte(i >> 8), 7}
		got = append(got, carve(&slab, xs))
		xs[0] = 99 // the copy must not change with its source
	}
	_ = append(got[10], 1, 2, 3) // appending must not reach the next copy
	for i, c := range got {
		if want := []uint8{byte(i), byte(i >> 8), 7}; !slices.Equal(c, want) {
			t.Fatalf("copy %d holds %v, want %v", i, c, want)
		}
	}
	if cap(slab) < 16*3 || cap(slab) > carveBlock {
		t.Errorf("last block holds %d values, want between %d and %d", cap(slab), 16*3, carveBlock)
	}
}
