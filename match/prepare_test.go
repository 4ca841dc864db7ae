package match

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/ingest/normal"
)

// TestPrepareLinkerStepsAtOnce checks that running each phase's steps at
// once, as the pipeline does, builds the same linker as running them in
// turn: keys, indexes, term frequencies and household keys, and that
// training's passes over the data agree likewise.
func TestPrepareLinkerStepsAtOnce(t *testing.T) {
	nick := normal.NewNicknames()
	rng := rand.New(rand.NewPCG(12, 13))
	pick := func(vs ...string) string { return vs[rng.IntN(len(vs))] }
	kind, _ := ingest.LookupKind("person")
	dataset := func(name string, n int) *ingest.Dataset {
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
				postcode: pick("SW1A 1AA", "M1 1AE", "LS1 4AP"),
				addr:     fmt.Sprintf("%d High Street", 1+i%40),
				town:     pick("BATH", ""),
			}))
		}
		return d
	}
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
		if !reflect.DeepEqual(got.index, want.index) {
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
