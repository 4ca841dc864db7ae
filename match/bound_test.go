package match

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/ingest/normal"
)

// TestBoundDropsOnlyPairsBelowThreshold checks the bound that lets Score
// stop comparing a pair part way: every pair it stops must weigh, compared
// in full, less than the threshold asks, and every pair it lets through
// must have the levels a full comparison gives. The people are drawn from
// few names, dates and addresses, so that pairs agree and disagree in
// every combination, at one property and not; some surnames are rare.
func TestBoundDropsOnlyPairsBelowThreshold(t *testing.T) {
	nick := normal.NewNicknames()
	rng := rand.New(rand.NewPCG(7, 11))
	pick := func(vs ...string) string { return vs[rng.IntN(len(vs))] }
	kind, _ := ingest.LookupKind("person")
	d := &ingest.Dataset{Name: "p", Kind: kind, Mapped: make([]bool, len(kind.Fields))}
	for _, f := range []string{"ref", "forenames", "surname", "dob", "ni_number", "postcode", "address_1", "town", "other_id"} {
		d.Mapped[kind.Field(f)] = true
	}
	for i := range 400 {
		p := pv{
			forename: pick("ANN", "ANNA", "ANNE", "JOHN", "JON", "BILL", "WILLIAM", "MARY", ""),
			surname:  pick("SMITH", "SMYTH", "JONES", "SMITH-JONES", "OKAFOR", "KAUR"),
			dob:      pick("1956-03-05", "1956-05-03", "1990-07-01", "1990-07-02", ""),
			ni:       pick("AB123456C", "AB123465C", "", "", ""),
			postcode: pick("SW1A 1AA", "SW1A 1AB", "M1 1AE", ""),
			addr:     pick("14 High Street", "Flat 2, 14 High Street", "9 Long Road", "Rose Cottage", ""),
			town:     pick("BATH", "LEEDS", ""),
			other:    pick("X1", "X2", ""),
		}
		if i%5 == 0 {
			// A rare surname, which the term-frequency adjustment
			// raises.
			p.surname = fmt.Sprintf("ZED%c", 'A'+rng.IntN(20))
		}
		d.Records = append(d.Records, *rec(t, nick, p))
	}
	k := NewLinker(CustomReport("dups", "", "p", "p"), d, d, 0)
	model := DefaultModel("dups", k.Comparisons)
	// Exact agreement's u as a large register would have it, so that the
	// rare surnames here are rarer than it and their adjustment is up.
	for i := range k.tf {
		model.Comparisons[k.tf[i].comp].Levels[1].U = 0.2
	}
	for _, threshold := range []float64{0.5, 0.9, 0.95, 0.99, 0.9999} {
		t.Run(fmt.Sprint(threshold), func(t *testing.T) {
			b := k.newBound(model, threshold)
			if !b.on {
				t.Fatal("the bound is off for a person model")
			}
			full := make([]uint8, len(k.Comparisons))
			part := make([]uint8, len(k.Comparisons))
			st := k.NewStats()
			stopped, passed := 0, 0
			logU := k.logExactU(model)
			k.candidates(0, k.LeftLen(), nil, &st, func(l, r int32, _ int) {
				b.forLeft(k, l, &logU)
				hh := k.sameHousehold(l, r)
				k.compare(l, r, full)
				w := model.Weight(full, hh)
				for i := range k.tf {
					if tf := &k.tf[i]; !hh && full[tf.comp] == 1 {
						w += k.tfAdjust(tf, k.logExactU(model)[i], l, r)
					}
				}
				if k.compareUpTo(l, r, part, b, hh) {
					passed++
					if !slices.Equal(part, full) {
						t.Fatalf("pair (%d, %d): levels %v, want %v", l, r, part, full)
					}
					return
				}
				stopped++
				if Probability(w) >= threshold {
					t.Fatalf("pair (%d, %d) stopped, but weighs %.3f (probability %.5f) at threshold %v", l, r, w, Probability(w), threshold)
				}
			})
			if stopped == 0 || passed == 0 {
				t.Errorf("%d pairs stopped and %d passed: the test should see both", stopped, passed)
			}
		})
	}
}
