package report

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"
)

// TestAppendExplanationMatchesEncodingJSON keeps the hand-written encoder
// equal, byte for byte, to encoding/json.
func TestAppendExplanationMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	strs := []string{"", "febrl_link", "rec-1-org", `quote"d`, "back\\slash", "tab\there", "nl\nx", "é", "<html>&", "\u2028", "\x01"}
	floats := []float64{0, 1, -1, 0.5, 1e-7, 1.5e-9, 123456.789, 1e21, -2.5e-12, math.SmallestNonzeroFloat64, 13.287568102831404}
	for i := 0; i < 5000; i++ {
		ex := Explanation{
			MatchID: strs[rng.IntN(len(strs))], Report: strs[rng.IntN(len(strs))],
			LeftKey: strs[rng.IntN(len(strs))], RightKey: strs[rng.IntN(len(strs))],
			PriorWeight: floats[rng.IntN(len(floats))] * rng.Float64(), Household: rng.IntN(2) == 0,
			TotalWeight: rng.NormFloat64() * 20, Probability: rng.Float64(),
		}
		if rng.IntN(10) > 0 {
			ex.Steps = []ExplainStep{}
			for j := rng.IntN(6); j > 0; j-- {
				ex.Steps = append(ex.Steps, ExplainStep{Comparison: strs[rng.IntN(len(strs))], Level: strs[rng.IntN(len(strs))],
					M: floats[rng.IntN(len(floats))], U: rng.Float64() * math.Pow(10, -float64(rng.IntN(12))), Weight: rng.NormFloat64() * 10,
					TFAdjust: []float64{0, rng.NormFloat64()}[rng.IntN(2)]})
			}
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(&ex); err != nil {
			t.Fatal(err)
		}
		if got := appendExplanation(nil, &ex); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("explanation %d:\n got %s\nwant %s", i, got, want.Bytes())
		}
	}
}
